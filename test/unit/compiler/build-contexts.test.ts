/**
 * The browser's compiler keeps esbuild contexts between compiles (build-contexts.ts). Whatever it keeps, each
 * compile must give exactly what a fresh build of the same sources gives: the bundle, the warnings, the errors.
 */
import * as esbuild from 'esbuild';
import { describe, expect, test } from 'vitest';
import { contextBundleBuild } from '../../../playground/compiler/build-contexts.ts';
import { compileWith, type Build } from '../../../playground/compiler/compile-function.ts';
import type { FunctionSources } from '../../../playground/compiler/options.ts';

const build = esbuild.build as unknown as Build;

/** A session of edits, as a learner makes them: each step's sources in turn. */
const session: FunctionSources[] = [
  { entry: 'index.ts', files: { 'index.ts': "import { twice } from './lib/math';\nexport const handler = async (e: { n: number }) => twice(e.n);", 'lib/math.ts': 'export const twice = (n: number) => n * 2;' } },
  { entry: 'index.ts', files: { 'index.ts': "import { twice } from './lib/math';\nexport const handler = async (e: { n: number }) => twice(e.n) + 1;", 'lib/math.ts': 'export const twice = (n: number) => n * 2;' } },
  { entry: 'index.ts', files: { 'index.ts': "import { twice } from './lib/math';\nexport const handler = async (e: { n: number }) => twice(e.n) + 1;", 'lib/math.ts': 'export const twice = (n: number) => n * 3;' } },
  { entry: 'index.ts', files: { 'index.ts': 'export const handler = async () => { return { ok: true ;\n};' } },
  { entry: 'index.ts', files: { 'index.ts': "import { twice } from '@lib/math';\nexport const handler = async () => twice(2);", 'lib/math.ts': 'export const twice = (n: number) => n * 2;', 'tsconfig.json': '{ "compilerOptions": { "paths": { "@lib/*": ["./lib/*"] } } }' } },
  { entry: 'index.ts', files: { 'index.ts': "import { twice } from '@lib/math';\nexport const handler = async () => twice(2);", 'lib/math.ts': 'export const twice = (n: number) => n * 2;', 'tsconfig.json': '{ "compilerOptions": { "paths": { "@lib/*": ["./other/*"] } } }' } },
  { entry: 'index.ts', files: { 'index.ts': "const config = await Promise.resolve({ rate: 2 });\nexport const handler = async () => config.rate;" } },
  { entry: 'index.ts', files: { 'index.ts': "import { price } from '/opt/pricing';\nexport const handler = async () => price(3);", 'layer/pricing.ts': 'export const price = (n: number) => n * 10;' } },
];

describe('compiling with kept esbuild contexts', () => {
  test('every step of an editing session compiles to what a fresh build gives, errors included', async () => {
    const kept = contextBundleBuild(esbuild);
    for (const sources of session) {
      const fresh = await compileWith(build, sources);
      expect(await compileWith(build, sources, kept)).toEqual(fresh);
    }
    // Back to the first step: its context was kept through the errors and the other shapes.
    expect(await compileWith(build, session[0]!, kept)).toEqual(await compileWith(build, session[0]!));
  });

  test('compiles asked for at once each get their own sources, never another\'s', async () => {
    const kept = contextBundleBuild(esbuild);
    const variants = Array.from({ length: 6 }, (_, i): FunctionSources => ({ entry: 'index.ts', files: { 'index.ts': `export const handler = async () => 'variant ${i}';` } }));
    const results = await Promise.all(variants.map((sources) => compileWith(build, sources, kept)));
    results.forEach((result, i) => {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.bundle).toContain(`variant ${i}`);
    });
  });

  test('a context esbuild could not make is not kept: the next compile of that shape makes one afresh', async () => {
    let refusals = 1;
    const kept = contextBundleBuild({
      context: (options) => (refusals-- > 0 ? Promise.reject(new Error('the service stopped')) : esbuild.context(options)),
    });
    const sources = session[0]!;
    await expect(compileWith(build, sources, kept)).rejects.toThrow('the service stopped');
    expect(await compileWith(build, sources, kept)).toEqual(await compileWith(build, sources));
  });
});
