/**
 * The editor's TypeScript settings, in one place for monaco-setup.ts and for the spec that type-checks every sample
 * the site opens in the editor against them. Enum settings are TypeScript's own numbers, which Monaco's enums share,
 * so that this file imports neither (Monaco needs a page; the TypeScript package is too big for one).
 */
export const EDITOR_COMPILER_OPTIONS = {
  /** ScriptTarget.ES2020 */
  target: 7,
  /** ModuleKind.ESNext */
  module: 99,
  /** ModuleResolutionKind.NodeJs (Node10) */
  moduleResolution: 2,
  allowNonTsExtensions: true,
  allowJs: true,
  strict: true,
  esModuleInterop: true,
  resolveJsonModule: true,
  // The compiler resolves "layer/x" and "/opt/x" to the layer folder; tell the type checker the same thing.
  baseUrl: 'file:///',
  paths: { 'layer/*': ['layer/*'], '/opt/*': ['layer/*'] },
  // A function runs in a worker-like world: console, timers, fetch and URL, but no DOM.
  lib: ['es2022', 'webworker'],
};

/** A layer the platform binds without a folder here (an exercise's): its files exist only at run time. */
export const OPT_LAYER_TYPES = "declare module '/opt/*';";
