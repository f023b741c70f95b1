import { h } from '../dom.ts';
import { fill } from '../format.ts';
import { isValidFilePath } from '../../project/project.ts';
import type { PlaygroundStrings } from '../strings.ts';

export interface FileTabsHost {
  files(): string[];
  entry(): string;
  current(): string;
  open(path: string): void;
  add(path: string): void;
  rename(from: string, to: string): void;
  remove(path: string): void;
  notify(message: string): void;
}

/**
 * The file tabs above the editor: one per file (the entry first, layer/ files last), plus buttons to add a file
 * and to rename or delete the open one.
 */
export function renderFileTabs(container: HTMLElement, host: FileTabsHost, t: PlaygroundStrings): void {
  const files = [...host.files()].sort((a, b) => rank(a, host.entry()) - rank(b, host.entry()) || a.localeCompare(b));
  const current = host.current();
  const tabs = files.map((path) =>
    h(
      'button',
      { type: 'button', role: 'tab', class: 'hs-pg__file-tab', 'aria-selected': path === current ? 'true' : 'false', 'data-file': path, title: path },
      path,
      path === host.entry() ? h('span', { class: 'hs-pg__entry-tag' }, t.entryFile) : null,
    ),
  );
  for (const tab of tabs) tab.addEventListener('click', () => host.open(tab.dataset.file ?? ''));

  const add = h('button', { type: 'button', class: 'hs-pg__icon-button', title: t.addFile, 'aria-label': t.addFile, 'data-hs': 'file-add' }, '+');
  const rename = h('button', { type: 'button', class: 'hs-pg__icon-button', title: t.renameFile, 'aria-label': t.renameFile, 'data-hs': 'file-rename' }, '✎');
  const remove = h('button', { type: 'button', class: 'hs-pg__icon-button', title: t.deleteFile, 'aria-label': t.deleteFile, 'data-hs': 'file-delete', disabled: current === host.entry() }, '✕');

  add.addEventListener('click', () => {
    const name = window.prompt(t.newFilePrompt, 'lib/util.ts')?.trim();
    if (!name) return;
    const problem = check(name, host.files(), t);
    if (problem) host.notify(problem);
    else host.add(name);
  });
  rename.addEventListener('click', () => {
    const name = window.prompt(fill(t.renamePrompt, { name: current }), current)?.trim();
    if (!name || name === current) return;
    const problem = check(name, host.files(), t);
    if (problem) host.notify(problem);
    else host.rename(current, name);
  });
  remove.addEventListener('click', () => {
    if (current === host.entry()) host.notify(t.entryCannotBeDeleted);
    else if (window.confirm(fill(t.deleteConfirm, { name: current }))) host.remove(current);
  });

  container.replaceChildren(h('div', { class: 'hs-pg__file-list', role: 'tablist', 'aria-label': t.files }, ...tabs), h('div', { class: 'hs-pg__file-actions' }, add, rename, remove));
}

function check(name: string, existing: string[], t: PlaygroundStrings): string | undefined {
  if (!isValidFilePath(name)) return fill(t.badFileName, { name });
  if (existing.includes(name)) return fill(t.fileExists, { name });
  return undefined;
}

function rank(path: string, entry: string): number {
  if (path === entry) return 0;
  return path.startsWith('layer/') ? 2 : 1;
}
