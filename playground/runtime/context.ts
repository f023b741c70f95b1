import type { ContextFields, Dialect } from '../faas/protocol.ts';

/**
 * The `context` argument. It carries the SCF field names and the Lambda ones at the same time, whatever the dialect,
 * so a handler written for either platform finds what it reads (the dialect only changes defaults such as the
 * account id format and the environment variables the platform sets).
 */
export interface HandlerContext {
  // Lambda
  awsRequestId: string;
  functionName: string;
  functionVersion: string;
  memoryLimitInMB: string;
  invokedFunctionArn: string;
  logGroupName: string;
  logStreamName: string;
  callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
  // SCF
  request_id: string;
  function_name: string;
  function_version: string;
  memory_limit_in_mb: number;
  time_limit_in_ms: number;
  namespace: string;
  tencentcloud_region: string;
  tencentcloud_appid: string;
  tencentcloud_uin: string;
  /** SCF passes the function's environment variables as a JSON string. */
  environment: string;
  /** The same variables as `K=V;K=V`, as SCF's `environ`. */
  environ: string;
}

export const SAMPLE_ACCOUNT_ID = '123456789012';
export const SAMPLE_APP_ID = '1250000000';
export const SAMPLE_UIN = '100000000001';

/** SCF's two renderings of the function's environment variables, computed once per instance. */
export interface EnvironmentStrings {
  environment: string;
  environ: string;
}

export function environmentStrings(env: Record<string, string>): EnvironmentStrings {
  return { environment: JSON.stringify(env), environ: Object.entries(env).map(([k, v]) => `${k}=${v}`).join(';') };
}

let dayCache = { until: 0, text: '' };

/** The UTC date as Lambda's log stream names show it (2026/11/24), recomputed at most once a minute. */
function logStreamDay(now: number): string {
  if (now >= dayCache.until) dayCache = { until: now + 60_000, text: new Date(now).toISOString().slice(0, 10).replaceAll('-', '/') };
  return dayCache.text;
}

export function buildContext(fields: ContextFields, env: EnvironmentStrings, remaining: () => number): HandlerContext {
  const day = logStreamDay(Date.now());
  return {
    awsRequestId: fields.requestId,
    functionName: fields.functionName,
    functionVersion: fields.functionVersion,
    memoryLimitInMB: String(fields.memoryLimitInMB),
    invokedFunctionArn: `arn:aws:lambda:${fields.region}:${SAMPLE_ACCOUNT_ID}:function:${fields.functionName}`,
    logGroupName: `/aws/lambda/${fields.functionName}`,
    logStreamName: `${day}/[${fields.functionVersion}]${fields.requestId.replaceAll('-', '').slice(0, 32)}`,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, Math.round(remaining())),
    request_id: fields.requestId,
    function_name: fields.functionName,
    function_version: fields.functionVersion,
    memory_limit_in_mb: fields.memoryLimitInMB,
    time_limit_in_ms: fields.timeLimitInMs,
    namespace: fields.namespace,
    tencentcloud_region: fields.region,
    tencentcloud_appid: SAMPLE_APP_ID,
    tencentcloud_uin: SAMPLE_UIN,
    environment: env.environment,
    environ: env.environ,
  };
}

/** Variables each platform sets for every function; the user's own variables win on a clash. */
export function platformEnv(dialect: Dialect, functionName: string, memoryMb: number, root: string): Record<string, string> {
  if (dialect === 'lambda') {
    return {
      AWS_LAMBDA_FUNCTION_NAME: functionName,
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(memoryMb),
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
      LAMBDA_TASK_ROOT: root,
      TZ: ':UTC',
    };
  }
  return {
    SCF_FUNCTIONNAME: functionName,
    SCF_FUNCTIONVERSION: '$LATEST',
    SCF_NAMESPACE: 'default',
    SCF_RUNTIME: 'Nodejs22',
    TENCENTCLOUD_REGION: 'ap-guangzhou',
    TENCENTCLOUD_APPID: SAMPLE_APP_ID,
    TENCENTCLOUD_UIN: SAMPLE_UIN,
    SCF_USERCODEPATH: root,
  };
}
