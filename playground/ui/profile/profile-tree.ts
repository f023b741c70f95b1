import type { ProfileTrace } from '../../faas/protocol.ts';

/** A function as the flame chart names it: its name and, where the source map knows it, `file:line`. */
export interface FrameName {
  name: string;
  location?: string;
  /** Code the user wrote (mapped through the bundle's source map), as opposed to the runtime's or the browser's. */
  user: boolean;
}

/** One call path in the merged call tree; `self` and `total` count samples. */
export interface FlameNode {
  frame: FrameName;
  self: number;
  total: number;
  children: FlameNode[];
}

export interface FlameTree {
  root: FlameNode;
  /** Samples taken while this thread ran no JavaScript (waiting for a timer or a message). */
  idleSamples: number;
  sampleIntervalMs: number;
}

/**
 * Merges the trace's sampled stacks into one call tree (root at the top, callees below), the way a flame chart
 * reads: a function's width is the share of samples in which it was on the stack.
 */
export function buildFlameTree(trace: ProfileTrace, sampleIntervalMs: number, name: (frameId: number) => FrameName): FlameTree {
  const root: FlameNode = { frame: { name: '(all)', user: false }, self: 0, total: 0, children: [] };
  const names = new Map<number, FrameName>();
  const frameName = (id: number) => {
    let found = names.get(id);
    if (!found) names.set(id, (found = name(id)));
    return found;
  };
  let idleSamples = 0;
  for (const sample of trace.samples) {
    if (sample.stackId === undefined) {
      idleSamples += 1;
      continue;
    }
    const path = stackPath(trace, sample.stackId);
    root.total += 1;
    let node = root;
    for (const frameId of path) {
      const frame = frameName(frameId);
      let child = node.children.find((c) => c.frame.name === frame.name && c.frame.location === frame.location);
      if (!child) {
        child = { frame, self: 0, total: 0, children: [] };
        node.children.push(child);
      }
      child.total += 1;
      node = child;
    }
    node.self += 1;
  }
  sortTree(root);
  return { root, idleSamples, sampleIntervalMs };
}

/** Functions by the samples spent in their own code (self), most first: the hot functions. */
export function hotFunctions(tree: FlameTree): Array<{ frame: FrameName; self: number; total: number }> {
  const byKey = new Map<string, { frame: FrameName; self: number; total: number }>();
  const visit = (node: FlameNode, onStack: Set<string>) => {
    const key = `${node.frame.name}@${node.frame.location ?? ''}`;
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { frame: node.frame, self: 0, total: 0 }));
    entry.self += node.self;
    // A recursive function counts once per sample in its total.
    if (!onStack.has(key)) entry.total += node.total;
    const below = new Set(onStack).add(key);
    for (const child of node.children) visit(child, below);
  };
  for (const child of tree.root.children) visit(child, new Set());
  return [...byKey.values()].sort((a, b) => b.self - a.self || b.total - a.total);
}

/** Frame ids of a stack from its outermost caller down to the sampled function. */
function stackPath(trace: ProfileTrace, stackId: number): number[] {
  const path: number[] = [];
  for (let id: number | undefined = stackId; id !== undefined; ) {
    const stack: ProfileTrace['stacks'][number] | undefined = trace.stacks[id];
    if (!stack) break;
    path.push(stack.frameId);
    id = stack.parentId;
  }
  return path.reverse();
}

function sortTree(node: FlameNode): void {
  node.children.sort((a, b) => b.total - a.total);
  for (const child of node.children) sortTree(child);
}
