import type { RunSummary, SweepSummaryPoint } from '../../model/worker-entry.ts';
import { h } from '../dom.ts';
import { fill, ms } from '../format.ts';
import type { PlaygroundStrings } from '../strings.ts';
import { ModelCancelled, ModelClient, type ModelJob } from './model-client.ts';
import { ModelForm } from './model-form.ts';
import type { CalibrationOutcome } from './model-this-function.ts';
import { instancesChart, ModelFormat, runSummary, sweepChart, sweepTable } from './model-results.ts';

/** The keep-alive values "Compare keep-alive values" runs, in seconds: one minute to an hour. */
export const SWEEP_KEEP_ALIVE_S = [60, 300, 600, 1800, 3600];

type Shown = { kind: 'run'; run: RunSummary } | { kind: 'sweep'; points: SweepSummaryPoint[] };

/**
 * The Model tab: the model's parameters, Run / Compare keep-alive values / Cancel, a progress bar, and the
 * results with their charts. The model runs in a worker of its own, so the page stays responsive however long
 * the simulated horizon; Cancel terminates that worker.
 */
export class ModelPanel {
  private readonly t: PlaygroundStrings;
  private readonly format: ModelFormat;
  private readonly client = new ModelClient();
  private readonly form: ModelForm;
  private readonly runButton: HTMLButtonElement;
  private readonly sweepButton: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly error: HTMLElement;
  private readonly measured: HTMLElement;
  private readonly progress: HTMLProgressElement;
  private readonly progressText: HTMLElement;
  private readonly results: HTMLElement;
  private readonly charts: HTMLElement;
  private shown: Shown | undefined;
  private pending = false;

  constructor(panel: HTMLElement, t: PlaygroundStrings, locale: string) {
    this.t = t;
    this.format = new ModelFormat(locale);
    this.form = new ModelForm(t);
    const button = (text: string, name: string, primary = false) =>
      h('button', { type: 'button', class: `hs-pg__button${primary ? ' hs-pg__button--primary' : ''}`, 'data-hs': name }, text);
    this.runButton = button(t.modelRun, 'model-run', true);
    this.sweepButton = button(t.modelSweep, 'model-sweep');
    this.cancelButton = button(t.modelCancel, 'model-cancel');
    this.cancelButton.disabled = true;
    this.error = h('p', { class: 'hs-pg__error', role: 'alert', 'data-hs': 'model-error', hidden: true });
    this.measured = h('p', { class: 'hs-model__note', 'data-hs': 'model-measured', hidden: true });
    this.progress = h('progress', { max: 1, value: 0, 'data-hs': 'model-progress' });
    this.progressText = h('span', { class: 'hs-load__progress-text', role: 'status', 'data-hs': 'model-status' });
    this.results = h('div', { 'data-hs': 'model-results' });
    this.charts = h('div', { class: 'hs-load__charts', 'data-hs': 'model-charts' });
    panel.replaceChildren(
      h('p', { class: 'hs-pg__empty' }, t.modelIntro),
      this.measured,
      this.form.element,
      h('div', { class: 'hs-load__actions hs-model__actions' }, this.runButton, this.cancelButton, this.sweepButton),
      this.error,
      h('div', { class: 'hs-load__progress hs-model__progress' }, this.progress, this.progressText),
      this.results,
      this.charts,
    );
    // The form has no submit button, so Enter in a field would not submit it: Enter runs, as in a one-field form.
    this.form.element.addEventListener('submit', (event) => event.preventDefault());
    this.form.element.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || !(event.target instanceof HTMLInputElement)) return;
      event.preventDefault();
      void this.start('run');
    });
    this.runButton.addEventListener('click', () => void this.start('run'));
    this.sweepButton.addEventListener('click', () => void this.start('sweep'));
    this.cancelButton.addEventListener('click', () => this.client.cancel());
    new ResizeObserver(() => this.schedule()).observe(this.charts);
  }

  /** "Model this function": the form takes the function's measured response times, and says so above it. */
  calibrate(outcome: CalibrationOutcome): void {
    if (!outcome.ok) {
      this.showError(outcome.message);
      return;
    }
    const { calibration, modelledMeanS } = outcome;
    this.error.hidden = true;
    const t = this.t;
    const m = calibration.measured;
    const seconds = (s: number) => ms(s * 1000);
    const modelled = calibration.profile === 'local' ? '' : fill(t.modelMeasuredModelled, { profile: calibration.profile, mean: seconds(modelledMeanS) });
    const forget = h('button', { type: 'button', class: 'hs-pg__button hs-pg__button--small', 'data-hs': 'model-forget-measured' }, t.modelForgetMeasured);
    forget.addEventListener('click', () => {
      this.form.forget();
      this.measured.hidden = true;
    });
    this.measured.replaceChildren(fill(t.modelMeasured, { warm: m.warmSamples, cold: m.coldSamples, warmMean: seconds(m.warmMeanS), coldMean: seconds(m.coldMeanS), modelled }), ' ', forget);
    this.measured.hidden = false;
    this.form.calibrate(calibration);
  }

  private async start(kind: 'run' | 'sweep'): Promise<void> {
    if (this.client.busy) return;
    const { config, seeds } = this.form.read();
    const job: ModelJob = kind === 'run' ? { type: 'run', config, seeds } : { type: 'sweep', config, key: 'keep-alive', values: SWEEP_KEEP_ALIVE_S, seeds };
    this.error.hidden = true;
    this.setBusy(true);
    this.showProgress(0);
    try {
      const outcome = await this.client.run(job, (fraction) => this.showProgress(fraction));
      if (outcome.type === 'error') {
        this.showError(outcome.message);
        this.progressText.textContent = '';
        return;
      }
      this.showProgress(1);
      if (outcome.kind === 'run') {
        this.shown = { kind: 'run', run: outcome.run };
        this.progressText.textContent = fill(this.t.modelDone, { requests: this.format.count(outcome.run.mean.requests * outcome.run.seeds.length), seconds: this.format.decimal(outcome.run.wallSeconds, 2) });
      } else {
        this.shown = { kind: 'sweep', points: outcome.points };
        this.progressText.textContent = fill(this.t.modelSweepDone, { values: outcome.points.map((p) => p.value).join(', ') });
      }
      this.draw();
    } catch (error) {
      if (error instanceof ModelCancelled) {
        this.progressText.textContent = this.t.modelCancelled;
      } else {
        this.showError(error instanceof Error ? error.message : String(error));
        this.progressText.textContent = '';
      }
    } finally {
      this.setBusy(false);
    }
  }

  private setBusy(busy: boolean): void {
    // A button that is about to be disabled hands the keyboard focus on, so it is not lost to the page.
    const focused = document.activeElement;
    const handOver = busy ? focused === this.runButton || focused === this.sweepButton : focused === this.cancelButton;
    this.runButton.disabled = busy;
    this.sweepButton.disabled = busy;
    this.cancelButton.disabled = !busy;
    if (handOver) (busy ? this.cancelButton : this.runButton).focus();
    if (busy) this.runButton.setAttribute('aria-busy', 'true');
    else this.runButton.removeAttribute('aria-busy');
  }

  private showProgress(fraction: number): void {
    this.progress.value = fraction;
    this.progressText.textContent = fill(this.t.modelProgress, { percent: Math.floor(fraction * 100) });
  }

  private showError(message: string): void {
    this.error.textContent = fill(this.t.modelInvalid, { message });
    this.error.hidden = false;
  }

  /** Redraws the charts at most once a frame, at the panel's width. */
  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.draw();
    });
  }

  private draw(): void {
    const shown = this.shown;
    if (!shown || this.charts.offsetParent === null) return;
    const width = Math.max(260, Math.min(this.charts.clientWidth || 480, 720));
    if (shown.kind === 'run') {
      this.results.replaceChildren(...runSummary(shown.run, this.t, this.format));
      this.charts.replaceChildren(instancesChart(shown.run, this.t, width));
    } else {
      this.results.replaceChildren(sweepTable(shown.points, this.t, this.format));
      this.charts.replaceChildren(sweepChart(shown.points, this.t, this.format, width));
    }
  }
}
