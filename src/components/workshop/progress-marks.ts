/**
 * The little a workshop page does before anyone asks for the editor: it shows, from this browser's saved progress,
 * which exercises are passed or in progress (on the page and in the sidebar).
 */
import { WorkshopProgress, type ExerciseStatus } from '../../../playground/ui/workshop/workshop-progress.ts';
import type { WorkshopStrings } from '../../../playground/ui/workshop/workshop-strings.ts';
import { fill } from '../../../playground/ui/format.ts';

const EXERCISE_LINK = /\/workshop\/([a-z0-9-]+)\/$/;

export function showProgress(strings: WorkshopStrings, locale: string): void {
  let progress: WorkshopProgress;
  try {
    progress = new WorkshopProgress(window.localStorage);
  } catch {
    return;
  }
  const problem = progress.takeProblem();
  if (problem) {
    for (const notice of document.querySelectorAll<HTMLElement>('[data-hs-progress-notice]')) {
      notice.textContent = fill(strings.corruptProgress, { problem });
      notice.hidden = false;
    }
  }
  const label: Record<ExerciseStatus, string> = { passed: strings.statusPassed, started: strings.statusStarted, new: strings.statusNew };

  for (const element of document.querySelectorAll<HTMLElement>('[data-hs-exercise-status]')) {
    const id = element.dataset.hsExerciseStatus ?? '';
    const status = progress.status(id);
    element.dataset.status = status;
    const passedAt = progress.get(id).passedAt;
    element.textContent =
      element.dataset.hsVerbose === undefined
        ? label[status]
        : status === 'passed' && passedAt
          ? fill(strings.passedOn, { date: new Date(passedAt).toLocaleDateString(locale) })
          : status === 'started'
            ? strings.started
            : '';
    element.hidden = element.textContent === '';
  }

  for (const summary of document.querySelectorAll<HTMLElement>('[data-hs-workshop-summary]')) {
    const ids = (summary.dataset.hsWorkshopSummary ?? '').split(',').filter(Boolean);
    const done = ids.filter((id) => progress.status(id) === 'passed').length;
    summary.textContent = fill(strings.progressSummary, { done, total: ids.length });
    summary.hidden = false;
  }

  for (const link of document.querySelectorAll<HTMLAnchorElement>('#starlight__sidebar a[href]')) {
    const id = EXERCISE_LINK.exec(link.getAttribute('href') ?? '')?.[1];
    if (!id) continue;
    link.querySelector('.hs-sidebar-mark')?.remove();
    if (progress.status(id) !== 'passed') continue;
    const mark = document.createElement('span');
    mark.className = 'hs-sidebar-mark';
    mark.title = strings.statusPassed;
    mark.textContent = ' ✓';
    const hidden = document.createElement('span');
    hidden.className = 'sr-only';
    hidden.textContent = ` (${strings.statusPassed})`;
    mark.append(hidden);
    link.append(mark);
  }
}
