import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossarySections, terms, type Term } from '../../../content/terms.ts';
import { chineseFiles, chineseTexts, markdownFileTexts, repoRoot, type ChineseText } from './zh-text.ts';

/**
 * One concept, one Chinese term: a reader who meets 执行方法 on one page and 入口函数 on the next wonders whether they
 * are two things. Every Chinese page, hint, code comment and UI string uses the term list's preferred term; a rejected
 * variant fails with the file, the line and the term to write instead.
 */

/** The rejected variants of a term in a piece of text, after its accepted forms (code names, cited titles) are set aside. */
function rejectedIn(term: Term, text: string): string[] {
  const kept = (term.accepted ?? []).reduce((rest, form) => rest.replaceAll(form, ' '), text);
  return (term.reject ?? []).flatMap((variant) => {
    if (typeof variant === 'string') return kept.includes(variant) ? [variant] : [];
    return [...kept.matchAll(new RegExp(variant.source, `${variant.flags.replace('g', '')}g`))].map((match) => match[0]);
  });
}

const report = (texts: readonly ChineseText[], term: Term) =>
  texts.flatMap(({ file, line, text }) => rejectedIn(term, text).map((variant) => `${file}:${line}: "${variant}", write ${term.zh}`));

const texts = await chineseTexts();

describe('the term list', () => {
  it('has one entry per concept, each with a source', () => {
    const ids = terms.map((term) => term.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(terms.filter((term) => term.source.trim() === '').map((term) => term.id)).toEqual([]);
  });

  it('never rejects a term it prefers', () => {
    const clashes = terms.flatMap((preferred) =>
      terms.flatMap((other) => rejectedIn(other, preferred.zh).map((variant) => `${preferred.id} (${preferred.zh}) contains "${variant}", rejected by ${other.id}`)),
    );
    expect(clashes).toEqual([]);
  });

  it('fills every glossary section, and every entry links to a guide that exists in both languages', () => {
    expect(glossarySections.filter((section) => !terms.some((term) => term.glossary?.section === section))).toEqual([]);
    const missing = terms.flatMap((term) => {
      const guide = term.glossary?.guide;
      if (guide === undefined) return [];
      return ['content/docs', 'content/docs/zh-cn'].map((root) => join(repoRoot, root, `${guide}.mdx`)).filter((path) => !existsSync(path));
    });
    expect(missing).toEqual([]);
  });
});

describe('the scan', () => {
  it('reads every kind of Chinese source', () => {
    const files = new Set(texts.map((text) => text.file));
    for (const [kind, list] of Object.entries(chineseFiles)) {
      expect(list().length, `${kind} files`).toBeGreaterThan(0);
      expect(list().some((path) => files.has(path.slice(repoRoot.length + 1))), `${kind} texts`).toBe(true);
    }
  });

  it('flags a rejected variant in prose but not in code, URLs, link targets or accepted code names', () => {
    const handler = terms.find((term) => term.id === 'handler');
    if (!handler) throw new Error('the term list has no handler entry');
    const page = [
      '---',
      'title: 入口函数',
      '---',
      '调用 `handler` 或 `index.main_handler`，见[文档](https://example.com/handler/)和 https://example.com/handler 。',
      '```ts',
      'export const handler = async () => {};',
      '```',
      '错误类型是 Runtime.HandlerNotFound。',
      '这里的 handler 就是执行方法。',
    ].join('\n');
    expect(report(markdownFileTexts('page.mdx', page), handler)).toEqual([
      'page.mdx:2: "入口函数", write 执行方法',
      'page.mdx:9: "handler", write 执行方法',
    ]);
  });
});

describe('Chinese files use the preferred terms', () => {
  it.each(terms.filter((term) => (term.reject ?? []).length > 0))('$zh ($en)', (term) => {
    expect(report(texts, term)).toEqual([]);
  });
});
