/**
 * The only code a docs page with examples loads up front: it waits for a click on Run, then loads the compact
 * runner (compiler, platform, panels) for that one example.
 */
import type { RunnableExample } from '../../../playground/ui/embed/runnable-example.ts';

export function wireExampleRunButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-hs-run]')) {
    if (button.dataset.hsWired) continue;
    button.dataset.hsWired = 'true';
    button.addEventListener('click', () => void start(button));
  }
}

async function start(button: HTMLButtonElement): Promise<void> {
  const figure = button.closest<HTMLElement>('.hs-example');
  const target = figure?.querySelector<HTMLElement>('[data-hs-runner]');
  const data = figure?.querySelector('[data-hs-example]')?.textContent;
  if (!figure || !target || !data) return;
  const example = JSON.parse(data) as RunnableExample;
  button.disabled = true;
  target.hidden = false;
  target.textContent = example.strings.runnerLoading;
  try {
    const { mountExampleRunner } = await import('../../../playground/ui/embed/example-runner.ts');
    const runner = await mountExampleRunner(target, example);
    button.hidden = true;
    await runner.run();
  } catch (error) {
    target.textContent = `${example.strings.editorFailed} ${error instanceof Error ? error.message : String(error)}`;
    button.disabled = false;
  }
}
