import type { PlaygroundConfig } from './playground-config.ts';
import { part } from './dom.ts';
import { fill } from './format.ts';
import { checkJson } from './controls/json-check.ts';
import { renderFileTabs } from './controls/file-tabs.ts';
import { SettingsForm } from './controls/settings-form.ts';
import { runKey, thisDevice, withRunKey } from './controls/run-key.ts';
import type { CodeEditor } from './editor/code-editor.ts';
import type { DeployOutcome, Engine, ProfiledInvocation } from './engine/engine.ts';
import type { InvocationView } from './engine/invocation-view.ts';
import { InstanceNames } from './engine/instance-names.ts';
import { whenLongIdle, yieldToBrowser } from './engine/main-thread.ts';
import { timelineListener } from './engine/timeline-listener.ts';
import { MonitorStore } from './monitor/monitor-store.ts';
import type { MonitorPanel } from './monitor/monitor-panel.ts';
import type { ModelPanel } from './model/model-panel.ts';
import { LogPanel } from './panels/log-panel.ts';
import { PanelTabs } from './panels/panel-tabs.ts';
import { renderResult, renderResultMessage } from './panels/result-panel.ts';
import { TimelinePanel } from './panels/timeline-panel.ts';
import type { Project } from '../project/project.ts';
import { defaultSample, fallbackEvent } from './project/sample-event.ts';
import { templateFor } from './project/templates.ts';
import { openProjectStore, type ProjectStore } from './persistence/project-store.ts';
import { ProjectList } from './projects/project-list.ts';
import { TimelineModel } from './timeline/timeline-model.ts';
import type { Dialect } from '../faas/protocol.ts';

/** A pause in typing this long compiles ahead of Invoke; a shorter one would compile between keystrokes for nothing. */
const COMPILE_AFTER_PAUSE_MS = 300;

/**
 * The playground page, wired: the editor and controls edit one Project; Invoke validates, saves, compiles, deploys
 * and invokes it; the engine's events feed the Result, Logs, Timeline, Load and Monitor panels.
 */
export async function mountPlayground(root: HTMLElement, config: PlaygroundConfig): Promise<void> {
  const key = runKey(thisDevice());
  const t = withRunKey(config.strings, key);
  const status = part(root, 'status');
  const notice = part(root, 'notice');
  const invokeButton = part<HTMLButtonElement>(root, 'invoke');
  const dialectSelect = part<HTMLSelectElement>(root, 'dialect');
  const eventText = part<HTMLTextAreaElement>(root, 'event');
  const eventError = part(root, 'event-error');
  const sampleSelect = part<HTMLSelectElement>(root, 'event-sample');
  const fileTabs = part(root, 'file-tabs');
  const settingsForm = new SettingsForm(part(root, 'settings'), t, () => save());

  const templateProject = (dialect: Dialect): Project => templateFor(dialect, defaultSample(config.samples, dialect)?.json ?? fallbackEvent(dialect), config.locale);
  const store: ProjectStore = await openProjectStore({ locale: config.locale, onProblem: showNotice });
  const restored = await store.restore(templateProject('scf'));
  let project: Project = restored.project;
  if (restored.message) showNotice(restored.message);

  const names = new InstanceNames();
  const model = new TimelineModel();
  let engine: Engine | undefined;
  let starting: Promise<Engine> | undefined;
  let compileTimer: ReturnType<typeof setTimeout> | undefined;
  let modelPanel: Promise<void> | undefined;
  let modelView: ModelPanel | undefined;
  // Samples are kept from the first request on; the Monitor's charts load only when its tab is opened.
  const monitorStore = new MonitorStore();
  let monitor: MonitorPanel | undefined;
  let monitorPanel: Promise<void> | undefined;
  let profilePanel: Promise<void> | undefined;
  // The panels behind tabs are built when first shown or first needed, not while the page loads.
  let logPanel: LogPanel | undefined;
  let timelinePanel: TimelinePanel | undefined;
  let loadPanel: Promise<void> | undefined;
  const tabs = new PanelTabs(root, (id) => {
    if (id === 'timeline') timeline().update();
    if (id === 'logs') logs().refresh();
    if (id === 'load') loadPanel ??= openLoadPanel();
    if (id === 'model') modelPanel ??= openModelPanel();
    if (id === 'monitor') monitorPanel ??= openMonitorPanel();
    if (id === 'monitor') monitor?.shown();
    if (id === 'profile') profilePanel ??= openProfilePanel();
  });
  const logs = (): LogPanel => (logPanel ??= new LogPanel(tabs.panel('logs'), t, root.querySelector('[data-hs="log-count"]'), (id) => names.label(id, t.instance)));
  const timeline = (): TimelinePanel =>
    (timelinePanel ??= new TimelinePanel(tabs.panel('timeline'), model, t, () => engine?.now() ?? performance.now(), (requestId) => {
      logs().showRequest(requestId);
      tabs.show('logs');
    }));

  let currentFile = project.entry;
  let editor: CodeEditor | undefined;
  showProject();
  status.textContent = t.loadingEditor;
  try {
    const { CodeEditor } = await import('./editor/code-editor.ts');
    editor = new CodeEditor(part(root, 'editor'), { onRun: () => void invoke(), ariaLabel: t.codeEditor });
    editor.setFiles(project.files, currentFile);
    editor.onChange(() => {
      save();
      compileSoon();
    });
  } catch (error) {
    status.textContent = `${t.editorFailed} ${error instanceof Error ? error.message : String(error)}`;
    throw error;
  }
  for (const name of ['invoke', 'share', 'download', 'reset']) part<HTMLButtonElement>(root, name).disabled = false;
  status.textContent = t.ready;

  const shortcut = invokeButton.querySelector('kbd');
  if (shortcut) shortcut.textContent = key ?? '';
  invokeButton.addEventListener('click', () => void invoke());
  root.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      void invoke();
    }
  });
  eventText.addEventListener('input', () => {
    eventError.hidden = true;
    save();
  });
  sampleSelect.addEventListener('change', () => {
    const sample = config.samples.find((candidate) => candidate.id === sampleSelect.value);
    if (sample) {
      eventText.value = sample.json;
      eventError.hidden = true;
      save();
    }
  });
  dialectSelect.addEventListener('change', () => {
    const dialect = dialectSelect.value as Dialect;
    const platform = dialect === 'scf' ? t.dialectScf : t.dialectLambda;
    if (!window.confirm(fill(t.switchTemplateConfirm, { platform }))) {
      dialectSelect.value = project.settings.dialect;
      return;
    }
    replaceProject(templateProject(dialect));
  });
  part(root, 'reset').addEventListener('click', () => {
    if (window.confirm(t.resetConfirm)) replaceProject(templateProject(project.settings.dialect));
  });
  part(root, 'share').addEventListener('click', () => void share());
  part(root, 'download').addEventListener('click', () => void store.download(snapshot()));
  // The code can be read and typed in now; the project list draws in a task of its own.
  await yieldToBrowser();
  new ProjectList(part(root, 'projects'), config.locale, {
    store,
    edited: snapshot,
    show: replaceProject,
    template: () => templateProject(project.settings.dialect),
    notify: showNotice,
  });
  // Started before it is needed once the page is idle, so the first Invoke is quick; until then the first Invoke
  // (or Load run) starts it. A failure is told when Invoke needs the engine, which retries.
  whenLongIdle(() => {
    void warmUp().catch(() => undefined);
  });

  async function warmUp(): Promise<void> {
    logs();
    await yieldToBrowser();
    timeline();
    await yieldToBrowser();
    await loadEngine();
  }

  function showProject(): void {
    dialectSelect.value = project.settings.dialect;
    settingsForm.write(project.settings);
    eventText.value = project.event;
    const sample = config.samples.find((candidate) => candidate.json === project.event);
    sampleSelect.value = sample?.id ?? '';
    drawTabs();
  }

  function replaceProject(next: Project): void {
    project = next;
    currentFile = next.entry;
    showProject();
    editor?.setFiles(next.files, currentFile);
    editor?.showDiagnostics([]);
    save();
  }

  function drawTabs(): void {
    renderFileTabs(fileTabs, {
      files: () => Object.keys(editor?.files() ?? project.files),
      entry: () => project.entry,
      current: () => currentFile,
      open: (path) => {
        currentFile = path;
        editor?.open(path);
        drawTabs();
      },
      add: (path) => {
        editor?.addFile(path, '');
        currentFile = path;
        editor?.open(path);
        drawTabs();
        save();
      },
      rename: (from, to) => {
        editor?.renameFile(from, to);
        if (from === project.entry) project = { ...project, entry: to };
        currentFile = to;
        drawTabs();
        save();
      },
      remove: (path) => {
        editor?.deleteFile(path, project.entry);
        currentFile = project.entry;
        drawTabs();
        save();
      },
      notify: showNotice,
    }, t);
  }

  /** The project as the controls show it now. */
  function snapshot(): Project {
    const settings = settingsForm.read() ?? project.settings;
    project = { entry: project.entry, files: editor?.files() ?? project.files, settings, event: eventText.value };
    return project;
  }

  function save(): void {
    store.save(snapshot());
  }

  /**
   * Once typing pauses, compiles the code in the compiler's worker so that Invoke finds it built; only once the
   * engine is up, which a page that never runs anything does not pay for.
   */
  function compileSoon(): void {
    clearTimeout(compileTimer);
    if (engine) compileTimer = setTimeout(() => engine?.compileAhead(snapshot()), COMPILE_AFTER_PAUSE_MS);
  }

  function currentEvent(): unknown {
    const checked = checkJson(eventText.value);
    return checked.ok ? checked.value : {};
  }

  /** Sets the status line; the same words again leave it alone (a new text node would be laid out anew). */
  function say(text: string): void {
    if (status.textContent !== text) status.textContent = text;
  }

  function showNotice(message: string): void {
    notice.textContent = message;
    notice.hidden = false;
  }

  /** The Load tab and its "Model this function" action. */
  async function openLoadPanel(): Promise<void> {
    await openLazyPanel('load', t.tabLoadFailed, async (panel) => {
      const [{ LoadPanel }, { ModelThisFunction }] = await Promise.all([import('./panels/load-panel.ts'), import('./model/model-this-function.ts')]);
      // "Model this function": the latest Load run's requests, handed to the Model tab with the function's settings.
      const modelThis = new ModelThisFunction(t, () => ({ settings: project.settings, profile: settingsForm.platformProfile, packageBytes: Object.values(project.files).reduce((sum, text) => sum + text.length, 0) }), (outcome) => {
        tabs.show('model');
        void (modelPanel ??= openModelPanel()).then(() => modelView?.calibrate(outcome));
      });
      new LoadPanel(panel, t, modelThis.watch({ prepare: () => prepare(), invoke: () => invokeOnce(currentEvent()) }), modelThis.button);
    }, () => {
      loadPanel = undefined;
    });
  }

  /** The Model tab's code (and, on its first run, the model's worker) loads only when the tab is first opened. */
  async function openModelPanel(): Promise<void> {
    await openLazyPanel('model', t.modelLoadFailed, async (panel) => {
      const { ModelPanel } = await import('./model/model-panel.ts');
      modelView = new ModelPanel(panel, t, config.locale);
    }, () => {
      modelPanel = undefined;
    });
  }

  async function openMonitorPanel(): Promise<void> {
    await openLazyPanel('monitor', t.tabLoadFailed, async (panel) => {
      const { MonitorPanel } = await import('./monitor/monitor-panel.ts');
      monitor = new MonitorPanel(panel, monitorStore, t, { names, memoryMb: () => project.settings.memoryMb });
    }, () => {
      monitorPanel = undefined;
    });
  }

  async function openProfilePanel(): Promise<void> {
    await openLazyPanel('profile', t.tabLoadFailed, async (panel) => {
      const { ProfilePanel } = await import('./profile/profile-panel.ts');
      new ProfilePanel(panel, t, () => profileOnce());
    }, () => {
      profilePanel = undefined;
    });
  }

  /** Loads a tab's code when it is first opened; a failure is shown in the tab, and opening it again retries. */
  async function openLazyPanel(id: string, failed: string, load: (panel: HTMLElement) => Promise<void>, retry: () => void): Promise<void> {
    const panel = tabs.panel(id);
    panel.setAttribute('aria-busy', 'true');
    try {
      await load(panel);
    } catch (error) {
      retry();
      renderResultMessage(panel, fill(failed, { message: error instanceof Error ? error.message : String(error) }), 'error');
    } finally {
      panel.removeAttribute('aria-busy');
    }
  }

  async function profileOnce(): Promise<ProfiledInvocation | undefined> {
    if (!(await prepare())) return undefined;
    const live = await loadEngine();
    const profiled = await live.profile(currentEvent());
    renderResult(tabs.panel('result'), profiled.view, t, project.settings.maxConcurrency);
    return profiled;
  }

  /**
   * The one engine of the page. Callers that ask while it starts (the idle warm-up and an early Invoke) share its
   * start: with two, the deploy could go to one and the request to the other. A failed start is retried.
   */
  function loadEngine(): Promise<Engine> {
    starting ??= startEngine().catch((error: unknown) => {
      starting = undefined;
      throw error;
    });
    return starting;
  }

  async function startEngine(): Promise<Engine> {
    const { createLiveEngine } = await import('./engine/live-engine.ts');
    engine = await createLiveEngine(
      timelineListener({ names, instanceLabel: t.instance, model, log: (line) => logs().add(line), redraw: () => timelinePanel?.update() }),
      names,
      (event) => {
        const before = monitorStore.version;
        monitorStore.observe(event);
        if (monitorStore.version !== before) monitor?.schedule();
      },
      () => settingsForm.platformProfile,
      snapshot(),
    );
    return engine;
  }

  /** Checks the event and settings, saves, compiles and deploys. False (with the reason shown) when nothing may run. */
  async function prepare(): Promise<boolean> {
    const checked = checkJson(eventText.value);
    if (!checked.ok) {
      eventError.textContent = fill(t.eventInvalid, { line: checked.line, column: checked.column, message: checked.message });
      eventError.hidden = false;
      eventText.focus();
      return false;
    }
    if (settingsForm.read() === undefined) return false;
    const current = snapshot();
    await store.flush(current);
    say(t.compiling);
    // Our own parts failing to load (the engine and its runtime, the compiler) is never told as the code's fault.
    let live: Engine;
    try {
      live = await loadEngine();
    } catch (error) {
      showPartFailure(t.partRuntime, error);
      return false;
    }
    let outcome: DeployOutcome;
    try {
      outcome = await live.deploy(current);
    } catch (error) {
      if (!(error instanceof Error && error.name === 'CompilerUnavailableError')) throw error;
      showPartFailure(t.partCompiler, error);
      return false;
    }
    if (!outcome.ok) {
      editor?.showDiagnostics(outcome.diagnostics);
      status.textContent = fill(t.compileFailed, { count: outcome.diagnostics.length });
      renderResultMessage(tabs.panel('result'), `${t.notRunBecauseCompile}\n${outcome.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('\n')}`, 'error');
      tabs.show('result');
      return false;
    }
    editor?.showDiagnostics([]);
    say(t.ready);
    return true;
  }

  function showPartFailure(part: string, error: unknown): void {
    status.textContent = fill(t.partFailed, { part, detail: error instanceof Error ? error.message : String(error) });
    renderResultMessage(tabs.panel('result'), status.textContent, 'error');
    tabs.show('result');
  }

  async function invokeOnce(event: unknown): Promise<InvocationView> {
    const live = await loadEngine();
    return live.invoke(event);
  }

  async function invoke(): Promise<void> {
    if (invokeButton.getAttribute('aria-busy') === 'true') return;
    invokeButton.setAttribute('aria-busy', 'true');
    try {
      if (!(await prepare())) return;
      say(t.invoking);
      const view = await invokeOnce(currentEvent());
      renderResult(tabs.panel('result'), view, t, project.settings.maxConcurrency);
      say(t.ready);
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : String(error);
      renderResultMessage(tabs.panel('result'), status.textContent, 'error');
    } finally {
      invokeButton.removeAttribute('aria-busy');
    }
  }

  async function share(): Promise<void> {
    const outcome = await store.share(snapshot());
    if (!outcome.ok) {
      showNotice(outcome.message);
      return;
    }
    try {
      await navigator.clipboard.writeText(outcome.url);
      showNotice(t.shareCopied);
    } catch {
      showNotice(`${t.shareReady} ${outcome.url}`);
    }
  }
}
