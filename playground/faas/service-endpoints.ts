import type { ServiceAnswer, ServiceCall } from './instance-host.ts';

/** What a service does with one call made to its URL. */
export type ServiceEndpoint = (call: ServiceCall) => ServiceAnswer | Promise<ServiceAnswer>;

/**
 * The URLs a platform's services answer on (a WebSocket gateway registers its reverse-push URL here), so a
 * handler's fetch to one of them reaches the service through the instance's host, in whichever host it runs.
 */
export class ServiceEndpoints {
  readonly #endpoints = new Map<string, ServiceEndpoint>();

  /** Answers calls to `url` with `endpoint` until the returned function is called; a later registration takes the URL over. */
  register(url: string, endpoint: ServiceEndpoint): () => void {
    this.#endpoints.set(url, endpoint);
    return () => {
      if (this.#endpoints.get(url) === endpoint) this.#endpoints.delete(url);
    };
  }

  /** The service's answer; 404 when nothing answers on the URL, 500 when the service itself failed. */
  async call(call: ServiceCall): Promise<ServiceAnswer> {
    const endpoint = this.#endpoints.get(call.url);
    if (!endpoint) return noService(call.url);
    try {
      return await endpoint(call);
    } catch (error) {
      return jsonAnswer(500, `the service failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** The answer to a call on a URL no service of the platform answers on. */
export function noService(url: string): ServiceAnswer {
  return jsonAnswer(404, `no service of this platform answers on ${url}`);
}

/** An answer whose body is `{ "errMsg": message }`. */
export function jsonAnswer(status: number, errMsg: string): ServiceAnswer {
  return { status, body: JSON.stringify({ errMsg }) };
}
