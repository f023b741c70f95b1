import { describe, expect, it } from 'vitest';
import { checkProject, PROJECT_LIMITS } from '../../../playground/ui/persistence/project-schema.ts';
import { sampleProject } from './fixtures.ts';

describe('the project schema', () => {
  it('accepts the template project unchanged', () => {
    const project = sampleProject();
    expect(checkProject(JSON.parse(JSON.stringify(project)))).toEqual({ ok: true, value: project });
  });

  it.each([
    ['not an object', [], 'not an object'],
    ['no files', { ...sampleProject(), files: {} }, 'no files'],
    ['an entry that is not a file', { ...sampleProject(), entry: 'main.ts' }, 'entry file "main.ts"'],
    ['a path escaping the function root', { ...sampleProject(), files: { ...sampleProject().files, '../etc/passwd.txt': 'x' } }, '"../etc/passwd.txt" is not allowed'],
    ['a file that is not text', { ...sampleProject(), files: { ...sampleProject().files, 'data.json': 42 } }, '"data.json" is not text'],
    ['an unknown dialect', { ...sampleProject(), settings: { ...sampleProject().settings, dialect: 'gcf' } }, 'settings.dialect'],
    ['memory out of range', { ...sampleProject(), settings: { ...sampleProject().settings, memoryMb: 1e9 } }, 'settings.memoryMb'],
    ['a timeout that is text', { ...sampleProject(), settings: { ...sampleProject().settings, timeoutS: '3' } }, 'settings.timeoutS'],
    ['an env value that is not text', { ...sampleProject(), settings: { ...sampleProject().settings, env: { A: 1 } } }, 'environment variable A must be text'],
    ['an export that is not a name', { ...sampleProject(), settings: { ...sampleProject().settings, exportName: 'a b' } }, 'settings.exportName'],
  ])('refuses %s and says which field is wrong', (_, data, problem) => {
    const checked = checkProject(data);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problem).toContain(problem);
  });

  it('refuses a project larger than the limits, saying the size and the limit', () => {
    const files: Record<string, string> = { 'index.ts': 'x'.repeat(PROJECT_LIMITS.maxFileChars + 1) };
    const checked = checkProject({ ...sampleProject(), files });
    expect(checked).toEqual({ ok: false, problem: `the file "index.ts" has ${PROJECT_LIMITS.maxFileChars + 1} characters; at most ${PROJECT_LIMITS.maxFileChars} are allowed` });
  });
});
