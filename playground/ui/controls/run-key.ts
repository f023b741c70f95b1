import { fill } from '../format.ts';
import type { PlaygroundStrings } from '../strings.ts';

/** What decides the shortcut a page offers: the platform's name and whether any pointer is fine (a mouse, a pad). */
export interface Device {
  platform: string;
  /** No fine pointer at all: a phone or tablet used by touch, most likely without a keyboard. */
  touchOnly: boolean;
}

/**
 * The keys that invoke the function on this device, as the page should name them: ⌘+Enter on Apple's platforms,
 * Ctrl+Enter elsewhere, and none on a touch-only device, which has no keyboard to press them on.
 */
export function runKey(device: Device): string | null {
  if (device.touchOnly) return null;
  return /mac|iphone|ipad|ipod/i.test(device.platform) ? '⌘+Enter' : 'Ctrl+Enter';
}

export function thisDevice(): Device {
  const nav = navigator as Navigator & { userAgentData?: { platform: string } };
  return { platform: nav.userAgentData?.platform || nav.platform || '', touchOnly: !matchMedia('(any-pointer: fine)').matches };
}

/** The strings that name the shortcut, with this device's keys in them (or without the shortcut, where it has none). */
export function withRunKey(t: PlaygroundStrings, key: string | null): PlaygroundStrings {
  return { ...t, ready: key ? fill(t.ready, { key }) : t.readyNoKey, codeEditor: fill(t.codeEditor, { key: key ?? 'Ctrl+Enter' }) };
}
