import type { InstanceMessage, ProfileOutcome, ResourceUsage } from '../faas/protocol.ts';
import type { ConsoleLike } from './log-capture.ts';
import type { Evaluate } from './module-loader.ts';
import type { FetchScope } from './service-fetch.ts';

/**
 * What the host world gives the runtime. The runtime itself touches no `node:*` module and no DOM, so the same
 * code runs inside a browser Web Worker and a Node worker thread; each host injects its own versions of these.
 */
export interface InstanceCapabilities {
  post(message: InstanceMessage): void;
  /** Epoch milliseconds (deadlines are epoch times). */
  now(): number;
  /** A monotonic clock in milliseconds, for durations. */
  monotonic(): number;
  /** The console user code writes to; the runtime replaces its methods. */
  console: ConsoleLike;
  /** The object user code sees as `process`; its `env` receives the function's variables. */
  process: { env: Record<string, string | undefined> };
  /** Resolves built-in modules and packages for the bundle's `require` (and the /tmp-scoped `fs`). */
  require(specifier: string): unknown;
  /** `require.resolve` for the bundle, where the host can resolve modules. */
  resolve?(specifier: string): string;
  /** Directory the function's files live in; each source file's `__dirname` is below it. */
  functionRoot: string;
  format?(args: unknown[]): string;
  evaluate?: Evaluate;
  usage?: UsageMeter;
  /**
   * The name the bundle is evaluated under (its `sourceURL`), `function.js` by default. Chromium's profiler keeps
   * frames of evaluated code only when this is an absolute URL of the document's own address.
   */
  bundleName?: string;
  /** Starts a sampling CPU profiler for one invocation, where the host has one inside the instance. */
  profiler?: () => RunningProfile;
  limits?: Partial<OutputLimits>;
  /** The scope whose `fetch` user code calls; the runtime routes its requests to the platform's services (service-fetch.ts). */
  fetchScope?: FetchScope;
}

export interface UsageMeter {
  begin(): void;
  end(): ResourceUsage;
}

export interface RunningProfile {
  stop(): Promise<ProfileOutcome>;
}

export interface OutputLimits {
  /** Characters of log output per request before the rest is dropped with a note. */
  maxLogChars: number;
  /** Log lines per request: empty lines cost no characters but still cost a message each. */
  maxLogLines: number;
  /** Bytes of JSON a result may have: Lambda's and SCF's synchronous response limit. */
  maxResultBytes: number;
}

export const DEFAULT_LIMITS: OutputLimits = { maxLogChars: 256 * 1024, maxLogLines: 10_000, maxResultBytes: 6_291_556 };
