// 每次部署之前，CI 任务都会在本地把计算订单总价的函数运行三次，再把看到的结果交给这个函数，由它决定能不能部署：
//   runs.ok    hello-serverless invoke index.ts --event fixtures/ok.json              正常订单，总价 42
//   runs.bad   hello-serverless invoke index.ts --event fixtures/bad.json             items 不是列表
//   runs.slow  hello-serverless invoke index.ts --event fixtures/slow.json --timeout 1   计价要 5 秒
// 每次运行的结果是 { exitCode, stdout, stderr }。命令行工具的约定：
//   退出码 0  函数执行成功：stdout 是它的返回值（JSON）
//   退出码 1  函数执行失败，抛出异常或超时都算：stdout 是错误的 JSON {"errorType", "errorMessage"}
//   退出码 2  什么都没运行：用法、配置或编译有误，原因写在 stderr 里
// 只有三次运行都和正常构建的结果一致时，才返回 { deploy: true }：
//   ok：退出码 0，结果为 {"total": 42}；bad：退出码 1，errorType 为 `TypeError`；slow：退出码 1，errorType 为 `Sandbox.Timedout`。
// 否则返回 `{ deploy: false, reason }`，reason 要写明是哪次运行（ok、bad 或 slow）以及哪里不对。
// 现在这道关卡只看正常订单的退出码，坏的构建也能蒙混过关。
interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export const main_handler = async (event: { runs: { ok: CliRun; bad: CliRun; slow: CliRun } }) => {
  const { ok } = event.runs;
  if (ok.exitCode !== 0) return { deploy: false, reason: `ok: exit code ${ok.exitCode}` };
  return { deploy: true };
};
