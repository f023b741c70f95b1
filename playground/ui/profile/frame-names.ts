import type { ProfileTrace } from '../../faas/protocol.ts';
import { VIRTUAL_NAMESPACE } from '../../compiler/options.ts';
import { WRAPPER_LINE_OFFSET } from '../../runtime/module-loader.ts';
import { readInlineSourceMap } from '../../runtime/source-map.ts';
import type { FrameName } from './profile-tree.ts';

/** The name the instance runtime evaluates the bundle under (its `sourceURL`), so the profiler reports it as the resource. */
const BUNDLE_RESOURCE = 'function.js';

/**
 * Names a trace's frames for people: frames in the bundle are mapped through its inline source map to the user's
 * TypeScript `file:line`; the runtime's and the browser's own frames keep their names and say where they are from.
 */
export function frameNamer(trace: ProfileTrace, bundle: string, labels: { anonymous: string; runtime: string }, lineOffset = WRAPPER_LINE_OFFSET): (frameId: number) => FrameName {
  const map = readInlineSourceMap(bundle);
  return (frameId) => {
    const frame = trace.frames[frameId];
    const name = frame?.name || labels.anonymous;
    const resource = frame?.resourceId === undefined ? undefined : trace.resources[frame.resourceId];
    if (!frame || resource === undefined) return { name, user: false };
    if (!resource.endsWith(BUNDLE_RESOURCE) || frame.line === undefined) return { name, location: `${labels.runtime}`, user: false };
    const original = map?.lookup(frame.line - lineOffset, frame.column ?? 1);
    if (!original) return { name, location: `${BUNDLE_RESOURCE}:${frame.line - lineOffset}`, user: true };
    const source = original.source.startsWith(`${VIRTUAL_NAMESPACE}:`) ? original.source.slice(VIRTUAL_NAMESPACE.length + 1) : original.source;
    return { name, location: `${source.replace(/^\/+/, '')}:${original.line}`, user: true };
  };
}
