import type { InvocationRecord } from '../faas/invocation-record.ts';
import type { Platform } from '../faas/platform.ts';
import type { Dialect } from '../faas/protocol.ts';
import type { Check, CheckedInvocation, Harness } from './check-api.ts';
import { runChecks, type CheckOutcome } from './run-checks.ts';

/** What the platform needs to know of an exercise to deploy an answer the way the exercise says. */
export interface ExerciseDeployment {
  id: string;
  dialect: Dialect;
  /** "index.main_handler": the file and the export. */
  handler: string;
  memoryMb: number;
  timeoutS: number;
}

/** An exercise is one TypeScript file: handler "index.main_handler" is the file index.ts. */
export function exerciseEntryFile(handler: string): string {
  return `${handler.slice(0, handler.indexOf('.'))}.ts`;
}

/** Handler "index.main_handler" calls the export main_handler. */
export function exerciseExportName(handler: string): string {
  return handler.slice(handler.indexOf('.') + 1);
}

/**
 * Deploys a compiled answer on `platform` (a fresh one: checks about warm reuse assume no instance exists yet) and
 * runs the checks through it. The CLI (Node instances) and the browser (Web Worker instances) both check answers
 * here, so an answer passes in one exactly when it passes in the other. `onInvocation` sees every request a check
 * makes, for showing the learner what their code logged.
 */
export async function checkOnPlatform(
  platform: Platform,
  exercise: ExerciseDeployment,
  bundle: string,
  checks: Check[],
  onInvocation?: (record: InvocationRecord) => void,
): Promise<CheckOutcome[]> {
  platform.deploy({
    name: exercise.id,
    dialect: exercise.dialect,
    exportName: exerciseExportName(exercise.handler),
    bundle,
    memoryMb: exercise.memoryMb,
    timeoutS: exercise.timeoutS,
  });
  const harness: Harness = {
    async invoke(event: unknown): Promise<CheckedInvocation> {
      const record = await platform.invoke(exercise.id, event);
      onInvocation?.(record);
      return checkedInvocation(record);
    },
  };
  return runChecks(checks, harness);
}

function checkedInvocation(record: InvocationRecord): CheckedInvocation {
  return {
    requestId: record.requestId,
    ok: record.status === 'ok',
    value: record.result,
    ...(record.error ? { error: { errorType: record.error.errorType, errorMessage: record.error.errorMessage } } : {}),
    instanceId: record.instanceId ?? '',
    cold: record.startKind === 'cold',
    durationMs: record.durationMs,
    logs: record.logs.map((line) => line.message),
  };
}
