import { describe, expect, it } from 'vitest';
import { main } from '../../../playground/cli/main.ts';
import { fakeIO } from './fake-io.ts';

const issueCommand = ['simulate', '--arrival-rate', '5', '--warm-mean', '1.991', '--cold-mean', '2.244', '--keep-alive', '600', '--max-concurrency', '1000', '--horizon', '20000', '--seed', '1'];

async function json(args: string[]): Promise<Record<string, unknown>> {
  const io = fakeIO();
  expect(await main([...args, '--json'], io)).toBe(0);
  return JSON.parse(io.out) as Record<string, unknown>;
}

describe('hello-serverless simulate', () => {
  it('answers the issue command with one JSON object holding the agreed keys', async () => {
    const out = await json(issueCommand);
    for (const key of ['requests', 'coldStarts', 'rejected', 'pCold', 'pReject', 'avgInstances', 'avgRunning', 'avgIdle', 'wallSeconds', 'requestsPerSecond']) {
      expect(typeof out[key], key).toBe('number');
    }
    expect(out.requests).toBeGreaterThan(90_000);
    expect(out.pCold).toBe((out.coldStarts as number) / (out.requests as number));
    expect(out.seed).toBe(1);
  });

  it('gives means and standard errors over several seeds', async () => {
    const out = await json([...issueCommand.slice(0, -4), '--horizon', '2000', '--seeds', '4']);
    expect(out.seeds).toEqual([1, 2, 3, 4]);
    const errors = out.standardErrors as Record<string, number>;
    expect(errors.avgRunning).toBeGreaterThan(0);
  });

  it('sweeps keep-alive and marks the Pareto front of cold starts against idle memory', async () => {
    const out = await json(['simulate', '--arrival-rate', '0.9', '--warm-mean', '1.991', '--cold-mean', '2.244', '--horizon', '20000', '--sweep', 'keep-alive=10,60,600']);
    const points = out.points as { 'keep-alive': number; pCold: number; idleGbSeconds: number; pareto: boolean }[];
    expect(points.map((p) => p['keep-alive'])).toEqual([10, 60, 600]);
    // Longer windows: fewer cold starts, more idle memory; each is a different trade-off, so all are on the front.
    expect(points[0]!.pCold).toBeGreaterThan(points[2]!.pCold);
    expect(points[0]!.idleGbSeconds).toBeLessThan(points[2]!.idleGbSeconds);
    expect(points.every((p) => p.pareto)).toBe(true);
  });

  it('prints a readable report without --json', async () => {
    const io = fakeIO();
    expect(await main(['simulate', '--arrival-interval', '30', '--warm', 'const:1', '--cold', 'const:2', '--keep-alive', '60', '--horizon', '3600'], io)).toBe(0);
    expect(io.out).toContain('one request every 30 s');
    expect(io.out).toMatch(/cold starts\s+1 /);
  });

  it('replays a trace row and runs a timer trigger', async () => {
    const trace = await json(['simulate', '--trace', 'content/traces/sample-day.csv', '--trace-row', '2', '--warm-mean', '0.2', '--cold-mean', '1', '--horizon', '86400']);
    expect(trace.requests).toBe(288);
    const cron = await json(['simulate', '--cron', '0 */5 * * * * *', '--warm-mean', '0.2', '--cold-mean', '1', '--horizon', '3600', '--keep-alive', '60']);
    expect([cron.requests, cron.coldStarts]).toEqual([11, 11]);
  });

  it.each([
    [['--warm-mean', '1', '--cold-mean', '2'], /needs an arrival process/],
    [['--arrival-rate', '1', '--arrival-interval', '2', '--warm-mean', '1', '--cold-mean', '2'], /choose one arrival process/],
    [['--arrival-rate=-1', '--warm-mean', '1', '--cold-mean', '2'], /--arrival-rate must be more than 0/],
    [['--arrival-rate', '1', '--cold-mean', '2'], /needs --warm-mean/],
    [['--arrival-rate', '1', '--warm-mean', '1', '--cold-mean', '2', '--policy', 'magic'], /--policy must be one of fixed, provisioned, histogram, autoscaler/],
    [['--cron', '* * *', '--warm-mean', '1', '--cold-mean', '2'], /3 fields/],
    [['--trace', 'no/such.csv', '--warm-mean', '1', '--cold-mean', '2'], /cannot read no\/such.csv/],
    [['--arrival-rate', '1', '--warm-mean', '1', '--cold-mean', '2', '--sweep', 'colour=1,2'], /--sweep takes KEY=V1,V2/],
    [['--arrival-rate', '1', '--warm', 'gamma:1', '--cold-mean', '2'], /unknown distribution "gamma"/],
  ])('exits 2 with a specific message for %j', async (args, message) => {
    const io = fakeIO();
    expect(await main(['simulate', ...args], io)).toBe(2);
    expect(io.err).toMatch(message);
    expect(io.out).toBe('');
  });
});
