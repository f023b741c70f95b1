import type { StartPhases } from './instance-host.ts';

/**
 * The phases of a request, defined once for every figure the site and the CLI show.
 *
 * Live phases are measured on this machine:
 * - `workerStart`: a new Worker (browser) or worker thread (Node) starts its JavaScript runtime. It stands for the
 *   platform's *runtime start* (Node.js booting inside the sandbox), which Lambda's Init Duration includes; it is
 *   not the sandbox, which Lambda's figure leaves out.
 * - `codeLoad`: the instance runtime receives the bundle and gets ready to evaluate it.
 * - `yourInit`: the module's top level runs (imports, clients, tables): your init.
 * - `handler`: the handler runs (Lambda's Duration).
 *
 * Modelled phases are never measured here: a platform profile draws them from published figures and they happen
 * before the live ones. They count in latency, never in a measured figure such as Lambda's Init Duration.
 */
export const LIVE_START_PHASES = ['workerStart', 'codeLoad', 'yourInit'] as const;
export type LiveStartPhase = (typeof LIVE_START_PHASES)[number];

export const MODELLED_PHASES = ['placement', 'sandboxStart', 'codeDownload', 'vpcAttach'] as const;
export type ModelledPhase = (typeof MODELLED_PHASES)[number];

export type StartPhase = ModelledPhase | LiveStartPhase;
export type Phase = StartPhase | 'handler';

/** Modelled durations a platform profile adds to a start, in milliseconds; a phase it does not model is absent. */
export type ModelledDurations = Partial<Record<ModelledPhase, number>>;

export interface PhasePart {
  phase: Phase;
  ms: number;
  modelled: boolean;
}

/** A figure that is a sum of phases, with its parts in the order they happened. */
export interface Breakdown {
  totalMs: number;
  parts: PhasePart[];
}

/** The measured live start phases, read from what a host reported. */
export function liveStartMs(phases: StartPhases, phase: LiveStartPhase): number {
  switch (phase) {
    case 'workerStart':
      return phases.spawnMs;
    case 'codeLoad':
      return phases.loadMs;
    case 'yourInit':
      return phases.initMs;
  }
}

/** Every part of a cold start in the order it happened: modelled phases (if any) first, then the live ones. */
export function startParts(phases: StartPhases, modelled: ModelledDurations = {}): PhasePart[] {
  const parts: PhasePart[] = [];
  for (const phase of MODELLED_PHASES) {
    const ms = modelled[phase];
    if (ms !== undefined) parts.push({ phase, ms, modelled: true });
  }
  for (const phase of LIVE_START_PHASES) parts.push({ phase, ms: liveStartMs(phases, phase), modelled: false });
  return parts;
}

/**
 * What each platform's own cold-start figure covers.
 * - Lambda's `Init Duration` is the Init phase: runtime start and your init (extensions too), not placement, the
 *   sandbox or the code download (docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html).
 * - SCF's `Coldstart` (its `Init Report` line) is the instance start: code preparation (pulling code and layers),
 *   runtime init and your init (cloud.tencent.com/document/product/583/9694).
 */
export const PLATFORM_FIGURES = {
  lambdaInitDuration: ['workerStart', 'codeLoad', 'yourInit'],
  scfColdstart: ['codeDownload', 'workerStart', 'codeLoad', 'yourInit'],
} as const satisfies Record<string, readonly StartPhase[]>;

export type PlatformFigure = keyof typeof PLATFORM_FIGURES;

/** The parts of `parts` that `figure` covers, and their sum. */
export function figureOf(figure: PlatformFigure, parts: readonly PhasePart[]): Breakdown {
  const covers: readonly Phase[] = PLATFORM_FIGURES[figure];
  const covered = parts.filter((part) => covers.includes(part.phase));
  return { totalMs: covered.reduce((sum, part) => sum + part.ms, 0), parts: covered };
}

/** Lambda's Init Duration of a start, as the REPORT line, the result table, the timeline and the CLI show it. */
export function initDuration(phases: StartPhases): Breakdown {
  return figureOf('lambdaInitDuration', startParts(phases));
}

/** The same sum as initDuration's, without building its parts: the Platform bills it on every cold request. */
export function initDurationMs(phases: StartPhases): number {
  let total = 0;
  for (const phase of PLATFORM_FIGURES.lambdaInitDuration) total += liveStartMs(phases, phase);
  return total;
}

/**
 * "110.90 ms = code load 79.90 + your init 31.00": a sum and its parts, with the two decimals of Lambda's REPORT
 * line, so the total reads exactly as the line prints it. Names come from the caller, in its language.
 */
export function formatBreakdown(breakdown: Breakdown, name: (phase: Phase) => string): string {
  const parts = breakdown.parts.map((part) => `${name(part.phase)} ${part.ms.toFixed(2)}`).join(' + ');
  return parts === '' ? `${breakdown.totalMs.toFixed(2)} ms` : `${breakdown.totalMs.toFixed(2)} ms = ${parts}`;
}

/** The English name of each phase, used by the CLI and matched by the playground's English strings. */
export const PHASE_NAMES: Record<Phase, string> = {
  placement: 'placement',
  sandboxStart: 'sandbox start',
  codeDownload: 'code download',
  vpcAttach: 'VPC attach',
  workerStart: 'worker start',
  codeLoad: 'code load',
  yourInit: 'your init',
  handler: 'handler',
};
