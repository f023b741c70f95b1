import type { ModelReply, ModelRequest } from '../../model/worker-entry.ts';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
export type ModelJob = WithoutId<ModelRequest>;
/** What a job ends with: its result, or the model's reason for refusing the parameters. */
export type ModelOutcome = Exclude<ModelReply, { type: 'progress' }>;

/** Thrown (as a rejection) to the job that Cancel stopped. */
export class ModelCancelled extends Error {
  constructor() {
    super('The model run was cancelled');
    this.name = 'ModelCancelled';
  }
}

interface Pending {
  id: number;
  resolve: (outcome: ModelOutcome) => void;
  reject: (error: Error) => void;
  onProgress: (fraction: number) => void;
}

/**
 * The page's side of the model worker: one job at a time, progress as it comes, and Cancel that terminates the
 * worker (the run stops at once, wherever it is) and starts a fresh one for the next job. The worker script, and
 * with it the model engine, is fetched when the first job starts.
 */
export class ModelClient {
  #worker: Worker | undefined;
  #next = 1;
  #pending: Pending | undefined;

  get busy(): boolean {
    return this.#pending !== undefined;
  }

  run(job: ModelJob, onProgress: (fraction: number) => void): Promise<ModelOutcome> {
    if (this.#pending) return Promise.reject(new Error('A model run is already going'));
    const worker = this.#start();
    const id = this.#next++;
    return new Promise<ModelOutcome>((resolve, reject) => {
      this.#pending = { id, resolve, reject, onProgress };
      worker.postMessage({ ...job, id });
    });
  }

  cancel(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.reject(new ModelCancelled());
    this.#start();
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('../../model/worker-entry.ts', import.meta.url), { type: 'module', name: 'model' });
    worker.onmessage = (event: MessageEvent<ModelReply>) => {
      const reply = event.data;
      const pending = this.#pending;
      if (!pending || reply.id !== pending.id) return;
      if (reply.type === 'progress') {
        pending.onProgress(reply.fraction);
        return;
      }
      this.#pending = undefined;
      pending.resolve(reply);
    };
    worker.onerror = (event) => {
      // The worker itself failed (its script did not load, or it crashed): the job gets the reason, the next starts afresh.
      event.preventDefault();
      this.#worker?.terminate();
      this.#worker = undefined;
      const pending = this.#pending;
      this.#pending = undefined;
      pending?.reject(new Error(event.message || 'The model worker stopped'));
    };
    this.#worker = worker;
    return worker;
  }
}
