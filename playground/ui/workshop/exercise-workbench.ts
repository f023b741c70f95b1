import { browserCompiler } from '../../compiler/browser.ts';
import type { InvocationRecord } from '../../faas/invocation-record.ts';
import { Platform } from '../../faas/platform.ts';
import { RealClock } from '../../faas/real-clock.ts';
import { BrowserInstanceHost } from '../../hosts/browser/browser-instance-host.ts';
import type { Check } from '../../workshop/check-api.ts';
import { checkOnPlatform, exerciseEntryFile, exerciseExportName, type ExerciseDeployment } from '../../workshop/check-on-platform.ts';
import type { CheckOutcome } from '../../workshop/run-checks.ts';
import { h } from '../dom.ts';
import { CodeEditor } from '../editor/code-editor.ts';
import { fill } from '../format.ts';
import { encodeShareHash } from '../persistence/share-link.ts';
import { defaultSettings, type Project } from '../../project/project.ts';
import { WorkshopProgress } from './workshop-progress.ts';
import type { WorkshopLocale, WorkshopStrings } from './workshop-strings.ts';

/** An exercise as its page hands it to the workbench (content/exercises/<id>/, read at build time). */
export interface WorkbenchExercise extends ExerciseDeployment {
  starter: string;
  /** The exercise's sample event (JSON text), for opening the answer in the playground. */
  event: string;
  locale: WorkshopLocale;
  strings: WorkshopStrings;
}

/** Told when the learner's progress on this exercise changed, so the page's marks can follow. */
export type ProgressListener = () => void;

/** Enough of what the learner's code logged to find a bug, not so much that a log flood stalls the page. */
const LOG_LINES_SHOWN = 300;
const LOG_LINE_CHARS = 500;
const SAVE_DELAY_MS = 400;

/**
 * The exercise's editor and its checks, on the page beside the instructions. The learner's code is saved while
 * they type and before every check; a check run compiles the code with esbuild-wasm and runs the exercise's
 * checks against a fresh platform of sandboxed Web Worker instances (the same checks the CLI runs), so a warm
 * start in one run never leaks into the next.
 */
export async function mountWorkbench(
  container: HTMLElement,
  exercise: WorkbenchExercise,
  loadChecks: () => Promise<Check[]>,
  onProgress: ProgressListener,
): Promise<void> {
  const t = exercise.strings;
  const entry = exerciseEntryFile(exercise.handler);
  const progress = new WorkshopProgress(window.localStorage);
  const checks = await loadChecks();
  const compiler = browserCompiler();
  const opening = progress.get(exercise.id).code ?? exercise.starter;
  compiler.warm({ entry, files: { [entry]: opening } });

  const checkButton = h('button', { type: 'button', class: 'hs-pg__button hs-pg__button--primary', 'data-hs': 'workbench-check' }, '▶ ', t.check);
  const stopButton = h('button', { type: 'button', class: 'hs-pg__button', hidden: true, 'data-hs': 'workbench-stop' }, '■ ', t.stop);
  const resetButton = h('button', { type: 'button', class: 'hs-pg__button', 'data-hs': 'workbench-reset' }, t.reset);
  const playgroundPath = exercise.locale === 'zh-cn' ? '/zh-cn/playground/' : '/playground/';
  const openLink = h('a', { href: playgroundPath, 'data-hs': 'workbench-open-playground' }, t.openInPlayground, ' →');
  const status = h('p', { class: 'hs-workbench__status', role: 'status', 'data-hs': 'workbench-status' });
  const notice = h('p', { class: 'hs-pg__error', role: 'alert', hidden: true, 'data-hs': 'workbench-notice' });
  const editorHost = h('div', { class: 'hs-workbench__editor' });
  const outcomesList = h('ol', { class: 'hs-workbench__outcomes', 'data-hs': 'workbench-outcomes' });
  const logs = h('details', { class: 'hs-workbench__logs', hidden: true, 'data-hs': 'workbench-logs' });
  container.replaceChildren(
    h(
      'div',
      { class: 'hs-pg hs-workbench' },
      editorHost,
      h('div', { class: 'hs-pg__toolbar' }, checkButton, stopButton, h('span', { class: 'hs-pg__spacer' }), openLink, resetButton),
      notice,
      status,
      outcomesList,
      logs,
    ),
  );

  const showNotice = (text: string | undefined) => {
    notice.hidden = text === undefined;
    notice.textContent = text ?? '';
  };
  const corrupt = progress.takeProblem();
  if (corrupt) showNotice(fill(t.corruptProgress, { problem: corrupt }));

  const editor = new CodeEditor(editorHost, { ariaLabel: t.editorLabel, onRun: () => void run(), loadMonaco: 'now' });
  editor.setFiles({ [entry]: opening }, entry);
  const code = () => editor.files()[entry] ?? '';

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    const refused = progress.saveCode(exercise.id, code());
    if (refused) showNotice(fill(t.saveFailed, { problem: refused }));
    onProgress();
  };
  editor.onChange(() => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, SAVE_DELAY_MS);
  });
  window.addEventListener('pagehide', () => {
    if (saveTimer !== undefined) save();
  });

  resetButton.addEventListener('click', () => {
    if (!window.confirm(t.resetConfirm)) return;
    editor.setFiles({ [entry]: exercise.starter }, entry);
    clearTimeout(saveTimer);
    saveTimer = undefined;
    progress.forgetCode(exercise.id);
    outcomesList.replaceChildren();
    logs.hidden = true;
    status.textContent = '';
    onProgress();
  });

  // The playground opens a share link without running it; the link is made when followed, from the code as it is.
  openLink.addEventListener('click', () => {
    save();
    const shared = encodeShareHash(playgroundProject(exercise, entry, code()), document.querySelector('h1')?.textContent?.trim());
    openLink.href = shared.ok ? playgroundPath + shared.hash : playgroundPath;
  });

  let running: AbortController | undefined;
  stopButton.addEventListener('click', () => running?.abort());
  async function run(): Promise<void> {
    if (running) return;
    const stop = new AbortController();
    running = stop;
    // A disabled button drops the keyboard focus: hand it to Stop, and back when the run ends.
    const hadFocus = document.activeElement === checkButton;
    stopButton.hidden = false;
    if (hadFocus) stopButton.focus();
    checkButton.disabled = true;
    checkButton.setAttribute('aria-busy', 'true');
    save();
    outcomesList.replaceChildren();
    logs.hidden = true;
    status.textContent = fill(t.checking, { count: 0 });
    try {
      const compiled = await compiler.compile({ entry, files: { [entry]: code() } });
      editor.showDiagnostics(compiled.ok ? [] : compiled.diagnostics);
      if (!compiled.ok) {
        const first = compiled.diagnostics[0];
        status.textContent = fill(t.compileFailed, { first: first ? `${first.file}:${first.line}:${first.column} ${first.message}` : '' });
        return;
      }
      const records: InvocationRecord[] = [];
      const outcomes = await checkOnFreshPlatform(exercise, compiled.bundle, checks, stop.signal, (record) => {
        compiler.active();
        records.push(record);
        status.textContent = fill(t.checking, { count: records.length });
      });
      if (stop.signal.aborted) status.textContent = t.stopped;
      else showOutcomes(outcomes, records);
    } catch (error) {
      status.textContent = stop.signal.aborted ? t.stopped : fill(t.checksFailedToRun, { message: error instanceof Error ? error.message : String(error) });
    } finally {
      running = undefined;
      const stopHadFocus = document.activeElement === stopButton;
      checkButton.disabled = false;
      checkButton.removeAttribute('aria-busy');
      if (stopHadFocus) checkButton.focus();
      stopButton.hidden = true;
    }
  }

  function showOutcomes(outcomes: CheckOutcome[], records: InvocationRecord[]): void {
    const passed = outcomes.filter((outcome) => outcome.passed).length;
    outcomesList.replaceChildren(
      ...outcomes.map((outcome) =>
        h(
          'li',
          { class: `hs-workbench__outcome hs-workbench__outcome--${outcome.passed ? 'pass' : 'fail'}` },
          h('span', { class: 'hs-workbench__mark', 'aria-hidden': 'true' }, outcome.passed ? '✓' : '✗'),
          h('span', { class: 'sr-only' }, outcome.passed ? t.statusPassed : t.statusFailed, ': '),
          h('strong', {}, outcome.title[exercise.locale]),
          outcome.failure ? h('span', { class: 'hs-workbench__why' }, outcome.failure[exercise.locale]) : null,
        ),
      ),
    );
    const all = passed === outcomes.length;
    status.textContent = all ? fill(t.allPassed, { count: outcomes.length }) : fill(t.somePassed, { passed, count: outcomes.length });
    status.classList.toggle('hs-workbench__status--done', all);
    if (all) {
      const refused = progress.markPassed(exercise.id, new Date());
      if (refused) showNotice(fill(t.saveFailed, { problem: refused }));
      onProgress();
    }
    showLogs(records);
  }

  function showLogs(records: InvocationRecord[]): void {
    const lines = records.flatMap((record, index) => record.logs.map((line) => `[${index + 1}] ${clip(line.message)}`));
    const shown = lines.slice(0, LOG_LINES_SHOWN);
    const cut = lines.length - shown.length;
    logs.replaceChildren(
      h('summary', {}, fill(t.logsSummary, { count: lines.length })),
      lines.length === 0 ? h('p', {}, t.noLogs) : h('pre', {}, shown.join('\n'), cut > 0 ? `\n${fill(t.logsCut, { count: cut })}` : ''),
    );
    logs.hidden = false;
  }

  checkButton.addEventListener('click', () => void run());
}

/**
 * A platform of its own for one check run, gone when the run ends (its instances with it). Stopping shuts it
 * down: the request in flight fails at once and every check after it fails fast, so the run ends promptly.
 */
async function checkOnFreshPlatform(
  exercise: ExerciseDeployment,
  bundle: string,
  checks: Check[],
  signal: AbortSignal,
  onInvocation: (record: InvocationRecord) => void,
): Promise<CheckOutcome[]> {
  const clock = new RealClock();
  const host = await BrowserInstanceHost.create({ clock });
  const platform = new Platform({ clock, host, requestIds: () => crypto.randomUUID() });
  if (signal.aborted) platform.shutdown();
  else signal.addEventListener('abort', () => platform.shutdown(), { once: true });
  try {
    return await checkOnPlatform(platform, exercise, bundle, checks, onInvocation);
  } finally {
    platform.shutdown();
    host.dispose();
  }
}

/** The answer as a playground project: the exercise's dialect, handler, memory, timeout and sample event. */
function playgroundProject(exercise: WorkbenchExercise, entry: string, code: string): Project {
  return {
    entry,
    files: { [entry]: code },
    event: exercise.event,
    settings: {
      ...defaultSettings,
      dialect: exercise.dialect,
      exportName: exerciseExportName(exercise.handler),
      memoryMb: exercise.memoryMb,
      timeoutS: exercise.timeoutS,
      env: {},
    },
  };
}

function clip(message: string): string {
  return message.length > LOG_LINE_CHARS ? `${message.slice(0, LOG_LINE_CHARS)}…` : message;
}
