/**
 * Paths of virtual files: relative to the function root, "/"-separated, without "." parts, and with ".." only at
 * the start, for a layer's files outside the function's folder ("../layers/common/nodejs/util.js").
 */
export function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

export function dirname(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}

export function join(dir: string, path: string): string {
  return normalise(dir === '' ? path : `${dir}/${path}`);
}
