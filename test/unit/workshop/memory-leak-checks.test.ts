import { describe, expect, test } from 'vitest';
import checks from '../../../content/exercises/13-find-the-memory-leak/check.ts';
import { CheckFailure, type CheckedInvocation, type Harness, type MemoryFigure } from '../../../playground/workshop/check-api.ts';

const MB = 1024 * 1024;
const [, , servesThemAll, keepsMemoryLow] = checks;

/**
 * A host whose instance answers every request as the fixed answer does and whose memory figure, taken after them, is
 * `figure`: what a browser reports for the leaky starter, whose first figure arrives only after all 2,000 requests.
 */
function hostAfterRequests(figure: MemoryFigure | undefined): Harness & { invocations: number } {
  const harness = {
    invocations: 0,
    async invoke(event: unknown): Promise<CheckedInvocation> {
      harness.invocations += 1;
      const page = event as { store: string; lang: string };
      return { requestId: `r${harness.invocations}`, ok: true, status: 'ok', value: { ...page, dishes: 6, size: 50_000 }, instanceId: 'i1', cold: harness.invocations === 1, durationMs: 1, logs: [], startMs: 0, endMs: 1 };
    },
    memoryAfter: async () => figure,
  };
  return harness as unknown as Harness & { invocations: number };
}

async function failureOf(run: Promise<void>): Promise<CheckFailure | undefined> {
  try {
    await run;
    return undefined;
  } catch (error) {
    if (error instanceof CheckFailure) return error;
    throw error;
  }
}

describe("exercise 13's checks on an instance measured only after its requests", () => {
  test('an instance over its 128 MB setting fails "without running out of memory", with the figure, although every request returned', async () => {
    const host = hostAfterRequests({ instanceId: 'i1', bytes: 769 * MB, stoppedForMemory: true });
    const failure = await failureOf(servesThemAll!.run(host));
    expect(failure?.explanation.en).toContain('All 2,000 requests returned, but the instance held 769 MB as they ended, over its 128 MB setting');
    expect(failure?.explanation['zh-cn']).toContain('实例占用了 769 MB，超出了 128 MB 的内存设置');
    expect(host.invocations).toBe(2_000);
  });

  test('a figure over the setting fails it even before the platform has reported the stop', async () => {
    const failure = await failureOf(servesThemAll!.run(hostAfterRequests({ instanceId: 'i1', bytes: 300 * MB })));
    expect(failure?.explanation.en).toContain('held 300 MB');
  });

  test('both checks read one run of 2,000 requests and one figure', async () => {
    const host = hostAfterRequests({ instanceId: 'i1', bytes: 17 * MB });
    await servesThemAll!.run(host);
    await keepsMemoryLow!.run(host);
    expect(host.invocations).toBe(2_000);
  });

  test('with no figure the requests alone decide "without running out of memory"; the memory check says none came', async () => {
    const host = hostAfterRequests(undefined);
    expect(await failureOf(servesThemAll!.run(host))).toBeUndefined();
    expect((await failureOf(keepsMemoryLow!.run(host)))?.explanation.en).toContain('No memory figure of the instance arrived');
  });
});
