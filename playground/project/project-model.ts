/**
 * What every project-file reader produces, whatever the format: the functions with their settings and triggers.
 * The CLI (`invoke`, `load`, `serve`, `package`) and the browser read projects into this one shape.
 */
import type { Dialect } from '../faas/protocol.ts';

/** Serverless Framework serverless.yml / .ts / .js, Tencent's SCF component, AWS SAM and Tencent SCF CLI templates. */
export type ProjectFormat = 'framework' | 'scf-component' | 'sam' | 'scf-template';

export interface ProjectFile {
  format: ProjectFormat;
  service?: string;
  /** The stage the variables were resolved for (Framework files). */
  stage?: string;
  functions: ProjectFunction[];
  /** What the file says that cannot be honoured here, each naming the setting: printed, never silently dropped. */
  warnings: string[];
}

/** One function as the file declares it; settings it leaves out are absent so that flags and defaults can fill them. */
export interface ProjectFunction {
  /** The key under `functions` (Framework) or `inputs.name` (SCF component): how `--function` and routes name it. */
  name: string;
  /** The name the platform deploys it under, when the file gives one (Framework `functions.X.name`). */
  deployedName?: string;
  handler?: string;
  memoryMb?: number;
  timeoutS?: number;
  env: Record<string, string>;
  dialect?: Dialect;
  /** The code's folder, relative to the file's folder. */
  codeDir?: string;
  /** The runtime as the file spells it ("nodejs22.x", "Nodejs18.15"). */
  runtime?: string;
  /** The region the file deploys to (Framework `provider.region`, SCF `region`). */
  region?: string;
  /** The function's layers that the project builds from a local folder, in binding order (a later one's files win). */
  layers?: LocalLayer[];
  /** What the file says about this function alone that cannot be honoured here (the file's own are in ProjectFile). */
  warnings?: string[];
  events: FunctionEvent[];
  /**
   * The trigger entries exactly as a serverless.yml lists them (Framework `functions.NAME.events`, SCF component
   * `inputs.events`), kinds this project does not run included, so that `package` can write them back.
   */
  triggers?: DeclaredTriggers;
}

export interface DeclaredTriggers {
  format: 'framework' | 'scf-component';
  entries: unknown[];
}

/** A layer whose content is a folder of the project: its files are what `/opt` shows on the platform. */
export interface LocalLayer {
  /** As the file names it: the SAM resource's logical ID, the key under the Framework's `layers`. */
  name: string;
  /** The folder, relative to the file's folder (SAM `ContentUri`, Framework `layers.NAME.path`). */
  path: string;
}

export type FunctionEvent = HttpEvent | ScheduleEvent;

/**
 * An HTTP trigger. `api` says which gateway's event and response shapes apply: API Gateway REST (payload 1.0),
 * API Gateway HTTP API (payload 2.0) or Tencent's API gateway.
 */
export interface HttpEvent {
  kind: 'http';
  api: 'rest' | 'http' | 'scf';
  /** Upper case, or "ANY". */
  method: string;
  /** Starts with "/", with `{param}` and `{proxy+}` segments; "$default" for an HTTP API's catch-all route. */
  path: string;
  cors: boolean;
  /** Tencent's API gateway: the endpoint's `function.isIntegratedResponse`, when the file sets it (Tencent's default is off). */
  integratedResponse?: boolean;
}

/** A timer trigger, with its expression as written: `rate(5 minutes)`, AWS `cron(0 2 * * ? *)`, SCF's seven fields. */
export interface ScheduleEvent {
  kind: 'schedule';
  expression: string;
  enabled: boolean;
  /** A constant event the timer sends instead of the platform's own timer event (Framework `input`). */
  input?: unknown;
}

export class ProjectFileError extends Error {
  override name = 'ProjectFileError';
}
