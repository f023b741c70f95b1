import { describe, expect, it } from 'vitest';
import { parseProjectFile, ProjectFileError } from '../../../playground/project/project-file.ts';

describe('reading a project file', () => {
  it('reads every Framework function with provider defaults, per-function overrides and the declared runtime', () => {
    const file = parseProjectFile(
      'service: shop\nprovider:\n  name: aws\n  runtime: nodejs20.x\n  memorySize: 512\n  environment:\n    STAGE: dev\nfunctions:\n  list:\n    handler: src/list.handler\n    environment:\n      STAGE: test\n  add:\n    handler: src/add.handler\n    timeout: 10\n',
      'serverless.yml',
    );
    expect(file).toMatchObject({ format: 'framework', service: 'shop' });
    expect(file.functions).toEqual([
      { name: 'list', handler: 'src/list.handler', memoryMb: 512, env: { STAGE: 'test' }, dialect: 'lambda', runtime: 'nodejs20.x', events: [] },
      { name: 'add', handler: 'src/add.handler', memoryMb: 512, timeoutS: 10, env: { STAGE: 'dev' }, dialect: 'lambda', runtime: 'nodejs20.x', events: [] },
    ]);
  });

  it('reads http (REST) and httpApi routes in their string and mapping forms, with cors', () => {
    const file = parseProjectFile(
      [
        'functions:',
        '  api:',
        '    handler: h.api',
        '    events:',
        '      - http: GET users/{id}',
        '      - http:',
        '          path: /orders/{proxy+}',
        '          method: post',
        '          cors: true',
        '      - httpApi: "*"',
        '      - httpApi: "PUT /items/{id}"',
        '      - httpApi:',
        '          method: "*"',
        '          path: /any',
      ].join('\n'),
      'serverless.yml',
    );
    expect(file.functions[0]?.events).toEqual([
      { kind: 'http', api: 'rest', method: 'GET', path: '/users/{id}', cors: false },
      { kind: 'http', api: 'rest', method: 'POST', path: '/orders/{proxy+}', cors: true },
      { kind: 'http', api: 'http', method: 'ANY', path: '$default', cors: false },
      { kind: 'http', api: 'http', method: 'PUT', path: '/items/{id}', cors: false },
      { kind: 'http', api: 'http', method: 'ANY', path: '/any', cors: false },
    ]);
  });

  it('reads schedules as written, several rates and a disabled one', () => {
    const file = parseProjectFile(
      'functions:\n  tick:\n    handler: h.tick\n    events:\n      - schedule: rate(5 minutes)\n      - schedule:\n          rate: [cron(0 2 * * ? *), rate(1 hour)]\n          enabled: false\n          input: { kind: nightly }\n',
      'serverless.yml',
    );
    expect(file.functions[0]?.events).toEqual([
      { kind: 'schedule', expression: 'rate(5 minutes)', enabled: true },
      { kind: 'schedule', expression: 'cron(0 2 * * ? *)', enabled: false, input: { kind: 'nightly' } },
      { kind: 'schedule', expression: 'rate(1 hour)', enabled: false, input: { kind: 'nightly' } },
    ]);
  });

  it('reads an SCF component with its API gateway and timer triggers', () => {
    const file = parseProjectFile(
      [
        'component: scf',
        'name: demo',
        'inputs:',
        '  name: hello',
        '  src: ./src',
        '  handler: index.main_handler',
        '  runtime: Nodejs16.13',
        '  memorySize: 256',
        '  events:',
        '    - apigw:',
        '        parameters:',
        '          endpoints:',
        '            - path: /',
        '              method: GET',
        '            - path: /orders',
        '              method: POST',
        '              enableCORS: true',
        '    - timer:',
        '        parameters:',
        '          cronExpression: "0 */5 * * * * *"',
      ].join('\n'),
      'serverless.yml',
    );
    expect(file.format).toBe('scf-component');
    expect(file.functions).toEqual([{
      name: 'hello', handler: 'index.main_handler', memoryMb: 256, codeDir: './src', runtime: 'Nodejs16.13', env: {}, dialect: 'scf',
      events: [
        { kind: 'http', api: 'scf', method: 'GET', path: '/', cors: false },
        { kind: 'http', api: 'scf', method: 'POST', path: '/orders', cors: true },
        { kind: 'schedule', expression: '0 */5 * * * * *', enabled: true },
      ],
      triggers: {
        format: 'scf-component',
        entries: [
          { apigw: { parameters: { endpoints: [{ path: '/', method: 'GET' }, { path: '/orders', method: 'POST', enableCORS: true }] } } },
          { timer: { parameters: { cronExpression: '0 */5 * * * * *' } } },
        ],
      },
    }]);
  });

  it('names the file and the field in what it refuses', () => {
    expect(() => parseProjectFile('functions: [', 'a/serverless.yml')).toThrow(/a\/serverless.yml is not valid YAML/);
    expect(() => parseProjectFile('service: x\n', 'serverless.yml')).toThrow(ProjectFileError);
    expect(() => parseProjectFile('functions:\n  f:\n    handler: h.f\n    memorySize: big\n', 'serverless.yml')).toThrow('serverless.yml: functions.f.memorySize must be a number, got "big"');
    expect(() => parseProjectFile('functions:\n  f:\n    handler: h.f\n    events:\n      - http: users\n', 'serverless.yml')).toThrow('functions.f.events[0].http must be "METHOD path"');
    expect(() => parseProjectFile('component: website\ninputs: {}\n', 'serverless.yml')).toThrow('component "website" is not a function');
  });
});

describe('variables, CloudFormation values and templates (the pure reader)', () => {
  const context = (files: Record<string, string> = {}, env: Record<string, string> = {}, stage?: string) => ({
    ...(stage === undefined ? {} : { stage }),
    params: {},
    env: (name: string) => env[name],
    readFile: (path: string) => files[path.replace(/^\.\//, '')],
  });

  it('resolves nested variables innermost first, falls back across alternatives, and reports the stage', () => {
    const text = 'service: shop\nprovider:\n  name: aws\n  stage: ${opt:stage, "beta"}\n  environment:\n    A: ${file(./${sls:stage}.json):nested.key}\n    B: ${env:NOPE, env:YES, \'x\'}\n    C: ${self:custom.${sls:stage}.c}\ncustom:\n  beta:\n    c: 3\nfunctions:\n  f:\n    handler: i.h\n';
    const parsed = parseProjectFile(text, 'serverless.yml', context({ 'beta.json': '{"nested":{"key":"from json"}}' }, { YES: 'yes' }));
    expect(parsed.stage).toBe('beta');
    expect(parsed.functions[0]?.env).toEqual({ A: 'from json', B: 'yes', C: '3' });
    expect(parsed.warnings).toEqual([]);
  });

  it('leaves a setting unset with a warning when its variable has no value here, instead of passing the text through', () => {
    const text = 'service: s\nprovider:\n  name: aws\n  memorySize: ${cf:other.memory}\n  environment:\n    KEY: ${file(./missing.yml):key}\n    CF: ${cf:stack.Output}\nfunctions:\n  f:\n    handler: i.h\n';
    const parsed = parseProjectFile(text, 'serverless.yml', context());
    expect(parsed.functions[0]?.env).toEqual({});
    expect(parsed.functions[0]?.memoryMb).toBeUndefined();
    expect(parsed.warnings).toEqual([
      expect.stringContaining('provider.environment.KEY: ./missing.yml does not exist next to the project file; left unset; give it with --env KEY=...'),
      expect.stringContaining('provider.environment.CF: ${cf:stack.Output} is read from the cloud (cf)'),
    ]);
    // Read for the function (its own memorySize would win), so it is the function's warning.
    expect(parsed.functions[0]?.warnings).toEqual([expect.stringContaining('provider.memorySize: ${cf:other.memory} is read from the cloud (cf) when the Framework deploys; the default applies')]);
  });

  it("keeps CloudFormation's own ${...} placeholders inside Fn::Sub", () => {
    const parsed = parseProjectFile('service: s\nprovider:\n  name: aws\n  environment:\n    ARN: !Sub "arn:${AWS::Partition}:s3:::${Bucket}"\nfunctions:\n  f:\n    handler: i.h\n', 'serverless.yml', context());
    expect(parsed.warnings).toEqual([expect.stringMatching(/provider\.environment\.ARN is the CloudFormation function Fn::Sub arn:\$\{AWS::Partition\}/)]);
  });

  it('tells a SAM template from an SCF one, and explains a template that is neither', () => {
    expect(parseProjectFile('Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties: { Handler: a.b, CodeUri: src }\n', 'template.yaml').format).toBe('sam');
    expect(parseProjectFile('Resources:\n  ns:\n    Type: TencentCloud::Serverless::Namespace\n    f:\n      Type: TencentCloud::Serverless::Function\n      Properties: { Handler: index.main_handler }\n', 'template.yml').format).toBe('scf-template');
    expect(() => parseProjectFile('Resources:\n  B:\n    Type: AWS::S3::Bucket\n', 'template.yaml')).toThrow(/neither a SAM template .* nor an SCF one/);
  });
});
