/** Environment variables as the user types them: one KEY=value per line; blank lines and # comments ignored. */
export type EnvParse = { ok: true; env: Record<string, string> } | { ok: false; line: number; text: string };

const namePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseEnv(text: string): EnvParse {
  const env: Record<string, string> = {};
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    const name = at < 0 ? line : line.slice(0, at).trim();
    if (at < 0 || !namePattern.test(name)) return { ok: false, line: index + 1, text: raw };
    env[name] = line.slice(at + 1).trim();
  }
  return { ok: true, env };
}

export function formatEnv(env: Record<string, string>): string {
  return Object.entries(env)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');
}
