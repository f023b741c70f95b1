import { builtinModules } from 'node:module';
import { posix } from 'node:path';

/** Folders under playground/ that the pure layers (faas, model) must not import. */
const OUTER_LAYERS = ['ui', 'cli', 'hosts', 'runtime', 'compiler'];
const BUILTINS = new Set(builtinModules);
const HOST_GLOBALS: [RegExp, string][] = [
  [/\bwindow\b/, 'uses window'],
  [/\bdocument\b/, 'uses document'],
  [/\blocalStorage\b/, 'uses localStorage'],
  [/\bprocess\s*\./, 'uses process.'],
  [/\brequire\s*\(/, 'calls require'],
];

/**
 * What is wrong with one source file of a pure layer. `file` is its path relative to the repository root
 * (posix separators), used to resolve relative imports.
 */
export function layerProblems(file: string, source: string): string[] {
  const problems: string[] = [];
  const code = blank(source, { strings: false });
  for (const spec of importSpecifiers(code)) {
    const why = forbiddenImport(file, spec);
    if (why) problems.push(`${file} imports ${spec} (${why})`);
  }
  const bare = blank(source, { strings: true });
  for (const [pattern, what] of HOST_GLOBALS) if (pattern.test(bare)) problems.push(`${file} ${what}`);
  return problems;
}

function importSpecifiers(code: string): string[] {
  const specs: string[] = [];
  const patterns = [/\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) specs.push(match[1]!);
  return specs;
}

function forbiddenImport(file: string, spec: string): string | null {
  if (spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0]!)) return 'a Node builtin';
  if (spec === 'astro' || spec.startsWith('astro:') || spec.startsWith('astro/')) return 'Astro';
  if (!spec.startsWith('.')) return null;
  const target = posix.normalize(posix.join(posix.dirname(file), spec));
  const layer = OUTER_LAYERS.find((l) => target === `playground/${l}` || target.startsWith(`playground/${l}/`));
  return layer ? `the ${layer} layer` : null;
}

/** Replaces comments (and, if asked, string contents) with spaces, so words in them are not mistaken for code. */
export function blank(source: string, options: { strings: boolean }): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      // Quotes cannot span lines; stopping at the line's end limits the damage a quote inside a regex literal does.
      while (j < source.length && source[j] !== c && (c === '`' || source[j] !== '\n')) j += source[j] === '\\' ? 2 : 1;
      const body = source.slice(i + 1, j);
      const closed = j < source.length && source[j] === c;
      out += c + (options.strings ? body.replace(/[^\n]/g, ' ') : body) + (closed ? c : '');
      i = closed ? j + 1 : j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
