// 来自层的共享代码。云函数和 Lambda 都把层解压到 /opt 下，
// 所以函数以 '/opt/format' 引入这个文件。
export function banner(text: string): string {
  return `*** ${text} ***`;
}
