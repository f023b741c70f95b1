import { initDuration } from '../../faas/phases.ts';
import { ModelledStart, modelledTotalMs, platformProfile } from '../../model/platform-profiles.ts';
import type { PlatformProfileName } from '../../model/platform-profiles.ts';
import { measuredService } from '../../model/service-samples.ts';
import type { ServiceSample } from '../../model/service-samples.ts';
import type { FunctionSettings } from '../../project/project.ts';
import { h } from '../dom.ts';
import type { InvocationView } from '../engine/invocation-view.ts';
import type { LoadTarget } from '../panels/load-panel.ts';
import type { PlaygroundStrings } from '../strings.ts';
import type { RequestBar } from '../timeline/timeline-model.ts';
import type { Calibration } from './model-form.ts';

/** What the Model tab is handed: the function's figures, or why the Load run cannot give them. */
export type CalibrationOutcome = { ok: true; calibration: Calibration; modelledMeanS: number } | { ok: false; message: string };

/** What the playground knows about the function a Load run drove, when the learner asks to model it. */
export interface ModelledFunction {
  settings: FunctionSettings;
  profile: PlatformProfileName;
  /** The code's size, for a profile's code download. */
  packageBytes: number;
}

/**
 * "Model this function": keeps the latest Load run's requests as samples and, on the button, hands the Model tab
 * their measured response times with the function's settings, so its questions are answered for this code.
 */
export class ModelThisFunction {
  readonly button: HTMLButtonElement;
  private samples: ServiceSample[] = [];

  constructor(t: PlaygroundStrings, current: () => ModelledFunction, open: (outcome: CalibrationOutcome) => void) {
    this.button = h('button', { type: 'button', class: 'hs-pg__button', 'data-hs': 'load-model', disabled: true }, t.modelThisFunction);
    this.button.addEventListener('click', () => {
      const fn = current();
      let measured;
      try {
        measured = measuredService(this.samples);
      } catch (error) {
        open({ ok: false, message: (error as Error).message });
        return;
      }
      const calibration: Calibration = {
        measured,
        profile: fn.profile,
        packageBytes: fn.packageBytes,
        memoryMb: fn.settings.memoryMb,
        keepAliveS: fn.settings.keepAliveS,
        maxConcurrency: fn.settings.maxConcurrency,
        provisioned: fn.settings.provisionedConcurrency,
      };
      open({ ok: true, calibration, modelledMeanS: new ModelledStart(platformProfile(fn.profile), fn.packageBytes).total().mean });
    });
  }

  /** The Load panel's target, with every request of the latest run kept as a sample. */
  watch(target: LoadTarget): LoadTarget {
    return {
      prepare: async () => {
        this.samples = [];
        this.button.disabled = true;
        return target.prepare();
      },
      invoke: async () => {
        const view = await target.invoke();
        this.samples.push(sampleOf(view));
        this.button.disabled = false;
        return view;
      },
    };
  }
}

function sampleOf(view: InvocationView): ServiceSample {
  const bar: RequestBar = view.bar;
  const cold = bar.kind === 'cold';
  return {
    cold,
    ...(cold ? { initMs: initDuration(bar).totalMs } : {}),
    durationMs: view.durationMs,
    latencyMs: bar.end - bar.arrival,
    outcome: bar.status === 'ok' ? 'ok' : bar.status === 'throttled' ? 'throttled' : 'failed',
    ...(cold && bar.modelled ? { modelledMs: modelledTotalMs(bar.modelled) } : {}),
  };
}
