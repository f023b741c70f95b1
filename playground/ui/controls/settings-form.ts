import { part } from '../dom.ts';
import { fill } from '../format.ts';
import { PLATFORM_PROFILE_NAMES } from '../../model/platform-profiles.ts';
import type { PlatformProfileName } from '../../model/platform-profiles.ts';
import type { FunctionSettings } from '../../project/project.ts';
import type { PlaygroundStrings } from '../strings.ts';
import { formatEnv, parseEnv } from './env-vars.ts';

/** The function settings form: shows a project's settings and reads them back, saying which input is wrong. */
export class SettingsForm {
  private readonly root: HTMLElement;
  private readonly t: PlaygroundStrings;
  private readonly inputs: {
    memory: HTMLSelectElement;
    timeout: HTMLInputElement;
    maxConcurrency: HTMLInputElement;
    keepAlive: HTMLInputElement;
    provisioned: HTMLInputElement;
    env: HTMLTextAreaElement;
  };
  /** Whose cold starts instances show; a setting of this page, not of the project (it is not saved or shared). */
  private readonly profile: HTMLSelectElement;
  private readonly envError: HTMLElement;
  private readonly summary: HTMLElement;
  private exportName = 'main_handler';
  private dialect: FunctionSettings['dialect'] = 'scf';

  constructor(root: HTMLElement, t: PlaygroundStrings, onChange: () => void) {
    this.root = root;
    this.t = t;
    this.inputs = {
      memory: part(root, 'memory'),
      timeout: part(root, 'timeout'),
      maxConcurrency: part(root, 'max-concurrency'),
      keepAlive: part(root, 'keep-alive'),
      provisioned: part(root, 'provisioned'),
      env: part(root, 'env'),
    };
    this.profile = part(root, 'platform-profile');
    this.profile.addEventListener('change', onChange);
    this.envError = part(root, 'env-error');
    this.summary = part(root, 'settings-summary');
    for (const input of Object.values(this.inputs)) input.addEventListener('change', onChange);
    this.inputs.env.addEventListener('input', () => this.read());
  }

  write(settings: FunctionSettings): void {
    this.exportName = settings.exportName;
    this.dialect = settings.dialect;
    this.inputs.memory.value = String(settings.memoryMb);
    this.inputs.timeout.value = String(settings.timeoutS);
    this.inputs.maxConcurrency.value = String(settings.maxConcurrency);
    this.inputs.keepAlive.value = String(settings.keepAliveS);
    this.inputs.provisioned.value = String(settings.provisionedConcurrency);
    this.inputs.env.value = formatEnv(settings.env);
    this.envError.hidden = true;
    this.showSummary(settings);
  }

  /** The settings as typed, or undefined (with the problem shown next to the input) when they are not usable. */
  read(): FunctionSettings | undefined {
    const env = parseEnv(this.inputs.env.value);
    if (!env.ok) {
      this.envError.textContent = fill(this.t.envVarsInvalid, { line: env.line, text: env.text });
      this.envError.hidden = false;
      if (this.root instanceof HTMLDetailsElement) this.root.open = true;
      return undefined;
    }
    this.envError.hidden = true;
    const settings: FunctionSettings = {
      dialect: this.dialect,
      exportName: this.exportName,
      memoryMb: whole(this.inputs.memory.value, 128, 64, 10240),
      timeoutS: whole(this.inputs.timeout.value, 3, 1, 900),
      maxConcurrency: whole(this.inputs.maxConcurrency.value, 10, 1, 1000),
      keepAliveS: whole(this.inputs.keepAlive.value, 60, 0, 3600),
      provisionedConcurrency: whole(this.inputs.provisioned.value, 0, 0, 50),
      env: env.env,
    };
    this.showSummary(settings);
    return settings;
  }

  get platformProfile(): PlatformProfileName {
    const value = this.profile.value;
    return (PLATFORM_PROFILE_NAMES as readonly string[]).includes(value) ? (value as PlatformProfileName) : 'local';
  }

  private showSummary(settings: FunctionSettings): void {
    const t = this.t;
    const parts = [`${settings.memoryMb} MB`, `${settings.timeoutS} s`, `${t.maxConcurrency} ${settings.maxConcurrency}`, `${t.keepAlive} ${settings.keepAliveS}`];
    if (settings.provisionedConcurrency > 0) parts.push(`${t.provisioned} ${settings.provisionedConcurrency}`);
    if (this.platformProfile !== 'local') parts.push(this.profile.selectedOptions[0]?.textContent ?? this.platformProfile);
    this.summary.textContent = parts.join(' · ');
  }
}

function whole(text: string, fallback: number, min: number, max: number): number {
  const value = Math.round(Number(text));
  return Number.isFinite(value) && text.trim() !== '' ? Math.min(max, Math.max(min, value)) : fallback;
}
