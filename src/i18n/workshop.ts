/**
 * The workshop's browser words in both languages (the interface is playground/ui/workshop/workshop-strings.ts).
 * Check titles and failure explanations are not here: each exercise's check.ts carries its own, in both languages.
 */
import type { WorkshopLocale, WorkshopStrings } from '../../playground/ui/workshop/workshop-strings.ts';

const en: WorkshopStrings = {
  openEditor: 'Edit and check in your browser',
  continueEditing: 'Continue where you left off',
  loadingEditor: 'Loading the editor and the checks…',
  editorFailed: 'Our code editor (Monaco) did not load. Check your connection and reload; your code is saved in this browser. Details:',
  editorLabel: 'Your answer (Ctrl+Enter runs the checks)',
  check: 'Run the checks',
  checking: 'Checking… requests so far: {count}',
  stop: 'Stop',
  stopped: 'Stopped before the checks finished. Run them again when you are ready.',
  openInPlayground: 'Open in the playground',
  compileFailed: 'The code does not compile, so nothing ran: {first}',
  allPassed: 'All {count} checks pass. Exercise complete!',
  somePassed: '{passed} of {count} checks pass.',
  checksFailedToRun: 'The checks could not run: {message}',
  reset: 'Start again from the starter code',
  resetConfirm: 'Replace your code with the starter code? Your current code will be lost.',
  passedOn: 'Passed on {date}',
  started: 'In progress: your code is saved in this browser',
  logsSummary: 'What your function logged during the checks ({count} lines)',
  logsCut: '… and {count} more lines',
  noLogs: 'Your function logged nothing during the checks.',
  saveFailed: 'The browser refused to save your code ({problem}); it is only in this tab.',
  corruptProgress:
    'Your saved workshop progress could not be read ({problem}), so it starts afresh. The unreadable copy is kept in this browser\'s localStorage under "hello-serverless:workshop:unreadable".',
  progressSummary: '{done} of {total} exercises passed in this browser',
  statusPassed: 'passed',
  statusStarted: 'in progress',
  statusFailed: 'failed',
};

const zhCn: WorkshopStrings = {
  openEditor: '在浏览器里编辑并检查',
  continueEditing: '接着上次的进度继续',
  loadingEditor: '正在加载编辑器和检查项…',
  editorFailed: '我们的代码编辑器（Monaco）未能加载。请检查网络连接后刷新页面；你的代码已保存在本浏览器中。详情：',
  editorLabel: '你的答案（Ctrl+Enter 运行检查）',
  check: '运行检查',
  checking: '检查中… 已发出 {count} 个请求',
  stop: '停止',
  stopped: '检查未跑完就已停止。准备好后再运行一次。',
  openInPlayground: '在演练场中打开',
  compileFailed: '代码无法编译，没有运行任何检查：{first}',
  allPassed: '{count} 项检查全部通过，本练习完成！',
  somePassed: '{count} 项检查中通过了 {passed} 项。',
  checksFailedToRun: '检查无法运行：{message}',
  reset: '恢复为起始代码',
  resetConfirm: '用起始代码替换你现在的代码？当前代码将会丢失。',
  passedOn: '已于 {date} 通过',
  started: '进行中：你的代码已保存在本浏览器',
  logsSummary: '检查过程中函数打印的日志（{count} 行）',
  logsCut: '… 另有 {count} 行未显示',
  noLogs: '检查过程中函数没有打印任何日志。',
  saveFailed: '浏览器拒绝保存你的代码（{problem}）；代码只存在于当前标签页。',
  corruptProgress: '无法读取已保存的实验进度（{problem}），进度已从头记录。读不出的那份副本仍保存在本浏览器 localStorage 的“hello-serverless:workshop:unreadable”中。',
  progressSummary: '本浏览器中已通过 {done} / {total} 个练习',
  statusPassed: '已通过',
  statusStarted: '进行中',
  statusFailed: '未通过',
};

export const workshopStrings = { en, 'zh-cn': zhCn } satisfies Record<WorkshopLocale, WorkshopStrings>;
