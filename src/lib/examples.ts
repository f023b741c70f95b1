/**
 * The runnable examples that docs pages embed (content/examples/<id>/). Read at build time, so a page that names
 * a missing example fails the build instead of shipping a broken embed.
 */
export interface ExampleConfig {
  dialect: 'scf' | 'lambda';
  /** "file.export", as on the platforms: "index.main_handler". */
  handler: string;
  memoryMb?: number;
  timeoutS?: number;
  env?: Record<string, string>;
}

export interface Example {
  id: string;
  config: ExampleConfig;
  /** Source files by path relative to the example folder (event.json and example.json excluded). */
  files: Record<string, string>;
  /** The sample event, as JSON text. */
  event: string;
}

const raw = import.meta.glob<string>('/content/examples/*/**/*', { query: '?raw', import: 'default', eager: true });

/** "index.zh-cn.ts" is "index.ts" with its comments in Chinese: the same code, shown and run on Chinese pages. */
const TRANSLATED = /\.zh-cn(\.[^./]+)$/;

export function loadExample(id: string, locale: 'en' | 'zh-cn' = 'en'): Example {
  const prefix = `/content/examples/${id}/`;
  const entries = Object.entries(raw).filter(([path]) => path.startsWith(prefix));
  if (entries.length === 0) throw new Error(`No example "${id}": expected files under content/examples/${id}/`);
  const files: Record<string, string> = {};
  const translated: Record<string, string> = {};
  let configText: string | undefined;
  let event = '{}';
  for (const [path, text] of entries) {
    const name = path.slice(prefix.length);
    if (name === 'example.json') configText = text;
    else if (name === 'event.json') event = text;
    else if (TRANSLATED.test(name)) translated[name.replace(TRANSLATED, '$1')] = text;
    else files[name] = text;
  }
  if (locale === 'zh-cn') Object.assign(files, translated);
  if (configText === undefined) throw new Error(`Example "${id}" has no example.json`);
  return { id, config: JSON.parse(configText) as ExampleConfig, files, event };
}
