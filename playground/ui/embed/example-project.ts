import { defaultSettings, type Project } from '../../project/project.ts';
import type { RunnableExample } from './runnable-example.ts';

const sourceFile = /\.([mc]?[tj]s|json)$/;

/** An example as a project the engine can deploy: its handler "index.main_handler" names the entry and the export. */
export function exampleProject(example: RunnableExample): Project {
  const at = example.config.handler.lastIndexOf('.');
  const file = example.config.handler.slice(0, at);
  const exportName = example.config.handler.slice(at + 1);
  const files = Object.fromEntries(Object.entries(example.files).filter(([path]) => sourceFile.test(path)));
  const entry = ['.ts', '.js', '.mjs', '.cjs', '.mts', '.cts'].map((ext) => file + ext).find((path) => path in files);
  if (entry === undefined) throw new Error(`Example ${example.id}: no source file for handler ${example.config.handler}`);
  return {
    entry,
    files,
    event: example.event,
    settings: {
      ...defaultSettings,
      dialect: example.config.dialect,
      exportName,
      memoryMb: example.config.memoryMb ?? defaultSettings.memoryMb,
      timeoutS: example.config.timeoutS ?? defaultSettings.timeoutS,
      env: example.config.env ?? {},
    },
  };
}

/** What the playground's project list calls an example opened from a docs page: the page's title and the example. */
export function exampleName(example: RunnableExample, pageTitle: string): string {
  const title = pageTitle.replace(/\s+/g, ' ').trim();
  return title === '' ? example.id : `${title} · ${example.id}`;
}
