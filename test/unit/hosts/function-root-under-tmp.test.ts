import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startInstance } from './instance-driver.ts';

describe('a function that lives under the machine’s /tmp', () => {
  // CI clones often sit under /tmp; the instance's own /tmp must not swallow the function's real files.
  it('still reads the files next to its handler, whether its root is written with a trailing slash or not', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'hs-fn-root-'));
    cpSync(new URL('../../fixtures/files-next-to-handler/', import.meta.url), copy, { recursive: true });
    const source = readFileSync(join(copy, 'index.js'), 'utf8');
    for (const functionRoot of [copy, `${copy}/`]) {
      const driver = await startInstance('index.js', { 'index.js': source }, 'main_handler', { host: { functionRoot } });
      await driver.next('ready');
      const outcome = await driver.invoke({}, 'files');
      expect(outcome.result).toMatchObject({ ok: true, value: { viaDirname: 'hello from a file next to the handler' } });
      driver.handle.terminate('shutdown');
      await driver.next('exit');
    }
  });
});
