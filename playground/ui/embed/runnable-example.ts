import type { Dialect } from '../../faas/protocol.ts';
import type { PlaygroundStrings } from '../strings.ts';

/** An example as a docs page hands it to the runner (content/examples/<id>/, read at build time). */
export interface RunnableExample {
  id: string;
  config: { dialect: Dialect; handler: string; memoryMb?: number; timeoutS?: number; env?: Record<string, string> };
  files: Record<string, string>;
  event: string;
  strings: PlaygroundStrings;
}
