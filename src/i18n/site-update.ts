/** The words of the "new version" prompt every page can show (src/service-worker/register.ts), in both languages. */
export interface SiteUpdateStrings {
  ready: string;
  reload: string;
  later: string;
}

export const siteUpdateStrings: Readonly<Record<'en' | 'zh-cn', SiteUpdateStrings>> = {
  en: { ready: 'A new version of this site is ready.', reload: 'Reload', later: 'Not now' },
  'zh-cn': { ready: '本站有新版本可用。', reload: '重新加载', later: '稍后' },
};
