/**
 * The sample trigger events of content/events/ (listed, titled and sourced in its index.json), read at build time
 * for the playground's event picker and titled in the page's language.
 */
import type { SampleEvent } from '../../../playground/ui/project/sample-event.ts';
import type { Locale } from '../../i18n/playground.ts';

interface EventIndex {
  events: Array<{ name: string; dialect: 'scf' | 'lambda'; file: string; title: Record<Locale, string> }>;
}

const raw = import.meta.glob<string>('/content/events/**/*.json', { query: '?raw', import: 'default', eager: true });

export function loadSampleEvents(locale: Locale): SampleEvent[] {
  const indexText = raw['/content/events/index.json'];
  if (indexText === undefined) return [];
  const index = JSON.parse(indexText) as EventIndex;
  return index.events.flatMap((entry) => {
    const text = raw[`/content/events/${entry.file}`];
    if (text === undefined) throw new Error(`content/events/index.json lists ${entry.file}, which does not exist`);
    return [{ id: `${entry.dialect}/${entry.name}`, label: entry.title[locale], dialect: entry.dialect, json: JSON.stringify(JSON.parse(text), null, 2) }];
  });
}
