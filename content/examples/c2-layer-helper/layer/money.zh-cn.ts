// 供多个函数共用。云函数和 Lambda 都把层解压到 /opt 下，
// 所以绑定了这个层的函数都能从那里引入这个文件。
export function formatYuan(fen: number): string {
  if (!Number.isInteger(fen)) throw new Error(`amount must be whole fen, got ${fen}`);
  return `¥${(fen / 100).toFixed(2)}`;
}
