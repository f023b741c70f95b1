import { browserCompiler } from '../../compiler/browser.ts';
import type { FunctionConfig } from '../../faas/function-config.ts';
import { Platform } from '../../faas/platform.ts';
import { RealClock } from '../../faas/real-clock.ts';
import type { PlatformEvent } from '../../faas/platform-events.ts';
import { BrowserInstanceHost } from '../../hosts/browser/browser-instance-host.ts';
import { ModelledStartHost } from '../../model/modelled-start-host.ts';
import type { PlatformProfileName } from '../../model/platform-profiles.ts';
import { Random } from '../../model/random.ts';
import type { Project } from '../../project/project.ts';
import type { DeployOutcome, Engine, EngineListener, ProfiledInvocation } from './engine.ts';
import type { InstanceNames } from './instance-names.ts';
import type { InvocationView } from './invocation-view.ts';
import { profileInCopy } from './profile-copy.ts';
import { ProfilingHost } from './profiling-host.ts';
import { viewOf } from './record-view.ts';

const FUNCTION_NAME = 'hello-serverless';

/**
 * The live platform in this page: the scheduler on the real clock, instances as sandboxed Web Workers, and the
 * esbuild-wasm compiler. A project is compiled and deployed only when it changed since the last deploy, so
 * invoking the same code twice reuses the warm instance; any change deploys a new version (old instances go).
 */
export async function createLiveEngine(
  listener: EngineListener,
  names: InstanceNames,
  observe?: (event: PlatformEvent) => void,
  platformProfile: () => PlatformProfileName = () => 'local',
  warmWith?: Project,
): Promise<Engine> {
  const compiler = browserCompiler();
  compiler.warm(warmWith && sourcesOf(warmWith));
  const clock = new RealClock();
  // A platform profile's modelled phases run before each instance starts in its worker (none for `local`).
  const instances = await BrowserInstanceHost.create({ clock });
  const host = new ProfilingHost(new ModelledStartHost(instances, clock, platformProfile, new Random(Date.now() >>> 0)));
  // Random UUIDs, as Lambda and SCF give, so ids differ in their first characters (what the log panel shows).
  const platform = new Platform({ clock, host, requestIds: () => crypto.randomUUID() });
  platform.on((event) => forward(event, listener));
  if (observe) platform.on(observe);
  let deployed: string | undefined;
  let deployedBundle = '';
  let deployedConfig: FunctionConfig | undefined;
  /** The frame's liveness, asked during the last deploy and not yet used by an invoke. */
  let frameChecked: Promise<void> | undefined;
  /** Whether this browser's Web Workers can profile: learnt from the first profile, which asks the instance. */
  let workersProfile = true;
  let readyWaiters: Array<() => void> = [];
  platform.on((event) => {
    if (event.type !== 'instance-ready' && event.type !== 'init-error') return;
    const waiters = readyWaiters;
    readyWaiters = [];
    for (const wake of waiters) wake();
  });

  /**
   * Like publishing a version with provisioned concurrency, a deploy is done when its provisioned instances are
   * up (or failed, or after a few seconds): otherwise the first request would cold-start beside them.
   */
  async function provisionedReady(count: number): Promise<void> {
    const deadline = clock.now() + 10_000;
    let settled = 0;
    while (settled < count && clock.now() < deadline) {
      await new Promise<void>((resolve) => {
        readyWaiters.push(resolve);
        setTimeout(resolve, Math.max(0, deadline - clock.now()));
      });
      settled += 1;
    }
  }

  async function deploy(project: Project): Promise<DeployOutcome> {
    frameChecked = undefined;
    // A new profile deploys anew, so the next request shows its cold start.
    const fingerprint = JSON.stringify([project.entry, project.files, project.settings, platformProfile()]);
    if (fingerprint === deployed) return { ok: true };
    // The frame is asked whether it lives while the code compiles, not after: the invoke that follows trusts this
    // answer, given after its click, instead of waiting for a round trip of its own.
    const answering = instances.frameAnswering();
    const compiled = await compiler.compile(sourcesOf(project));
    if (!compiled.ok) return { ok: false, diagnostics: compiled.diagnostics };
    const settings = project.settings;
    const config: FunctionConfig = {
      name: FUNCTION_NAME,
      dialect: settings.dialect,
      exportName: settings.exportName,
      bundle: compiled.bundle,
      ...(compiled.layer ? { opt: compiled.layer } : {}),
      files: dataFiles(project.files),
      env: settings.env,
      memoryMb: settings.memoryMb,
      timeoutS: settings.timeoutS,
      maxConcurrency: settings.maxConcurrency,
      provisionedConcurrency: settings.provisionedConcurrency,
      keepAliveS: settings.keepAliveS,
    };
    platform.deploy(config);
    deployedConfig = config;
    deployed = fingerprint;
    deployedBundle = compiled.bundle;
    // Starting provisioned instances may take seconds: the invoke after that asks the frame afresh.
    if (settings.provisionedConcurrency > 0) await provisionedReady(settings.provisionedConcurrency);
    else frameChecked = answering;
    return { ok: true };
  }

  async function invoke(event: unknown): Promise<InvocationView> {
    // The compiler's warm-up waits until a second after the request, however long it runs.
    compiler.active();
    // Never route a request to an instance whose sandbox process died unnoticed: it would fail instead of running.
    const checked = frameChecked ?? instances.frameAnswering();
    frameChecked = undefined;
    await checked;
    const record = await platform.invoke(FUNCTION_NAME, event).finally(() => compiler.active());
    const view = viewOf(record, names);
    listener.log({ time: Date.now(), level: 'report', requestId: record.requestId, instanceId: record.instanceId, message: view.report });
    listener.finished(view);
    return view;
  }

  async function profile(event: unknown): Promise<ProfiledInvocation> {
    const bundle = deployedBundle;
    if (workersProfile || !deployedConfig) {
      host.arm();
      const view = await invoke(event);
      const outcome = host.take(view.bar.requestId);
      if (outcome?.ok !== false || outcome.cause !== 'no-profiler' || !deployedConfig) return { view, profile: outcome, bundle, where: 'instance' };
      workersProfile = false;
    }
    return { ...(await profileInCopy(deployedConfig, event, clock)), bundle, where: 'copy' };
  }

  return {
    deploy,
    // The compiler keeps recent builds by their sources, so a deploy of the same code awaits this one.
    compileAhead: (project) => void compiler.compile(sourcesOf(project)).catch(() => undefined),
    invoke,
    profile,
    now: () => clock.now(),
  };
}

function sourcesOf(project: Project): { entry: string; files: Record<string, string> } {
  return { entry: project.entry, files: project.files };
}

/** Files the handler may read at run time (JSON and text next to the code); sources are in the bundle already. */
function dataFiles(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter(([path]) => !/\.[mc]?[tj]s$/.test(path)));
}

function forward(event: PlatformEvent, listener: EngineListener): void {
  switch (event.type) {
    case 'instance-starting':
      listener.instanceStarted(event.instanceId, event.time, event.cause === 'provisioned');
      break;
    case 'instance-reclaimed':
      listener.instanceEnded(event.instanceId, event.time, event.cause === 'retired' ? 'replaced' : 'reclaimed');
      break;
    case 'instance-crashed':
      listener.instanceEnded(event.instanceId, event.time, 'crashed');
      break;
    case 'instance-timed-out':
      listener.instanceEnded(event.instanceId, event.time, 'timed-out');
      break;
    case 'init-error':
      listener.instanceEnded(event.instanceId, event.time, 'init-failed');
      break;
    case 'log':
      listener.log({ time: event.time, level: event.level, requestId: event.requestId, instanceId: event.instanceId, message: event.message });
      break;
    default:
      break;
  }
}
