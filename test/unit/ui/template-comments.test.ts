import { describe, expect, test } from 'vitest';
import { templateFor } from '../../../playground/ui/project/templates.ts';

const commentLines = (code: string) => code.split('\n').filter((line) => line.trim().startsWith('//'));
const withoutComments = (code: string) => code.split('\n').filter((line) => !line.trim().startsWith('//')).join('\n');

describe('the playground template in Chinese', () => {
  test.each(['scf', 'lambda'] as const)('%s: the same code as the English template, every comment in Chinese', (dialect) => {
    const en = templateFor(dialect, '{}', 'en');
    const zh = templateFor(dialect, '{}', 'zh-cn');
    expect(Object.keys(zh.files)).toEqual(Object.keys(en.files));
    for (const [path, code] of Object.entries(zh.files)) {
      expect(withoutComments(code)).toBe(withoutComments(en.files[path] ?? ''));
      expect(commentLines(code)).toHaveLength(commentLines(en.files[path] ?? '').length);
      for (const line of commentLines(code)) expect(line).toMatch(/\p{Script=Han}/u);
    }
    expect(commentLines(Object.values(zh.files).join('\n')).length).toBeGreaterThan(0);
  });

  test('English is the default', () => {
    expect(templateFor('scf', '{}')).toEqual(templateFor('scf', '{}', 'en'));
  });
});
