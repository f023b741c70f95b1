import type { Project } from '../../project/project.ts';
import { ProjectAutosave } from './autosave.ts';
import type { KeyValueStorage } from './autosave.ts';
import { persistenceMessages } from './persistence-messages.ts';

// Compression (fflate) and YAML are loaded when a link is made or opened, or a zip made, not with the page.
const shareLink = () => import('./share-link.ts');
const projectZip = () => import('../../project/project-zip.ts');

/** Everything the playground keeps or hands out: autosave, share links and the deployable zip. */
export interface ProjectStore {
  /** A shared project from the URL, else the saved one, else `template`; `message` explains anything unusual. */
  restore(template: Project): Promise<{ project: Project; message?: string }>;
  /** Saves after a quiet moment (call on every change). */
  save(project: Project): void;
  /** Saves now (call before each run). */
  flush(project: Project): Promise<void>;
  /** A link that opens this project (never runs it), or why there is none. */
  share(project: Project): Promise<{ ok: true; url: string } | { ok: false; message: string }>;
  /** Compiles the project and downloads it as a zip that deploys. */
  download(project: Project): Promise<void>;
}

export interface ProjectStoreOptions {
  /** The page's language ("en", "zh-cn"): messages are written in it. */
  locale?: string;
  /** Told about problems that happen outside a call's answer: a refused save, a failed download. */
  onProblem?(message: string): void;
  /** Defaults to the window's localStorage. */
  storage?: KeyValueStorage;
}

/**
 * The browser's ProjectStore. Opening a share link reads its data and nothing more: the link's project replaces
 * the editor's content, is saved, and the hash is removed from the address so a reload keeps later edits.
 */
export async function openProjectStore(options: ProjectStoreOptions = {}): Promise<ProjectStore> {
  const t = persistenceMessages(options.locale ?? document.documentElement.lang ?? 'en');
  const problem = options.onProblem ?? (() => undefined);
  const autosave = new ProjectAutosave(options.storage ?? window.localStorage);
  const reportSave = (failure: string | undefined) => {
    if (failure) problem(t.saveFailed(failure));
  };
  window.addEventListener('pagehide', () => reportSave(autosave.flush()));

  return {
    async restore(template) {
      const messages: string[] = [];
      const shared = location.hash.length > 1 ? (await shareLink()).decodeShareHash(location.hash) : undefined;
      if (shared) history.replaceState(history.state, '', location.pathname + location.search);
      if (shared?.ok) {
        reportSave(autosave.flush(shared.value));
        return { project: shared.value, message: t.sharedLoaded };
      }
      const saved = autosave.restore();
      const project = saved.status === 'restored' ? saved.project : template;
      if (shared && !shared.ok) messages.push(t.brokenLink(shared.problem, saved.status === 'restored' ? 'saved' : 'template'));
      if (saved.status === 'corrupt') messages.push(t.corruptSave(saved.problem));
      return messages.length > 0 ? { project, message: messages.join(' ') } : { project };
    },
    save(project) {
      autosave.schedule(project);
    },
    async flush(project) {
      reportSave(autosave.flush(project));
    },
    async share(project) {
      const encoded = (await shareLink()).encodeShareHash(project);
      if (!encoded.ok) return { ok: false, message: t.linkTooLarge(encoded.chars, encoded.limit) };
      return { ok: true, url: `${location.origin}${location.pathname}${encoded.hash}` };
    },
    async download(project) {
      try {
        const { browserCompiler } = await import('../../compiler/browser.ts');
        const compiled = await browserCompiler().compile({ entry: project.entry, files: project.files });
        if (!compiled.ok) {
          const first = compiled.diagnostics[0];
          problem(t.downloadFailed(first ? `${first.file}:${first.line}:${first.column} ${first.message}` : 'the code does not compile'));
          return;
        }
        const zip = (await projectZip()).projectZip(project, compiled.bundle);
        saveFile(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), 'hello-serverless-function.zip');
      } catch (error) {
        problem(t.downloadFailed(error instanceof Error ? error.message : String(error)));
      }
    },
  };
}

function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
