import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { sidebarItems } from '../../../src/lib/sidebar-items.ts';

function docsWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'hs-docs-'));
  mkdirSync(join(root, 'guide'));
  for (const [name, frontmatter] of Object.entries(files)) writeFileSync(join(root, 'guide', name), `---\n${frontmatter}\n---\nText.\n`);
  return root;
}

describe('sidebar items for a docs folder', () => {
  test('lists the pages by sidebar.order, the folder index as the folder itself', () => {
    const root = docsWith({
      'b.mdx': 'title: B\nsidebar:\n  order: 2',
      'a.mdx': 'title: A\nsidebar:\n  order: 3',
      'index.mdx': 'title: Overview\nsidebar:\n  order: 0',
      'c.md': 'title: C\nsidebar:\n  order: 1',
    });
    expect(sidebarItems(root, 'guide')).toEqual(['guide', 'guide/c', 'guide/b', 'guide/a']);
  });

  test('puts unordered pages last, alphabetically, and leaves out hidden and underscored files', () => {
    const root = docsWith({
      'z.mdx': 'title: Z',
      'y.mdx': 'title: Y',
      'first.mdx': 'title: First\nsidebar:\n  order: 1',
      'secret.mdx': 'title: Secret\nsidebar:\n  hidden: true',
      '_partial.mdx': 'title: Partial',
    });
    expect(sidebarItems(root, 'guide')).toEqual(['guide/first', 'guide/y', 'guide/z']);
  });

  test('a folder with no pages yet gives an empty group', () => {
    expect(sidebarItems(docsWith({}), 'missing')).toEqual([]);
  });
});
