import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeShareHash, encodeShareHash, MAX_SHARE_HASH_CHARS } from '../../../playground/ui/persistence/share-link.ts';
import { sampleProject } from './fixtures.ts';

function hashOf(json: string): string {
  return `#project=1.${Buffer.from(deflateSync(strToU8(json))).toString('base64url')}`;
}

describe('share links', () => {
  it('restore the same files, settings and event, including non-ASCII text', () => {
    const project = sampleProject();
    const encoded = encodeShareHash(project);
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    expect(encoded.hash).toMatch(/^#project=1\.[A-Za-z0-9_-]+$/);
    expect(decodeShareHash(encoded.hash)).toEqual({ ok: true, value: project });
  });

  it('are compressed: the template fits in well under the limit', () => {
    const encoded = encodeShareHash(sampleProject('lambda'));
    expect(encoded.ok && encoded.hash.length).toBeLessThan(MAX_SHARE_HASH_CHARS / 8);
  });

  it('refuse a project too large for a link, saying its size and the limit', () => {
    const noise = Array.from({ length: 60_000 }, (_, i) => ((i * 7919) % 65_521).toString(36)).join('');
    const encoded = encodeShareHash({ ...sampleProject(), files: { ...sampleProject().files, 'data.txt': noise } });
    expect(encoded.ok).toBe(false);
    if (encoded.ok) return;
    expect(encoded.limit).toBe(MAX_SHARE_HASH_CHARS);
    expect(encoded.chars).toBeGreaterThan(MAX_SHARE_HASH_CHARS);
  });

  it('ignore a hash that holds no project (an ordinary heading anchor)', () => {
    expect(decodeShareHash('')).toBeUndefined();
    expect(decodeShareHash('#cold-starts')).toBeUndefined();
  });

  it.each([
    ['cut short', () => encodeShareHash(sampleProject()), (hash: string) => hash.slice(0, hash.length - 40), 'does not decompress'],
    ['changed by a mail client', () => encodeShareHash(sampleProject()), (hash: string) => `${hash.slice(0, 30)}%20${hash.slice(30)}`, 'characters that base64url does not use'],
    ['from a newer format', () => encodeShareHash(sampleProject()), (hash: string) => hash.replace('#project=1.', '#project=9.'), 'format 9'],
    ['without a version', () => encodeShareHash(sampleProject()), () => '#project=abc', 'no version mark'],
  ])('explain what is wrong with a link %s', (_, make, spoil, problem) => {
    const encoded = make();
    if (!encoded.ok) throw new Error('could not encode the sample');
    const decoded = decodeShareHash(spoil(encoded.hash));
    expect(decoded?.ok).toBe(false);
    if (decoded && !decoded.ok) expect(decoded.problem).toContain(problem);
  });

  it('explain a link whose data is not JSON, or not a project', () => {
    expect(decodeShareHash(hashOf('{not json'))).toEqual({ ok: false, problem: "the link's data is not valid JSON" });
    const notProject = decodeShareHash(hashOf(JSON.stringify({ ...sampleProject(), entry: 'gone.ts' })));
    expect(notProject).toEqual({ ok: false, problem: 'the shared project is not valid: the entry file "gone.ts" is not among the files' });
  });
});
