import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../playground/cli/main.ts';
import { formatMetrics } from '../../../playground/cli/monitor/metrics-file.ts';
import { fakeIO } from './fake-io.ts';

const fixture = (name: string): string => new URL(`../../fixtures/${name}`, import.meta.url).pathname;
const FIELDS = ['instance', 'tMs', 'heapUsed', 'heapTotal', 'heapLimit', 'external', 'arrayBuffers', 'cpuUserUs', 'cpuSystemUs', 'elu'];
const scratch = mkdtempSync(join(tmpdir(), 'hs-monitor-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('hello-serverless invoke --monitor / --metrics', () => {
  it("prints the invocation's samples on STDERR and keeps STDOUT one JSON document", async () => {
    const io = fakeIO();
    const code = await main(['invoke', fixture('cpu-bound'), '--handler', 'index.handler', '--event', '-', '--monitor'], Object.assign(io, { stdin: async () => '{"limit":400000}' }));
    expect(code).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ limit: 400000, primes: 33860 });
    expect(io.err).toMatch(/Monitor: \d+ samples? of cpu-bound-1 /);
    expect(io.err).toMatch(/^\+[\d.]+\s+end\s+[\d.]+ MB/m);
  }, 30_000);

  it('writes every sample as CSV with exactly the documented columns, unmeasured cells empty', async () => {
    const file = join(scratch, 'invoke.csv');
    const io = fakeIO();
    expect(await main(['invoke', fixture('cpu-bound'), '--handler', 'index.handler', '--metrics', file], io)).toBe(0);
    const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(header?.split(',')).toEqual(FIELDS);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const cells = row.split(',');
      expect(cells).toHaveLength(FIELDS.length);
      expect(cells[0]).toBe('cpu-bound-1');
      expect(cells[FIELDS.indexOf('arrayBuffers')]).toBe('');
      expect(Number(cells[FIELDS.indexOf('heapUsed')])).toBeGreaterThan(0);
    }
    expect(io.err).toContain(`samples written to ${file}`);
  }, 30_000);

  it('refuses a metrics file that is neither .jsonl nor .csv before running anything', async () => {
    const io = fakeIO();
    expect(await main(['invoke', fixture('cpu-bound'), '--handler', 'index.handler', '--metrics', join(scratch, 'm.json')], io)).toBe(2);
    expect(io.err).toContain('JSON Lines (.jsonl) or CSV (.csv)');
  });
});

describe('hello-serverless load --monitor / --metrics', () => {
  it('prints each instance with its peak heap, end and sparkline on STDERR; --json keeps STDOUT the summary; JSON Lines hold the fields', async () => {
    const file = join(scratch, 'load.jsonl');
    const io = fakeIO();
    const code = await main(['load', fixture('cpu-bound'), '--handler', 'index.handler', '--requests', '6', '--concurrency', '2', '--json', '--monitor', '--metrics', file], io);
    expect(code).toBe(0);
    const summary = JSON.parse(io.out) as { requests: number; instancesStarted: number };
    expect(summary.requests).toBe(6);
    const names = Array.from({ length: summary.instancesStarted }, (_, i) => `cpu-bound-${i + 1}`);
    for (const name of names) {
      expect(io.err).toMatch(new RegExp(`^${name}\\s+\\d+\\s+[\\d.]+ MB\\s+[\\d.]+ MB\\s+[\\d.]+ s\\s+alive until the run ended$`, 'm'));
      expect(io.err).toMatch(new RegExp(`^${name}\\s*\\|[ ▁▂▃▄▅▆▇█]+\\|$`, 'm'));
    }
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(names).toContain(line.instance);
      expect(Object.keys(line).every((key) => FIELDS.includes(key))).toBe(true);
      expect(line).not.toHaveProperty('arrayBuffers');
      expect(line.heapUsed).toBeTypeOf('number');
    }
  }, 60_000);
});

describe('metrics file format', () => {
  it('leaves a figure out of JSON and empty in CSV when it was not measured, never zero', () => {
    const rows = [{ instance: 'fn-1', sample: { tMs: 12.5, heapUsed: 1000, elu: 0.5 } }];
    expect(formatMetrics(rows, 'jsonl')).toBe('{"instance":"fn-1","tMs":12.5,"heapUsed":1000,"elu":0.5}\n');
    expect(formatMetrics(rows, 'csv')).toBe(`${FIELDS.join(',')}\nfn-1,12.5,1000,,,,,,,0.5\n`);
  });
});
