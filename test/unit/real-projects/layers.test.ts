import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFiles } from '../../../playground/compiler/node.ts';
import { cli, fixture } from './run-cli.ts';

const EVENT = JSON.stringify({ name: 'Ana' });

function invokeWithEvent(...args: string[]) {
  const file = join(mkdtempSync(join(tmpdir(), 'hs-layers-')), 'event.json');
  writeFileSync(file, EVENT);
  return cli('invoke', ...args, '--event', file);
}

describe('real projects: layers from local folders', () => {
  it('SAM: a LayerVersion with a local ContentUri is /opt, and its nodejs/node_modules holds packages for bare requires', async () => {
    const { code, json } = await invokeWithEvent(fixture('real-sam-layer'));
    expect(code).toBe(0);
    // Mounted at /opt, as on the platform, not compiled into the function: its own __filename says so.
    expect(json).toEqual({ message: 'HELLO ANA FROM TINY-PKG!', utilFile: '/opt/nodejs/util.js' });
  });

  it('Serverless Framework: layers.NAME.path bound by { Ref: NameLambdaLayer }, packages from nodejs/node20/node_modules on nodejs20.x; an ARN layer is a warning', async () => {
    const { code, json, err } = await invokeWithEvent(fixture('real-framework-layer'), '--function', 'hello');
    expect(code).toBe(0);
    expect(json).toEqual({ message: 'HELLO ANA FROM TINY-PKG FOR NODE20!', utilFile: '/opt/nodejs/util.js' });
    expect(err).toMatch(/warning: .*functions\.hello\.layers: arn:aws:lambda:.*:layer:cloud-only:3 is not one of the service's layers with a local path/);
  });

  it('a layer folder that is not there is a configuration error naming the layer and its path', async () => {
    const sam = await cli('invoke', join(fixture('real-sam-layer'), 'missing-layer'));
    expect(sam.code).toBe(2);
    expect(sam.err).toMatch(/layer GoneLayer: its folder \.\.\/layers\/gone \(.*real-sam-layer\/layers\/gone\) does not exist/);
    const framework = await cli('invoke', fixture('real-framework-layer'), '--function', 'missing');
    expect(framework.code).toBe(2);
    expect(framework.err).toMatch(/layer gone: its folder layers\/gone \(.*real-framework-layer\/layers\/gone\) does not exist/);
  });

  it('builds /opt from the bound layers in turn (a later layer replaces an earlier one\'s file), outside the bundle', async () => {
    const result = await compileFiles({
      entry: 'index.js',
      files: { 'index.js': "exports.handler = () => [require('/opt/a').v, require('/opt/b').v];", '../one/a.js': "exports.v = 'one';", '../one/b.js': "exports.v = 'one';", '../two/a.js': "exports.v = 'two';" },
      opt: ['../one', '../two'],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.bundle).not.toMatch(/'one'|"one"|'two'|"two"/);
    expect(result.layer?.['a.js']).toContain('"two"');
    expect(result.layer?.['b.js']).toContain('"one"');
  });
});
