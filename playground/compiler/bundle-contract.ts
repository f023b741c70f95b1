/**
 * What a compiled bundle and the instance runtime that evaluates it agree on. Kept apart from the esbuild options
 * so that the runtime, which runs in every instance, loads none of the compiler.
 */

/** Where virtual files live inside esbuild's namespace; also the prefix of the paths in the source map. */
export const VIRTUAL_NAMESPACE = 'hello-serverless';

/** First line of a bundle with top-level `await`: the runtime runs it in an async wrapper and awaits it. */
export const ASYNC_MODULE_BANNER = '"use hello-serverless async-module";';

/** Free names in the bundle, bound by the runtime's module wrapper: a file's own paths, and an async module's exports. */
export const MODULE_PATHS_FUNCTION = '__hello_serverless_module_paths';
export const EXPORTS_FUNCTION = '__hello_serverless_exports';

/** Each source file's own binding of its paths (esbuild renames it per file where files share a scope). */
export const PATHS_VARIABLE = '__hello_serverless_paths';

/**
 * How the declaration of a file's paths begins; the compiler puts it on the file's first line of code so that no
 * line number moves. The leading ";" ends a directive written without its semicolon.
 */
const PATHS_DECLARATION_START = `;var ${PATHS_VARIABLE} = /* @__PURE__ */ ${MODULE_PATHS_FUNCTION}(`;

export function pathsDeclaration(path: string): string {
  return `${PATHS_DECLARATION_START}${JSON.stringify(path)});`;
}

/**
 * A 1-based column of a compiled source's line as its author wrote it: past the inserted declaration, the
 * declaration's length comes off (compile errors and mapped stack frames on a file's first line point at the code).
 */
export function authorColumn(lineText: string, column: number): number {
  const at = lineText.indexOf(PATHS_DECLARATION_START);
  if (at < 0 || column - 1 < at) return column;
  const end = lineText.indexOf(');', at + PATHS_DECLARATION_START.length) + 2;
  return Math.max(at, column - 1 - (end - at)) + 1;
}
