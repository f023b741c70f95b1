import type { KeepAlivePolicy } from '../keep-alive-policy.ts';

/** Every instance may idle the same time after each request (Lambda and SCF both behave roughly like this). */
export function fixedKeepAlive(keepAliveS: number): KeepAlivePolicy {
  const keepMs = keepAliveS * 1000;
  return {
    attach() {},
    keepAliveMs: () => keepMs,
  };
}
