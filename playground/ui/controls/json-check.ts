/** The result of checking the event text: the parsed value, or where and why it is not JSON. */
export type JsonCheck = { ok: true; value: unknown } | { ok: false; line: number; column: number; message: string };

/**
 * Parses JSON and, when it fails, says where: V8's messages carry either "at position N" or "line L column C",
 * and some carry neither (unexpected end), which means the end of the text.
 */
export function checkJson(text: string): JsonCheck {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    if (lineColumn) return { ok: false, line: Number(lineColumn[1]), column: Number(lineColumn[2]), message: clean(message) };
    const position = /position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : text.trimEnd().length;
    return { ok: false, ...lineAndColumn(text, offset), message: clean(message) };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

/** Drops the location V8 appends and the quoted source excerpt: the UI shows the location its own way. */
function clean(message: string): string {
  return message
    .replace(/\s*(in JSON )?at position \d+( \(line \d+ column \d+\))?/, '')
    .replace(/, "[\s\S]*" is not valid JSON$/, '')
    .trim();
}
