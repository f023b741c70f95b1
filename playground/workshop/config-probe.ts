import { ASYNC_MODULE_BANNER, EXPORTS_FUNCTION } from '../compiler/bundle-contract.ts';

/** The export of a probe bundle that answers with the answer's `config`. */
export const CONFIG_PROBE_EXPORT = 'readConfig';

/**
 * A bundle that runs an answer's compiled bundle as a module of its own and exports one handler returning what that
 * module exported as `config`. It is deployed as a separate function, so the answer's code runs in an instance (never
 * in the page or the checks' thread) and its settings are read from the module as it really ran, whatever the code
 * looks like. It takes either bundle format: a top-level-await bundle keeps its banner and is awaited.
 */
export function configProbeBundle(bundle: string): string {
  const isAsync = bundle.startsWith(ASYNC_MODULE_BANNER);
  const body = isAsync ? bundle.slice(ASYNC_MODULE_BANNER.length) : bundle;
  return [
    isAsync ? ASYNC_MODULE_BANNER : '',
    'var __answer = { exports: {} };',
    `${isAsync ? 'await (async ' : '('}function (exports, module, ${EXPORTS_FUNCTION}) {${body}`,
    '}).call(__answer.exports, __answer.exports, __answer, function (value) { __answer.exports = value; });',
    'var __exported = __answer.exports || {};',
    `module.exports = { ${CONFIG_PROBE_EXPORT}: async function () { return __exported.config !== undefined ? __exported.config : (__exported.default || {}).config; } };`,
  ].join('\n');
}
