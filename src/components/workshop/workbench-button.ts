/**
 * Wires an exercise's "edit and check" button: the editor, the compiler and the checks load only when pressed.
 */
import type { WorkbenchExercise } from '../../../playground/ui/workshop/exercise-workbench.ts';
import { checksLoader } from './exercise-checks.ts';
import { showProgress } from './progress-marks.ts';

export function wireWorkbenchButtons(): void {
  for (const section of document.querySelectorAll<HTMLElement>('[data-hs-workbench]')) {
    const button = section.querySelector<HTMLButtonElement>('[data-hs-workbench-open]');
    const target = section.querySelector<HTMLElement>('[data-hs-workbench-target]');
    const data = section.querySelector('[data-hs-workbench-data]')?.textContent;
    if (!button || !target || !data || button.dataset.hsWired) continue;
    button.dataset.hsWired = 'true';
    const exercise = JSON.parse(data) as WorkbenchExercise;
    const refresh = () => showProgress(exercise.strings, exercise.locale === 'zh-cn' ? 'zh-CN' : 'en');
    refresh();
    const label = button.querySelector('[data-hs-workbench-label]');
    if (label && section.querySelector<HTMLElement>('[data-hs-exercise-status]')?.dataset.status === 'started') {
      label.textContent = exercise.strings.continueEditing;
    }
    button.addEventListener('click', () => void open(button, target, exercise, refresh));
  }
}

async function open(button: HTMLButtonElement, target: HTMLElement, exercise: WorkbenchExercise, refresh: () => void): Promise<void> {
  button.disabled = true;
  target.hidden = false;
  target.textContent = exercise.strings.loadingEditor;
  try {
    const { mountWorkbench } = await import('../../../playground/ui/workshop/exercise-workbench.ts');
    await mountWorkbench(target, exercise, checksLoader(exercise.id), refresh);
    button.hidden = true;
  } catch (error) {
    target.textContent = `${exercise.strings.editorFailed} ${error instanceof Error ? error.message : String(error)}`;
    button.disabled = false;
  }
}
