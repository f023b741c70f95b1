import { describe, expect, test } from 'vitest';
import { checkJson } from '../../../playground/ui/controls/json-check.ts';
import { formatEnv, parseEnv } from '../../../playground/ui/controls/env-vars.ts';

describe('the event editor', () => {
  test('accepts valid JSON and hands back the value', () => {
    expect(checkJson('{"path": "/hello", "n": [1, 2]}')).toEqual({ ok: true, value: { path: '/hello', n: [1, 2] } });
  });

  test('says the line and column of a missing comma', () => {
    const result = checkJson('{\n  "a": 1\n  "b": 2\n}');
    expect(result).toMatchObject({ ok: false, line: 3, column: 3 });
  });

  test('points at a trailing comma on the line it is on', () => {
    expect(checkJson('{\n  "a": 1,\n}')).toMatchObject({ ok: false, line: 3, column: 1 });
  });

  test('reports truncated JSON at its end', () => {
    expect(checkJson('{\n  "a": ')).toMatchObject({ ok: false, line: 2, message: expect.stringMatching(/end/i) });
  });
});

describe('environment variables', () => {
  test('reads KEY=value lines, skipping blanks and comments, keeping = inside values', () => {
    expect(parseEnv('GREETING=hello\n\n# note\nURL=https://x?a=b\n')).toEqual({
      ok: true,
      env: { GREETING: 'hello', URL: 'https://x?a=b' },
    });
  });

  test('names the line that is not KEY=value', () => {
    expect(parseEnv('A=1\nnot a variable\n')).toEqual({ ok: false, line: 2, text: 'not a variable' });
    expect(parseEnv('1BAD=x')).toMatchObject({ ok: false, line: 1 });
  });

  test('round-trips through the text form', () => {
    const env = { A: '1', B: 'two words' };
    expect(parseEnv(formatEnv(env))).toEqual({ ok: true, env });
  });
});
