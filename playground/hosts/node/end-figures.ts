/**
 * The figures an instance's worker writes, synchronously, as an invocation ends, into memory it shares with the
 * host, just before it posts the result: the host then builds that invocation's end sample the moment the result
 * arrives, with no round trip to the worker (asking the worker costs as much as a warm invocation itself).
 */
export interface EndFigures {
  heapUsed: number;
  heapTotal: number;
  heapLimit: number;
  external: number;
  /** The thread's CPU time since it started. */
  cpuUserUs: number;
  cpuSystemUs: number;
}

export function endFiguresBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(6 * Float64Array.BYTES_PER_ELEMENT);
}

export function writeEndFigures(buffer: SharedArrayBuffer, f: EndFigures): void {
  const values = new Float64Array(buffer);
  values[0] = f.heapUsed;
  values[1] = f.heapTotal;
  values[2] = f.heapLimit;
  values[3] = f.external;
  values[4] = f.cpuUserUs;
  values[5] = f.cpuSystemUs;
}

export function readEndFigures(buffer: SharedArrayBuffer): EndFigures {
  const v = new Float64Array(buffer);
  return { heapUsed: v[0] ?? 0, heapTotal: v[1] ?? 0, heapLimit: v[2] ?? 0, external: v[3] ?? 0, cpuUserUs: v[4] ?? 0, cpuSystemUs: v[5] ?? 0 };
}
