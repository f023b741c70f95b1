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
    // A browser that blocks storage for this site throws on access: the page then simply shows no progress.
    return;
  }
  const problem = progress.takeProblem();
  if (problem) {
    for (const notice of document.querySelectorAll<HTMLElement>('[data-hs-progress-notice]')) {
      notice.textContent = fill(strings.corruptProgress, { problem });
      notice.hidden = false;
    }
  }
  const label: Record<Exclude<ExerciseStatus, 'new'>, string> = { passed: strings.statusPassed, started: strings.statusStarted };

  for (const element of document.querySelectorAll<HTMLElement>('[data-hs-exercise-status]')) {
    const id = element.dataset.hsExerciseStatus ?? '';
    const status = progress.status(id);
    element.dataset.status = status;
    const passedAt = progress.get(id).passedAt;
    element.textContent =
      status === 'passed' && passedAt
        ? fill(strings.passedOn, { date: passedDate(passedAt, locale) })
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

  // Sidebar links to a passed exercise get a mark; cards that lead to an exercise say passed or in progress.
  for (const link of document.querySelectorAll<HTMLAnchorElement>('#starlight__sidebar a[href], .sl-link-card a[href]')) {
    const id = EXERCISE_LINK.exec(link.getAttribute('href') ?? '')?.[1];
    if (!id) continue;
    link.querySelector('.hs-progress-mark')?.remove();
    const status = progress.status(id);
    const inCard = link.closest('.sl-link-card') !== null;
    if (status === 'new' || (status === 'started' && !inCard)) continue;
    const mark = document.createElement('span');
    mark.className = `hs-progress-mark hs-progress-mark--${status}`;
    mark.textContent = inCard ? ` · ${label[status]}` : ' ✓';
    if (!inCard) {
      const hidden = document.createElement('span');
      hidden.className = 'sr-only';
      hidden.textContent = ` (${label[status]})`;
      mark.append(hidden);
    }
    link.append(mark);
  }
}

/**
 * The day an exercise was passed, written the locale's own way with the month in words ("December 4, 2026",
 * "2026年12月4日"): a numeric date such as 12/4/2026 reads as 12 April in most of the world.
 */
export function passedDate(passedAt: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(passedAt));
}
