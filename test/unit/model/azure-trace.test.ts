import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAzureTrace } from '../../../playground/model/azure-trace.ts';
import { sampleTrace } from '../../../playground/model/sample-trace.ts';
import { runModel } from '../../../playground/model/simulation.ts';

const shipped = readFileSync(new URL('../../../content/traces/sample-day.csv', import.meta.url), 'utf8');

describe('Azure Functions 2019 trace format', () => {
  it('the shipped sample trace is exactly what the generator makes (nothing hand-edited)', () => {
    expect(shipped).toBe(sampleTrace());
  });

  it('reads one row per function with 1,440 minute counts', () => {
    const rows = parseAzureTrace(shipped);
    expect(rows.map((r) => r.function)).toEqual(['sample-hourly-report', 'sample-five-minute-sync', 'sample-diurnal-api', 'sample-bursty-queue', 'sample-rare-admin']);
    expect(rows.every((r) => r.countsPerMinute.length === 1440)).toBe(true);
    expect(rows[0]!.countsPerMinute.reduce((s, c) => s + c, 0)).toBe(24);
  });

  it('names the line and the problem in a malformed file', () => {
    const header = shipped.split('\n')[0]!;
    expect(() => parseAzureTrace('a,b,c\n')).toThrow(/Line 1: expected the header/);
    expect(() => parseAzureTrace(`${header}\nx,y,z,http,1,2\n`)).toThrow(/Line 2: 6 columns, expected 1444/);
    const bad = `${header}\no,a,f,http,${Array.from({ length: 1440 }, (_, i) => (i === 9 ? '-3' : '0')).join(',')}\n`;
    expect(() => parseAzureTrace(bad)).toThrow(/Line 2, minute 10: "-3" is not a count/);
  });

  it('a replayed day sends exactly the invocations of the trace', () => {
    const row = parseAzureTrace(shipped)[2]!;
    const r = runModel({
      arrival: { kind: 'trace', countsPerMinute: row.countsPerMinute },
      warm: { kind: 'exponential', mean: 0.2 },
      cold: { kind: 'exponential', mean: 1 },
      policy: 'fixed',
      keepAliveS: 600,
      maxConcurrency: 1000,
      horizonS: 86_400,
      seed: 3,
      resolutionS: 3600,
    });
    expect(r.requests).toBe(row.countsPerMinute.reduce((s, c) => s + c, 0));
    expect(r.series.map((p) => p.requests)).toEqual(Array.from({ length: 24 }, (_, h) => row.countsPerMinute.slice(h * 60, h * 60 + 60).reduce((s, c) => s + c, 0)));
  });
});
