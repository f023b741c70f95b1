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
  const location = bundleLocation(mapper);
  if (location.test(frame)) return { text: frame.replace(location, (_, line: string, column: string) => place(mapper, Number(line), Number(column))), user: true };
  if (/\(<anonymous>\)|\(native\)|\(node:|at node:|at <anonymous>/.test(frame)) return { text: frame, user: false };
  if (!/\(|:\d+:\d+/.test(frame)) return { text: frame, user: false };
  return undefined;
}

function bundleLocation(mapper: StackMapper, flags = ''): RegExp {
  const escaped = mapper.bundleFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escaped}:(\\d+):(\\d+)`, flags);
}

function original(mapper: StackMapper, bundleLine: number, column: number) {
  return mapper.map?.lookup(bundleLine - mapper.lineOffset, column);
}

function place(mapper: StackMapper, bundleLine: number, column: number): string {
  const found = original(mapper, bundleLine, column);
  return found ? `${found.source.replace(mapper.sourcePrefix, '')}:${found.line}:${found.column}` : `${mapper.bundleFile}:${bundleLine - mapper.lineOffset}:${column}`;
}

/**
 * Rewrites every bundle position in a text to its source position: stacks the code logs itself (`console.log(err)`,
 * `err.stack`) read like the ones it throws.
 */
export function mapLocations(text: string, mapper: StackMapper): string {
  if (!text.includes(mapper.bundleFile)) return text;
  return text.replace(bundleLocation(mapper, 'g'), (_, line: string, column: string) => place(mapper, Number(line), Number(column)));
}

/** The source file of the innermost frame of user code in a stack (helper frames esbuild adds have no source). */
export function callerSource(stack: string, mapper: StackMapper | undefined): string | undefined {
  if (!mapper) return undefined;
  const location = bundleLocation(mapper);
  for (const frame of stack.split('\n')) {
    const match = location.exec(frame);
    const found = match ? original(mapper, Number(match[1]), Number(match[2])) : undefined;
    if (found) return found.source.replace(mapper.sourcePrefix, '');
  }
  return undefined;
}
