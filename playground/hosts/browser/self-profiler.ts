/// <reference lib="webworker" />
import type { ProfileOutcome, ProfileTrace } from '../../faas/protocol.ts';
import type { RunningProfile } from '../../runtime/capabilities.ts';

/** The JS Self-Profiling API's constructor, which TypeScript's DOM library does not declare. */
type ProfilerConstructor = new (options: { sampleInterval: number; maxBufferSize: number }) => { sampleInterval: number; stop(): Promise<ProfileTrace> };

/** The finest interval there is: the browser rounds it up to what it supports and reports that as `sampleInterval`. */
const SAMPLE_INTERVAL_MS = 1;
/** Ten thousand samples: minutes of handler time at 10 ms, far past any timeout the playground allows. */
const MAX_BUFFER_SIZE = 10_000;

/**
 * Profiles one invocation inside this worker with the JS Self-Profiling API (`new Profiler`), where the browser
 * offers it here. Chromium exposes `Profiler` in dedicated workers only with its ProfilerAPIForDedicatedWorker
 * feature, and then only when the worker's creator (or script) carries `Document-Policy: js-profiling`; otherwise
 * this says which of the two stood in the way, in the browser's own words.
 */
export function startSelfProfiler(): RunningProfile {
  const Profiler = (globalThis as { Profiler?: ProfilerConstructor }).Profiler;
  if (typeof Profiler !== 'function') {
    return settled({ ok: false, cause: 'no-profiler', message: 'Profiler is not defined in this Web Worker' });
  }
  let profiler: InstanceType<ProfilerConstructor>;
  try {
    profiler = new Profiler({ sampleInterval: SAMPLE_INTERVAL_MS, maxBufferSize: MAX_BUFFER_SIZE });
  } catch (error) {
    return settled({ ok: false, cause: 'refused', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
  return {
    stop: () => profiler.stop().then(
      (trace): ProfileOutcome => ({ ok: true, trace, sampleIntervalMs: profiler.sampleInterval }),
      (error: unknown): ProfileOutcome => ({ ok: false, cause: 'failed', message: error instanceof Error ? error.message : String(error) }),
    ),
  };
}

function settled(outcome: ProfileOutcome): RunningProfile {
  return { stop: () => Promise.resolve(outcome) };
}
