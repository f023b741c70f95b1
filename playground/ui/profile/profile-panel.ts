import { PROFILE_FRAME_PATH } from '../../hosts/browser/profile-frame.ts';
import { h } from '../dom.ts';
import { fill, ms } from '../format.ts';
import type { ProfiledInvocation } from '../engine/engine.ts';
import type { PlaygroundStrings } from '../strings.ts';
import { CLI_PROFILE_COMMAND } from './cli-commands.ts';
import { flameChart } from './flame-chart.ts';
import { frameNamer } from './frame-names.ts';
import { buildFlameTree, hotFunctions, type FlameNode, type FlameTree } from './profile-tree.ts';

/** How many hot functions the table lists. */
const HOT_ROWS = 8;

/**
 * The Profile tab: runs one invocation with the profiler on inside its instance and draws the flame chart and the
 * hot functions, or says plainly why this browser could not profile there. It never shows a sample it did not get.
 */
export class ProfilePanel {
  private readonly t: PlaygroundStrings;
  private readonly button: HTMLButtonElement;
  private readonly output: HTMLElement;
  private readonly run: () => Promise<ProfiledInvocation | undefined>;

  constructor(panel: HTMLElement, t: PlaygroundStrings, run: () => Promise<ProfiledInvocation | undefined>) {
    this.t = t;
    this.run = run;
    this.button = h('button', { type: 'button', class: 'hs-pg__button hs-pg__button--primary', 'data-hs': 'profile-run' }, t.profileRun);
    this.output = h('div', { class: 'hs-profile__output', 'data-hs': 'profile-output', 'aria-live': 'polite' });
    panel.replaceChildren(h('p', { class: 'hs-pg__empty' }, t.profileIntro), h('div', { class: 'hs-profile__actions' }, this.button), this.output);
    this.button.addEventListener('click', () => void this.profile());
  }

  private async profile(): Promise<void> {
    if (this.button.getAttribute('aria-busy') === 'true') return;
    this.button.setAttribute('aria-busy', 'true');
    this.output.replaceChildren(h('p', { class: 'hs-pg__empty' }, this.t.profileRunning));
    try {
      const profiled = await this.run();
      if (profiled) this.show(profiled);
      else this.output.replaceChildren();
    } catch (error) {
      this.output.replaceChildren(note(error instanceof Error ? error.message : String(error), 'error'));
    } finally {
      this.button.removeAttribute('aria-busy');
    }
  }

  private show({ view, profile, bundle, where }: ProfiledInvocation): void {
    const t = this.t;
    if (!profile) return this.output.replaceChildren(note(t.profileNone, 'warn'));
    if (!profile.ok) {
      const refused = where === 'copy' ? t.profileCopyRefused : t.profileRefused;
      const why = profile.cause === 'no-profiler' ? t.profileNoProfiler : profile.cause === 'refused' ? refused : t.profileFailed;
      return this.output.replaceChildren(note(fill(why, { message: profile.message, command: CLI_PROFILE_COMMAND, path: PROFILE_FRAME_PATH }), 'warn', 'profile-unavailable'));
    }
    const tree = buildFlameTree(profile.trace, profile.sampleIntervalMs, frameNamer(profile.trace, bundle, { anonymous: t.profileAnonymous, runtime: t.profileRuntime }));
    const summary = h('p', { class: 'hs-profile__summary', 'data-hs': 'profile-summary' }, fill(t.profileSummary, {
      samples: tree.root.total,
      interval: profile.sampleIntervalMs,
      duration: ms(view.durationMs),
      idle: tree.idleSamples,
    }));
    // Said first, so nobody takes the copy's figures for the instance's own.
    const origin = where === 'copy' ? [note(t.profileInCopy, 'info', 'profile-copy')] : [];
    if (tree.root.total === 0) return this.output.replaceChildren(...origin, summary, note(fill(t.profileNoSamples, { interval: profile.sampleIntervalMs }), 'warn'));
    const details = h('p', { class: 'hs-profile__details', 'data-hs': 'profile-details' }, t.profileHelp);
    const describe = (node: FlameNode) => this.describe(node, tree);
    this.output.replaceChildren(...origin, summary, h('h3', {}, t.profileFlame), flameChart(tree, t.profileFlame, describe, details), details, h('h3', {}, t.profileHot), this.hotTable(tree));
  }

  private describe(node: FlameNode, tree: FlameTree): string {
    return fill(this.t.profileNode, {
      name: node.frame.name,
      location: node.frame.location ?? '',
      self: ms(node.self * tree.sampleIntervalMs),
      total: ms(node.total * tree.sampleIntervalMs),
      share: ((node.total / Math.max(1, tree.root.total)) * 100).toFixed(0),
    });
  }

  private hotTable(tree: FlameTree): HTMLElement {
    const t = this.t;
    const rows = hotFunctions(tree).slice(0, HOT_ROWS).map((entry) => h('tr', { 'data-function': entry.frame.name },
      h('td', {}, entry.frame.name),
      h('td', {}, entry.frame.location ?? ''),
      h('td', { class: 'hs-num' }, ms(entry.self * tree.sampleIntervalMs)),
      h('td', { class: 'hs-num' }, ms(entry.total * tree.sampleIntervalMs)),
    ));
    return h('table', { class: 'hs-profile__hot', 'data-hs': 'profile-hot' },
      h('thead', {}, h('tr', {}, h('th', {}, t.profileFunction), h('th', {}, t.profileLocation), h('th', { class: 'hs-num' }, t.profileSelf), h('th', { class: 'hs-num' }, t.profileTotal))),
      h('tbody', {}, ...rows));
  }
}

function note(text: string, tone: 'info' | 'warn' | 'error', name?: string): HTMLElement {
  return h('p', { class: `hs-profile__note hs-profile__note--${tone}`, ...(name ? { 'data-hs': name } : {}) }, text);
}
