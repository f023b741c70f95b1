import type { InvocationRecord } from '../faas/invocation-record.ts';
import type { Platform } from '../faas/platform.ts';
import type { Dialect } from '../faas/protocol.ts';
import { initDuration } from '../faas/phases.ts';
import { Topic } from '../services/topic.ts';
import { WebSocketGateway } from '../services/websocket-gateway.ts';
import type { AnswerConfig, Check, CheckedInvocation, CliRunner, Harness } from './check-api.ts';
import { CheckFailure, parseAnswerConfig } from './check-api.ts';
import { CONFIG_PROBE_EXPORT, configProbeBundle } from './config-probe.ts';
import { InstanceFigures } from './instance-figures.ts';
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
 * makes, for showing the learner what their code logged. `cli` is the command-line tool, for the exercises that
 * drive it; only the CLI host has one.
 */
export async function checkOnPlatform(
  platform: Platform,
  exercise: ExerciseDeployment,
  bundle: string,
  checks: Check[],
  onInvocation?: (record: InvocationRecord) => void,
  cli?: CliRunner,
): Promise<CheckOutcome[]> {
  const deployment = {
    name: exercise.id,
    dialect: exercise.dialect,
    exportName: exerciseExportName(exercise.handler),
    bundle,
    memoryMb: exercise.memoryMb,
    timeoutS: exercise.timeoutS,
  };
  platform.deploy(deployment);
  let config: Promise<AnswerConfig> | undefined;
  const figures = new InstanceFigures(platform, exercise.id);
  const startedAt = new Map<string, number>();
  const invokeRecord = async (name: string, event: unknown): Promise<InvocationRecord> => {
    const record = await platform.invoke(name, event);
    startedAt.set(record.requestId, record.startMs);
    onInvocation?.(record);
    return record;
  };
  let gatewayDeployed = false;
  const invokeNamed = async (name: string, event: unknown): Promise<CheckedInvocation> => checkedInvocation(await invokeRecord(name, event));
  const harness: Harness = {
    invoke: (event) => invokeNamed(exercise.id, event),
    webSocketGateway() {
      const gateway = new WebSocketGateway(invokeRecord, exercise.id, platform.services);
      // As SCF's gateway does, it gives the function its reverse-push URL in a variable, once.
      if (!gatewayDeployed) platform.deploy({ ...deployment, env: gateway.environment });
      gatewayDeployed = true;
      return gateway;
    },
    topic(name, subscribers, options) {
      const topic = new Topic(invokeRecord, name);
      for (const [subscription, exportName] of Object.entries(subscribers)) {
        const functionName = `${exercise.id}/${subscription}`;
        platform.deploy({ ...deployment, name: functionName, exportName });
        topic.subscribe(subscription, functionName, options);
      }
      return topic;
    },
    deployFunction(name, exportName, layer) {
      platform.deploy({ ...deployment, name: `${exercise.id}/${name}`, exportName, opt: layer });
    },
    invokeFunction: (name, event) => invokeNamed(`${exercise.id}/${name}`, event),
    config() {
      config ??= readAnswerConfig(platform, exercise, bundle);
      return config;
    },
    deployWith(settings) {
      platform.deploy({
        ...deployment,
        ...(settings.memoryMb !== undefined ? { memoryMb: settings.memoryMb } : {}),
        ...(settings.reservedConcurrency !== undefined ? { maxConcurrency: settings.reservedConcurrency } : {}),
        ...(settings.provisionedConcurrency !== undefined ? { provisionedConcurrency: settings.provisionedConcurrency } : {}),
        ...(settings.keepAliveS !== undefined ? { keepAliveS: settings.keepAliveS } : {}),
      });
    },
    memoryAfter(invocation, waitMs) {
      return figures.memoryAfter(invocation.instanceId, startedAt.get(invocation.requestId) ?? 0, waitMs);
    },
    cpuTimeMs(invocation) {
      return figures.cpuTimeMs(invocation.instanceId, invocation.requestId);
    },
    ...(cli ? { cli } : {}),
  };
  try {
    return await runChecks(checks, harness);
  } finally {
    figures.close();
  }
}

/** Runs the answer's module in a probe function of its own and reads its `config`; the probe is removed after. */
async function readAnswerConfig(platform: Platform, exercise: ExerciseDeployment, bundle: string): Promise<AnswerConfig> {
  const name = `${exercise.id}-config`;
  platform.deploy({ name, dialect: exercise.dialect, exportName: CONFIG_PROBE_EXPORT, bundle: configProbeBundle(bundle), memoryMb: exercise.memoryMb, timeoutS: exercise.timeoutS });
  try {
    const record = await platform.invoke(name, {});
    if (record.status !== 'ok') {
      throw new CheckFailure({
        en: `Your module could not be loaded to read its \`config\`: ${record.error?.errorType}: ${record.error?.errorMessage}`,
        'zh-cn': `无法加载你的模块来读取 \`config\`：${record.error?.errorType}: ${record.error?.errorMessage}`,
      });
    }
    const parsed = parseAnswerConfig(record.result);
    if (!parsed.ok) throw new CheckFailure(parsed.problem);
    return parsed.config;
  } finally {
    platform.remove(name);
  }
}

function checkedInvocation(record: InvocationRecord): CheckedInvocation {
  return {
    requestId: record.requestId,
    ok: record.status === 'ok',
    status: record.status,
    value: record.result,
    ...(record.error ? { error: { errorType: record.error.errorType, errorMessage: record.error.errorMessage } } : {}),
    instanceId: record.instanceId ?? '',
    cold: record.startKind === 'cold',
    durationMs: record.durationMs,
    logs: record.logs.map((line) => line.message),
    startMs: record.startMs,
    endMs: record.endMs,
    ...(record.startKind === 'cold' && record.phases ? { init: { durationMs: initDuration(record.phases).totalMs, yourInitMs: record.phases.initMs } } : {}),
  };
}
