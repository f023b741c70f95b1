import { h } from '../dom.ts';
import type { FlameNode, FlameTree } from './profile-tree.ts';

/** Narrower than this share of the samples, a call is too thin to see or point at, and is left out. */
const MIN_SHARE = 0.004;

/**
 * The call tree as rows of bars, callers above callees; each bar's width is its share of the samples. Bars are
 * buttons, so hover and keyboard focus both show a function's details in `details`.
 */
export function flameChart(tree: FlameTree, label: string, describe: (node: FlameNode) => string, details: HTMLElement): HTMLElement {
  const rows: HTMLElement[] = [];
  const total = Math.max(1, tree.root.total);
  const place = (node: FlameNode, depth: number, start: number) => {
    const share = node.total / total;
    if (share < MIN_SHARE) return;
    let row = rows[depth];
    if (!row) rows.push((row = h('div', { class: 'hs-flame__row', role: 'presentation' })));
    const text = `${node.frame.name}${node.frame.location ? ` ${node.frame.location}` : ''}`;
    const bar = h('button', {
      type: 'button',
      class: `hs-flame__bar${node.frame.user ? ' hs-flame__bar--user' : ''}`,
      style: `left:${(start * 100).toFixed(3)}%;width:${(share * 100).toFixed(3)}%`,
      'aria-label': describe(node),
      'data-function': node.frame.name,
    }, text);
    const show = () => {
      details.textContent = describe(node);
    };
    bar.addEventListener('mouseenter', show);
    bar.addEventListener('focus', show);
    row.append(bar);
    let offset = start;
    for (const child of node.children) {
      place(child, depth + 1, offset);
      offset += child.total / total;
    }
  };
  let offset = 0;
  for (const child of tree.root.children) {
    place(child, 0, offset);
    offset += child.total / total;
  }
  return h('div', { class: 'hs-flame', role: 'group', 'aria-label': label, 'data-hs': 'flame-chart' }, ...rows);
}
