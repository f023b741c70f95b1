// Before every deploy, a CI job runs the order-total function locally, three times, and hands what it saw to this
// function, which decides whether the deploy may go ahead:
//   runs.ok    hello-serverless invoke index.ts --event fixtures/ok.json              a good order, total 42
//   runs.bad   hello-serverless invoke index.ts --event fixtures/bad.json             items is not a list
//   runs.slow  hello-serverless invoke index.ts --event fixtures/slow.json --timeout 1   pricing takes 5 s
// Each run is { exitCode, stdout, stderr }. The CLI's contract:
//   exit 0  the function succeeded: stdout is its result as JSON
//   exit 1  the function failed, by throwing or by timing out: stdout is the error as JSON {"errorType", "errorMessage"}
//   exit 2  nothing ran: a usage, configuration or compile mistake, explained on stderr
// Return { deploy: true } only when all three runs are what a good build gives:
//   ok: exit 0 and {"total": 42};  bad: exit 1 with errorType "TypeError";  slow: exit 1 with errorType "Sandbox.Timedout".
// Otherwise return { deploy: false, reason: "<the run's name (ok, bad or slow) and what was wrong>" }.
// Today the gate only looks at the good order's exit code, and lets broken builds through.
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
