import workerUrl from './instance-worker.ts?worker&url';

export interface InstanceWorkerScript {
  source: string;
  type: WorkerType;
}

let loading: Promise<InstanceWorkerScript> | undefined;

/**
 * The bundled instance worker as text. The sandboxed frame has an opaque origin and may not start a worker from
 * the site's URL, so the page fetches the script (same origin, cached) and the frame makes a blob of it.
 * Fetched once per page.
 */
export function loadInstanceWorkerScript(): Promise<InstanceWorkerScript> {
  loading ??= fetch(workerUrl).then(async (response) => {
    if (!response.ok) throw new Error(`Could not load the instance runtime (${workerUrl}): HTTP ${response.status}`);
    return { source: await response.text(), type: import.meta.env.DEV ? 'module' : 'classic' };
  });
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
