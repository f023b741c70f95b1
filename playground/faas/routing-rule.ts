import type { Instance } from './instance.ts';

/**
 * Which idle instance takes a request. `prefers(a, b)` must stay true or false for as long as both are idle
 * (compare fields that do not change while idle).
 */
export interface RoutingRule {
  readonly name: string;
  prefers(a: Instance, b: Instance): boolean;
}

/*
 * The built-in rules all send work to provisioned instances before on-demand ones: Lambda serves from provisioned
 * concurrency first and spills over, and otherwise a newer on-demand instance would be kept warm while the
 * provisioned ones (already paid for) idle.
 */

/** The newest idle instance (largest creation time), as SimFaaS and AWS do, so old instances age out. */
export const newestIdleFirst: RoutingRule = {
  name: 'newest-idle-first',
  prefers: (a, b) => (a.provisioned !== b.provisioned ? a.provisioned : a.seq > b.seq),
};

/** The oldest idle instance: spreads load and keeps every instance warm (and alive) longer. */
export const oldestIdleFirst: RoutingRule = {
  name: 'oldest-idle-first',
  prefers: (a, b) => (a.provisioned !== b.provisioned ? a.provisioned : a.seq < b.seq),
};

/** The instance that went idle last (a stack): the most recently used, likely warmest caches. */
export const lastIdleFirst: RoutingRule = {
  name: 'last-idle-first',
  prefers: (a, b) => (a.provisioned !== b.provisioned ? a.provisioned : a.idleSeq > b.idleSeq),
};
