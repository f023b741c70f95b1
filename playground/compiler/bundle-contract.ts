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
