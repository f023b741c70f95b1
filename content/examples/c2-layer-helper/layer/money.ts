// Shared by several functions. On SCF and Lambda a layer is unpacked under
// /opt, so every function bound to it can import this file from there.
export function formatYuan(fen: number): string {
  if (!Number.isInteger(fen)) throw new Error(`amount must be whole fen, got ${fen}`);
  return `¥${(fen / 100).toFixed(2)}`;
}
