import { h } from '../dom.ts';
import type { Project } from '../../project/project.ts';
import type { SavedProject } from '../persistence/library-schema.ts';
import type { ProjectStore } from '../persistence/project-store.ts';
import { projectListStrings, type ProjectListStrings } from './project-strings.ts';

/** What the list needs from the page around it. */
export interface ProjectListHost {
  store: ProjectStore;
  /** The open project as the page shows it now (saved before another one is opened). */
  edited(): Project;
  /** Puts another project in the editor and controls. */
  show(project: Project): void;
  /** What a new project starts from. */
  template(): Project;
  notify(message: string): void;
}

/**
 * The projects kept in this browser, behind a disclosure line that names the open one: open, rename (in place),
 * duplicate, delete (after a confirm), and start a new one from the template. Every action is a button, so the
 * list works from the keyboard; after an action the focus stays on the row it concerned.
 */
export class ProjectList {
  readonly #host: ProjectListHost;
  readonly #t: ProjectListStrings;
  readonly #locale: string;
  /** Made when the list is first opened: a first Intl formatter costs tens of milliseconds of the page's load. */
  #dates: Intl.DateTimeFormat | undefined;
  readonly #details: HTMLDetailsElement;
  readonly #name = h('strong', { class: 'hs-projects__current', 'data-hs': 'project-current' });
  readonly #count = h('span', { class: 'hs-projects__count' });
  readonly #list: HTMLUListElement;
  #renaming: string | undefined;

  constructor(root: HTMLElement, locale: string, host: ProjectListHost) {
    this.#host = host;
    this.#t = projectListStrings(locale);
    this.#locale = locale;
    this.#list = h('ul', { class: 'hs-projects__list', 'aria-label': this.#t.listLabel, 'data-hs': 'project-list' });
    const create = h('button', { type: 'button', class: 'hs-pg__button', 'data-hs': 'project-new' }, '+ ', this.#t.newProject);
    create.addEventListener('click', () => this.#create());
    this.#details = h(
      'details',
      { class: 'hs-projects' },
      h('summary', {}, h('span', {}, this.#t.project), this.#name, ' ', this.#count),
      h('div', { class: 'hs-projects__panel' }, this.#list, create),
    );
    this.#details.addEventListener('toggle', () => this.render());
    this.#details.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || event.defaultPrevented || !this.#details.open) return;
      this.#details.open = false;
      this.#details.querySelector('summary')?.focus();
    });
    root.replaceChildren(this.#details);
    this.render();
  }

  /** Draws the list again (its "last edited" times change as the open project is saved). */
  render(focus?: { id: string; action: string }): void {
    const { list, current } = this.#host.store.projects();
    const open = list.find((saved) => saved.id === current);
    this.#name.textContent = open?.name ?? '';
    this.#count.textContent = `· ${this.#t.count(list.length)}`;
    if (!this.#details.open) return;
    this.#list.replaceChildren(...list.map((saved) => this.#row(saved, saved.id === current)));
    if (focus) this.#list.querySelector<HTMLElement>(`[data-project-id="${CSS.escape(focus.id)}"] [data-action="${focus.action}"]`)?.focus();
  }

  #row(saved: SavedProject, isOpen: boolean): HTMLLIElement {
    const t = this.#t;
    const edited = h('time', { datetime: new Date(saved.editedAt).toISOString() }, (this.#dates ??= new Intl.DateTimeFormat(this.#locale, { dateStyle: 'medium', timeStyle: 'short' })).format(saved.editedAt));
    const when = h('span', { class: 'hs-projects__edited' }, isOpen ? `${t.openNow} · ` : '', `${t.edited} `, edited);
    const title = this.#renaming === saved.id ? this.#renameForm(saved) : this.#action(saved, 'open', saved.name, t.open(saved.name), () => this.#open(saved));
    title.classList.add('hs-projects__name');
    return h(
      'li',
      { class: 'hs-projects__item', 'data-project-id': saved.id, 'aria-current': isOpen ? 'true' : undefined },
      title,
      when,
      h(
        'span',
        { class: 'hs-projects__actions' },
        this.#action(saved, 'rename', t.rename, t.renameLabel(saved.name), () => this.#startRename(saved)),
        this.#action(saved, 'duplicate', t.duplicate, t.duplicateLabel(saved.name), () => this.#duplicate(saved)),
        this.#action(saved, 'delete', t.delete, t.deleteLabel(saved.name), () => this.#delete(saved)),
      ),
    );
  }

  #action(saved: SavedProject, action: string, text: string, label: string, run: () => void): HTMLButtonElement {
    const attributes = { type: 'button', class: action === 'open' ? 'hs-projects__open' : 'hs-pg__button hs-projects__action', 'data-action': action, 'data-hs': `project-${action}` };
    const button = h('button', text === label ? attributes : { ...attributes, 'aria-label': label }, text);
    button.addEventListener('click', run);
    return button;
  }

  #renameForm(saved: SavedProject): HTMLFormElement {
    const t = this.#t;
    const input = h('input', { type: 'text', value: saved.name, maxlength: 80, 'aria-label': t.newName, 'data-hs': 'project-name-input', required: true });
    const cancel = h('button', { type: 'button', class: 'hs-pg__button' }, t.cancel);
    const form = h('form', { class: 'hs-projects__rename' }, input, h('button', { type: 'submit', class: 'hs-pg__button' }, t.save), cancel);
    const stop = () => {
      this.#renaming = undefined;
      this.render({ id: saved.id, action: 'rename' });
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!this.#host.store.rename(saved.id, input.value)) {
        this.#host.notify(t.emptyName);
        return;
      }
      stop();
    });
    cancel.addEventListener('click', stop);
    input.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      stop();
    });
    queueMicrotask(() => {
      input.focus();
      input.select();
    });
    return form;
  }

  #open(saved: SavedProject): void {
    const { current } = this.#host.store.projects();
    if (saved.id !== current) {
      const project = this.#host.store.open(saved.id, this.#host.edited());
      if (!project) return;
      this.#host.show(project);
      this.#host.notify(this.#t.opened(saved.name));
    }
    this.#details.open = false;
    this.render();
    this.#details.querySelector('summary')?.focus();
  }

  #startRename(saved: SavedProject): void {
    this.#renaming = saved.id;
    this.render();
  }

  #duplicate(saved: SavedProject): void {
    this.#host.store.duplicate(saved.id, this.#host.edited());
    this.render({ id: saved.id, action: 'duplicate' });
  }

  #delete(saved: SavedProject): void {
    if (!window.confirm(this.#t.deleteConfirm(saved.name))) return;
    const replacement = this.#host.store.remove(saved.id, this.#host.edited(), this.#host.template());
    if (replacement) this.#host.show(replacement);
    this.#host.notify(this.#t.deleted(saved.name));
    this.render();
    this.#list.querySelector<HTMLElement>('[data-action="open"]')?.focus();
  }

  #create(): void {
    const project = this.#host.store.create(this.#host.template(), this.#host.edited());
    this.#host.show(project);
    const { list, current } = this.#host.store.projects();
    this.#host.notify(this.#t.created(list.find((saved) => saved.id === current)?.name ?? ''));
    this.render({ id: current, action: 'open' });
  }
}
