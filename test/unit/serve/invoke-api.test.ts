import { InvokeCommand, LambdaClient, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, fixture, serveForTest } from './running-serve.ts';
import type { ServeUnderTest } from './running-serve.ts';

let serve: ServeUnderTest;
let lambda: LambdaClient;

beforeAll(async () => {
  serve = await serveForTest(fixture('serve-http'));
  lambda = new LambdaClient({ endpoint: serve.url, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
}, 30_000);

afterAll(async () => {
  lambda?.destroy();
  await serve?.close();
});

const payload = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
const parsed = (bytes: Uint8Array | undefined): unknown => JSON.parse(new TextDecoder().decode(bytes));

describe('the Lambda Invoke API, called with @aws-sdk/client-lambda', () => {
  it('RequestResponse returns the result', async () => {
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'hello', Payload: payload({ pathParameters: { name: 'sdk' } }) }));
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBeUndefined();
    expect(parsed(out.Payload)).toEqual({ greeting: 'hello sdk' });
  });

  it('a failing function comes back as 200 with FunctionError Unhandled and the error as payload', async () => {
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'fail', Payload: payload({}) }));
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBe('Unhandled');
    expect(parsed(out.Payload)).toMatchObject({ errorType: 'Error', errorMessage: 'the function failed on purpose' });
  });

  it('LogType Tail returns the invocation\'s log, base64-encoded', async () => {
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'hello', LogType: 'Tail', Payload: payload({ pathParameters: { name: 'tail' } }) }));
    const log = Buffer.from(out.LogResult ?? '', 'base64').toString('utf8');
    expect(log).toContain('hello tail');
    expect(log).toMatch(/REPORT RequestId: \S+\tDuration: /);
  });

  it('Event is accepted with 202 and runs after the answer', async () => {
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'hello', InvocationType: 'Event', Payload: payload({ pathParameters: { name: 'later' } }) }));
    expect(out.StatusCode).toBe(202);
    await eventually('the event invocation to run', () => serve.io.err.includes('hello later'));
  });

  it('an unknown function is ResourceNotFoundException', async () => {
    await expect(lambda.send(new InvokeCommand({ FunctionName: 'nobody' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});
