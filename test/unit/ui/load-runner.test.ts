import { describe, expect, test } from 'vitest';
import { runLoad } from '../../../playground/ui/load/load-runner.ts';
import { exampleProject } from '../../../playground/ui/embed/example-project.ts';
import type { PlaygroundStrings } from '../../../playground/ui/strings.ts';

function deferredInvoker() {
  let inFlight = 0;
  let peak = 0;
  const invoke = async (index: number) => {
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1));
    inFlight -= 1;
    return index;
  };
  return { invoke, peak: () => peak };
}

describe('the load runner', () => {
  test('a closed loop sends every request and never more than the concurrency at once', async () => {
    const invoker = deferredInvoker();
    const seen: number[] = [];
    const done = await runLoad({ requests: 25, concurrency: 4, ratePerSecond: 0 }, { invoke: invoker.invoke, onResult: (i) => seen.push(i), sleep: async () => {} }, new AbortController().signal);
    expect(done).toBe(25);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(invoker.peak()).toBe(4);
  });

  test('an open loop paces arrivals by the rate, whatever is in flight', async () => {
    const gaps: number[] = [];
    const done = await runLoad({ requests: 5, concurrency: 1, ratePerSecond: 20 }, { invoke: async (i) => i, onResult: () => {}, sleep: async (ms) => void gaps.push(ms) }, new AbortController().signal);
    expect(done).toBe(5);
    expect(gaps).toEqual([50, 50, 50, 50]);
  });

  test('stopping sends no new requests but lets the started ones finish', async () => {
    const controller = new AbortController();
    let results = 0;
    const done = await runLoad({ requests: 100, concurrency: 2, ratePerSecond: 0 }, {
      invoke: async (i) => i,
      onResult: () => {
        results += 1;
        if (results === 10) controller.abort();
      },
      sleep: async () => {},
    }, controller.signal);
    expect(done).toBeLessThan(100);
    expect(done).toBe(results);
  });
});

describe('an embedded example as a project', () => {
  test('the handler names the entry file and the export; only source files are compiled', () => {
    const project = exampleProject({
      id: 'x',
      config: { dialect: 'lambda', handler: 'src/app.hello', memoryMb: 256 },
      files: { 'src/app.ts': 'export const hello = 1', 'serverless.yml': 'service: x', 'data.json': '{}' },
      event: '{}',
      strings: {} as PlaygroundStrings,
    });
    expect(project.entry).toBe('src/app.ts');
    expect(project.settings).toMatchObject({ dialect: 'lambda', exportName: 'hello', memoryMb: 256, timeoutS: 3 });
    expect(Object.keys(project.files).sort()).toEqual(['data.json', 'src/app.ts']);
  });
});
