import { VIRTUAL_NAMESPACE } from '../../compiler/options.ts';
import type { CallFrame, CpuProfile } from '../../hosts/node/cpu-profile.ts';
import { WRAPPER_LINE_OFFSET } from '../../runtime/module-loader.ts';
import { readInlineSourceMap } from '../../runtime/source-map.ts';
import { table } from './monitor-report.ts';

/** The name the instance runtime evaluates the bundle under (its sourceURL), as its frames carry it. */
const BUNDLE_URL = 'function.js';
/** The instance worker's own script (the runtime calling the handler), evaluated by worker_threads. */
const RUNTIME_URL = '[worker eval]';
/** V8 writes "no position" as an unsigned -1. */
const NO_POSITION = 4294967295;

export interface FunctionCost {
  name: string;
  /** `file:line` in the user's sources, or the script V8 named (runtime and Node internals). */
  location: string;
  selfMs: number;
  totalMs: number;
}

/**
 * The profile with every frame of the user's bundle pointed at its TypeScript source (file, 0-based line and
 * column, as the format wants), so DevTools and speedscope show the code the user wrote. Line ticks inside
 * bundle functions are dropped: they count bundle lines.
 */
export function mapProfileToSources(profile: CpuProfile, bundle: string): CpuProfile {
  const map = readInlineSourceMap(bundle);
  const nodes = profile.nodes.map((node) => {
    const frame = normalised(node.callFrame);
    if (frame.url !== BUNDLE_URL || !map || frame.lineNumber < 0) return { ...node, callFrame: frame };
    const original = map.lookup(frame.lineNumber + 1 - WRAPPER_LINE_OFFSET, frame.columnNumber + 1);
    if (!original) return { ...node, callFrame: frame };
    const { positionTicks: _bundleLines, ...rest } = node;
    return { ...rest, callFrame: { ...frame, url: original.source.replace(`${VIRTUAL_NAMESPACE}:`, ''), lineNumber: original.line - 1, columnNumber: original.column - 1 } };
  });
  return { ...profile, nodes };
}

/** Self and total time per function (a recursive function's total counts each sample once). */
export function functionCosts(profile: CpuProfile): FunctionCost[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const costs = new Map<string, FunctionCost>();
  const costOf = (frame: CallFrame): FunctionCost => {
    const name = frame.functionName || '(anonymous)';
    const location = frame.url === '' || frame.url === RUNTIME_URL ? (frame.url && 'runtime') : frame.lineNumber >= 0 ? `${frame.url}:${frame.lineNumber + 1}` : frame.url;
    const key = `${name}\u0000${location}`;
    let cost = costs.get(key);
    if (!cost) {
      cost = { name, location, selfMs: 0, totalMs: 0 };
      costs.set(key, cost);
    }
    return cost;
  };
  profile.samples.forEach((id, i) => {
    const ms = sampleMs(profile, i);
    const seen = new Set<FunctionCost>();
    let node = byId.get(id);
    if (node) costOf(node.callFrame).selfMs += ms;
    while (node) {
      const cost = costOf(node.callFrame);
      if (!seen.has(cost)) {
        seen.add(cost);
        cost.totalMs += ms;
      }
      const up = parent.get(node.id);
      node = up === undefined ? undefined : byId.get(up);
    }
  });
  costs.forEach((cost, key) => {
    if (cost.name === '(root)') costs.delete(key);
  });
  return [...costs.values()].sort((a, b) => b.selfMs - a.selfMs || b.totalMs - a.totalMs);
}

export function formatTopFunctions(profile: CpuProfile, limit = 10): string {
  const costs = functionCosts(profile);
  const spanMs = (profile.endTime - profile.startTime) / 1000;
  const rows = costs.slice(0, limit).map((c) => [c.selfMs.toFixed(1), c.totalMs.toFixed(1), c.name, c.location]);
  const head = `Top functions by self time (${profile.samples.length} samples over ${spanMs.toFixed(1)} ms)`;
  return `${[head, ...table(['self ms', 'total ms', 'function', 'where'], rows, [true, true, false, false])].join('\n')}\n`;
}

/** A sample lasts until the next one; the last one until the profile's end. */
function sampleMs(profile: CpuProfile, i: number): number {
  const next = profile.timeDeltas[i + 1];
  if (next !== undefined) return next / 1000;
  const sampledAt = profile.startTime + profile.timeDeltas.reduce((sum, d) => sum + d, 0);
  return Math.max(0, profile.endTime - sampledAt) / 1000;
}

function normalised(frame: CallFrame): CallFrame {
  return {
    ...frame,
    lineNumber: frame.lineNumber === NO_POSITION ? -1 : frame.lineNumber,
    columnNumber: frame.columnNumber === NO_POSITION ? -1 : frame.columnNumber,
  };
}
