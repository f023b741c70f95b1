/**
 * An instance's lifecycle. `starting` covers creating the sandbox and loading the bundle, `initializing` the
 * module's top level (entered only when the host reports it). The last four are final.
 */
export type InstanceState = 'starting' | 'initializing' | 'idle' | 'busy' | 'reclaimed' | 'crashed' | 'timed-out' | 'init-failed';

const NEXT: Record<InstanceState, readonly InstanceState[]> = {
  starting: ['initializing', 'idle', 'busy', 'init-failed', 'crashed', 'timed-out', 'reclaimed'],
  initializing: ['idle', 'busy', 'init-failed', 'crashed', 'timed-out', 'reclaimed'],
  idle: ['busy', 'reclaimed', 'crashed'],
  busy: ['idle', 'crashed', 'timed-out', 'reclaimed'],
  reclaimed: [],
  crashed: [],
  'timed-out': [],
  'init-failed': [],
};

export function canMove(from: InstanceState, to: InstanceState): boolean {
  return NEXT[from].includes(to);
}

export function isFinal(state: InstanceState): boolean {
  return NEXT[state].length === 0;
}
