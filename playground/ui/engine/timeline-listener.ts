import type { TimelineModel } from '../timeline/timeline-model.ts';
import type { EngineListener } from './engine.ts';
import type { InstanceNames } from './instance-names.ts';

/** What the playground and a docs example both do with the engine's news: name instances, log, redraw the timeline. */
export function timelineListener(parts: {
  names: InstanceNames;
  instanceLabel: string;
  model: TimelineModel;
  log: EngineListener['log'];
  redraw(): void;
}): EngineListener {
  const { names, instanceLabel, model, log, redraw } = parts;
  return {
    instanceStarted: (id, at, provisioned) => {
      names.label(id, instanceLabel);
      model.instanceStarted(id, at, provisioned);
      redraw();
    },
    instanceEnded: (id, at, reason) => {
      model.instanceEnded(id, at, reason);
      redraw();
    },
    log,
    finished: (view) => {
      model.requestFinished(view.bar);
      redraw();
    },
  };
}
