/**
 * The only playground code on the page before the editor is requested: it waits for the first paint, then
 * loads the app (editor, compiler, platform) as a separate chunk so the skeleton shows at once.
 */
import type { PlaygroundConfig } from '../../../playground/ui/playground-config.ts';

export function bootPlayground(): void {
  const root = document.querySelector<HTMLElement>('[data-hs-playground]');
  const configText = root?.querySelector('[data-hs-config]')?.textContent;
  if (!root || !configText) return;
  const config = JSON.parse(configText) as PlaygroundConfig;
  afterFirstPaint(async () => {
    try {
      const { mountPlayground } = await import('../../../playground/ui/app.ts');
      await mountPlayground(root, config);
    } catch (error) {
      const status = root.querySelector('[data-hs="status"]');
      if (status) status.textContent = `${config.strings.editorFailed} ${error instanceof Error ? error.message : String(error)}`;
      throw error;
    }
  });
}

function afterFirstPaint(run: () => void): void {
  requestAnimationFrame(() => setTimeout(run, 0));
}
