import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './zh-text.ts';

/**
 * Brackets the UI code puts around words are ASCII, which is wrong in Chinese ("实例 1 (复用的实例)"): the strings of
 * each language carry their own brackets instead (PlaygroundStrings.aside is "{text} ({note})" in English and
 * "{text}（{note}）" in Chinese). zh-typography.test.ts judges the strings; this spec finds the code that composes
 * text with brackets of its own: a template literal or a string that is nothing but brackets, spaces and values.
 */

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'types' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const wordless = (text: string) => /[()]/.test(text) && !/[\p{L}\p{N}]/u.test(text);

/** Each place in `source` that composes text inside brackets of its own. */
export function bracketComposition(file: string, source: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    let literal: string | undefined;
    if (ts.isTemplateExpression(node)) literal = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('');
    else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literal = node.text;
    if (literal !== undefined && wordless(literal) && !ts.isImportDeclaration(node.parent)) {
      const { line } = ts.getLineAndCharacterOfPosition(node.getSourceFile(), node.getStart());
      found.push(`${file}:${line + 1}: ${node.getText()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true));
  return found;
}

describe('brackets around words in the playground UI', () => {
  it('catches code that wraps a value in brackets of its own', () => {
    expect(bracketComposition('x.ts', 'const a = `${name} (${kind})`;')).toHaveLength(1);
    expect(bracketComposition('x.ts', "const a = name + ' (' + kind + ')';")).toHaveLength(2);
    expect(bracketComposition('x.ts', 'const a = `Saved work could not be read (${problem})`; const b = `translate(${x}px)`;')).toEqual([]);
  });

  it('come from the strings of each language, never from the code', { timeout: 30_000 }, () => {
    const ui = join(repoRoot, 'playground/ui');
    const found = sourceFiles(ui).flatMap((path) => bracketComposition(relative(repoRoot, path), readFileSync(path, 'utf8')));
    expect(found).toEqual([]);
  });
});
