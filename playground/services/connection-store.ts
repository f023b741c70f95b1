/** Why a connection ended. */
export type CloseCause = 'client' | 'failed-call';

export interface Connection {
  id: string;
  open: boolean;
  closeCause?: CloseCause;
}

/** The connections a WebSocket gateway holds: the truth about which client can still be reached. */
export class ConnectionStore {
  readonly #connections = new Map<string, Connection>();

  open(id: string): void {
    if (this.#connections.has(id)) throw new Error(`connection ${id} was opened before; a connection id is never reused`);
    this.#connections.set(id, { id, open: true });
  }

  close(id: string, cause: CloseCause): void {
    const connection = this.#connections.get(id);
    if (connection?.open) this.#connections.set(id, { id, open: false, closeCause: cause });
  }

  isOpen(id: string): boolean {
    return this.#connections.get(id)?.open === true;
  }

  get(id: string): Connection | undefined {
    return this.#connections.get(id);
  }

  /** The ids of the open connections, in the order they opened. */
  openIds(): string[] {
    return [...this.#connections.values()].filter((connection) => connection.open).map((connection) => connection.id);
  }
}
