/** Saves after a quiet moment while someone types, and at once before each run and when the page is hidden. */
export class Autosave<T> {
  readonly #write: (value: T) => void;
  readonly #delayMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pending: T | undefined;

  constructor(write: (value: T) => void, delayMs = 400) {
    this.#write = write;
    this.#delayMs = delayMs;
  }

  /** Saves after a quiet moment; a newer call replaces an older one. */
  schedule(value: T): void {
    this.#pending = value;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), this.#delayMs);
  }

  /** Saves now: `value`, else what is waiting. */
  flush(value: T | undefined = this.#pending): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = undefined;
    if (value !== undefined) this.#write(value);
  }
}
