import type { Dialect } from '../faas/protocol.ts';

/** What the user is working on: the function's files, its configuration and the event to send. */
export interface Project {
  /** Path of the entry file, e.g. "index.ts". */
  entry: string;
  files: Record<string, string>;
  settings: FunctionSettings;
  /** The event as JSON text, exactly as typed. */
  event: string;
}

export interface FunctionSettings {
  dialect: Dialect;
  /** The export the platform calls: handler "index.main_handler" means entry index.ts, export main_handler. */
  exportName: string;
  memoryMb: number;
  timeoutS: number;
  maxConcurrency: number;
  keepAliveS: number;
  provisionedConcurrency: number;
  env: Record<string, string>;
}

export const defaultSettings: FunctionSettings = {
  dialect: 'scf',
  exportName: 'main_handler',
  memoryMb: 128,
  timeoutS: 3,
  maxConcurrency: 10,
  keepAliveS: 60,
  provisionedConcurrency: 0,
  env: { GREETING: 'hello' },
};

/** The memory sizes both platforms offer at the small end, enough to see billing change. */
export const memoryChoices = [64, 128, 256, 512, 1024, 2048, 3072];

/** "index.ts" + "main_handler" → "index.main_handler", the way both consoles show a handler. */
export function handlerName(project: Project): string {
  return `${project.entry.replace(/\.[mc]?[tj]s$/, '')}.${project.settings.exportName}`;
}

const validPath = /^(?!\/)(?!.*\/\/)(?!.*(^|\/)\.\.?(\/|$))[\w.\-/]+\.(ts|mts|cts|js|mjs|cjs|json|txt)$/;

/** File names the compiler can resolve: relative, no "." or ".." segments, a known extension. */
export function isValidFilePath(path: string): boolean {
  return validPath.test(path);
}
