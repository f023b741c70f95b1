import type { Check } from '../../../playground/workshop/check-api.ts';

/** Each exercise's checks as a chunk of its own, loaded when its workbench opens. */
const modules = import.meta.glob<{ default: Check[] }>('/content/exercises/*/check.ts');

export function checksLoader(id: string): () => Promise<Check[]> {
  const load = modules[`/content/exercises/${id}/check.ts`];
  if (!load) throw new Error(`Exercise "${id}" has no check.ts`);
  return async () => (await load()).default;
}
