import { parseCommandArgs } from '../args.ts';
import type { CliIO } from '../io.ts';
import { listSampleEvents, readSampleEvent } from '../sample-events.ts';
import { UsageError } from '../usage-error.ts';

export const EVENTS_HELP = `Usage: hello-serverless events list [--dialect scf|lambda] [--json]
       hello-serverless events show NAME [--dialect scf|lambda]

Sample trigger events, like "sam local generate-event". "show" prints the event as JSON on STDOUT, ready for
  hello-serverless events show http --dialect lambda > event.json
  hello-serverless invoke ./my-function --event event.json
NAME is the trigger (http, timer, queue, ...); --dialect picks the platform's shape (default: scf when both exist).
`;

export async function events(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('events', args, {
    dialect: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help || positionals.length === 0) {
    io.stdout(EVENTS_HELP);
    return values.help ? 0 : 2;
  }
  const dialect = values.dialect;
  if (dialect !== undefined && dialect !== 'scf' && dialect !== 'lambda') throw new UsageError(`--dialect must be scf or lambda, got "${dialect}"`);
  const all = listSampleEvents();
  const [action, name, ...extra] = positionals;
  if (action === 'list') {
    if (name !== undefined) throw new UsageError(`events list takes no NAME (got "${name}")`);
    const shown = all.filter((e) => dialect === undefined || e.dialect === dialect);
    if (values.json) {
      io.stdout(`${JSON.stringify(shown, null, 2)}\n`);
      return 0;
    }
    const width = Math.max(...shown.map((e) => e.name.length));
    for (const e of shown) io.stdout(`${e.name.padEnd(width)}  ${e.dialect.padEnd(6)}  ${e.title.en}\n`);
    return 0;
  }
  if (action === 'show') {
    if (name === undefined || extra.length > 0) throw new UsageError('events show needs exactly one NAME; see hello-serverless events list');
    const matches = all.filter((e) => e.name === name);
    if (matches.length === 0) throw new UsageError(`no sample event "${name}"; known: ${[...new Set(all.map((e) => e.name))].join(', ')}`);
    const chosen = dialect ? matches.find((e) => e.dialect === dialect) : matches.find((e) => e.dialect === 'scf') ?? matches[0];
    if (!chosen) throw new UsageError(`"${name}" has no ${dialect} sample; it exists for ${matches.map((e) => e.dialect).join(', ')}`);
    io.stdout(`${JSON.stringify(readSampleEvent(chosen), null, 2)}\n`);
    return 0;
  }
  throw new UsageError(`unknown events action "${action ?? ''}": use list or show`);
}
