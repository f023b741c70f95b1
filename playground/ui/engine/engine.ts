import type { SourceDiagnostic } from '../editor/code-editor.ts';
import type { ProfileOutcome } from '../../faas/protocol.ts';
import type { LogLine } from '../logs/log-store.ts';
import type { Project } from '../../project/project.ts';
import type { LaneEnd } from '../timeline/timeline-model.ts';
import type { InvocationView } from './invocation-view.ts';

/** What the panels are told while the platform works. Times are the engine clock's milliseconds. */
export interface EngineListener {
  instanceStarted(instanceId: string, at: number, provisioned: boolean): void;
  instanceEnded(instanceId: string, at: number, reason: LaneEnd): void;
  log(line: Omit<LogLine, 'seq'>): void;
  finished(view: InvocationView): void;
}

export type DeployOutcome = { ok: true } | { ok: false; diagnostics: SourceDiagnostic[] };

/** The live platform as the UI uses it: compile and deploy a project, invoke it, hear what happens. */
export interface Engine {
  /** Compiles; on success deploys, replacing the instances of an older version. Unchanged projects are not redeployed. */
  deploy(project: Project): Promise<DeployOutcome>;
  /** Compiles without deploying, so the next deploy of this code finds its bundle ready. */
  compileAhead(project: Project): void;
  invoke(event: unknown): Promise<InvocationView>;
  /** Invokes once with the instance's profiler on; `profile` is undefined when the instance sent none. */
  profile(event: unknown): Promise<ProfiledInvocation>;
  now(): number;
}

export interface ProfiledInvocation {
  view: InvocationView;
  profile: ProfileOutcome | undefined;
  /** The bundle that ran, whose source map names the profile's frames. */
  bundle: string;
  /** Profiled in the instance itself, or in a copy on a frame's main thread where workers have no profiler (profile-copy.ts). */
  where: 'instance' | 'copy';
}
