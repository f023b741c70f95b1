import type { SiteUpdateStrings } from '../i18n/site-update.ts';

/**
 * A small notice at the bottom of the page: a new version is ready, Reload or Not now. Nothing reloads on its own:
 * the page may hold unsaved work or a running load test.
 */
export function showUpdatePrompt(strings: SiteUpdateStrings, reload: () => void): void {
  if (document.querySelector('.hs-update')) return;
  const notice = document.createElement('div');
  notice.className = 'hs-update';
  notice.setAttribute('role', 'status');
  Object.assign(notice.style, {
    position: 'fixed',
    insetInline: '1rem',
    bottom: '1rem',
    zIndex: '1000',
    marginInline: 'auto',
    maxWidth: '32rem',
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: '0.75rem',
    padding: '0.75rem 1rem',
    border: '1px solid var(--sl-color-gray-5, #ccc)',
    borderRadius: '0.5rem',
    background: 'var(--sl-color-bg-nav, #fff)',
    color: 'var(--sl-color-white, #000)',
    boxShadow: 'var(--sl-shadow-md, 0 4px 12px rgb(0 0 0 / 0.2))',
  } satisfies Partial<CSSStyleDeclaration>);
  const text = document.createElement('span');
  text.textContent = strings.ready;
  text.style.flex = '1';
  const reloadButton = button(strings.reload, () => {
    reloadButton.disabled = true;
    reload();
  });
  reloadButton.style.background = 'var(--sl-color-text-accent, #c2410c)';
  reloadButton.style.color = 'var(--sl-color-black, #fff)';
  const later = button(strings.later, () => notice.remove());
  notice.append(text, reloadButton, later);
  document.body.append(notice);
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  Object.assign(element.style, { padding: '0.25rem 0.75rem', border: '1px solid currentColor', borderRadius: '0.25rem', background: 'transparent', color: 'inherit', cursor: 'pointer', font: 'inherit' });
  element.addEventListener('click', onClick);
  return element;
}
