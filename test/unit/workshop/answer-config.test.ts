import { describe, expect, test } from 'vitest';
import { parseAnswerConfig } from '../../../playground/workshop/check-api.ts';

describe("an answer's exported config", () => {
  test('keeps the settings it names, and leaves out the ones it does not', () => {
    expect(parseAnswerConfig({ reservedConcurrency: 20, keepAliveS: 90.5 })).toEqual({ ok: true, config: { reservedConcurrency: 20, keepAliveS: 90.5 } });
    expect(parseAnswerConfig({ memoryMb: undefined })).toEqual({ ok: true, config: {} });
  });

  test('says in both languages that no config was exported', () => {
    const parsed = parseAnswerConfig(undefined);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem.en).toContain('exports no `config`');
    expect(parsed.problem['zh-cn']).toContain('没有导出 `config`');
  });

  test('refuses a field no exercise reads, by its name', () => {
    const parsed = parseAnswerConfig({ reservedConcurency: 20 });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.en).toContain('"reservedConcurency"');
  });

  test('reads a retry policy, and refuses one that is not exactly attempts and firstDelayMs', () => {
    expect(parseAnswerConfig({ retry: { attempts: 5, firstDelayMs: 100 } })).toEqual({ ok: true, config: { retry: { attempts: 5, firstDelayMs: 100 } } });
    for (const retry of [{ attempts: 5 }, { attempts: 0, firstDelayMs: 100 }, { attempts: 5, firstDelayMs: 100, jitter: true }, 5]) {
      expect(parseAnswerConfig({ retry }).ok, JSON.stringify(retry)).toBe(false);
    }
  });

  test('refuses settings a platform would not take: fractions of instances, negative counts, text', () => {
    for (const config of [{ provisionedConcurrency: 2.5 }, { reservedConcurrency: -1 }, { memoryMb: '512' }, { keepAliveS: Number.NaN }, [20]]) {
      expect(parseAnswerConfig(config).ok, JSON.stringify(config)).toBe(false);
    }
    const parsed = parseAnswerConfig({ provisionedConcurrency: 2.5 });
    if (!parsed.ok) expect(parsed.problem.en).toBe('config.provisionedConcurrency must be a whole number from 0 to 1000, not 2.5.');
  });
});
