import { describe, expect, test } from 'vitest';
import { count } from '../../../playground/ui/format.ts';

describe('count: a whole number as the log panel shows it', () => {
  const values = [0, 7, 999, 1000, 2001, 12_345, 200_000, 1_234_567, 1_000_000_000, -4321];
  test.each(['en', 'zh-CN'])('writes what Intl.NumberFormat(%s) writes', (locale) => {
    const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, roundingMode: 'trunc' });
    for (const value of values) expect(count(value)).toBe(intl.format(value));
  });

  test('drops a fraction rather than rounding it up', () => {
    expect(count(1999.9)).toBe('1,999');
  });
});
