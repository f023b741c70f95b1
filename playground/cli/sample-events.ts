import { readFileSync } from 'node:fs';
import type { Dialect } from '../faas/protocol.ts';

export interface SampleEvent {
  name: string;
  dialect: Dialect;
  file: string;
  title: { en: string; 'zh-cn': string };
  sources: string[];
  note?: string;
}

const EVENTS_DIR = new URL('../../content/events/', import.meta.url);

export function listSampleEvents(): SampleEvent[] {
  const index = JSON.parse(readFileSync(new URL('index.json', EVENTS_DIR), 'utf8')) as { events: SampleEvent[] };
  return index.events;
}

export function readSampleEvent(sample: SampleEvent): unknown {
  return JSON.parse(readFileSync(new URL(sample.file, EVENTS_DIR), 'utf8')) as unknown;
}
