// Shared code from a layer. On SCF and Lambda layers are unpacked under /opt,
// so the function imports this file as '/opt/format'.
export function banner(text: string): string {
  return `*** ${text} ***`;
}
