import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { Project } from '../../project/project.ts';
import { checkProject, isRecord } from './project-schema.ts';
import { cleanName } from './library-schema.ts';

/**
 * Share links carry the whole project in the URL's hash (`#project=1.<data>`): JSON, deflated, base64url. The hash
 * never reaches a server, so a link works from a static host and shares nothing with it.
 */
const KEY = 'project=';
const VERSION = '1';

/**
 * The longest hash we make. Browsers accept far longer URLs, but chat apps, mail clients and URL shorteners cut
 * or refuse links long before that; 32,000 characters still fits the common ones.
 */
export const MAX_SHARE_HASH_CHARS = 32_000;

export type Encoded = { ok: true; hash: string } | { ok: false; problem: 'too-large'; chars: number; limit: number };

/** What can be wrong with a link someone opened; `persistence-messages.ts` words each one in the page's language. */
export type ShareProblem =
  | { kind: 'no-version' }
  | { kind: 'newer-format'; version: string }
  | { kind: 'too-long'; chars: number; limit: number }
  | { kind: 'bad-characters' }
  | { kind: 'not-compressed' }
  | { kind: 'not-json' }
  | { kind: 'invalid-project'; detail: string };

/** `name`: what the link's maker called the project (an example's or exercise's title), if anything. */
export type Decoded = { ok: true; value: Project; name?: string } | { ok: false; problem: ShareProblem };

/** The hash (with its leading "#") that restores `project` (named `name` in the list), or how far over the limit it is. */
export function encodeShareHash(project: Project, name?: string): Encoded {
  const json = JSON.stringify({ entry: project.entry, files: project.files, settings: project.settings, event: project.event, name });
  const hash = `#${KEY}${VERSION}.${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;
  if (hash.length > MAX_SHARE_HASH_CHARS) return { ok: false, problem: 'too-large', chars: hash.length, limit: MAX_SHARE_HASH_CHARS };
  return { ok: true, hash };
}

/**
 * Reads a project from a location hash. `undefined`: the hash holds no shared project. Otherwise the project, or
 * what is wrong with the link in plain words. Decoding only reads data: nothing in it is ever run.
 */
export function decodeShareHash(hash: string): Decoded | undefined {
  const body = hash.replace(/^#/, '');
  if (!body.startsWith(KEY)) return undefined;
  const payload = body.slice(KEY.length);
  const dot = payload.indexOf('.');
  if (dot < 0) return refuse({ kind: 'no-version' });
  const version = payload.slice(0, dot);
  if (version !== VERSION) return refuse({ kind: 'newer-format', version: version.slice(0, 20) });
  const data = payload.slice(dot + 1);
  if (data.length > MAX_SHARE_HASH_CHARS) return refuse({ kind: 'too-long', chars: hash.length, limit: MAX_SHARE_HASH_CHARS });
  if (!/^[A-Za-z0-9_-]+$/.test(data)) return refuse({ kind: 'bad-characters' });
  let bytes: Uint8Array;
  try {
    bytes = inflateSync(fromBase64Url(data));
  } catch {
    return refuse({ kind: 'not-compressed' });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(strFromU8(bytes));
  } catch {
    return refuse({ kind: 'not-json' });
  }
  const checked = checkProject(parsed);
  if (!checked.ok) return refuse({ kind: 'invalid-project', detail: checked.problem });
  const name = isRecord(parsed) && typeof parsed.name === 'string' ? cleanName(parsed.name) : '';
  return name === '' ? checked : { ...checked, name };
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function refuse(problem: ShareProblem): { ok: false; problem: ShareProblem } {
  return { ok: false, problem };
}
