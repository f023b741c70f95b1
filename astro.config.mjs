// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { satteri } from '@astrojs/markdown-satteri';
import { joinCjkLinesPlugin } from './src/lib/join-cjk-lines.ts';
import { sidebarItems } from './src/lib/sidebar-items.ts';
import { monacoCssAtRuntime } from './src/lib/monaco-css-at-runtime.ts';
import { ISOLATION_HEADERS } from './src/service-worker/isolation-headers.ts';
import { serviceWorker } from './src/service-worker/integration.ts';
import { testPages } from './src/pages/dev/_test-pages.ts';

const docs = './content/docs';

export default defineConfig({
  // Cross-origin isolation and js-profiling for `astro dev` and `astro preview` (npm start) alike.
  server: { host: '127.0.0.1', headers: ISOLATION_HEADERS },
  markdown: { processor: satteri({ mdastPlugins: [joinCjkLinesPlugin] }) },
  vite: { plugins: [monacoCssAtRuntime()] },
  integrations: [
    // The browser engine's test page, only in builds that set HS_TEST_PAGES=1 (the e2e and bench builds).
    testPages(),
    starlight({
      title: { en: 'Hello Serverless', 'zh-CN': 'Hello Serverless' },
      description: 'Learn serverless computing by doing it: concepts, the 2019 Shenzhen talks, a workshop and a live FaaS playground.',
      logo: { src: './src/assets/logo.svg', alt: '' },
      favicon: '/favicon.svg',
      defaultLocale: 'root',
      locales: {
        root: { label: 'English', lang: 'en' },
        'zh-cn': { label: '简体中文', lang: 'zh-CN' },
      },
      // The docs live in the top-level content/ folder (DESIGN.md), so Starlight must be told to process
      // Markdown there too; otherwise asides and heading anchors render as plain HTML.
      markdown: { processedDirs: [docs] },
      customCss: ['./src/styles/theme.css'],
      // The web manifest of the page's language, for installing the site.
      routeMiddleware: './src/service-worker/install-head.ts',
      // Examples are read on phones too: long lines wrap (keeping their indent) instead of scrolling sideways.
      expressiveCode: { defaultProps: { wrap: true } },
      lastUpdated: false,
      sidebar: [
        {
          label: 'Start here',
          translations: { 'zh-CN': '从这里开始' },
          items: ['start/how-to-use'],
        },
        {
          label: 'Concepts',
          translations: { 'zh-CN': '概念' },
          items: sidebarItems(docs, 'concepts'),
        },
        {
          label: 'Talks',
          translations: { 'zh-CN': '分享' },
          items: sidebarItems(docs, 'talks'),
        },
        {
          label: 'Workshop',
          translations: { 'zh-CN': '动手实验' },
          items: sidebarItems(docs, 'workshop'),
        },
        {
          label: 'Playground',
          translations: { 'zh-CN': '演练场' },
          items: [{ label: 'Open the playground', translations: { 'zh-CN': '打开演练场' }, link: '/playground/' }],
        },
        { label: 'Glossary', translations: { 'zh-CN': '术语表' }, link: '/glossary/' },
      ],
    }),
    // After Starlight: its Pagefind index, which the worker precaches, is written in astro:build:done too.
    serviceWorker(),
  ],
});
