import { describe, expect, it } from 'vitest';
import { passedDate } from '../../../src/components/workshop/progress-marks.ts';

// Midday UTC, so the day is the same in every time zone the test may run in.
const passedAt = '2026-12-04T12:00:00.000Z';

describe('the date an exercise was passed', () => {
  it('is written with the month in words in English, never as the ambiguous 12/4/2026', () => {
    expect(passedDate(passedAt, 'en')).toBe('December 4, 2026');
  });

  it('is written the Chinese way on the Chinese pages', () => {
    expect(passedDate(passedAt, 'zh-cn')).toBe('2026年12月4日');
  });
});
