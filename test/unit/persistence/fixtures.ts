import type { Project } from '../../../playground/project/project.ts';
import { templateFor } from '../../../playground/ui/project/templates.ts';

export function sampleProject(dialect: 'scf' | 'lambda' = 'scf'): Project {
  const project = templateFor(dialect, '{\n  "path": "/hello"\n}');
  return { ...project, settings: { ...project.settings, memoryMb: 256, timeoutS: 5, env: { GREETING: '你好', STAGE: 'dev' } } };
}

/** A Storage that keeps strings in a Map, and can be told to refuse writes as a full quota does. */
export class MemoryStorage {
  readonly items = new Map<string, string>();
  full = false;

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    if (this.full) throw new Error('QuotaExceededError: the quota has been exceeded');
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }
}
