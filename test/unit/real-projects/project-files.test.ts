import { afterEach, describe, expect, it } from 'vitest';
import { readProjectFile } from '../../../playground/cli/function-config.ts';
import { cli, fixture } from './run-cli.ts';

describe('real projects: Serverless Framework variables', () => {
  afterEach(() => {
    delete process.env.HS_REAL_VARIABLES;
  });

  it('resolves self, sls:stage, opt:stage with its default, file(), env and param, and leaves a cloud-only value unset with a warning', async () => {
    process.env.HS_REAL_VARIABLES = 'from the shell';
    const { code, json, err, out } = await cli('invoke', fixture('real-variables'));
    expect(code).toBe(0);
    expect(json).toEqual({
      TABLE: 'orders-dev-table',
      SERVICE: 'orders',
      STAGE: 'dev',
      GREETING: 'hello from the dev config',
      FROM_SHELL: 'from the shell',
      DOMAIN: 'example.test',
      SECRET: null,
      AWS_REGION: 'eu-west-1',
    });
    expect(err).toMatch(/^warning: .*serverless\.yml: provider\.environment\.SECRET: \$\{ssm:\/orders\/secret\} is read from the cloud \(ssm\).*--env SECRET=/m);
    expect(out).not.toContain('${');
  });

  it('takes --stage and --param, and --env gives the value a variable could not', async () => {
    const { code, json } = await cli('invoke', fixture('real-variables'), '--stage', 'prod', '--param', 'domain=cli.test', '--env', 'SECRET=s3cr3t');
    expect(code).toBe(0);
    expect(json).toMatchObject({ TABLE: 'orders-prod-table', STAGE: 'prod', GREETING: 'hello from the prod config', DOMAIN: 'cli.test', SECRET: 's3cr3t' });
  });
});

describe('real projects: CloudFormation values', () => {
  it('runs a file with Ref, Fn::GetAtt and Fn::Join in its environment: those are unset, each with a warning naming it', async () => {
    const { code, json, err } = await cli('invoke', fixture('real-intrinsics'), '--env', 'BUCKET=my-local-bucket');
    expect(code).toBe(0);
    expect(json).toEqual({ BUCKET: 'my-local-bucket', TABLE_ARN: null, QUEUE_URL: null, PLAIN: 'kept' });
    expect(err).toMatch(/warning: .*provider\.environment\.BUCKET is the CloudFormation function Ref Uploads/);
    expect(err).toMatch(/warning: .*provider\.environment\.TABLE_ARN is the CloudFormation function Fn::GetAtt Table\.Arn/);
    expect(err).toMatch(/warning: .*provider\.environment\.QUEUE_URL is the CloudFormation function Fn::Join/);
  });
});

describe('real projects: other project formats', () => {
  it('runs a SAM template: Globals, the function own settings, parameter defaults and --param', async () => {
    const { code, json, err } = await cli('invoke', fixture('real-sam'), '--function', 'HelloFunction', '--param', 'Stage=qa');
    expect(code).toBe(0);
    expect(JSON.parse((json as { body: string }).body)).toEqual({ hello: 'world', stage: 'qa', table: 'orders', memory: '256' });
    expect(err).toMatch(/Memory Size: 256 MB/);
    expect(err).toMatch(/warning: .*HelloFunction\.Properties\.Environment\.Variables\.BUCKET is the CloudFormation function Ref Uploads/);
  });

  it('reads a SAM template events as the same routes and timers a serverless.yml gives', () => {
    const project = readProjectFile(fixture('real-sam'));
    expect(project?.format).toBe('sam');
    const hello = project?.functions.find((fn) => fn.name === 'HelloFunction');
    expect(hello).toMatchObject({ handler: 'app.lambdaHandler', codeDir: 'hello/', runtime: 'nodejs20.x', memoryMb: 256, timeoutS: 5, layers: [{ name: 'CommonLayer', path: 'layers/common' }] });
    expect(hello?.events).toEqual([
      { kind: 'http', api: 'rest', method: 'GET', path: '/hello/{name}', cors: false },
      { kind: 'http', api: 'http', method: 'ANY', path: '$default', cors: false },
    ]);
    expect(project?.functions.find((fn) => fn.name === 'NightlyFunction')).toMatchObject({ memoryMb: 512, events: [{ kind: 'schedule', expression: 'cron(0 2 * * ? *)', enabled: true, input: { job: 'report' } }] });
  });

  it("keeps one function's warnings off another function's run", async () => {
    const { code, err } = await cli('invoke', fixture('real-sam'), '--function', 'NightlyFunction');
    expect(code).toBe(0);
    expect(err).not.toContain('warning:');
  });

  it('runs a serverless.ts (the Framework TypeScript template: path aliases, handlerPath(__dirname)), which wins over serverless.yml', async () => {
    const { code, json, err } = await cli('invoke', fixture('real-serverless-ts'), '--event', fixture('real-serverless-ts/event.json'));
    expect(code).toBe(0);
    expect(JSON.parse((json as { body: string }).body)).toEqual({ message: 'Hello ts', stage: 'dev' });
    expect(err).toMatch(/Memory Size: 256 MB/);
  });

  it('reads the file --config names instead', async () => {
    const { code, err } = await cli('invoke', fixture('real-serverless-ts'), '--config', fixture('real-serverless-ts/serverless.yml'));
    expect(code).toBe(0);
    expect(err).toMatch(/Memory Size: 1024 MB/);
  });

  it("runs an SCF CLI template.yaml with its memory setting, environment and runtime, and reads its triggers", async () => {
    const { code, json, err } = await cli('invoke', fixture('real-scf-template'));
    expect(code).toBe(0);
    expect(json).toEqual({ greeting: 'ni hao', runtime: 'Nodejs16.13', memory: 256 });
    expect(err).toMatch(/Memory Size: 256 MB/);
    expect(readProjectFile(fixture('real-scf-template'))?.functions[0]?.events).toEqual([
      { kind: 'http', api: 'scf', method: 'ANY', path: '/', cors: false },
      { kind: 'schedule', expression: '0 */5 * * * * *', enabled: true },
    ]);
  });
});

describe('real projects: the declared runtime', () => {
  it("puts the declared runtime in the platform's variable", async () => {
    const { code, json } = await cli('invoke', fixture('real-runtime'), '--function', 'current');
    expect(code).toBe(0);
    expect(json).toEqual({ executionEnv: 'AWS_Lambda_nodejs18.x' });
  });

  it('gives a callback handler on nodejs24.x the answer Lambda gives, and warns that our Node is older', async () => {
    const { code, json, err } = await cli('invoke', fixture('real-runtime'), '--function', 'callback');
    expect(code).toBe(1);
    expect(json).toMatchObject({ errorType: 'Runtime.CallbackHandlerDeprecated' });
    expect(err).toMatch(/warning: the function declares nodejs24\.x, but runs on this machine's Node \d+/);
  });

  it('refuses a function in another language with a usage error', async () => {
    const { code, err } = await cli('invoke', fixture('real-runtime'), '--function', 'python');
    expect(code).toBe(2);
    expect(err).toContain('declares runtime python3.12; hello-serverless runs Node.js functions only');
  });
});

describe('real projects: the AWS SDK and credentials Lambda provides', () => {
  afterEach(() => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
  });

  it('says that Lambda ships @aws-sdk/* and how to install it, when the project does not have it', async () => {
    const { code, json } = await cli('invoke', fixture('real-aws-sdk'), '--function', 'producer');
    expect(code).toBe(1);
    expect((json as { errorMessage: string }).errorMessage).toMatch(/Cannot find module '@aws-sdk\/client-sqs'[^]*include the AWS SDK for JavaScript v3[^]*npm install --save-dev @aws-sdk\/client-sqs/);
  });

  it("passes the developer's credentials and the file's region, and invents none", async () => {
    const bare = await cli('invoke', fixture('real-aws-sdk'), '--function', 'env');
    expect(bare.json).toEqual({ region: 'ap-southeast-1', keyId: null, secret: null });
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'from-the-developer';
    const withKeys = await cli('invoke', fixture('real-aws-sdk'), '--function', 'env');
    expect(withKeys.json).toEqual({ region: 'ap-southeast-1', keyId: 'AKIDEXAMPLE', secret: 'from-the-developer' });
  });
});

describe('real projects: load names the function it ran and counts failures by type', () => {
  it('labels a --handler run with the function that has that handler', async () => {
    const { code, json } = await cli('load', fixture('real-aws-sdk'), '--handler', 'index.consumer', '--requests', '3', '--concurrency', '1', '--json');
    expect(code).toBe(0);
    expect(json).toMatchObject({ function: 'consumer', ok: 3, failed: 0, failuresByType: {} });
  });

  it('counts failed requests by their error type', async () => {
    const { code, json } = await cli('load', fixture('real-aws-sdk'), '--handler', 'index.producer', '--requests', '2', '--concurrency', '1', '--json');
    expect(code).toBe(0);
    expect(json).toMatchObject({ function: 'producer', failed: 2, failuresByType: { Error: 2 } });
    const text = await cli('load', fixture('real-aws-sdk'), '--function', 'producer', '--requests', '1', '--concurrency', '1');
    expect(text.out).toMatch(/^failures {6}Error 1$/m);
  });
});
