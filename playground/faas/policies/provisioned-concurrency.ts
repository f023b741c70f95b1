import type { InstanceInfo, KeepAlivePolicy, PolicyControl } from '../keep-alive-policy.ts';

/**
 * Keeps `count` instances started ahead of traffic, never reclaims them for idleness and starts a replacement when
 * one dies after it became ready (one that never got ready is an init failure: replacing it would loop, and Lambda
 * marks such a configuration failed instead). Instances started on demand follow `onDemand`.
 */
export function provisionedConcurrency(count: number, onDemand: KeepAlivePolicy): KeepAlivePolicy {
  let control: PolicyControl | null = null;
  let replacementTimer: number | null = null;
  let missing = 0;

  const replace = (): void => {
    replacementTimer = null;
    if (!control) return;
    const started = control.prewarm(missing, { provisioned: true });
    missing -= started;
  };

  return {
    attach(c) {
      control = c;
      onDemand.attach(c);
      missing = count - c.prewarm(count, { provisioned: true });
    },
    detach() {
      if (control && replacementTimer !== null) control.clock.cancel(replacementTimer);
      control = null;
      onDemand.detach?.();
    },
    onArrival: onDemand.onArrival?.bind(onDemand),
    onDeparture: onDemand.onDeparture?.bind(onDemand),
    onInstanceCreated: onDemand.onInstanceCreated?.bind(onDemand),
    onInstanceGone(instance: InstanceInfo, time: number) {
      onDemand.onInstanceGone?.(instance, time);
      if (!instance.provisioned || !control || instance.state === 'reclaimed' || Number.isNaN(instance.readyAt)) return;
      missing++;
      // Started from a timer, not from inside the platform's handling of the death.
      if (replacementTimer === null) replacementTimer = control.clock.schedule(time, replace);
    },
    keepAliveMs(instance, time) {
      return instance.provisioned ? Infinity : onDemand.keepAliveMs(instance, time);
    },
  };
}
