interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

interface Expected {
  exitCode: 0 | 1;
  /** Exit 0: the result. Exit 1: the errorType. */
  output: unknown;
}

const EXPECTED: Record<'ok' | 'bad' | 'slow', Expected> = {
  ok: { exitCode: 0, output: { total: 42 } },
  bad: { exitCode: 1, output: 'TypeError' },
  slow: { exitCode: 1, output: 'Sandbox.Timedout' },
};

/** What is wrong with one run, or undefined when it is what a good build gives. */
function problem(run: CliRun, expected: Expected): string | undefined {
  // Exit 2 means nothing ran: a broken build or a broken CI setup, never the failure a fixture expects.
  if (run.exitCode === 2) return `nothing ran (exit 2): ${run.stderr.trim().split('\n')[0]}`;
  if (run.exitCode !== expected.exitCode) return `exit code ${run.exitCode}, expected ${expected.exitCode}`;
  let output: unknown;
  try {
    output = JSON.parse(run.stdout);
  } catch {
    return `stdout is not JSON: ${run.stdout.slice(0, 80)}`;
  }
  if (expected.exitCode === 0) {
    return JSON.stringify(output) === JSON.stringify(expected.output) ? undefined : `result ${JSON.stringify(output)}`;
  }
  const errorType = (output as { errorType?: unknown } | null)?.errorType;
  return errorType === expected.output ? undefined : `errorType ${String(errorType)}, expected ${String(expected.output)}`;
}

export const main_handler = async (event: { runs: Record<'ok' | 'bad' | 'slow', CliRun> }) => {
  for (const name of ['ok', 'bad', 'slow'] as const) {
    const wrong = problem(event.runs[name], EXPECTED[name]);
    if (wrong) return { deploy: false, reason: `${name}: ${wrong}` };
  }
  return { deploy: true };
};
