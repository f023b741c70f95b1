import type { Dialect } from '../../faas/protocol.ts';
import type { Project } from '../../project/project.ts';
import { defaultSettings } from '../../project/project.ts';

/**
 * The starting code for each dialect. Both teach the lesson most people get wrong: module scope and /tmp live
 * as long as the instance, so a warm invoke sees the counter and the file the previous request left behind,
 * and a new instance starts from zero.
 */
const scfEntry = `import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { SCFAPIGatewayEvent, SCFContext } from 'scf';
import { greet } from './greet';

// Module scope runs once per instance (the cold start); it survives warm invokes.
const startedAt = new Date().toISOString();
let invocations = 0;

export const main_handler = async (event: SCFAPIGatewayEvent, context: SCFContext) => {
  invocations += 1;
  // /tmp belongs to the instance too: the file is still there on a warm invoke, gone on a new instance.
  const marker = '/tmp/visits.txt';
  const before = existsSync(marker) ? readFileSync(marker, 'utf8') : '';
  writeFileSync(marker, before + context.request_id + '\\n');

  console.log('invocation', invocations, 'on an instance started at', startedAt);
  return {
    isBase64Encoded: false,
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      message: greet(event.pathParameters?.name ?? 'serverless'),
      invocationsOnThisInstance: invocations,
      visitsInTmp: before.split('\\n').filter(Boolean).length + 1,
      instanceStartedAt: startedAt,
    }),
  };
};
`;

const lambdaEntry = `import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { greet } from './greet';

// Module scope runs once per instance (the cold start); it survives warm invokes.
const startedAt = new Date().toISOString();
let invocations = 0;

export const handler = async (event: APIGatewayProxyEvent, context: Context): Promise<APIGatewayProxyResult> => {
  invocations += 1;
  // /tmp belongs to the instance too: the file is still there on a warm invoke, gone on a new instance.
  const marker = '/tmp/visits.txt';
  const before = existsSync(marker) ? readFileSync(marker, 'utf8') : '';
  writeFileSync(marker, before + context.awsRequestId + '\\n');

  console.log('invocation', invocations, 'on an instance started at', startedAt);
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      message: greet(event.pathParameters?.name ?? 'serverless'),
      invocationsOnThisInstance: invocations,
      visitsInTmp: before.split('\\n').filter(Boolean).length + 1,
      instanceStartedAt: startedAt,
    }),
  };
};
`;

const greet = `import { shout } from 'layer/format';

export function greet(name: string): string {
  return \`Hello, \${shout(name)}!\`;
}
`;

const layerFormat = `// Files under layer/ are shared code, reachable as 'layer/<path>' or '/opt/<path>' (where layers are mounted).
export function shout(text: string): string {
  return text.toUpperCase();
}
`;

export function templateFor(dialect: Dialect, event: string): Project {
  const entry = 'index.ts';
  return {
    entry,
    files: {
      [entry]: dialect === 'scf' ? scfEntry : lambdaEntry,
      'greet.ts': greet,
      'layer/format.ts': layerFormat,
    },
    settings: { ...defaultSettings, dialect, exportName: dialect === 'scf' ? 'main_handler' : 'handler' },
    event,
  };
}
