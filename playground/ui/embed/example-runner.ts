import { h } from '../dom.ts';
import { fill } from '../format.ts';
import { checkJson } from '../controls/json-check.ts';
import { createLiveEngine } from '../engine/live-engine.ts';
import { InstanceNames } from '../engine/instance-names.ts';
import { timelineListener } from '../engine/timeline-listener.ts';
import { LogPanel } from '../panels/log-panel.ts';
import { renderResult, renderResultMessage } from '../panels/result-panel.ts';
import { TimelinePanel } from '../panels/timeline-panel.ts';
import { TimelineModel } from '../timeline/timeline-model.ts';
import { encodeShareHash } from '../persistence/share-link.ts';
import { exampleName, exampleProject } from './example-project.ts';
import type { RunnableExample } from './runnable-example.ts';

export interface ExampleRunner {
  run(): Promise<void>;
}

/**
 * The compact runner under a docs example: the event (editable), Run, the result, the logs and a small timeline,
 * on the same engine as the playground. Running again shows a warm start on the same instance.
 */
export async function mountExampleRunner(container: HTMLElement, example: RunnableExample): Promise<ExampleRunner> {
  const t = example.strings;
  const project = exampleProject(example);
  const eventText = h('textarea', { class: 'hs-runner__event', rows: Math.min(10, example.event.split('\n').length + 1), spellcheck: 'false', 'aria-label': t.event, 'data-hs': 'runner-event' }, example.event);
  const eventError = h('p', { class: 'hs-pg__error', role: 'alert', hidden: true });
  const runButton = h('button', { type: 'button', class: 'hs-pg__button hs-pg__button--primary', 'data-hs': 'runner-run' }, '▶ ', t.run);
  const status = h('span', { class: 'hs-pg__status', role: 'status' });
  const shared = encodeShareHash(project, exampleName(example, document.querySelector('h1')?.textContent ?? ''));
  const playgroundPath = document.documentElement.lang.toLowerCase().startsWith('zh') ? '/zh-cn/playground/' : '/playground/';
  const open = shared.ok ? h('a', { href: playgroundPath + shared.hash, class: 'hs-runner__open', 'data-hs': 'runner-open' }, t.openInPlayground, ' →') : null;
  const result = h('div', { class: 'hs-pg__panel hs-runner__result', 'data-hs': 'runner-result' });
  const logsHost = h('div', { class: 'hs-pg__panel hs-runner__logs' });
  const timelineHost = h('div', { class: 'hs-pg__panel hs-runner__timeline' });
  container.replaceChildren(
    h(
      'div',
      { class: 'hs-pg hs-runner' },
      h('details', { class: 'hs-runner__event-box' }, h('summary', {}, t.event), eventText, eventError),
      h('div', { class: 'hs-pg__toolbar' }, runButton, status, h('span', { class: 'hs-pg__spacer' }), open),
      result,
      h('details', { class: 'hs-runner__more', open: true }, h('summary', {}, t.tabLogs), logsHost),
      h('details', { class: 'hs-runner__more', open: true }, h('summary', {}, t.tabTimeline), timelineHost),
    ),
  );

  const names = new InstanceNames();
  const model = new TimelineModel();
  const logs = new LogPanel(logsHost, t, null, (id) => names.label(id, t.instance));
  const engine = await createLiveEngine(
    timelineListener({ names, instanceLabel: t.instance, model, log: (line) => logs.add(line), redraw: () => timeline.update() }),
    names,
  );
  const timeline = new TimelinePanel(timelineHost, model, t, () => engine.now(), (requestId) => logs.showRequest(requestId));

  async function run(): Promise<void> {
    const checked = checkJson(eventText.value);
    if (!checked.ok) {
      eventError.textContent = fill(t.eventInvalid, { line: checked.line, column: checked.column, message: checked.message });
      eventError.hidden = false;
      eventText.closest('details')?.setAttribute('open', '');
      return;
    }
    eventError.hidden = true;
    runButton.disabled = true;
    status.textContent = t.running;
    try {
      const deployed = await engine.deploy(project);
      if (!deployed.ok) {
        renderResultMessage(result, deployed.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('\n'), 'error');
        return;
      }
      const view = await engine.invoke(checked.value);
      renderResult(result, view, t, project.settings.maxConcurrency);
    } catch (error) {
      renderResultMessage(result, error instanceof Error ? error.message : String(error), 'error');
    } finally {
      runButton.disabled = false;
      status.textContent = '';
    }
  }

  runButton.addEventListener('click', () => void run());
  return { run };
}
