import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { formatBytes, isOverLimit, memorySample, overLimitError, processEndedError } from '../../../playground/hosts/browser/instance-memory.ts';
import { ISOLATION_HEADERS, withIsolationHeaders } from '../../../src/service-worker/isolation-headers.ts';

const MB = 1024 * 1024;
const reading = { bytes: 1.9 * 1024 * MB, startedAt: 100_000, answeredAt: 118_500 };

describe("the browser's memory figures for one instance", () => {
  test('a sample carries the figure as measured, placed at the start of the measurement with its age', () => {
    const sample = memorySample(reading, (epoch) => epoch - 90_000);
    expect(sample).toEqual({ tMs: 10_000, heapUsed: reading.bytes, ageMs: 18_500 });
    expect(sample.cpuUserUs).toBeUndefined();
    expect(sample.heapTotal).toBeUndefined();
  });

  test('an instance is over its memory setting only when the measured bytes exceed it', () => {
    expect(isOverLimit({ ...reading, bytes: 128 * MB }, 128)).toBe(false);
    expect(isOverLimit({ ...reading, bytes: 128 * MB + 1 }, 128)).toBe(true);
  });

  test('the out-of-memory error names the request, the setting and the measured figure with its age', () => {
    const error = overLimitError('req-1', 128, { ...reading, bytes: 380 * MB }, 103_000);
    expect(error.errorType).toBe('Runtime.OutOfMemory');
    expect(error.errorMessage).toBe('RequestId: req-1 Error: Runtime exited with error: signal: killed (memory limit 128 MB reached: the browser measured 380 MB, up to 3 s ago)');
  });

  test('a dead sandbox process is reported as most likely out of memory, never as a timeout', () => {
    const withFigure = processEndedError('req-2', reading, 114_000);
    expect(withFigure.errorType).toBe('Runtime.OutOfMemory');
    expect(withFigure.errorMessage).toContain('RequestId: req-2 Error: the sandbox process ended, most likely out of memory: last measured 1.9 GB, up to 14 s ago');
    const without = processEndedError(null, undefined, 114_000);
    expect(without.errorMessage).toMatch(/^Error: the sandbox process ended, most likely out of memory \(before the browser measured it\)/);
    expect(`${withFigure.errorMessage} ${without.errorMessage}`).not.toMatch(/timed out/i);
  });

  test('sizes read in MB below a gigabyte and in GB with one decimal above', () => {
    expect(formatBytes(380 * MB)).toBe('380 MB');
    expect(formatBytes(2.25 * 1024 * MB)).toBe('2.3 GB');
  });
});

describe('the cross-origin-isolation headers', () => {
  test('public/_headers sends exactly the headers the dev server, preview and the service worker use', async () => {
    const text = await readFile('public/_headers', 'utf8');
    const sent = Object.fromEntries(text.split('\n').filter((line) => /^\s+\S+:/.test(line)).map((line) => line.trim().split(/:\s*/, 2) as [string, string]));
    expect(sent).toEqual(ISOLATION_HEADERS);
    expect(text).toMatch(/^\/\*$/m);
  });

  test('the service worker adds what a host left out and keeps what it sent', async () => {
    const bare = withIsolationHeaders(new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    for (const [name, value] of Object.entries(ISOLATION_HEADERS)) expect(bare.headers.get(name)).toBe(value);
    expect(bare.headers.get('content-type')).toBe('text/html');
    expect(await bare.text()).toBe('<!doctype html>');
    const credentialless = withIsolationHeaders(new Response('', { headers: { 'cross-origin-embedder-policy': 'credentialless' } }));
    expect(credentialless.headers.get('cross-origin-embedder-policy')).toBe('credentialless');
    expect(withIsolationHeaders(new Response(null, { status: 404 })).status).toBe(404);
  });
});
