import type { Dialect } from '../faas/protocol.ts';

/**
 * What a function's declared runtime (`nodejs20.x`, `Nodejs18.15`) means here. We run every function on the one
 * Node this machine has, so the declared name goes where the platform puts it (Lambda's `AWS_EXECUTION_ENV`,
 * SCF's `SCF_RUNTIME`), and differences that matter are said: a newer Node than ours, an SDK the platform
 * bundles, a language we cannot run at all.
 */
export interface DeclaredRuntime {
  env: Record<string, string>;
  warnings: string[];
  /** Set when the function cannot run here at all. */
  refusal?: string;
}

export function declaredRuntime(dialect: Dialect, runtime: string | undefined, ourNodeMajor: number): DeclaredRuntime {
  if (runtime === undefined) return { env: {}, warnings: [] };
  const major = /^nodejs(\d+)/i.exec(runtime)?.[1];
  if (major === undefined) {
    return { env: {}, warnings: [], refusal: `the function declares runtime ${runtime}; hello-serverless runs Node.js functions only` };
  }
  const version = Number(major);
  const env: Record<string, string> = dialect === 'lambda' ? { AWS_EXECUTION_ENV: `AWS_Lambda_${runtime}` } : { SCF_RUNTIME: runtime };
  const warnings: string[] = [];
  if (version > ourNodeMajor) warnings.push(`the function declares ${runtime}, but runs on this machine's Node ${ourNodeMajor}: APIs newer than Node ${ourNodeMajor} are missing here`);
  if (dialect === 'lambda' && version <= 16) warnings.push(`${runtime} on Lambda includes the AWS SDK v2 (aws-sdk); here it must be installed with the function (npm install aws-sdk)`);
  return { env, warnings };
}
