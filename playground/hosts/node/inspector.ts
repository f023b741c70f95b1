import { open, url, waitForDebugger } from 'node:inspector';
import { MessageChannel } from 'node:worker_threads';
import type { MessagePort, TransferListItem } from 'node:worker_threads';

/**
 * Debugging one instance: its worker thread opens the Node inspector (Node 22 supports `inspector.open()` inside a
 * worker), so DevTools or VS Code attach to that instance alone, as `sam local invoke -d` attaches to its container.
 * The worker tells the host the `ws://` address over a port of its own, outside the instance protocol.
 */
export interface InspectorOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Wait for a debugger to attach before the handler's module loads (Node's --inspect-wait). */
  wait: boolean;
  /** Also pause there, once attached (Node's --inspect-brk). */
  pause: boolean;
  /** Called with the inspector's ws:// address when the instance listens, or with the reason it could not. */
  onListening(result: { ok: true; url: string } | { ok: false; problem: string }): void;
}

/** Node's default inspector port, which chrome://inspect watches without configuration. */
export const DEFAULT_INSPECTOR_PORT = 9229;

/**
 * How long a debugged function may take, to init or to answer: a person stepping through code is not a timeout.
 * 24 hours stays below the largest delay a timer accepts (2^31 - 1 ms).
 */
export const DEBUG_TIME_LIMIT_MS = 24 * 60 * 60 * 1000;

/** The part of the options a worker needs: plain data and the port to report on. */
export interface WorkerInspectorData {
  host: string;
  port: number;
  wait: boolean;
  pause: boolean;
  report: MessagePort;
}

/** Host side: the worker's share of the options, the port to transfer with it, and a way to stop listening. */
export function inspectorChannel(options: InspectorOptions): { data: WorkerInspectorData; transfer: TransferListItem[]; close(): void } {
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (message: unknown) => options.onListening(readReport(message)));
  port1.unref();
  return {
    data: { host: options.host, port: options.port, wait: options.wait, pause: options.pause, report: port2 },
    transfer: [port2],
    close: () => port1.close(),
  };
}

function readReport(message: unknown): { ok: true; url: string } | { ok: false; problem: string } {
  const report = (message ?? {}) as { url?: unknown; problem?: unknown };
  if (typeof report.url === 'string') return { ok: true, url: report.url };
  return { ok: false, problem: typeof report.problem === 'string' ? report.problem : 'the inspector did not start' };
}

/** Worker side, before the handler's module loads: listen, report the address, and wait or pause as asked. */
export function openInspector(data: WorkerInspectorData): void {
  try {
    open(data.port, data.host, false);
  } catch (error) {
    data.report.postMessage({ problem: (error as Error).message });
    data.report.close();
    return;
  }
  data.report.postMessage({ url: url() });
  data.report.close();
  if (!data.wait) return;
  // Blocks this instance's thread until a debugger attaches and tells it to run.
  waitForDebugger();
  // --inspect-brk: the first stop is here, before the handler's module is evaluated, so its breakpoints can be set.
  if (data.pause) debugger;
}
