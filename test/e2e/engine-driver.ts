/**
 * A small dispatcher that the engine specs install in the harness page: it compiles with the page's compiler,
 * starts instances on the page's BrowserInstanceHost, reuses idle ones, bounds concurrency and times requests
 * out by terminating their instance, which is what a scheduler asks of a host. It reports what a user would
 * see: each request's result, the instances started, how they ended and the logs.
 */
import type { Page } from 'playwright-core';
import type { BrowserInstanceHost } from '../../playground/hosts/browser/browser-instance-host.ts';
import type { BrowserCompiler } from '../../playground/compiler/browser.ts';
import type { StartPhases } from '../../playground/faas/instance-host.ts';

export type RunResult = { ok: true; value: unknown } | { ok: false; error: { errorType: string; errorMessage: string } };

export interface RunReport {
  results: RunResult[];
  instancesStarted: number;
  exits: string[];
  phases: StartPhases[];
  logs: number;
  lastLog: string;
}

export interface RunOptions {
  timeoutMs?: number;
  concurrency?: number;
  /** Wait between one answer and the next request, so an instance's late crash happens before it is reused. */
  pauseMs?: number;
}

declare global {
  interface Window {
    hsEngine: { BrowserInstanceHost: typeof BrowserInstanceHost; browserCompiler: () => BrowserCompiler };
    hsDriver: { run(files: Record<string, string>, events: unknown[], options: RunOptions): Promise<RunReport> };
  }
}

export async function installEngineDriver(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.hsDriver = {
      async run(files, events, options) {
        const { BrowserInstanceHost, browserCompiler } = window.hsEngine;
        const compiled = await browserCompiler().compile({ entry: 'index.ts', files });
        if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
        const host = await BrowserInstanceHost.create();
        const timeoutMs = options.timeoutMs ?? 3000;
        const concurrency = options.concurrency ?? 1;
        const report: RunReport = { results: [], instancesStarted: 0, exits: [], phases: [], logs: 0, lastLog: '' };
        let next = 0;
        let done = 0;
        let live = 0;
        type Slot = { invoke(index: number): void; busy: boolean; ready: boolean };
        const idle: Slot[] = [];
        return new Promise<RunReport>((resolve) => {
          const settle = (index: number, result: RunResult) => {
            if (report.results[index] !== undefined) return;
            report.results[index] = result;
            done += 1;
            if (done === events.length) {
              setTimeout(() => {
                host.dispose();
                resolve(report);
              }, 50);
            }
          };
          const dispatch = () => {
            while (next < events.length) {
              const slot = idle.pop();
              if (slot) slot.invoke(next++);
              else if (live < concurrency) startInstance(next++);
              else return;
            }
          };
          const startInstance = (first: number) => {
            live += 1;
            report.instancesStarted += 1;
            let current = first;
            let timer: ReturnType<typeof setTimeout> | undefined;
            let ended = false;
            const slot: Slot = {
              busy: true,
              ready: false,
              invoke(index) {
                current = index;
                slot.busy = true;
                timer = setTimeout(() => {
                  settle(index, { ok: false, error: { errorType: 'Runtime.Timeout', errorMessage: `timed out after ${timeoutMs} ms` } });
                  handle.terminate('timeout');
                }, timeoutMs);
                handle.invoke({ requestId: `r${index}`, event: events[index], deadline: Date.now() + timeoutMs });
              },
            };
            const handle = host.start(
              { instanceId: `i${report.instancesStarted}`, functionName: 'engine-spec', dialect: 'scf', exportName: 'main_handler', bundle: compiled.bundle, files, env: {}, memoryMb: 128, timeoutMs },
              {
                onReady(phases) {
                  report.phases.push(phases);
                  slot.ready = true;
                  slot.invoke(current);
                },
                onInitError(error) {
                  settle(current, { ok: false, error });
                },
                onLog(_requestId, _level, message) {
                  report.logs += 1;
                  report.lastLog = message;
                },
                onResult(outcome) {
                  clearTimeout(timer);
                  settle(current, outcome.result.ok ? { ok: true, value: outcome.result.value } : { ok: false, error: outcome.result.error });
                  slot.busy = false;
                  setTimeout(() => {
                    if (ended) return dispatch();
                    idle.push(slot);
                    dispatch();
                  }, options.pauseMs ?? 0);
                },
                onExit(reason, error) {
                  ended = true;
                  clearTimeout(timer);
                  report.exits.push(reason);
                  live -= 1;
                  const at = idle.indexOf(slot);
                  if (at >= 0) idle.splice(at, 1);
                  if (slot.busy) settle(current, { ok: false, error: error ?? { errorType: 'Runtime.Exit', errorMessage: reason } });
                  dispatch();
                },
              },
            );
          };
          dispatch();
        });
      },
    };
  });
}
