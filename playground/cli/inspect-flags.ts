import { DEFAULT_INSPECTOR_PORT } from '../hosts/node/inspector.ts';
import type { InspectorOptions } from '../hosts/node/inspector.ts';
import type { CliIO } from './io.ts';
import { UsageError } from './usage-error.ts';

/** Node's own spellings, so a developer's habits carry over. */
const FLAGS = { '--inspect': { wait: false, pause: false }, '--inspect-wait': { wait: true, pause: false }, '--inspect-brk': { wait: true, pause: true } } as const;

export const INSPECT_OPTIONS_HELP = `  --inspect[=PORT]       open the Node inspector in the instance (127.0.0.1:9229 by default; =0 picks a
                         free port, =HOST:PORT another address)
  --inspect-wait[=PORT]  the same, and wait for a debugger before the handler's module loads
  --inspect-brk[=PORT]   the same, and pause there once one attaches
                         While debugging, one instance runs at a time and the timeout is off.`;

export interface InspectFlag {
  host: string;
  port: number;
  wait: boolean;
  pause: boolean;
}

/**
 * Takes the --inspect flags out of a command line: node:util parseArgs cannot read a flag whose value is
 * optional (`--inspect` and `--inspect=9230` are both valid), so they are read here and the rest goes to it.
 */
export function takeInspectFlag(args: string[]): { rest: string[]; inspect: InspectFlag | undefined } {
  let inspect: InspectFlag | undefined;
  const rest: string[] = [];
  for (const arg of args) {
    const at = arg.indexOf('=');
    const name = at < 0 ? arg : arg.slice(0, at);
    if (!Object.hasOwn(FLAGS, name)) {
      rest.push(arg);
      continue;
    }
    // As with node, the last one wins: `npm run debug -- --inspect-brk=9230` moves a script's own flag.
    inspect = { ...address(name, at < 0 ? undefined : arg.slice(at + 1)), ...FLAGS[name as keyof typeof FLAGS] };
  }
  return { rest, inspect };
}

function address(flag: string, value: string | undefined): { host: string; port: number } {
  if (value === undefined) return { host: '127.0.0.1', port: DEFAULT_INSPECTOR_PORT };
  const colon = value.lastIndexOf(':');
  const host = colon < 0 ? '127.0.0.1' : value.slice(0, colon);
  const portText = colon < 0 ? value : value.slice(colon + 1);
  const port = Number(portText);
  if (portText === '' || !Number.isInteger(port) || port < 0 || port > 65535 || host === '') {
    throw new UsageError(`${flag} takes [HOST:]PORT with a port from 0 to 65535, got "${value}"`);
  }
  return { host, port };
}

/**
 * The host's inspector options for a flag: the address, the chrome://inspect hint and what debugging changes go
 * to STDERR. `timeoutMs` names the one function's timeout, when there is one function.
 */
export function inspectorOptions(flag: InspectFlag, io: CliIO, timeoutMs?: number): InspectorOptions {
  return {
    ...flag,
    onListening(result) {
      if (!result.ok) {
        io.stderr(`Error: the instance could not open the inspector on ${flag.host}:${flag.port}: ${result.problem}\n`);
        return;
      }
      const port = new URL(result.url).port;
      io.stderr(
        `Debugger for the instance: ${result.url}\n` +
          `  Chrome: open chrome://inspect${port === String(DEFAULT_INSPECTOR_PORT) ? '' : ` and add ${flag.host}:${port} under "Configure..."`}; VS Code: attach to port ${port}.\n` +
          `  ${timeoutMs === undefined ? 'Timeouts are' : `The function's ${timeoutMs / 1000} s timeout is`} off while an inspector can attach; one instance runs at a time.\n` +
          (flag.wait ? `  Waiting for a debugger to attach before the handler's module loads${flag.pause ? ' (it pauses there)' : ''}...\n` : ''),
      );
    },
  };
}
