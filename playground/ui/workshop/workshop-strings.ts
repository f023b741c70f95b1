/**
 * Every word the workshop's browser parts show. The site supplies one of these per language
 * (src/i18n/workshop.ts); `{name}` marks a value filled in.
 */
export interface WorkshopStrings {
  openEditor: string;
  continueEditing: string;
  loadingEditor: string;
  editorFailed: string;
  editorLabel: string;
  check: string;
  checking: string;
  stop: string;
  stopped: string;
  openInPlayground: string;
  compileFailed: string;
  allPassed: string;
  somePassed: string;
  checksFailedToRun: string;
  reset: string;
  resetConfirm: string;
  passedOn: string;
  started: string;
  logsSummary: string;
  logsCut: string;
  noLogs: string;
  saveFailed: string;
  corruptProgress: string;
  progressSummary: string;
  statusPassed: string;
  statusStarted: string;
  statusFailed: string;
}

/** The page's language as the workshop names it. */
export type WorkshopLocale = 'en' | 'zh-cn';
