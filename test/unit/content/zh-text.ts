import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { parse } from 'yaml';

/**
 * Every piece of Chinese a reader sees, with code, URLs and markup taken out, so that the term and typography specs
 * judge the words and never the code around them: the zh-cn pages (frontmatter, prose, component text attributes),
 * the exercises' Chinese hints, the comments of the Chinese code twins (*.zh-cn.ts) and the Chinese UI strings.
 */
export interface ChineseText {
  /** Path from the repository root. */
  file: string;
  /** 1-based line of the file the text starts on. */
  line: number;
  text: string;
  /** Markdown (pages and hints): bold and italics are markup there, literal characters elsewhere. */
  markdown: boolean;
  /** A code comment, where code fragments stand beside the words without backticks. */
  comment?: true;
}

export const repoRoot = join(import.meta.dirname, '../../..');

const posix = (path: string) => relative(repoRoot, path).split(sep).join('/');

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path, keep) : keep(name) ? [path] : [];
    })
    .sort();
}

/** Replaces a match by blanks that keep its line breaks, so later lines keep their numbers. */
const blank = (match: string) => match.replace(/[^\n]/g, ' ');

/** Attributes of components and HTML tags whose values are words on the page; the others are ids, paths, code. */
const TEXT_ATTRIBUTES = new Set(['title', 'description', 'label', 'alt', 'caption', 'summary', 'aria-label', 'tagline']);

function lineAt(source: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** The prose of a Markdown/MDX body, one entry per line; fenced code, inline code, URLs and tags are removed. */
function markdownTexts(file: string, source: string, firstLine: number): ChineseText[] {
  const out: ChineseText[] = [];
  let body = source
    .replace(/<!--[\s\S]*?-->|\{\/\*[\s\S]*?\*\/\}/g, blank)
    .replace(/^(import|export)\s[^\n]*$/gm, blank);
  // Fenced code: from an opening fence to the closing fence of the same kind.
  body = body.replace(/^([ \t]*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n[ \t]*\2[ \t]*$/gm, blank);
  // Tags: the text attributes are words (checked where they stand); everything else in a tag is markup.
  body = body.replace(/<\/?[A-Za-z][\w.-]*(?:\s+[\w:-]+(?:=(?:"[^"]*"|'[^']*'|\{[^}]*\}))?)*\s*\/?>/g, (tag, offset: number) => {
    for (const attribute of tag.matchAll(/([\w:-]+)=(?:"([^"]*)"|'([^']*)')/g)) {
      const value = attribute[2] ?? attribute[3] ?? '';
      if (TEXT_ATTRIBUTES.has(attribute[1] ?? '')) {
        out.push({ file, line: firstLine + lineAt(body, offset + (attribute.index ?? 0)) - 1, text: value, markdown: false });
      }
    }
    return blank(tag);
  });
  body = body
    // Inline code stands as one Latin letter: spacing rules still see it, term rules do not.
    .replace(/(`+)[^`\n]+?\1/g, 'x')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<https?:[^>\s]*>|https?:\/\/[^\s)）]+/g, blank)
    .replace(/^#{1,6}[ \t]+/gm, '');
  body.split('\n').forEach((text, index) => {
    if (text.trim() !== '') out.push({ file, line: firstLine + index, text, markdown: true });
  });
  return out;
}

/** Every string value in parsed YAML, with the line it stands on. */
function frontmatterTexts(file: string, yaml: string): ChineseText[] {
  const lines = yaml.split('\n');
  const out: ChineseText[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      const probe = value.slice(0, 12);
      const index = lines.findIndex((line) => line.includes(probe));
      out.push({ file, line: index + 2, text: value, markdown: false });
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) if (!['link', 'href', 'template', 'file', 'icon', 'variant'].includes(key)) walk(inner);
    }
  };
  walk(parse(yaml));
  return out;
}

function pageTexts(path: string): ChineseText[] {
  return markdownFileTexts(posix(path), readFileSync(path, 'utf8'));
}

/** The Chinese of one Markdown/MDX file, frontmatter included; exported so specs can try the extraction itself. */
export function markdownFileTexts(file: string, source: string): ChineseText[] {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (!match) return markdownTexts(file, source, 1);
  const frontmatter = match[1] ?? '';
  return [...frontmatterTexts(file, frontmatter), ...markdownTexts(file, source.slice(match[0].length), lineAt(source, match[0].length))];
}

/** The comment text of a TypeScript file, one entry per line, without the comment markers. */
function commentTexts(path: string): ChineseText[] {
  const file = posix(path);
  const source = readFileSync(path, 'utf8');
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, source);
  const out: ChineseText[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind !== ts.SyntaxKind.SingleLineCommentTrivia && kind !== ts.SyntaxKind.MultiLineCommentTrivia) continue;
    const start = lineAt(source, scanner.getTokenStart());
    scanner
      .getTokenText()
      .split('\n')
      .forEach((raw, index) => {
        const text = raw
          .replace(/^\s*(\/\/+|\/\*+|\*+(?!\/))?/, '')
          .replace(/\*+\/\s*$/, '')
          .replace(/`[^`\n]+`/g, 'x');
        if (text.trim() !== '') out.push({ file, line: start + index, text, markdown: false, comment: true });
      });
  }
  return out;
}

/** The Chinese half of each src/i18n module: every string in an exported record's 'zh-cn' entry. */
async function uiTexts(path: string): Promise<ChineseText[]> {
  const file = posix(path);
  const lines = readFileSync(path, 'utf8').split('\n');
  const module = (await import(path)) as Record<string, unknown>;
  const out: ChineseText[] = [];
  for (const exported of Object.values(module)) {
    if (exported === null || typeof exported !== 'object' || !('zh-cn' in exported)) continue;
    const zh = (exported as Record<string, unknown>)['zh-cn'];
    const walk = (key: string, value: unknown): void => {
      if (typeof value === 'string') {
        // The key's last definition is the Chinese one: each module defines English first.
        const probe = value.slice(0, 10);
        const index = lines.findLastIndex((line, i) => line.trimStart().startsWith(`${key}:`) && `${line}${lines[i + 1] ?? ''}`.includes(probe));
        out.push({ file, line: index + 1, text: value, markdown: false });
      } else if (value !== null && typeof value === 'object') for (const [inner, v] of Object.entries(value)) walk(inner, v);
    };
    walk('', zh);
  }
  return out;
}

const isTwin = (name: string) => name.endsWith('.zh-cn.ts');

export const chineseFiles = {
  pages: () => filesUnder(join(repoRoot, 'content/docs/zh-cn'), (name) => /\.mdx?$/.test(name)),
  hints: () => filesUnder(join(repoRoot, 'content/exercises'), (name) => name === 'hints.zh-cn.md'),
  codeTwins: () => filesUnder(join(repoRoot, 'content'), isTwin),
  ui: () => filesUnder(join(repoRoot, 'src/i18n'), (name) => name.endsWith('.ts')),
};

export async function chineseTexts(): Promise<ChineseText[]> {
  const ui = await Promise.all(chineseFiles.ui().map(uiTexts));
  return [
    ...[...chineseFiles.pages(), ...chineseFiles.hints()].flatMap(pageTexts),
    ...chineseFiles.codeTwins().flatMap(commentTexts),
    ...ui.flat(),
  ];
}
