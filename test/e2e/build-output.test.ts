import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtSiteDir } from './support/site.ts';

const dist = builtSiteDir();

function htmlPages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'pagefind' || entry.name === '_astro' ? [] : htmlPages(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** Every script a page loads or inlines, as its src or its text. */
function scriptsOf(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map(([, attributes = '', body = '']) => {
    const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
    return src ?? body.trim();
  });
}

function scriptText(script: string): string {
  return script.startsWith('/_astro/') ? readFileSync(join(dist, script), 'utf8') : script;
}

describe('the build', () => {
  test('writes both landing pages and a Pagefind index for both languages', () => {
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
    expect(existsSync(join(dist, 'zh-cn/index.html'))).toBe(true);
    const pagefind = readdirSync(join(dist, 'pagefind'));
    expect(pagefind).toContain('pagefind.js');
    expect(pagefind.some((name) => name.startsWith('pagefind.en_'))).toBe(true);
    expect(pagefind.some((name) => name.startsWith('pagefind.zh-cn_'))).toBe(true);
  });

  test('docs pages without a runnable example or exercise ship no first-party JavaScript', () => {
    // Example and exercise pages wire a button; the workshop index reads this browser's progress.
    const interactive = ['data-example-id=', 'data-exercise-id=', 'data-hs-workshop-progress'];
    const docsPages = htmlPages(dist).filter((path) => {
      const html = readFileSync(path, 'utf8');
      return html.includes('id="starlight__sidebar"') && !interactive.some((marker) => html.includes(marker));
    });
    expect(docsPages.length).toBeGreaterThan(1);
    // Astro names a hoisted component script after its component, so our components' names identify our code.
    const ourComponents = readdirSync('src/components', { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.astro'))
      .map((name) => name.split('/').pop()!.replace('.astro', ''));
    for (const path of docsPages) {
      const page = relative(dist, path);
      for (const script of scriptsOf(readFileSync(path, 'utf8'))) {
        expect(ourComponents.filter((name) => script.includes(`/${name}.astro`)), page).toEqual([]);
        expect(scriptText(script), `${page} loads the playground`).not.toMatch(/monaco|esbuild/i);
      }
    }
  });
});
