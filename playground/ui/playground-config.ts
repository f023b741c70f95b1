import type { SampleEvent } from './project/sample-event.ts';
import type { PlaygroundStrings } from './strings.ts';

/** What the page hands the playground app: its language's strings and the sample events. */
export interface PlaygroundConfig {
  locale: string;
  strings: PlaygroundStrings;
  samples: SampleEvent[];
}
