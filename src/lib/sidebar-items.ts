/**
 * Sidebar entries for one folder of content/docs, in `sidebar.order` order.
 *
 * Starlight's `autogenerate` finds pages by stripping its fixed `src/content/docs/` prefix from each entry's file
 * path; our docs live in the top-level content/docs/ (DESIGN.md), so autogenerate finds nothing. Listing the slugs
 * ourselves keeps the sidebar in step with the files, and Starlight still labels each link with the title of the
 * page in the reader's language.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

interface Frontmatter {
  sidebar?: { order?: number; hidden?: boolean };
}

function frontmatterOf(path: string): Frontmatter {
  const match = /^---\n([\s\S]*?)\n---/.exec(readFileSync(path, 'utf8'));
  return match ? ((parse(match[1] ?? '') as Frontmatter | null) ?? {}) : {};
}

export function sidebarItems(docsRoot: string, directory: string): string[] {
  const folder = join(docsRoot, directory);
  // A group whose pages are not written yet stays empty rather than failing the build.
  if (!existsSync(folder)) return [];
  const pages = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /^[^_].*\.mdx?$/.test(entry.name))
    .map((entry) => {
      const frontmatter = frontmatterOf(join(folder, entry.name));
      const name = entry.name.replace(/\.mdx?$/, '');
      return {
        slug: name === 'index' ? directory : `${directory}/${name}`,
        order: frontmatter.sidebar?.order ?? Number.MAX_SAFE_INTEGER,
        hidden: frontmatter.sidebar?.hidden === true,
      };
    })
    .filter((page) => !page.hidden);
  return pages.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug)).map((page) => page.slug);
}
