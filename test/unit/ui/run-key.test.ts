import { describe, expect, test } from 'vitest';
import { runKey, withRunKey } from '../../../playground/ui/controls/run-key.ts';
import { playgroundStrings } from '../../../src/i18n/playground.ts';

describe('the shortcut the playground names', () => {
  test('is ⌘+Enter on a Mac, Ctrl+Enter on Windows and Linux, none on a touch-only phone', () => {
    expect(runKey({ platform: 'macOS', touchOnly: false })).toBe('⌘+Enter');
    expect(runKey({ platform: 'MacIntel', touchOnly: false })).toBe('⌘+Enter');
    expect(runKey({ platform: 'Windows', touchOnly: false })).toBe('Ctrl+Enter');
    expect(runKey({ platform: 'Linux x86_64', touchOnly: false })).toBe('Ctrl+Enter');
    expect(runKey({ platform: 'Android', touchOnly: true })).toBeNull();
    expect(runKey({ platform: 'iPhone', touchOnly: true })).toBeNull();
  });

  test('is written into the status line in both languages, which names no key on a touch-only device', () => {
    expect(withRunKey(playgroundStrings.en, '⌘+Enter').ready).toBe('Ready. Press Invoke or ⌘+Enter.');
    expect(withRunKey(playgroundStrings['zh-cn'], 'Ctrl+Enter').ready).toBe('就绪。点“调用”或按 Ctrl+Enter。');
    for (const t of Object.values(playgroundStrings)) {
      expect(withRunKey(t, null).ready).not.toMatch(/Ctrl|⌘|Enter/);
      expect(withRunKey(t, '⌘+Enter').codeEditor).toContain('⌘+Enter');
    }
  });
});
