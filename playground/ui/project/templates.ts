import type { Dialect } from '../../faas/protocol.ts';
import type { Project } from '../../project/project.ts';
import { defaultSettings } from '../../project/project.ts';

/** The templates' comments in each language; the Chinese page shows the same code commented in Chinese. */
const comments = {
  en: {
    moduleScope: 'Module scope runs once per instance (the cold start); it survives warm invokes.',
    tmp: '/tmp belongs to the instance too: the file is still there on a warm invoke, gone on a new instance.',
    layer: "Files under layer/ are shared code, reachable as 'layer/<path>' or '/opt/<path>' (where layers are mounted).",
  },
  'zh-cn': {
    moduleScope: '模块顶层代码在每个实例上只运行一次（冷启动时），热启动的调用之间一直保留。',
    tmp: '/tmp 也属于实例：热启动时文件还在，换成新实例就没有了。',
    layer: "layer/ 下的文件是共享代码，用 'layer/<路径>' 或 '/opt/<路径>'（层的挂载位置）引用。",
  },
} satisfies Record<'en' | 'zh-cn', Record<string, string>>;

type Comments = (typeof comments)['en'];

/**
 * The starting code for each dialect. Both teach the lesson most people get wrong: module scope and /tmp live
 * as long as the instance, so a warm invoke sees the counter and the file the previous request left behind,
 * and a new instance starts from zero.
 */
const scfEntry = (c: Comments) => `import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { SCFAPIGatewayEvent, SCFContext } from 'scf';
import { greet } from './greet';

// ${c.moduleScope}
const startedAt = new Date().toISOString();
let invocations = 0;

export const main_handler = async (event: SCFAPIGatewayEvent, context: SCFContext) => {
  invocations += 1;
  // ${c.tmp}
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

const lambdaEntry = (c: Comments) => `import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { greet } from './greet';

// ${c.moduleScope}
const startedAt = new Date().toISOString();
let invocations = 0;

export const handler = async (event: APIGatewayProxyEvent, context: Context): Promise<APIGatewayProxyResult> => {
  invocations += 1;
  // ${c.tmp}
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

const layerFormat = (c: Comments) => `// ${c.layer}
export function shout(text: string): string {
  return text.toUpperCase();
}
`;

/** The template project; `locale` 'zh-cn' gives it Chinese comments. */
export function templateFor(dialect: Dialect, event: string, locale = 'en'): Project {
  const entry = 'index.ts';
  const c = locale === 'zh-cn' ? comments['zh-cn'] : comments.en;
  return {
    entry,
    files: {
      [entry]: dialect === 'scf' ? scfEntry(c) : lambdaEntry(c),
      'greet.ts': greet,
      'layer/format.ts': layerFormat(c),
    },
    settings: { ...defaultSettings, dialect, exportName: dialect === 'scf' ? 'main_handler' : 'handler' },
    event,
  };
}
