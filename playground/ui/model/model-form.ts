import type { ArrivalSpec } from '../../model/arrivals.ts';
import type { ModelConfig, PolicyName } from '../../model/model-config.ts';
import type { PlatformProfileName } from '../../model/platform-profiles.ts';
import type { MeasuredService } from '../../model/service-samples.ts';
import { h } from '../dom.ts';
import type { PlaygroundStrings } from '../strings.ts';

type ArrivalKind = 'poisson' | 'constant' | 'bursts' | 'cron';

/** What the form asks the model to run: one config, and how many seeds to average. */
export interface ModelFormValue {
  config: ModelConfig;
  seeds: number;
}

/** A function's own figures, from a Load run: they replace the typed warm and cold means until forgotten. */
export interface Calibration {
  measured: MeasuredService;
  profile: PlatformProfileName;
  packageBytes: number;
  memoryMb: number;
  keepAliveS: number;
  maxConcurrency: number;
  provisioned: number;
}

interface Field {
  label: HTMLLabelElement;
  input: HTMLInputElement | HTMLSelectElement;
  /** A hint on a row of its own under the field's row, so the fields of that row stay aligned. */
  hint?: HTMLElement;
}

/**
 * The model's parameters as a form: the arrival process (with only the fields that process uses shown), warm and
 * cold mean response times, the policy and its knobs, limits, horizon and seeds. It reads numbers as typed and
 * leaves judging them to the model, whose RangeError messages say what is wrong.
 */
export class ModelForm {
  readonly element: HTMLFormElement;
  private readonly fields: Record<string, Field>;
  private calibration: Calibration | undefined;

  constructor(t: PlaygroundStrings) {
    const choice = (text: string, name: string, options: Array<[string, string]>, className?: string) =>
      field(text, h('select', { 'data-hs': name }, ...options.map(([value, label]) => h('option', { value }, label))), undefined, className);
    const number = (text: string, name: string, value: number, step: number | 'any' = 'any') => field(text, h('input', { type: 'number', value, step, 'data-hs': name }));
    this.fields = {
      arrival: choice(t.modelArrival, 'model-arrival', [
        ['poisson', t.modelArrivalPoisson],
        ['constant', t.modelArrivalConstant],
        ['bursts', t.modelArrivalBursts],
        ['cron', t.modelArrivalCron],
      ]),
      rate: number(t.modelRate, 'model-rate', 0.9),
      interval: number(t.modelInterval, 'model-interval', 60),
      burstOn: number(t.modelBurstOn, 'model-burst-on', 60),
      burstOff: number(t.modelBurstOff, 'model-burst-off', 600),
      cron: field(t.modelCron, h('input', { type: 'text', value: '0 */5 * * * * *', spellcheck: 'false', 'data-hs': 'model-cron' }), t.modelCronHint),
      warm: number(t.modelWarmMean, 'model-warm-mean', 1.991),
      cold: number(t.modelColdMean, 'model-cold-mean', 2.244),
      // The policy spans two columns, so its longest name shows whole even on a phone; placed after two
      // single fields, it starts a row at every width the panel has.
      policy: choice(t.modelPolicy, 'model-policy', [
        ['fixed', t.modelPolicyFixed],
        ['provisioned', t.modelPolicyProvisioned],
        ['histogram', t.modelPolicyHistogram],
        ['autoscaler', t.modelPolicyAutoscaler],
      ], 'hs-model__choice'),
      keepAlive: number(t.keepAlive, 'model-keep-alive', 600),
      provisioned: number(t.provisioned, 'model-provisioned', 1, 1),
      maxConcurrency: number(t.maxConcurrency, 'model-max-concurrency', 1000, 1),
      horizon: number(t.modelHorizon, 'model-horizon', 86_400),
      seed: number(t.modelSeed, 'model-seed', 1, 1),
      seeds: number(t.modelSeeds, 'model-seeds', 1, 1),
    };
    this.element = h('form', { class: 'hs-model__form', novalidate: true }, ...Object.values(this.fields).flatMap((f) => (f.hint ? [f.label, f.hint] : [f.label])));
    this.fields.arrival!.input.addEventListener('change', () => this.showRelevant());
    this.fields.policy!.input.addEventListener('change', () => this.showRelevant());
    this.showRelevant();
  }

  /** The parameters as typed; an empty number field reads as NaN, which the model refuses with a message. */
  read(): ModelFormValue {
    const kind = this.text('arrival') as ArrivalKind;
    const policy = this.text('policy') as PolicyName;
    const calibration = this.calibration;
    const config: ModelConfig = {
      arrival: this.arrival(kind),
      warm: calibration ? calibration.measured.warm : { kind: 'exponential', mean: this.number('warm') },
      cold: calibration ? calibration.measured.cold : { kind: 'exponential', mean: this.number('cold') },
      ...(calibration ? { profile: calibration.profile, packageBytes: calibration.packageBytes, memoryMb: calibration.memoryMb } : {}),
      policy,
      keepAliveS: this.number('keepAlive'),
      ...(policy === 'provisioned' ? { provisioned: this.number('provisioned') } : {}),
      maxConcurrency: this.number('maxConcurrency'),
      horizonS: this.number('horizon'),
      seed: this.number('seed'),
    };
    return { config, seeds: this.number('seeds') };
  }

  /** Sets fields by name (for a preset); values are written as text. */
  write(values: Partial<Record<string, string | number>>): void {
    for (const [name, value] of Object.entries(values)) {
      const found = this.fields[name];
      if (found && value !== undefined) found.input.value = String(value);
    }
    this.showRelevant();
  }

  /**
   * Takes a function's measured response times (and its profile, memory and settings) in place of the typed
   * means, which show the measured means and cannot be edited until `forget`.
   */
  calibrate(calibration: Calibration): void {
    this.calibration = calibration;
    const { measured } = calibration;
    this.write({
      warm: round(measured.warmMeanS),
      cold: round(measured.coldMeanS),
      keepAlive: calibration.keepAliveS,
      maxConcurrency: calibration.maxConcurrency,
      ...(calibration.provisioned > 0 ? { policy: 'provisioned', provisioned: calibration.provisioned } : {}),
    });
    this.fields.warm!.input.disabled = true;
    this.fields.cold!.input.disabled = true;
  }

  forget(): void {
    this.calibration = undefined;
    this.fields.warm!.input.disabled = false;
    this.fields.cold!.input.disabled = false;
  }

  private arrival(kind: ArrivalKind): ArrivalSpec {
    switch (kind) {
      case 'constant':
        return { kind, intervalS: this.number('interval') };
      case 'bursts':
        return { kind, ratePerS: this.number('rate'), onS: this.number('burstOn'), offS: this.number('burstOff') };
      case 'cron':
        return { kind, expression: this.text('cron').trim() };
      default:
        return { kind: 'poisson', ratePerS: this.number('rate') };
    }
  }

  private showRelevant(): void {
    const kind = this.text('arrival');
    const shown: Record<string, boolean> = {
      rate: kind === 'poisson' || kind === 'bursts',
      interval: kind === 'constant',
      burstOn: kind === 'bursts',
      burstOff: kind === 'bursts',
      cron: kind === 'cron',
      provisioned: this.text('policy') === 'provisioned',
    };
    for (const [name, visible] of Object.entries(shown)) {
      const found = this.fields[name]!;
      found.label.hidden = !visible;
      if (found.hint) found.hint.hidden = !visible;
    }
  }

  private text(name: string): string {
    return this.fields[name]!.input.value;
  }

  private number(name: string): number {
    const text = this.text(name).trim();
    return text === '' ? Number.NaN : Number(text);
  }
}

/** Four significant digits: the measured mean as a person reads it. */
function round(seconds: number): number {
  return Number(seconds.toPrecision(4));
}

function field(text: string, input: HTMLInputElement | HTMLSelectElement, hint?: string, className?: string): Field {
  const label = h('label', { class: className ? `hs-pg__field ${className}` : 'hs-pg__field' }, h('span', {}, text), input);
  if (!hint) return { label, input };
  const id = `hs-model-hint-${input.dataset.hs ?? ''}`;
  input.setAttribute('aria-describedby', id);
  return { label, input, hint: h('small', { id, class: 'hs-model__hint' }, hint) };
}
