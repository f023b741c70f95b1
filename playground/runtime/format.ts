/**
 * A small stand-in for Node's util.format, for hosts without it (the browser). Node hosts inject the real one so
 * console output inside an instance looks exactly as it would in Lambda or SCF.
 */
export function formatLogArgs(args: unknown[]): string {
  const [first, ...rest] = args;
  if (typeof first !== 'string') return args.map(show).join(' ');
  let index = 0;
  const head = first.replace(/%([sdifjoOc%])/g, (all, flag: string) => {
    if (flag === '%') return '%';
    if (index >= rest.length) return all;
    const value = rest[index++];
    switch (flag) {
      case 's': return typeof value === 'string' ? value : show(value);
      case 'd': case 'i': return String(flag === 'i' ? Math.trunc(Number(value)) : Number(value));
      case 'f': return String(Number(value));
      case 'j': return json(value);
      case 'c': return '';
      default: return show(value);
    }
  });
  return [head, ...rest.slice(index).map(show)].join(' ');
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  if (typeof value === 'function') return `[Function: ${value.name || '(anonymous)'}]`;
  if (typeof value === 'object' && value !== null) return json(value);
  return String(value);
}

function json(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return '[Circular]';
  }
}
