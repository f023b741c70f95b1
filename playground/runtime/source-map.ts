import { authorColumn } from '../compiler/bundle-contract.ts';
/**
 * Maps positions in the compiled bundle back to the user's sources, using the inline source map esbuild writes.
 * Only what stack traces need: decode the VLQ "mappings" and look up the segment at a generated line and column.
 */
export interface OriginalPosition {
  source: string;
  /** 1-based, like stack traces. */
  line: number;
  /** 1-based, like stack traces. */
  column: number;
}

export interface SourceMap {
  lookup(line: number, column: number): OriginalPosition | undefined;
}

interface RawSourceMap {
  sources: string[];
  sourcesContent?: (string | null)[];
  mappings: string;
}

/** Segments per generated line: [generatedColumn, sourceIndex, sourceLine, sourceColumn], all 0-based. */
type Segment = [number, number, number, number];

const INLINE_PREFIX = '//# sourceMappingURL=data:application/json;base64,';

export function readInlineSourceMap(bundle: string): SourceMap | undefined {
  const at = bundle.lastIndexOf(INLINE_PREFIX);
  if (at < 0) return undefined;
  const encoded = bundle.slice(at + INLINE_PREFIX.length).trim();
  try {
    const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
    const raw = JSON.parse(new TextDecoder().decode(bytes)) as RawSourceMap;
    return createSourceMap(raw.sources, decodeMappings(raw.mappings), raw.sourcesContent ?? []);
  } catch {
    return undefined;
  }
}

function createSourceMap(sources: string[], lines: Segment[][], contents: (string | null)[]): SourceMap {
  const sourceLines = new Map<number, string[]>();
  const lineOf = (source: number, line: number): string => {
    let split = sourceLines.get(source);
    if (!split) {
      split = (contents[source] ?? '').split('\n');
      sourceLines.set(source, split);
    }
    return split[line] ?? '';
  };
  return {
    lookup(line, column) {
      const segments = lines[line - 1];
      if (!segments || segments.length === 0) return undefined;
      const col = column - 1;
      let found: Segment | undefined;
      for (const segment of segments) {
        if (segment[0] > col) break;
        found = segment;
      }
      found ??= segments[0];
      if (!found) return undefined;
      const source = sources[found[1]];
      return source === undefined ? undefined : { source, line: found[2] + 1, column: authorColumn(lineOf(found[1], found[2]), found[3] + 1) };
    },
  };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

export function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  for (const line of mappings.split(';')) {
    const segments: Segment[] = [];
    let column = 0;
    for (const text of line.split(',')) {
      if (text === '') continue;
      const fields = decodeVlq(text);
      column += fields[0] ?? 0;
      if (fields.length >= 4) {
        source += fields[1] ?? 0;
        sourceLine += fields[2] ?? 0;
        sourceColumn += fields[3] ?? 0;
        segments.push([column, source, sourceLine, sourceColumn]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

/** Base64 VLQ: 5 data bits per digit, bit 6 says "more digits follow", the lowest bit of the value is the sign. */
export function decodeVlq(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`bad VLQ digit ${char}`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value % 2 === 1 ? -Math.floor(value / 2) : value / 2);
      value = 0;
      shift = 0;
    }
  }
  return values;
}
