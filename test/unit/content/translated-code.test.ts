import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const content = fileURLToPath(new URL('../../../content/', import.meta.url));

const COMMENTS = new Set([ts.SyntaxKind.SingleLineCommentTrivia, ts.SyntaxKind.MultiLineCommentTrivia]);
const TRIVIA = new Set([...COMMENTS, ts.SyntaxKind.WhitespaceTrivia, ts.SyntaxKind.NewLineTrivia, ts.SyntaxKind.ShebangTrivia, ts.SyntaxKind.ConflictMarkerTrivia]);

/** Every token, trivia included; the `}` that closes a template's `${` resumes the template, as the parser does. */
function scan(source: string): { kind: ts.SyntaxKind; text: string }[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, source);
  const out: { kind: ts.SyntaxKind; text: string }[] = [];
  const braces: ('template' | 'block')[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.OpenBraceToken) braces.push('block');
    else if (kind === ts.SyntaxKind.CloseBraceToken && braces.pop() === 'template') kind = scanner.reScanTemplateToken(false);
    if (kind === ts.SyntaxKind.TemplateHead || kind === ts.SyntaxKind.TemplateMiddle) braces.push('template');
    out.push({ kind, text: scanner.getTokenText() });
  }
  return out;
}

/** The code's tokens with comments and white space left out: what the compiler sees. */
const tokens = (source: string) => scan(source).filter((token) => !TRIVIA.has(token.kind)).map((token) => token.text);
const comments = (source: string) => scan(source).filter((token) => COMMENTS.has(token.kind)).map((token) => token.text);

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourcesUnder(path);
    return name.endsWith('.ts') && !name.includes('.zh-cn.') ? [relative(content, path)] : [];
  });
}

/** What a reader sees on both a Chinese and an English page: runnable examples, exercise starters and solutions. */
const shown = [
  ...sourcesUnder(join(content, 'examples')),
  ...readdirSync(join(content, 'exercises')).flatMap((id) => [`exercises/${id}/starter.ts`, `exercises/${id}/solution.ts`]),
].filter((path) => existsSync(join(content, path)) && comments(readFileSync(join(content, path), 'utf8')).length > 0);

describe('code shown on Chinese pages has Chinese comments and is the same code', () => {
  test.each(shown)('%s has a .zh-cn twin with the same tokens', (path) => {
    const en = readFileSync(join(content, path), 'utf8');
    const twin = path.replace(/\.ts$/, '.zh-cn.ts');
    expect(existsSync(join(content, twin)), `${twin} exists`).toBe(true);
    const zh = readFileSync(join(content, twin), 'utf8');
    expect(tokens(zh)).toEqual(tokens(en));
    expect(comments(zh).some((comment) => /\p{Script=Han}/u.test(comment)), `${twin} has Chinese comments`).toBe(true);
  });
});
