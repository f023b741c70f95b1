import type { FunctionSettings, Project } from '../../project/project.ts';
import { isValidFilePath } from '../../project/project.ts';

/** Bounds a saved or shared project must stay within; anything outside them is refused, never half-loaded. */
export const PROJECT_LIMITS = { maxFiles: 50, maxFileChars: 512 * 1024, maxTotalChars: 2 * 1024 * 1024, maxEnvVars: 64 } as const;

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Checks that `data` is a whole, sensible Project: every file path valid, the entry among the files, settings in
 * range, env a map of strings. The problem names the first field that is wrong, in plain words.
 */
export function checkProject(data: unknown): Checked<Project> {
  if (!isRecord(data)) return refuse('the project is not an object');
  const { entry, files, settings, event } = data;
  if (!isRecord(files)) return refuse('"files" is missing or not an object');
  const paths = Object.keys(files);
  if (paths.length === 0) return refuse('the project has no files');
  if (paths.length > PROJECT_LIMITS.maxFiles) return refuse(`the project has ${paths.length} files; at most ${PROJECT_LIMITS.maxFiles} are allowed`);
  let total = 0;
  for (const path of paths) {
    const text = files[path];
    if (!isValidFilePath(path)) return refuse(`the file name "${path}" is not allowed`);
    if (typeof text !== 'string') return refuse(`the file "${path}" is not text`);
    if (text.length > PROJECT_LIMITS.maxFileChars) return refuse(`the file "${path}" has ${text.length} characters; at most ${PROJECT_LIMITS.maxFileChars} are allowed`);
    total += text.length;
  }
  if (total > PROJECT_LIMITS.maxTotalChars) return refuse(`the files hold ${total} characters; at most ${PROJECT_LIMITS.maxTotalChars} are allowed`);
  if (typeof entry !== 'string' || !(entry in files)) return refuse(`the entry file ${JSON.stringify(entry)} is not among the files`);
  if (typeof event !== 'string') return refuse('"event" must be text');
  const checkedSettings = checkSettings(settings);
  if (!checkedSettings.ok) return checkedSettings;
  return { ok: true, value: { entry, files: { ...(files as Record<string, string>) }, settings: checkedSettings.value, event } };
}

function checkSettings(data: unknown): Checked<FunctionSettings> {
  if (!isRecord(data)) return refuse('"settings" is missing or not an object');
  const { dialect, exportName, env } = data;
  if (dialect !== 'scf' && dialect !== 'lambda') return refuse('settings.dialect must be "scf" or "lambda"');
  if (typeof exportName !== 'string' || !IDENTIFIER.test(exportName)) return refuse('settings.exportName must be a JavaScript name');
  const numbers = {
    memoryMb: wholeIn(data.memoryMb, 16, 10240),
    timeoutS: numberIn(data.timeoutS, 0.001, 900),
    maxConcurrency: wholeIn(data.maxConcurrency, 1, 1000),
    keepAliveS: numberIn(data.keepAliveS, 0, 86_400),
    provisionedConcurrency: wholeIn(data.provisionedConcurrency, 0, 1000),
  };
  for (const [key, value] of Object.entries(numbers)) {
    if (value === undefined) return refuse(`settings.${key} is missing or out of range`);
  }
  if (!isRecord(env)) return refuse('settings.env must be an object of NAME: value');
  const names = Object.keys(env);
  if (names.length > PROJECT_LIMITS.maxEnvVars) return refuse(`settings.env has ${names.length} variables; at most ${PROJECT_LIMITS.maxEnvVars} are allowed`);
  for (const name of names) {
    if (!ENV_NAME.test(name)) return refuse(`the environment variable name "${name}" is not allowed`);
    if (typeof env[name] !== 'string') return refuse(`the environment variable ${name} must be text`);
  }
  return {
    ok: true,
    value: {
      dialect,
      exportName,
      memoryMb: numbers.memoryMb as number,
      timeoutS: numbers.timeoutS as number,
      maxConcurrency: numbers.maxConcurrency as number,
      keepAliveS: numbers.keepAliveS as number,
      provisionedConcurrency: numbers.provisionedConcurrency as number,
      env: { ...(env as Record<string, string>) },
    },
  };
}

function numberIn(value: unknown, min: number, max: number): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : undefined;
}

function wholeIn(value: unknown, min: number, max: number): number | undefined {
  return Number.isInteger(value) ? numberIn(value, min, max) : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refuse(problem: string): { ok: false; problem: string } {
  return { ok: false, problem };
}
