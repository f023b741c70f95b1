/**
 * The slim Monaco build the playground needs: the core editor, the editing features people expect from an IDE,
 * and the TypeScript language service with the SCF and Lambda types. Imported lazily, only on pages with an editor.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codeAction/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/parameterHints/register';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/suggest/register';
// Monaco 0.57's suggest feature registers only inline completions, not the suggestion widget's controller; without
// this import the controller arrives with the lazily loaded TypeScript mode, after the editor was created, so the
// editor never gets it (no list on "context." or Ctrl+Space, while hovers work).
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/javascript/register';
import { typescriptDefaults, javascriptDefaults } from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import scfTypes from '../types/scf.d.ts?raw';
import lambdaTypes from '../types/lambda.d.ts?raw';
import nodeShims from '../types/node-shims.d.ts.txt?raw';
import { EDITOR_COMPILER_OPTIONS, OPT_LAYER_TYPES } from './editor-compiler-options.ts';

let configured = false;

export function setUpMonaco(): typeof monaco {
  if (configured) return monaco;
  configured = true;
  self.MonacoEnvironment = {
    getWorker: (_id, label) => (label === 'typescript' || label === 'javascript' ? new TypeScriptWorker() : new EditorWorker()),
  };
  for (const defaults of [typescriptDefaults, javascriptDefaults]) {
    defaults.setCompilerOptions(EDITOR_COMPILER_OPTIONS);
    defaults.addExtraLib(scfTypes, 'file:///node_modules/@types/scf/index.d.ts');
    defaults.addExtraLib(lambdaTypes, 'file:///node_modules/@types/aws-lambda/index.d.ts');
    defaults.addExtraLib(nodeShims, 'file:///node_modules/@types/node/index.d.ts');
    defaults.addExtraLib(OPT_LAYER_TYPES, 'file:///node_modules/@types/opt-layers/index.d.ts');
    defaults.setEagerModelSync(true);
  }
  return monaco;
}

export type Monaco = typeof monaco;
