import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The concept guides 9-16 exist in English and Chinese with the same shape: a reader switching language lands in
 * the same section, sees the same runnable examples and diagrams, and follows the same path to the next page.
 */
const root = join(import.meta.dirname, '../../..');
const guides = [
  { slug: 'timeouts-errors-retries', order: 9, next: '/concepts/idempotency/' },
  { slug: 'idempotency', order: 10, next: '/concepts/timers-and-cron/' },
  { slug: 'timers-and-cron', order: 11, next: '/concepts/observability/' },
  { slug: 'observability', order: 12, next: '/concepts/node-runtime-monitoring/' },
  { slug: 'node-runtime-monitoring', order: 13, next: '/concepts/local-development/' },
  { slug: 'local-development', order: 14, next: '/concepts/layers/' },
  { slug: 'layers', order: 15, next: '/concepts/patterns-and-billing/' },
  { slug: 'patterns-and-billing', order: 16, next: '/talks/' },
];

interface Page {
  frontmatter: string;
  body: string;
}

function read(lang: 'en' | 'zh-cn', slug: string): Page {
  const dir = lang === 'en' ? 'content/docs/concepts' : 'content/docs/zh-cn/concepts';
  const text = readFileSync(join(root, dir, `${slug}.mdx`), 'utf8');
  const [, frontmatter = '', body = ''] = text.split(/^---$/m);
  // Code blocks may contain lines that look like headings (shell comments) or links; they are not structure.
  return { frontmatter, body: body.replace(/```[\s\S]*?```/g, '') };
}

const headingLevels = (page: Page) => [...page.body.matchAll(/^(#{2,6}) /gm)].map((m) => m[1]?.length);
const exampleIds = (page: Page) => [...page.body.matchAll(/<Example id="([^"]+)"/g)].map((m) => m[1]);
const diagrams = (page: Page) => [...page.body.matchAll(/<(C\d\w+) lang="([^"]+)"/g)].map((m) => ({ name: m[1], lang: m[2] }));
const internalLinks = (page: Page) =>
  [...page.body.matchAll(/\]\((\/[^)\s]*)\)|href="(\/[^"]*)"/g)].map((m) => m[1] ?? m[2] ?? '');

describe.each(guides)('concept guide $slug', ({ slug, order, next }) => {
  const en = read('en', slug);
  const zh = read('zh-cn', slug);

  it('has a title, a description and its place in the sidebar, in both languages', () => {
    for (const page of [en, zh]) {
      expect(page.frontmatter).toMatch(/^title: \S/m);
      expect(page.frontmatter).toMatch(/^description: \S/m);
      expect(page.frontmatter).toMatch(new RegExp(`^sidebar:\\n {2}order: ${order}$`, 'm'));
    }
  });

  it('has the same sections, examples and diagrams in English and Chinese', () => {
    expect(headingLevels(zh)).toEqual(headingLevels(en));
    expect(exampleIds(zh)).toEqual(exampleIds(en));
    expect(diagrams(en).every((d) => d.lang === 'en')).toBe(true);
    expect(diagrams(zh).every((d) => d.lang === 'zh-cn')).toBe(true);
    expect(diagrams(zh).map((d) => d.name)).toEqual(diagrams(en).map((d) => d.name));
  });

  it('embeds only examples that exist', () => {
    for (const id of exampleIds(en)) expect(existsSync(join(root, 'content/examples', id ?? '', 'example.json'))).toBe(true);
  });

  it('ends with a Next section that links to the next page in the same language', () => {
    expect(en.body).toMatch(new RegExp(`\\n## Next\\n[\\s\\S]*<LinkCard [^>]*href="${next}"[^>]*/>\\s*$`));
    expect(zh.body).toMatch(new RegExp(`\\n## 下一步\\n[\\s\\S]*<LinkCard [^>]*href="/zh-cn${next}"[^>]*/>\\s*$`));
  });

  it('links between pages absolutely, with the locale prefix in Chinese', () => {
    expect(internalLinks(en).every((link) => !link.startsWith('/zh-cn/'))).toBe(true);
    expect(internalLinks(zh).every((link) => link.startsWith('/zh-cn/'))).toBe(true);
    expect(internalLinks(zh).map((link) => link.slice('/zh-cn'.length))).toEqual(internalLinks(en));
  });
});
