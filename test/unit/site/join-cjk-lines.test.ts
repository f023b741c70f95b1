import { describe, expect, test } from 'vitest';
import { joinCjkLines } from '../../../src/lib/join-cjk-lines.ts';

describe('joining wrapped Chinese lines', () => {
  test('drops the line break between two Chinese characters, so no stray space appears', () => {
    expect(joinCjkLines('突发流量\n可能被拒绝')).toBe('突发流量可能被拒绝');
    expect(joinCjkLines('请求来了，\n  平台替你拉起实例')).toBe('请求来了，平台替你拉起实例');
  });

  test('keeps the break next to Latin text, where it is a real word space', () => {
    expect(joinCjkLines('使用\nServerless 框架')).toBe('使用\nServerless 框架');
    expect(joinCjkLines('cold\nstart')).toBe('cold\nstart');
  });
});
