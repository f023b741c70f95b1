import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CompiledFunction } from '../../compiler/browser-protocol.ts';
import { compileDirectory, formatDiagnostic } from '../../compiler/node.ts';
import { Platform } from '../../faas/platform.ts';
import { DEBUG_TIME_LIMIT_MS } from '../../hosts/node/inspector.ts';
import type { InspectorOptions } from '../../hosts/node/inspector.ts';
import { RealClock } from '../../faas/real-clock.ts';
import { routeKey, routesOf } from '../../gateway/route-table.ts';
import type { Route } from '../../gateway/route-table.ts';
import { timerEvent } from '../../gateway/schedule.ts';
import { ClosableClock } from '../closable-clock.ts';
import { resolveProject } from '../function-config.ts';
import { printWarnings } from '../function-flags.ts';
import type { ConfigFlags, FunctionConfig } from '../function-config.ts';
import type { CliIO } from '../io.ts';
import { AccessLog } from './access-log.ts';
import { createServeHost, FunctionHosts } from './instance-hosts.ts';
import { reloadOnChange } from './reload-on-change.ts';
import type { RunningWatch } from './reload-on-change.ts';
import { requestHandler } from './request-handler.ts';
import { startSchedules } from './schedules.ts';
import type { TimerTrigger } from './schedules.ts';
import { ServedFunctions } from './served-functions.ts';
import type { ServeLimits } from './served-functions.ts';

export interface ServeOptions extends ServeLimits {
  dir: string;
  port: number;
  host: string;
  watch: boolean;
  json: boolean;
  flags: ConfigFlags;
  /** Debug the instances: each opens the Node inspector, and neither init nor a request times out. */
  inspector?: InspectorOptions;
}

export interface RunningServe {
  url: string;
  platform: Platform;
  routes: Route[];
  /** Ends every instance, timer and watcher and closes the server. */
  close(): Promise<void>;
}

/** A compile error at start: nothing is served. */
export class ServeCompileError extends Error {
  override name = 'ServeCompileError';
}

/**
 * Starts the local gateway: every function of the project compiled and deployed on one Platform of Node worker
 * instances, the project's HTTP routes and the Lambda Invoke API on one server, its timers on the real clock.
 */
export async function startServe(options: ServeOptions, io: CliIO): Promise<RunningServe> {
  const resolved = resolveProject(options.dir, options.flags);
  printWarnings(io, resolved.functions.flatMap((f) => f.warnings));
  const project = options.inspector ? { ...resolved, functions: resolved.functions.map((f) => ({ ...f, timeoutMs: DEBUG_TIME_LIMIT_MS })) } : resolved;
  const bundles = await compileAll(project.functions);

  const clock = new ClosableClock(new RealClock());
  const hosts = new FunctionHosts();
  for (const config of project.functions) hosts.add(config.functionName, createServeHost({ functionRoot: config.root, modulePath: config.layers.modulePath, clock, platformProfile: config.platformProfile, ...(options.inspector ? { inspector: options.inspector } : {}) }));
  const platform = new Platform({ clock, host: hosts, keepLogs: true, requestIds: randomUUID, ...(options.inspector ? { initLimitMs: DEBUG_TIME_LIMIT_MS } : {}) });
  const functions = new ServedFunctions(platform, options);
  project.functions.forEach((config, i) => functions.deploy(config, bundles[i]!));

  const routes = project.file ? routesOf(project.functions.map((f) => ({ functionName: f.functionName, events: f.declared?.events ?? [] }))) : [catchAll(project.functions[0]!)];
  const log = new AccessLog(io, options.json, functions);
  const server = createServer(requestHandler({ platform, functions, routes, log }));
  const schedules = startSchedules(timersOf(project.functions), (trigger, time) => {
    void platform.invoke(trigger.functionName, timerEvent(trigger.dialect, trigger.name, time, trigger.input)).then((record) => log.request('TIMER', trigger.expression, record.statusCode, time, record));
  });
  let watching: RunningWatch | undefined;
  try {
    await listen(server, options.port, options.host);
    if (options.watch) watching = await reloadOnChange(functions, log);
  } catch (error) {
    schedules.stop();
    platform.shutdown();
    clock.close();
    // Listening already when the watch could not start: a server left open would keep the process alive.
    if (server.listening) server.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  log.note(banner(url, routes, project.functions, options.watch));

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= Promise.all([
      watching?.stop(),
      new Promise<void>((resolve) => {
        schedules.stop();
        platform.shutdown();
        clock.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    ]).then(() => undefined);
    return closed;
  };
  return { url, platform, routes, close };
}

async function compileAll(configs: FunctionConfig[]): Promise<CompiledFunction[]> {
  const bundles: CompiledFunction[] = [];
  for (const config of configs) {
    const compiled = await compileDirectory(config.root, config.handlerFile, config.layers.dirs);
    if (!compiled.ok) {
      throw new ServeCompileError(`${config.functionName} does not compile:\n${compiled.diagnostics.map((d) => `  ${formatDiagnostic(d)}`).join('\n')}`);
    }
    bundles.push(compiled);
  }
  return bundles;
}

/** Without a project file, one function answers every path, in its dialect's gateway shapes. */
function catchAll(config: FunctionConfig): Route {
  return { functionName: config.functionName, api: config.dialect === 'scf' ? 'scf' : 'http', method: 'ANY', path: '$default', cors: false };
}

function timersOf(configs: FunctionConfig[]): TimerTrigger[] {
  return configs.flatMap((config) =>
    (config.declared?.events ?? []).flatMap((event, i) =>
      event.kind === 'schedule' && event.enabled
        ? [{ functionName: config.functionName, dialect: config.dialect, name: `${config.functionName}-timer-${i + 1}`, expression: event.expression, ...(event.input === undefined ? {} : { input: event.input }) }]
        : [],
    ),
  );
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function banner(url: string, routes: Route[], configs: FunctionConfig[], watch: boolean): string {
  const lines = [`Serving ${configs.length} function${configs.length === 1 ? '' : 's'} at ${url}${watch ? ' (watching for changes)' : ''}`];
  for (const route of routes) lines.push(`  ${routeKey(route).padEnd(28)} → ${route.functionName} (${API_NAMES[route.api]}${route.cors ? ', CORS' : ''})`);
  if (routes.length === 0) lines.push('  (no HTTP routes in the project file)');
  for (const config of configs) {
    for (const event of config.declared?.events ?? []) if (event.kind === 'schedule' && event.enabled) lines.push(`  timer ${event.expression.padEnd(22)} → ${config.functionName}`);
  }
  lines.push(`  Lambda Invoke API: POST ${url}/2015-03-31/functions/{name}/invocations (${configs.map((c) => c.functionName).join(', ')})`);
  lines.push('Press Ctrl+C to stop.');
  return lines.join('\n');
}

const API_NAMES: Record<Route['api'], string> = { rest: 'REST API, v1 event', http: 'HTTP API, v2 event', scf: 'SCF API gateway' };
