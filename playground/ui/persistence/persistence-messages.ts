import type { ShareProblem } from './share-link.ts';

/**
 * What persistence tells a person, in the page's language. The schema check's details (which field is wrong)
 * stay in English: they name fields of the project as the code spells them.
 */
export interface PersistenceMessages {
  /** `keptUnder`: the localStorage key holding the unreadable text, when the browser let us keep it. */
  corruptSave(problem: string, keptUnder: string | undefined): string;
  brokenLink(problem: ShareProblem, fallback: 'saved' | 'template'): string;
  linkTooLarge(chars: number, limit: number): string;
  /** A link's project was opened as a new project; `previous` was open before and is still in the list. */
  sharedOpened(name: string, previous: string | undefined): string;
  /** A link's project is already in the list under `name`, and was opened. */
  sharedAlreadyKept(name: string): string;
  firstProjectName: string;
  sharedProjectName: string;
  newProjectName(count: number): string;
  copyName(name: string): string;
  saveFailed(problem: string): string;
  downloadFailed(problem: string): string;
}

const en: PersistenceMessages = {
  corruptSave: (problem, keptUnder) => `Saved work could not be read (${problem}): the projects that could be read are in the list; if none could, the playground started from the template. ${keptUnder ? `The unreadable copy is kept in this browser's localStorage under "${keptUnder}".` : 'The browser had no room to keep the unreadable copy.'}`,
  brokenLink: (problem, fallback) => `This share link cannot be opened: ${shareProblemEn(problem)}. ${fallback === 'saved' ? 'Your saved project was opened instead.' : 'The template was opened instead.'}`,
  linkTooLarge: (chars, limit) => `The project is too large for a share link: it would be ${chars.toLocaleString('en')} characters, and links are limited to ${limit.toLocaleString('en')}. Download it as a zip instead.`,
  sharedOpened: (name, previous) => `Opened ‘${name}’ as a new project${previous ? `; your project ‘${previous}’ is in the list` : ''}. Nothing has run: read the code, then press Invoke.`,
  sharedAlreadyKept: (name) => `This project is already in your list as ‘${name}’, and is open now. Nothing has run: read the code, then press Invoke.`,
  firstProjectName: 'My project',
  sharedProjectName: 'Shared project',
  newProjectName: (count) => `Project ${count}`,
  copyName: (name) => `Copy of ${name}`,
  saveFailed: (problem) => `The browser refused to save the project (${problem}); your latest changes are only in this tab.`,
  downloadFailed: (problem) => `The zip could not be made: ${problem}`,
};

const zhCn: PersistenceMessages = {
  corruptSave: (problem, keptUnder) => `已保存的内容无法读取（${problem}）：能读取的项目都在列表中；若都无法读取，演练场从模板开始。${keptUnder ? `无法读取的副本保存在本浏览器 localStorage 的“${keptUnder}”中。` : '浏览器没有空间保存无法读取的副本。'}`,
  brokenLink: (problem, fallback) => `无法打开这个分享链接：${shareProblemZh(problem)}。${fallback === 'saved' ? '已改为打开你自己保存的项目。' : '已改为打开模板。'}`,
  linkTooLarge: (chars, limit) => `项目太大，无法生成分享链接：链接将有 ${chars.toLocaleString('zh-CN')} 个字符，上限是 ${limit.toLocaleString('zh-CN')}。请改用“下载 zip”。`,
  sharedOpened: (name, previous) => `已将“${name}”作为新项目打开${previous ? `；你的项目“${previous}”仍在列表中` : ''}。代码尚未运行：先读一读代码，再点“调用”。`,
  sharedAlreadyKept: (name) => `这个项目已在你的列表中（“${name}”），现已打开。代码尚未运行：先读一读代码，再点“调用”。`,
  firstProjectName: '我的项目',
  sharedProjectName: '分享的项目',
  newProjectName: (count) => `项目 ${count}`,
  copyName: (name) => `${name} 的副本`,
  saveFailed: (problem) => `浏览器拒绝保存项目（${problem}）；最新的修改只存在于当前标签页。`,
  downloadFailed: (problem) => `无法生成 zip：${problem}`,
};

export function persistenceMessages(locale: string): PersistenceMessages {
  return locale.toLowerCase().startsWith('zh') ? zhCn : en;
}

function shareProblemEn(problem: ShareProblem): string {
  switch (problem.kind) {
    case 'no-version': return 'it has no version mark, so it was probably cut short';
    case 'newer-format': return `it was made by a newer playground (format ${problem.version}) than this one`;
    case 'too-long': return `it is ${problem.chars.toLocaleString('en')} characters long, and at most ${problem.limit.toLocaleString('en')} are accepted`;
    case 'bad-characters': return 'it contains characters a share link never has, so the app that carried it probably changed it';
    case 'not-compressed': return 'its data does not decompress, so it was probably cut short when it was copied';
    case 'not-json': return 'its data is not valid JSON';
    case 'invalid-project': return `the project in it is not valid (${problem.detail})`;
  }
}

function shareProblemZh(problem: ShareProblem): string {
  switch (problem.kind) {
    case 'no-version': return '链接缺少版本标记，可能在复制时被截断了';
    case 'newer-format': return `链接由更新版本的演练场生成（格式 ${problem.version}）`;
    case 'too-long': return `链接长 ${problem.chars.toLocaleString('zh-CN')} 个字符，上限是 ${problem.limit.toLocaleString('zh-CN')}`;
    case 'bad-characters': return '链接里有分享链接不会包含的字符，可能被转发它的应用改动过';
    case 'not-compressed': return '链接中的数据无法解压，可能在复制时被截断了';
    case 'not-json': return '链接中的数据不是有效的 JSON';
    case 'invalid-project': return `其中的项目无效（${problem.detail}）`;
  }
}
