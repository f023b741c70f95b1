import { numberFlag, parseCommandArgs, positiveInteger } from '../args.ts';
import { configFlags, FUNCTION_OPTIONS, FUNCTION_OPTIONS_HELP } from '../function-flags.ts';
import { INSPECT_OPTIONS_HELP, inspectorOptions, takeInspectFlag } from '../inspect-flags.ts';
import type { CliIO } from '../io.ts';
import { ServeCompileError, startServe } from '../serve/start-serve.ts';
import { UsageError } from '../usage-error.ts';

export const SERVE_HELP = `Usage: hello-serverless serve [dir] [options]

A local API gateway over the live platform, like "serverless offline" or "sam local start-api": every function of
the project runs on real worker instances that stay warm between requests, requests run in parallel, and each
one is logged (method, path, status, function, instance, cold or warm, duration, billed duration) with the
function's own log lines under it.

Routes come from the project file (serverless.yml/.ts/.js, or a SAM template.yaml's Api and HttpApi events):
Serverless Framework "http" events (REST API, v1 event), "httpApi" events (HTTP API, v2 event; "*" is the
$default route; {param} and {proxy+} paths), Tencent SCF "apigw" triggers (SCF's API gateway event). Without a
project file, the one function answers every path (SCF gateway shapes for an SCF function, HTTP API v2 for a
Lambda one). Timer triggers ("schedule: rate(5 minutes)", "cron(0 2 * * ? *)" in UTC,
SCF's seven-field cron) fire on the real clock while serve runs.

The same server answers Lambda's Invoke API, so an AWS SDK with endpoint http://HOST:PORT can call the functions:
  POST /2015-03-31/functions/{name}/invocations   (RequestResponse, Event, DryRun; LogType Tail)

Options:
  --port N               port to listen on (default 3000; 0 picks a free one)
  --host H               address to bind (default 127.0.0.1)
  --watch                recompile and deploy a new version when a file of a function or its layers changes
  --json                 also print one JSON object per request on STDOUT: time, method, path, status,
                         function, instance, start (cold|warm), durationMs, billedMs, requestId
  --max-instances M      reserved concurrency per function: requests beyond M busy or starting instances
                         are throttled (429)
  --keep-alive S         idle seconds before an instance is reclaimed (default: the platform's)
${FUNCTION_OPTIONS_HELP.split('\n').filter((line) => !line.includes('--event')).join('\n')}
${INSPECT_OPTIONS_HELP}
  -h, --help             show this help

Ctrl+C ends every instance and exits 0. Exit code 2: usage, configuration or compile error.
`;

const { event: _event, ...RUN_OPTIONS } = FUNCTION_OPTIONS;

export async function serve(args: string[], io: CliIO): Promise<number> {
  const { rest, inspect } = takeInspectFlag(args);
  const { values, positionals } = parseCommandArgs('serve', rest, {
    ...RUN_OPTIONS,
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    watch: { type: 'boolean', short: 'w' },
    json: { type: 'boolean' },
    'max-instances': { type: 'string' },
    'keep-alive': { type: 'string' },
  });
  if (values.help) {
    io.stdout(SERVE_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('serve takes at most one [dir]. See hello-serverless serve --help');
  const port = numberFlag('port', values.port) ?? 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, got "${values.port}"`);
  const keepAliveS = numberFlag('keep-alive', values['keep-alive']);
  if (keepAliveS !== undefined && !(keepAliveS >= 0)) throw new UsageError(`--keep-alive must be 0 or more seconds, got "${values['keep-alive']}"`);
  // Debugging is one instance at a time: a second would need a port of its own, and a debugger of its own.
  const maxConcurrency = inspect ? 1 : values['max-instances'] === undefined ? undefined : positiveInteger('max-instances', values['max-instances'], 1);

  let running;
  try {
    running = await startServe({
      dir: positionals[0] ?? '.',
      port,
      host: values.host ?? '127.0.0.1',
      watch: values.watch === true,
      json: values.json === true,
      flags: configFlags(values),
      ...(maxConcurrency === undefined ? {} : { maxConcurrency }),
      ...(keepAliveS === undefined ? {} : { keepAliveS }),
      ...(inspect ? { inspector: inspectorOptions(inspect, io) } : {}),
    }, io);
  } catch (error) {
    if (error instanceof ServeCompileError) {
      io.stderr(`Compile failed: ${error.message}\n`);
      return 2;
    }
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use: choose another with --port, or --port 0 for a free one`);
    throw error;
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  io.stderr('Stopping: ending every instance.\n');
  await running.close();
  return 0;
}
