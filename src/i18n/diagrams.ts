/** The words the diagram frame adds around every diagram (each diagram carries its own labels in both languages). */
export const diagramStrings = {
  en: { scrollHint: 'Scroll sideways to see the whole diagram →' },
  'zh-cn': { scrollHint: '左右滑动可查看完整图示 →' },
} satisfies Record<'en' | 'zh-cn', { scrollHint: string }>;
