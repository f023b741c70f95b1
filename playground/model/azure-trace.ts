/**
 * The Azure Functions 2019 trace's invocation files (invocations_per_function_md.anon.d01.csv …): one row per
 * function, columns HashOwner, HashApp, HashFunction, Trigger, then 1 … 1440 (invocations in each minute of the
 * day). Format per https://github.com/Azure/AzurePublicDataset/blob/master/AzureFunctionsDataset2019.md
 */
export interface TraceRow {
  owner: string;
  app: string;
  function: string;
  trigger: string;
  countsPerMinute: number[];
}

export const MINUTES_PER_DAY = 1440;
const FIXED_COLUMNS = ['HashOwner', 'HashApp', 'HashFunction', 'Trigger'];

/** Parses the CSV; throws an error naming the line and column for anything that is not in the trace's format. */
export function parseAzureTrace(text: string): TraceRow[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines[0]?.split(',') ?? [];
  const expected = [...FIXED_COLUMNS, ...Array.from({ length: MINUTES_PER_DAY }, (_, i) => String(i + 1))];
  if (header.length !== expected.length || header.some((name, i) => name.trim() !== expected[i])) {
    throw new SyntaxError(
      `Line 1: expected the header ${FIXED_COLUMNS.join(',')},1,…,${MINUTES_PER_DAY} of the Azure Functions 2019 trace (${expected.length} columns), found ${header.length} columns`,
    );
  }
  return lines.slice(1).map((line, index) => {
    const cells = line.split(',');
    const lineNo = index + 2;
    if (cells.length !== expected.length) throw new SyntaxError(`Line ${lineNo}: ${cells.length} columns, expected ${expected.length}`);
    const countsPerMinute = cells.slice(FIXED_COLUMNS.length).map((cell, minute) => {
      const count = Number(cell);
      if (!Number.isInteger(count) || count < 0) throw new SyntaxError(`Line ${lineNo}, minute ${minute + 1}: "${cell}" is not a count`);
      return count;
    });
    const [owner = '', app = '', fn = '', trigger = ''] = cells;
    return { owner, app, function: fn, trigger, countsPerMinute };
  });
}

/** Writes rows in the trace's format (used to make the shipped sample traces). */
export function formatAzureTrace(rows: TraceRow[]): string {
  const header = [...FIXED_COLUMNS, ...Array.from({ length: MINUTES_PER_DAY }, (_, i) => String(i + 1))].join(',');
  return [header, ...rows.map((row) => [row.owner, row.app, row.function, row.trigger, ...row.countsPerMinute].join(','))].join('\n') + '\n';
}
