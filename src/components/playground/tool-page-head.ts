/**
 * A head script for the playground's pages: it marks <html> before the body is parsed, so the page's layout rules
 * can select on an attribute. They used `html:has(.hs-pg__work)` before, which makes Chromium re-check the whole
 * document's styles on every DOM change the playground makes (10-12 ms per frame during a Load run: measured).
 */
export const TOOL_PAGE_HEAD = [{ tag: 'script' as const, content: "document.documentElement.setAttribute('data-hs-tool', '')" }];
