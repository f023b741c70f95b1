/**
 * The output tabs (Result, Logs, Timeline, Load, Model) following the WAI-ARIA tabs pattern: arrow keys move
 * between tabs, only the selected tab is in the tab order.
 */
export class PanelTabs {
  private readonly tabs: HTMLButtonElement[];
  private readonly root: HTMLElement;
  private readonly onShow: (id: string) => void;

  constructor(root: HTMLElement, onShow: (id: string) => void) {
    this.root = root;
    this.onShow = onShow;
    this.tabs = [...root.querySelectorAll<HTMLButtonElement>('[data-hs-tab]')];
    this.tabs.forEach((tab, index) => {
      tab.addEventListener('click', () => this.show(tab.dataset.hsTab ?? ''));
      tab.addEventListener('keydown', (event) => {
        const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
        if (step === 0) return;
        event.preventDefault();
        const next = this.tabs[(index + step + this.tabs.length) % this.tabs.length];
        if (next) {
          this.show(next.dataset.hsTab ?? '');
          next.focus();
        }
      });
    });
  }

  show(id: string): void {
    for (const tab of this.tabs) {
      const selected = tab.dataset.hsTab === id;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
    }
    for (const panel of this.root.querySelectorAll<HTMLElement>('[data-hs-panel]')) panel.hidden = panel.dataset.hsPanel !== id;
    this.onShow(id);
  }

  panel(id: string): HTMLElement {
    const panel = this.root.querySelector<HTMLElement>(`[data-hs-panel="${id}"]`);
    if (!panel) throw new Error(`No panel ${id}`);
    return panel;
  }
}
