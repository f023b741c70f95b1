import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { listExercises } from '../../../playground/cli/exercises.ts';
import { readSourceTree } from '../../../playground/compiler/node.ts';
import { EDITOR_COMPILER_OPTIONS, OPT_LAYER_TYPES } from '../../../playground/ui/editor/editor-compiler-options.ts';
import { exampleIds, loadExample } from './load-example.ts';

const TYPES = join(import.meta.dirname, '../../../playground/ui/types');
const TEMPLATES = join(import.meta.dirname, '../../../content/templates');

/** The declarations the editor adds, where monaco-setup.ts puts them. */
const EDITOR_LIBS: Record<string, string> = {
  '/node_modules/@types/scf/index.d.ts': readFileSync(join(TYPES, 'scf.d.ts'), 'utf8'),
  '/node_modules/@types/aws-lambda/index.d.ts': readFileSync(join(TYPES, 'lambda.d.ts'), 'utf8'),
  '/node_modules/@types/node/index.d.ts': readFileSync(join(TYPES, 'node-shims.d.ts.txt'), 'utf8'),
  '/node_modules/@types/opt-layers/index.d.ts': OPT_LAYER_TYPES,
};

const OPTIONS: ts.CompilerOptions = {
  ...(EDITOR_COMPILER_OPTIONS as ts.CompilerOptions),
  lib: EDITOR_COMPILER_OPTIONS.lib.map((name) => `lib.${name}.d.ts`),
  // The editor's models are file:/// URIs; this spec's in-memory files sit at /.
  baseUrl: '/',
  noEmit: true,
  types: [],
};

/** What the editor would underline in a project of these files: TypeScript's errors in the files themselves. */
function editorErrors(files: Record<string, string>): string[] {
  const all: Record<string, string> = { ...EDITOR_LIBS };
  for (const [path, text] of Object.entries(files)) all[`/${path}`] = text;
  const host = ts.createCompilerHost(OPTIONS);
  const fromDisk = host.getSourceFile.bind(host);
  host.fileExists = (path) => path in all || (path.includes('/typescript/lib/') && ts.sys.fileExists(path));
  host.readFile = (path) => all[path] ?? (path.includes('/typescript/lib/') ? ts.sys.readFile(path) : undefined);
  host.getSourceFile = (path, language) => (path in all ? ts.createSourceFile(path, all[path]!, language) : fromDisk(path, language));
  const sources = Object.keys(files).filter((path) => /\.[mc]?[tj]s$/.test(path)).map((path) => `/${path}`);
  // The editor's declarations are part of every program it checks, as Monaco's extra libraries are.
  const program = ts.createProgram([...sources, ...Object.keys(EDITOR_LIBS)], OPTIONS, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file !== undefined && sources.includes(d.file.fileName))
    .map((d) => `${d.file!.fileName}:${d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

const samples: [string, () => Record<string, string>][] = [
  ...exampleIds().map((id): [string, () => Record<string, string>] => [`example ${id}`, () => loadExample(id).files]),
  ...listExercises().flatMap((exercise) => {
    const layer = existsSync(join(exercise.dir, 'layer')) ? Object.fromEntries(Object.entries(readSourceTree(join(exercise.dir, 'layer'))).map(([path, text]) => [`layer/${path}`, text])) : {};
    return ['starter', 'solution'].map((file): [string, () => Record<string, string>] => [`exercise ${exercise.id} ${file}`, () => ({ 'index.ts': readFileSync(join(exercise.dir, `${file}.ts`), 'utf8'), ...layer })]);
  }),
  ...readdirSync(TEMPLATES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry): [string, () => Record<string, string>] => [`template ${entry.name}`, () => ({ 'index.ts': readFileSync(join(TEMPLATES, entry.name, 'index.ts'), 'utf8') })]),
];

describe("the editor's types", () => {
  test('cover every sample: examples, exercises and templates', () => {
    expect(samples.length).toBeGreaterThan(60);
  });

  test.each(samples)('%s opens in the editor with nothing underlined', (_name, files) => {
    expect(editorErrors(files())).toEqual([]);
  });

  test("know the rest of what the browser runtime provides: fs's promises and callbacks, util, crypto", () => {
    const handler = [
      "import { promises, readFile, statSync } from 'node:fs';",
      "import { writeFile } from 'fs/promises';",
      "import { format } from 'node:util';",
      "import { randomUUID } from 'crypto';",
      'export const handler = async () => {',
      "  await writeFile('/tmp/a.txt', 'x');",
      "  const text: string = await promises.readFile('/tmp/a.txt', 'utf8');",
      "  readFile('/tmp/a.txt', 'utf8', (error, again) => console.log(error, again?.length));",
      "  return format('%s %d %s', text, statSync('/tmp/a.txt').size, randomUUID());",
      '};',
    ].join('\n');
    expect(editorErrors({ 'index.ts': handler })).toEqual([]);
  });

  test('underline what the browser runtime lacks: cpuUsage must be checked for before it is called', () => {
    expect(editorErrors({ 'index.ts': 'export const handler = async () => process.cpuUsage();\n' })).toEqual([
      "/index.ts:1: Cannot invoke an object which is possibly 'undefined'.",
    ]);
    expect(editorErrors({ 'index.ts': 'export const handler = async () => process.memoryUsage().heapUsed;\n' })).toEqual([]);
  });
});
