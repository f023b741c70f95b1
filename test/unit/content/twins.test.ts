import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { examplesRoot } from './load-example.ts';

/**
 * Every page exists in English and Chinese with the same shape: a reader who switches language lands in the same
 * section, sees the same runnable examples and diagrams, follows the same links, and is led by the same "Next" card
 * along one path through the material.
 */
const root = join(import.meta.dirname, '../../..');
const docsRoot = join(root, 'content/docs');
const pagesRoot = join(root, 'src/pages');
const zhDir = 'zh-cn';
const zhPrefix = `/${zhDir}`;

type Lang = 'en' | 'zh-cn';

interface Frontmatter {
  title?: unknown;
  description?: unknown;
  sidebar?: { order?: unknown };
}

interface Page {
  /** Path below content/docs without the language folder, e.g. concepts/cold-starts.mdx. */
  path: string;
  frontmatter: Frontmatter;
  /** The body with fenced code blocks removed: lines in them that look like headings or links are not structure. */
  body: string;
}

function docFiles(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      if (folder === docsRoot && name === zhDir) continue;
      found.push(...docFiles(path));
    } else if (/\.mdx?$/.test(name)) found.push(relative(docsRoot, path).split(sep).join('/'));
  }
  return found.sort();
}

function withoutFences(text: string): string {
  const kept: string[] = [];
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null && marker) fence = marker;
    else if (fence !== null && marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
    else if (fence === null) kept.push(line);
  }
  return kept.join('\n');
}

function read(lang: Lang, path: string): Page {
  const text = readFileSync(join(docsRoot, lang === 'en' ? '' : zhDir, path), 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  const frontmatter = (parse(match?.[1] ?? '') as Frontmatter | null) ?? {};
  return { path, frontmatter, body: withoutFences(match?.[2] ?? text) };
}

const sidebarOrder = (page: Page) => page.frontmatter.sidebar?.order;
const nonEmpty = (value: unknown) => typeof value === 'string' && value.trim() !== '';
const headingLevels = (page: Page) => [...page.body.matchAll(/^(#{1,6})[ \t]/gm)].map((m) => m[1]?.length);
const exampleIds = (page: Page) => [...page.body.matchAll(/<Example\s+id="([^"]+)"/g)].map((m) => m[1] ?? '');
const diagrams = (page: Page) => [...page.body.matchAll(/<(C\d\w+)\s+lang="([^"]+)"/g)].map((m) => ({ name: m[1], lang: m[2] }));
/** Link targets in Markdown links and in href attributes, outside inline code. */
const linkTargets = (page: Page) =>
  [...page.body.replace(/`[^`\n]*`/g, '').matchAll(/\]\(([^)\s]+)[^)]*\)|\bhref="([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? '');
const internalLinks = (page: Page) => linkTargets(page).filter((target) => target.startsWith('/'));
const relativeLinks = (page: Page) => linkTargets(page).filter((target) => !/^(\/|#|[a-z][a-z0-9+.-]*:)/i.test(target));

/** The "Next" heading, what follows it, and the href of the last LinkCard, when the page ends with that section. */
function nextHref(lang: Lang, page: Page): string | undefined {
  const heading = lang === 'en' ? 'Next' : '下一步';
  const section = new RegExp(`\\n## ${heading}\\n(?![\\s\\S]*\\n#{1,6} )([\\s\\S]*)$`).exec(`\n${page.body}`)?.[1];
  const cards = section ? [...section.matchAll(/<LinkCard\s[^>]*\bhref="([^"]+)"[^>]*\/>/g)] : [];
  return cards.at(-1)?.[1];
}

/**
 * The file an absolute site path is served from: a page under content/docs in that language, or a page of its own in
 * src/pages (the playground). Undefined when nothing serves it.
 */
function resolve(lang: Lang, href: string): string | undefined {
  const path = href.replace(/[#?].*$/, '');
  if (lang === 'zh-cn' && !(path === zhPrefix || path.startsWith(`${zhPrefix}/`))) return undefined;
  const inLang = (lang === 'zh-cn' ? path.slice(zhPrefix.length) : path).replace(/^\/+|\/+$/g, '');
  const docs = join(docsRoot, lang === 'en' ? '' : zhDir);
  const candidates = inLang === '' ? ['index.mdx', 'index.md'] : [`${inLang}.mdx`, `${inLang}.md`, `${inLang}/index.mdx`, `${inLang}/index.md`];
  const doc = candidates.find((candidate) => existsSync(join(docs, candidate)));
  if (doc) return doc;
  const own = path.replace(/^\/+|\/+$/g, '');
  return [`${own}.astro`, `${own}/index.astro`].find((candidate) => own !== '' && existsSync(join(pagesRoot, candidate)));
}

const paths = docFiles(docsRoot);
const pages = paths.filter((path) => existsSync(join(docsRoot, zhDir, path))).map((path) => ({ path, en: read('en', path), zh: read('zh-cn', path) }));
/** The splash page is a landing page with cards of its own, not a step in the path. */
const splash = 'index.mdx';

describe('English and Chinese twins', () => {
  it('every English page has a Chinese twin at the same path, and every Chinese page an English one', () => {
    expect(paths.filter((path) => !existsSync(join(docsRoot, zhDir, path)))).toEqual([]);
    const zhOnly = docFiles(join(docsRoot, zhDir)).filter((path) => !existsSync(join(docsRoot, path)));
    expect(zhOnly).toEqual([]);
  });

  describe.each(pages)('$path', ({ path, en, zh }) => {
    it('has a title and a description in both languages, and the same place in the sidebar', () => {
      for (const page of [en, zh]) {
        expect(nonEmpty(page.frontmatter.title), 'title').toBe(true);
        expect(nonEmpty(page.frontmatter.description), 'description').toBe(true);
      }
      // Pages in a folder are listed in the sidebar by their order (src/lib/sidebar-items.ts).
      if (path.includes('/')) expect(Number.isInteger(sidebarOrder(en)), 'sidebar.order').toBe(true);
      expect(sidebarOrder(zh)).toBe(sidebarOrder(en));
    });

    it('has the same headings, examples and diagrams in English and Chinese', () => {
      expect(headingLevels(zh)).toEqual(headingLevels(en));
      expect(exampleIds(zh)).toEqual(exampleIds(en));
      expect(diagrams(zh).map((d) => d.name)).toEqual(diagrams(en).map((d) => d.name));
      expect(diagrams(en).filter((d) => d.lang !== 'en')).toEqual([]);
      expect(diagrams(zh).filter((d) => d.lang !== 'zh-cn')).toEqual([]);
    });

    it('embeds only examples that exist', () => {
      const missing = exampleIds(en).filter((id) => !existsSync(join(examplesRoot, id, 'example.json')));
      expect(missing).toEqual([]);
    });

    it('links between pages absolutely, the Chinese links being the English ones with the /zh-cn prefix', () => {
      expect(relativeLinks(en)).toEqual([]);
      expect(relativeLinks(zh)).toEqual([]);
      expect(internalLinks(en).filter((link) => link === zhPrefix || link.startsWith(`${zhPrefix}/`))).toEqual([]);
      expect(internalLinks(zh).filter((link) => !link.startsWith(`${zhPrefix}/`))).toEqual([]);
      expect(internalLinks(zh).map((link) => link.slice(zhPrefix.length))).toEqual(internalLinks(en));
    });

    it.skipIf(path === splash)('ends with a Next section whose card leads to another existing page in the same language', () => {
      const enNext = nextHref('en', en);
      const zhNext = nextHref('zh-cn', zh);
      expect(enNext, 'English page ends with ## Next and a LinkCard').toBeDefined();
      expect(zhNext, 'Chinese page ends with ## 下一步 and a LinkCard').toBeDefined();
      expect(zhNext).toBe(`${zhPrefix}${enNext ?? ''}`);
      expect(resolve('en', enNext ?? ''), `${enNext} exists`).toBeDefined();
      expect(resolve('zh-cn', zhNext ?? ''), `${zhNext} exists`).toBeDefined();
      expect(resolve('en', enNext ?? '')).not.toBe(path);
      expect(resolve('zh-cn', zhNext ?? '')).not.toBe(path);
    });
  });

  it.each(['en', 'zh-cn'] as const)('following Next from the first concept guide passes every guide and talk and reaches the glossary (%s)', (lang) => {
    const start = 'concepts/what-is-serverless.mdx';
    const goal = 'glossary.mdx';
    const visited: string[] = [];
    let current: string | undefined = start;
    while (current !== undefined && !visited.includes(current)) {
      visited.push(current);
      if (current === goal || !current.endsWith('.mdx')) break;
      const href: string | undefined = nextHref(lang, read(lang, current));
      current = href === undefined ? undefined : resolve(lang, href);
    }
    expect(visited.at(-1)).toBe(goal);
    const expected = paths.filter((path) => path.startsWith('concepts/') || path.startsWith('talks/'));
    expect(expected.filter((path) => !visited.includes(path))).toEqual([]);
  });
});
