import type { Plugin } from 'vite';

const PREFIX = '\0hs-monaco-css:';

/**
 * Monaco's modules import their own CSS, and Astro links every stylesheet reachable from a page's scripts in the
 * page head, dynamic imports included (withastro/astro#9495): about 175 KB of render-blocking CSS on every page
 * that can open an editor, before anyone opens it. This plugin turns each of Monaco's CSS imports into a module
 * that adds the same CSS as a <style> element when the editor's code is actually loaded.
 */
export function monacoCssAtRuntime(): Plugin {
  return {
    name: 'hello-serverless:monaco-css-at-runtime',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (options?.ssr || !importer || !source.endsWith('.css') || !importer.includes('/node_modules/monaco-editor/')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      // The id must not end in .css, or Vite would treat this JavaScript as a stylesheet.
      return resolved ? `${PREFIX}${resolved.id}.js` : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = JSON.stringify(`${id.slice(PREFIX.length, -'.js'.length)}?inline`);
      return `import css from ${file};\nconst style = document.createElement('style');\nstyle.dataset.monaco = '';\nstyle.textContent = css;\ndocument.head.append(style);\n`;
    },
  };
}
