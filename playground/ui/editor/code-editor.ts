import { whenLongIdle } from '../engine/main-thread.ts';
import type { MonacoView } from './monaco-view.ts';

/** A compile problem at a place in a file, as the compilers report it (line and column 1-based). */
export interface SourceDiagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface CodeEditorOptions {
  readOnly?: boolean;
  onRun(): void;
  ariaLabel: string;
  /**
   * When Monaco (about 700 KB gzip and a long main-thread task to start) replaces the plain text area: `now`, or
   * `when-needed` (the default): as soon as the pointer, a touch or the focus reaches the code, otherwise once the page has been
   * idle for a while, so loading the page never waits on it.
   */
  loadMonaco?: 'now' | 'when-needed';
}

/**
 * The project's files in an editor that can be typed in at once: a plain text area first, then Monaco (syntax
 * colours, the type checker, completion) in its place, with the same text, caret and focus. Until Monaco is up,
 * compile errors wait and are shown when it is.
 */
export class CodeEditor {
  readonly #container: HTMLElement;
  readonly #options: CodeEditorOptions;
  readonly #plain: HTMLTextAreaElement;
  readonly #texts = new Map<string, string>();
  readonly #changeListeners: Array<() => void> = [];
  #current = '';
  #diagnostics: readonly SourceDiagnostic[] = [];
  #monaco: MonacoView | undefined;
  #loading: Promise<void> | undefined;

  constructor(container: HTMLElement, options: CodeEditorOptions) {
    this.#container = container;
    this.#options = options;
    this.#plain = plainTextArea(options);
    this.#plain.addEventListener('input', () => {
      this.#texts.set(this.#current, this.#plain.value);
      this.#changed();
    });
    this.#plain.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        event.stopPropagation();
        options.onRun();
      }
    });
    container.replaceChildren(this.#plain);
    if (options.loadMonaco === 'now') {
      void this.#loadMonaco();
      return;
    }
    const load = () => void this.#loadMonaco();
    for (const type of ['pointerover', 'touchstart', 'focusin']) container.addEventListener(type, load, { once: true, passive: true });
    whenLongIdle(load);
  }

  /** Replaces every file (a new project, a reset, a restore) and shows `open`. */
  setFiles(files: Record<string, string>, open: string): void {
    if (this.#monaco) return this.#monaco.setFiles(files, open);
    this.#texts.clear();
    for (const [path, text] of Object.entries(files)) this.#texts.set(path, text);
    this.open(open);
  }

  addFile(path: string, text: string): void {
    if (this.#monaco) return this.#monaco.addFile(path, text);
    this.#texts.set(path, text);
  }

  renameFile(from: string, to: string): void {
    if (this.#monaco) return this.#monaco.renameFile(from, to);
    const text = this.#texts.get(from);
    if (text === undefined) return;
    this.#texts.delete(from);
    this.#texts.set(to, text);
    if (this.#current === from) this.open(to);
  }

  deleteFile(path: string, fallback: string): void {
    if (this.#monaco) return this.#monaco.deleteFile(path, fallback);
    this.#texts.delete(path);
    if (this.#current === path) this.open(fallback);
  }

  open(path: string): void {
    if (this.#monaco) return this.#monaco.open(path);
    const text = this.#texts.get(path);
    if (text === undefined) return;
    this.#current = path;
    this.#plain.value = text;
  }

  files(): Record<string, string> {
    return this.#monaco ? this.#monaco.files() : Object.fromEntries(this.#texts);
  }

  onChange(listener: () => void): void {
    this.#changeListeners.push(listener);
  }

  /** Shows compile errors where they are; files without errors lose their old markers. */
  showDiagnostics(diagnostics: readonly SourceDiagnostic[]): void {
    if (this.#monaco) return this.#monaco.showDiagnostics(diagnostics);
    this.#diagnostics = diagnostics;
    const first = diagnostics.find((diagnostic) => this.#texts.has(diagnostic.file));
    if (first) this.open(first.file);
  }

  #changed(): void {
    for (const listener of this.#changeListeners) listener();
  }

  #loadMonaco(): Promise<void> {
    this.#loading ??= import('./monaco-view.ts').then(
      ({ MonacoView }) => {
        const plain = this.#plain;
        const focused = document.activeElement === plain;
        const caret = plain.selectionStart;
        const view = new MonacoView(this.#container, this.#options);
        view.setFiles(Object.fromEntries(this.#texts), this.#current);
        if (this.#diagnostics.length !== 0) view.showDiagnostics(this.#diagnostics);
        view.onChange(() => this.#changed());
        this.#monaco = view;
        if (focused) view.focusAt(caret);
      },
      // The text area keeps working; the next request for Monaco tries again.
      () => {
        this.#loading = undefined;
      },
    );
    return this.#loading;
  }
}

function plainTextArea(options: CodeEditorOptions): HTMLTextAreaElement {
  const area = document.createElement('textarea');
  area.spellcheck = false;
  area.readOnly = options.readOnly ?? false;
  area.setAttribute('aria-label', options.ariaLabel);
  area.setAttribute('autocapitalize', 'off');
  area.setAttribute('autocomplete', 'off');
  area.dataset.hs = 'plain-editor';
  Object.assign(area.style, {
    boxSizing: 'border-box',
    width: '100%',
    height: '100%',
    margin: '0',
    padding: '0.5rem 1rem',
    border: '0',
    resize: 'none',
    outline: 'none',
    font: '14px/1.5 var(--__sl-font-mono, monospace)',
    tabSize: '2',
    whiteSpace: 'pre',
    color: 'var(--sl-color-white)',
    background: 'var(--sl-color-bg)',
  });
  return area;
}
