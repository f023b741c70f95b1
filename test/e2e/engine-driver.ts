/**
 * What the engine specs run inside the harness page: compile with the page's esbuild-wasm compiler, deploy on the
 * real Platform over the page's BrowserInstanceHost and a RealClock, send the events (sequentially, or from N
 * concurrent callers), and report what a user would see: each request's outcome, the instances started and how
 * they ended, the cold-start phases and the logs.
 */
import type { Page } from 'playwright-core';
import type { BrowserInstanceHost } from '../../playground/hosts/browser/browser-instance-host.ts';
import type { SandboxFrame } from '../../playground/hosts/browser/sandbox-frame.ts';
import type { BrowserCompiler } from '../../playground/compiler/browser.ts';
import type { StartPhases } from '../../playground/faas/instance-host.ts';
import type { InvocationRecord } from '../../playground/faas/invocation-record.ts';
import type { Platform } from '../../playground/faas/platform.ts';
import type { RealClock } from '../../playground/faas/real-clock.ts';
import type { openProjectStore } from '../../playground/ui/persistence/project-store.ts';

export type RunResult = { ok: true; value: unknown } | { ok: false; status: string; error: { errorType: string; errorMessage: string } };

export interface RunReport {
  results: RunResult[];
  startKinds: string[];
  instancesStarted: number;
  /** How instances ended, in order: "timeout", "crash", "init-error", … */
  exits: string[];
  phases: StartPhases[];
  logs: number;
  lastLog: string;
}

export interface RunOptions {
  timeoutS?: number;
  /** Concurrent callers, each sending its share of the events one after another; also the function's max concurrency. */
  concurrency?: number;
  /** Wait between one answer and the next request, so an instance's late crash happens before it is reused. */
  pauseMs?: number;
}

declare global {
  interface Window {
    hsEngine: {
      BrowserInstanceHost: typeof BrowserInstanceHost;
      SandboxFrame: typeof SandboxFrame;
      browserCompiler: () => BrowserCompiler;
      Platform: typeof Platform;
      RealClock: typeof RealClock;
      openProjectStore: typeof openProjectStore;
    };
    hsDriver: { run(files: Record<string, string>, events: unknown[], options: RunOptions): Promise<RunReport> };
  }
}

export async function installEngineDriver(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.hsDriver = {
      async run(files, events, options) {
        const { BrowserInstanceHost, browserCompiler, Platform, RealClock } = window.hsEngine;
        const compiled = await browserCompiler().compile({ entry: 'index.ts', files });
        if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
        const clock = new RealClock();
        const host = await BrowserInstanceHost.create({ clock });
        const platform = new Platform({ clock, host });
        const concurrency = options.concurrency ?? 1;
        platform.deploy({ name: 'engine-spec', dialect: 'scf', exportName: 'main_handler', bundle: compiled.bundle, ...(compiled.layer ? { opt: compiled.layer } : {}), files, env: {}, memoryMb: 128, timeoutS: options.timeoutS ?? 3, maxConcurrency: concurrency, keepAliveS: 600 });
        const report: RunReport = { results: [], startKinds: [], instancesStarted: 0, exits: [], phases: [], logs: 0, lastLog: '' };
        platform.on((event) => {
          if (event.type === 'instance-starting') report.instancesStarted += 1;
          else if (event.type === 'instance-crashed') report.exits.push(event.reason);
          else if (event.type === 'instance-timed-out') report.exits.push('timeout');
          else if (event.type === 'init-error') report.exits.push('init-error');
          else if (event.type === 'instance-ready') report.phases.push(event.phases);
          else if (event.type === 'log') {
            report.logs += 1;
            report.lastLog = event.message;
          }
        });
        const record = (index: number, outcome: InvocationRecord) => {
          report.startKinds[index] = outcome.startKind;
          report.results[index] = outcome.status === 'ok'
            ? { ok: true, value: outcome.result }
            : { ok: false, status: outcome.status, error: outcome.error ?? { errorType: 'unknown', errorMessage: '' } };
        };
        let next = 0;
        const caller = async () => {
          while (next < events.length) {
            const index = next++;
            record(index, await platform.invoke('engine-spec', events[index]));
            if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
          }
        };
        await Promise.all(Array.from({ length: concurrency }, caller));
        platform.shutdown();
        host.dispose();
        return report;
      },
    };
  });
}
