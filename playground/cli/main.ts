import { events, EVENTS_HELP } from './commands/events.ts';
import { invoke, INVOKE_HELP } from './commands/invoke.ts';
import type { CliIO } from './io.ts';
import { nodeIO } from './node-io.ts';
import { UsageError } from './usage-error.ts';

export const MAIN_HELP = `Usage: hello-serverless <command> [options]

Learn serverless by running functions locally on a simulated FaaS platform.

Commands:
  invoke <dir-or-file>   run a function once (cold start); result JSON on STDOUT, logs on STDERR
  events list|show       sample trigger events for SCF and Lambda
  load <dir-or-file>     drive the live platform with many requests; cold starts, throttles, latency, GB-s
  serve [dir]            a local API gateway: the project's routes, timers and the Lambda Invoke API
  simulate               the model mode: the same scheduler on a virtual clock
  check <exercise> <file> run a workshop exercise's checks against your handler
  init <template> [dir]  start a project from a template or a workshop exercise; init --list
  package [dir]          the deployable zip: bundle with source map, serverless.yml for SCF and AWS

Run "hello-serverless <command> --help" for a command's options. NO_COLOR turns colours off.
`;

type Command = (args: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  invoke: async () => invoke,
  events: async () => events,
  load: async () => (await import('./commands/load.ts')).load,
  serve: async () => (await import('./commands/serve.ts')).serve,
  check: async () => (await import('./commands/check.ts')).check,
  simulate: async () => (await import('./commands/simulate.ts')).simulate,
  init: async () => (await import('./commands/init.ts')).init,
  package: async () => (await import('./commands/package.ts')).packageProject,
};

/** Runs one command line and returns the exit code; never throws for a usage problem. */
export async function main(args: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(MAIN_HELP);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`Unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}. See hello-serverless --help\n`);
    return 2;
  }
  try {
    return await (await command())(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`Error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

export function runCli(): void {
  main(process.argv.slice(2), nodeIO()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`hello-serverless crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

export { EVENTS_HELP, INVOKE_HELP };
