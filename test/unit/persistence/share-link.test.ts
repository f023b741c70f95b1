import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { persistenceMessages } from '../../../playground/ui/persistence/persistence-messages.ts';
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

  it('carry the name the project gets in the list, on one line, and no name when none was given', () => {
    const named = encodeShareHash(sampleProject(), 'Cold starts\n · c1-hello-scf');
    const plain = encodeShareHash(sampleProject());
    if (!named.ok || !plain.ok) throw new Error('the sample project must fit in a link');
    expect(decodeShareHash(named.hash)).toEqual({ ok: true, value: sampleProject(), name: 'Cold starts · c1-hello-scf' });
    expect(decodeShareHash(plain.hash)).toEqual({ ok: true, value: sampleProject() });
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
    ['cut short', (hash: string) => hash.slice(0, hash.length - 40), { kind: 'not-compressed' }],
    ['changed by a mail client', (hash: string) => `${hash.slice(0, 30)}%20${hash.slice(30)}`, { kind: 'bad-characters' }],
    ['from a newer format', (hash: string) => hash.replace('#project=1.', '#project=9.'), { kind: 'newer-format', version: '9' }],
    ['without a version', () => '#project=abc', { kind: 'no-version' }],
  ])('tell what is wrong with a link %s', (_, spoil, problem) => {
    const encoded = encodeShareHash(sampleProject());
    if (!encoded.ok) throw new Error('could not encode the sample');
    expect(decodeShareHash(spoil(encoded.hash))).toEqual({ ok: false, problem });
  });

  it('tell a link whose data is not JSON, or not a project, and which field is wrong', () => {
    expect(decodeShareHash(hashOf('{not json'))).toEqual({ ok: false, problem: { kind: 'not-json' } });
    const notProject = decodeShareHash(hashOf(JSON.stringify({ ...sampleProject(), entry: 'gone.ts' })));
    expect(notProject).toEqual({ ok: false, problem: { kind: 'invalid-project', detail: 'the entry file "gone.ts" is not among the files' } });
  });

  it('are explained in the page language, saying what was opened instead', () => {
    const problem = { kind: 'too-long', chars: 40_000, limit: MAX_SHARE_HASH_CHARS } as const;
    expect(persistenceMessages('en').brokenLink(problem, 'template')).toBe('This share link cannot be opened: it is 40,000 characters long, and at most 32,000 are accepted. The template was opened instead.');
    expect(persistenceMessages('zh-cn').brokenLink(problem, 'saved')).toBe('无法打开这个分享链接：链接长 40,000 个字符，上限是 32,000。已改为打开你自己保存的项目。');
  });
});
