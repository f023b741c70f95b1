/** The page the service worker answers with when the network is gone and a page was never opened on this device. */
export interface OfflinePageStrings {
  title: string;
  explanation: string;
  home: string;
  playground: string;
}

export const offlinePageStrings: Readonly<Record<'en' | 'zh-cn', OfflinePageStrings>> = {
  en: {
    title: 'You are offline',
    explanation: 'This page has not been opened on this device yet, so it is not saved for offline reading. Pages you have opened, the playground, the workshop checks and search work without a network.',
    home: 'Home',
    playground: 'Open the playground',
  },
  'zh-cn': {
    title: '当前处于离线状态',
    explanation: '这个页面还没有在本设备上打开过，所以没有保存下来供离线阅读。打开过的页面、演练场、动手实验的检查和搜索在没有网络时都能使用。',
    home: '首页',
    playground: '打开演练场',
  },
};
