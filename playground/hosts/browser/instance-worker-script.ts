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
  if (import.meta.env.DEV) {
    // The dev server serves the runtime as separate modules; a blob worker of an opaque origin cannot import them.
    return Promise.reject(new Error('Function instances run only in a built site (astro build, then serve the output folder): the dev server cannot give the sandboxed workers their runtime as one script.'));
  }
  loading ??= fetch(workerUrl).then(async (response) => {
    if (!response.ok) throw new Error(`Could not load the instance runtime (${workerUrl}): HTTP ${response.status}`);
    return { source: await response.text(), type: 'classic' };
  });
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
