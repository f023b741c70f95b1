import type * as monacoApi from 'monaco-editor/editor';
import { setUpMonaco, type Monaco } from './monaco-setup.ts';
import { watchSiteTheme } from './site-theme.ts';
import type { CodeEditorOptions, SourceDiagnostic } from './code-editor.ts';

/**
 * One Monaco editor over the project's files: one model per file (so undo history and the type checker see all of
 * them), switched by the file tabs. The type checker sees every file at file:///<path>, which is how "./greet" and
 * "layer/format" resolve for completion exactly as they do for the compiler. CodeEditor loads it when needed.
 */
export class MonacoView {
  private readonly monaco: Monaco;
  private readonly editor: monacoApi.editor.IStandaloneCodeEditor;
  private readonly models = new Map<string, monacoApi.editor.ITextModel>();
  private readonly changeListeners: Array<() => void> = [];
  private current = '';
  /** Whether any compile error is marked now: clearing none is skipped, as Monaco would redraw the view for it. */
  private marked = false;

  constructor(container: HTMLElement, options: CodeEditorOptions) {
    this.monaco = setUpMonaco();
    const narrow = container.clientWidth < 520;
    container.replaceChildren();
    this.editor = this.monaco.editor.create(container, {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: narrow ? 13 : 14,
      lineNumbersMinChars: narrow ? 2 : 4,
      folding: !narrow,
      scrollBeyondLastLine: false,
      tabSize: 2,
      readOnly: options.readOnly ?? false,
      ariaLabel: options.ariaLabel,
      fixedOverflowWidgets: true,
      wordWrap: 'on',
    });
    this.editor.addCommand(this.monaco.KeyMod.CtrlCmd | this.monaco.KeyCode.Enter, () => options.onRun());
    watchSiteTheme((theme) => this.monaco.editor.setTheme(theme === 'light' ? 'vs' : 'vs-dark'));
  }

  /** Replaces every file (a new project, a reset, a restore) and shows `open`. */
  setFiles(files: Record<string, string>, open: string): void {
    for (const model of this.models.values()) model.dispose();
    this.models.clear();
    for (const [path, text] of Object.entries(files)) this.addFile(path, text);
    this.open(open);
  }

  addFile(path: string, text: string): void {
    const model = this.monaco.editor.createModel(text, languageOf(path), this.monaco.Uri.parse(`file:///${path}`));
    model.onDidChangeContent(() => this.changeListeners.forEach((listener) => listener()));
    this.models.set(path, model);
  }

  renameFile(from: string, to: string): void {
    const model = this.models.get(from);
    if (!model) return;
    const text = model.getValue();
    model.dispose();
    this.models.delete(from);
    this.addFile(to, text);
    if (this.current === from) this.open(to);
  }

  deleteFile(path: string, fallback: string): void {
    this.models.get(path)?.dispose();
    this.models.delete(path);
    if (this.current === path) this.open(fallback);
  }

  open(path: string): void {
    const model = this.models.get(path);
    if (!model) return;
    this.current = path;
    this.editor.setModel(model);
  }

  files(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [path, model] of this.models) out[path] = model.getValue();
    return out;
  }

  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  /** Puts the caret at a character offset of the open file and focuses the editor. */
  focusAt(offset: number): void {
    const model = this.editor.getModel();
    if (model) this.editor.setPosition(model.getPositionAt(offset));
    this.editor.focus();
  }

  /** Shows compile errors where they are; files without errors lose their old markers. */
  showDiagnostics(diagnostics: readonly SourceDiagnostic[]): void {
    if (diagnostics.length === 0 && !this.marked) return;
    this.marked = diagnostics.length > 0;
    for (const [path, model] of this.models) {
      const own = diagnostics.filter((diagnostic) => diagnostic.file === path);
      this.monaco.editor.setModelMarkers(
        model,
        'compiler',
        own.map((diagnostic) => {
          const line = Math.max(1, diagnostic.line);
          const column = Math.max(1, diagnostic.column);
          return {
            severity: this.monaco.MarkerSeverity.Error,
            message: diagnostic.message,
            startLineNumber: line,
            startColumn: column,
            endLineNumber: line,
            endColumn: Math.max(column + 1, model.getLineMaxColumn(Math.min(line, model.getLineCount()))),
          };
        }),
      );
    }
    const first = diagnostics.find((diagnostic) => this.models.has(diagnostic.file));
    if (first) {
      this.open(first.file);
      this.editor.revealLineInCenterIfOutsideViewport(Math.max(1, first.line));
    }
  }
}

function languageOf(path: string): string {
  if (/\.[mc]?ts$/.test(path)) return 'typescript';
  if (/\.[mc]?js$/.test(path)) return 'javascript';
  if (path.endsWith('.json')) return 'json';
  return 'plaintext';
}
