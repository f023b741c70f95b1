import type { ErrorInfo } from '../faas/protocol.ts';
import type { SourceMap } from './source-map.ts';

/** What an instance knows about where the user's code lives, to rewrite stack frames. */
export interface StackMapper {
  /** The name the bundle was evaluated under (its sourceURL). */
  bundleFile: string;
  /** Lines the module wrapper adds before the bundle's first line. */
  lineOffset: number;
  map: SourceMap | undefined;
  /** Prefix esbuild puts on virtual source paths, removed for display. */
  sourcePrefix: string;
}

/** Turns anything thrown into Lambda-style error fields, with stack frames pointing at the TypeScript sources. */
export function toErrorInfo(thrown: unknown, mapper?: StackMapper): ErrorInfo {
  if (thrown instanceof Error || (typeof thrown === 'object' && thrown !== null && 'message' in thrown)) {
    const error = thrown as Error;
    const info: ErrorInfo = { errorType: errorType(error), errorMessage: String(error.message) };
    const stack = typeof error.stack === 'string' ? mapStack(error.stack, mapper) : [];
    if (stack.length > 0) info.stack = stack;
    return info;
  }
  return { errorType: typeof thrown === 'string' ? 'string' : typeof thrown, errorMessage: safeString(thrown) };
}

function errorType(error: Error): string {
  if (typeof error.name === 'string' && error.name !== 'Error') return error.name;
  const ctor = (error as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof ctor === 'string' && ctor !== '' ? ctor : 'Error';
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** V8 frames ("    at fn (file:1:2)") and SpiderMonkey/JavaScriptCore frames ("fn@file:1:2"). */
const FRAME = /^\s+at |^[^\s@]*@\S+:\d+:\d+$/;

/**
 * Keeps the frames of user code (mapped to its sources) and of the engine (`<anonymous>`, `node:` internals);
 * drops the runtime's and host's own frames, which say nothing about the user's function.
 */
export function mapStack(stack: string, mapper?: StackMapper): string[] {
  const frames = stack.split('\n').filter((line) => FRAME.test(line));
  if (!mapper) return frames.map((line) => line.trim());
  const out: string[] = [];
  let lastUserFrame = -1;
  for (const frame of frames) {
    const mapped = mapFrame(frame, mapper);
    if (mapped === undefined) continue;
    if (mapped.user) lastUserFrame = out.length;
    out.push(mapped.text.trim());
  }
  // Frames below the user's outermost one are the runtime calling the handler.
  return lastUserFrame >= 0 ? out.slice(0, lastUserFrame + 1) : out;
}

function mapFrame(frame: string, mapper: StackMapper): { text: string; user: boolean } | undefined {
  const escaped = mapper.bundleFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const location = new RegExp(`${escaped}:(\\d+):(\\d+)`);
  const match = location.exec(frame);
  if (match) {
    const line = Number(match[1]) - mapper.lineOffset;
    const column = Number(match[2]);
    const original = mapper.map?.lookup(line, column);
    const place = original
      ? `${original.source.replace(mapper.sourcePrefix, '')}:${original.line}:${original.column}`
      : `${mapper.bundleFile}:${line}:${column}`;
    return { text: frame.replace(location, place), user: true };
  }
  if (/\(<anonymous>\)|\(native\)|\(node:|at node:|at <anonymous>/.test(frame)) return { text: frame, user: false };
  if (!/\(|:\d+:\d+/.test(frame)) return { text: frame, user: false };
  return undefined;
}
