/** What persistence tells a person, in the page's language. Details (the `problem`) come from the checks. */
export interface PersistenceMessages {
  corruptSave(problem: string): string;
  brokenLink(problem: string): string;
  linkTooLarge(chars: number, limit: number): string;
  sharedLoaded: string;
  saveFailed(problem: string): string;
  downloadFailed(problem: string): string;
}

const en: PersistenceMessages = {
  corruptSave: (problem) => `Your saved project could not be read (${problem}), so the playground started from the template. The unreadable copy is kept in this browser's localStorage under "hello-serverless:project:unreadable".`,
  brokenLink: (problem) => `This share link cannot be opened: ${problem}. Your own saved project was loaded instead.`,
  linkTooLarge: (chars, limit) => `The project is too large for a share link: it would be ${chars.toLocaleString('en')} characters, and links are limited to ${limit.toLocaleString('en')}. Download it as a zip instead.`,
  sharedLoaded: 'Opened a shared project. Nothing has run: read the code, then press Invoke.',
  saveFailed: (problem) => `The browser refused to save the project (${problem}); your latest changes are only in this tab.`,
  downloadFailed: (problem) => `The zip could not be made: ${problem}`,
};

const zhCn: PersistenceMessages = {
  corruptSave: (problem) => `无法读取已保存的项目（${problem}），演练场已从模板重新开始。无法读取的副本保存在本浏览器 localStorage 的 "hello-serverless:project:unreadable" 中。`,
  brokenLink: (problem) => `无法打开这个分享链接：${problem}。已改为载入你自己保存的项目。`,
  linkTooLarge: (chars, limit) => `项目太大，无法生成分享链接：链接将有 ${chars.toLocaleString('zh-CN')} 个字符，上限是 ${limit.toLocaleString('zh-CN')}。请改用“下载 zip”。`,
  sharedLoaded: '已打开分享的项目。代码尚未运行：先读一读代码，再点“调用”。',
  saveFailed: (problem) => `浏览器拒绝保存项目（${problem}）；最新的修改只存在于当前标签页。`,
  downloadFailed: (problem) => `无法生成 zip：${problem}`,
};

export function persistenceMessages(locale: string): PersistenceMessages {
  return locale.toLowerCase().startsWith('zh') ? zhCn : en;
}
