/**
 * A function's layers as the platform mounts them at `/opt`: each file compiled to a CommonJS module, by its path
 * under `/opt` ("nodejs/pricing.js"). Kept apart from the function's bundle, which only `require`s them.
 */
export type LayerArtifact = Record<string, string>;

/** What deploys of a compiled function: its bundle, and its layers when it has any (the compiler's output). */
export interface CompiledFunction {
  bundle: string;
  layer?: LayerArtifact;
}
