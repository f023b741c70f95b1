import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { startInstance } from '../hosts/instance-driver.ts';
import type { Driver, InstanceEvent } from '../hosts/instance-driver.ts';

/**
 * One way to read a folder of content/examples, shared by every spec that runs examples: example.json (the handler,
 * memory, timeout, environment and whether failing is the point), event.json (the sample event the page invokes it
 * with) and every other file, including those in subfolders such as layer/.
 */
export const examplesRoot = join(import.meta.dirname, '../../../content/examples');

export interface ExampleConfig {
  dialect?: 'scf' | 'lambda';
  handler: string;
  memoryMb?: number;
  timeoutS?: number;
  expectError?: boolean;
  env?: Record<string, string>;
}

export interface Example {
  id: string;
  config: ExampleConfig;
  /** The file that holds the handler, from the part of `handler` before the dot. */
  entry: string;
  exportName: string;
  /** Source files by path relative to the example folder, with forward slashes. */
  files: Record<string, string>;
  event: unknown;
  expectError: boolean;
  timeoutMs: number;
  memoryMb: number;
  env: Record<string, string>;
}

/** Every example folder, optionally only those whose id starts with `prefix`. */
export function exampleIds(prefix = ''): string[] {
  return readdirSync(examplesRoot)
    .filter((id) => id.startsWith(prefix) && statSync(join(examplesRoot, id)).isDirectory())
    .sort();
}

function filesUnder(folder: string, root = folder): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) Object.assign(files, filesUnder(path, root));
    // A .zh-cn twin is the same code with Chinese comments (translated-code.test.ts): run the original.
    else if (!name.includes('.zh-cn.') && (folder !== root || (name !== 'example.json' && name !== 'event.json'))) {
      files[relative(root, path).split(sep).join('/')] = readFileSync(path, 'utf8');
    }
  }
  return files;
}

export function loadExample(id: string): Example {
  const folder = join(examplesRoot, id);
  const config = JSON.parse(readFileSync(join(folder, 'example.json'), 'utf8')) as ExampleConfig;
  const dot = config.handler.lastIndexOf('.');
  const module = config.handler.slice(0, dot);
  const files = filesUnder(folder);
  const entry = [`${module}.ts`, `${module}.js`, `${module}.mjs`].find((name) => name in files) ?? `${module}.ts`;
  return {
    id,
    config,
    entry,
    exportName: config.handler.slice(dot + 1),
    files,
    event: JSON.parse(readFileSync(join(folder, 'event.json'), 'utf8')) as unknown,
    expectError: config.expectError === true,
    timeoutMs: (config.timeoutS ?? 3) * 1000,
    memoryMb: config.memoryMb ?? 128,
    env: config.env ?? {},
  };
}

export type ExampleDriver = Driver & { example: Example };

const running: Driver[] = [];

/** Starts a real instance of the example; `env` replaces the example's own environment. Stop it with stopAll(). */
export async function startExample(id: string, env?: Record<string, string>): Promise<ExampleDriver> {
  const example = loadExample(id);
  const driver = await startInstance(example.entry, example.files, example.exportName, {
    memoryMb: example.memoryMb,
    env: env ?? example.env,
  });
  running.push(driver);
  return Object.assign(driver, { example });
}

/** Ends every instance started since the last call; meant for afterEach. */
export function stopAll(): void {
  for (const driver of running.splice(0)) driver.handle.terminate('shutdown');
}

export interface Run {
  ok: boolean;
  timedOut: boolean;
  value?: unknown;
  error?: unknown;
}

/** Invokes like the platform does: a caller that stops waiting at the example's timeout and ends the instance. */
export async function run(driver: ExampleDriver, event: unknown, requestId: string): Promise<Run> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), driver.example.timeoutMs);
  });
  const outcome = await Promise.race([driver.invoke(event, requestId, driver.example.timeoutMs), deadline]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    driver.handle.terminate('timeout');
    return { ok: false, timedOut: true };
  }
  return outcome.result.ok
    ? { ok: true, timedOut: false, value: outcome.result.value }
    : { ok: false, timedOut: false, error: outcome.result.error };
}

/** The handler's return value; throws when the run failed or timed out. */
export async function valueOf(driver: ExampleDriver, event: unknown, requestId: string): Promise<Record<string, unknown>> {
  const outcome = await run(driver, event, requestId);
  if (!outcome.ok) throw new Error(`handler failed${outcome.timedOut ? ' (timed out)' : `: ${JSON.stringify(outcome.error)}`}`);
  return outcome.value as Record<string, unknown>;
}

export function logsOf(driver: Driver, requestId: string): Extract<InstanceEvent, { kind: 'log' }>[] {
  return driver.events.filter((e): e is Extract<InstanceEvent, { kind: 'log' }> => e.kind === 'log' && e.requestId === requestId);
}
