import { afterEach, describe, expect, it } from 'vitest';
import { compileFiles } from '../../../playground/compiler/node.ts';
import type { CompiledFunction } from '../../../playground/compiler/browser-protocol.ts';
import type { FunctionConfig } from '../../../playground/faas/function-config.ts';
import { Platform } from '../../../playground/faas/platform.ts';
import { RealClock } from '../../../playground/faas/real-clock.ts';
import { NodeInstanceHost } from '../../../playground/hosts/node/node-instance-host.ts';

/** Two functions that share a layer: the helper lives in layer/ and each function imports it from /opt. */
const ORDERS = "import { price, layerFile } from '/opt/nodejs/pricing';\nexport const handler = async (e: { cents: number }) => ({ total: price(e.cents), from: layerFile });";
const INVOICES = "const { price, layerFile } = require('/opt/nodejs/pricing.js');\nexports.handler = async (e) => ({ due: price(e.cents), from: layerFile });";
const pricing = (rate: string) => `import { round } from './round';\nexport const RATE_MARKER = 'rate-${rate}';\nexport const price = (cents: number) => round(cents * ${rate});\nexport const layerFile = __filename;`;
const ROUND = "const { createHash } = require('node:crypto');\nexports.round = (n) => Math.round(n);\nexports.hashed = createHash('sha1').update('x').digest('hex').length;";

async function compile(entry: string, code: string, rate: string): Promise<CompiledFunction> {
  const result = await compileFiles({ entry, files: { [entry]: code, 'layer/nodejs/pricing.ts': pricing(rate), 'layer/nodejs/round.js': ROUND } });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result;
}

let platform: Platform | undefined;

afterEach(() => {
  platform?.shutdown();
  platform = undefined;
});

function deploy(p: Platform, name: string, compiled: CompiledFunction): void {
  const config: FunctionConfig = { name, dialect: 'lambda', exportName: 'handler', bundle: compiled.bundle, memoryMb: 128, timeoutS: 3 };
  p.deploy(compiled.layer ? { ...config, opt: compiled.layer } : config);
}

describe('layers on the Node host', () => {
  it('compiles each function without the layer: the bundle only requires /opt, the layer is its own artifact', async () => {
    const orders = await compile('orders.ts', ORDERS, '1.1');
    const invoices = await compile('invoices.js', INVOICES, '1.1');
    for (const compiled of [orders, invoices]) {
      expect(compiled.bundle).not.toContain('rate-1.1');
      expect(compiled.bundle).not.toContain('Math.round');
      expect(compiled.bundle).toMatch(/require\("\/opt\/nodejs\/pricing(\.js)?"\)/);
      expect(Object.keys(compiled.layer ?? {}).sort()).toEqual(['nodejs/pricing.js', 'nodejs/round.js']);
    }
  });

  it('both functions resolve /opt/... at run time, from the layer mounted for their instances', async () => {
    platform = new Platform({ clock: new RealClock(), host: new NodeInstanceHost() });
    deploy(platform, 'orders', await compile('orders.ts', ORDERS, '1.1'));
    deploy(platform, 'invoices', await compile('invoices.js', INVOICES, '1.1'));
    const [order, invoice] = await Promise.all([platform.invoke('orders', { cents: 1000 }), platform.invoke('invoices', { cents: 2000 })]);
    expect(order).toMatchObject({ status: 'ok', result: { total: 1100, from: '/opt/nodejs/pricing.js' } });
    expect(invoice).toMatchObject({ status: 'ok', result: { due: 2200, from: '/opt/nodejs/pricing.js' } });
  });

  it('a new layer version reaches both functions: binding it retires the warm instances, and new ones mount it', async () => {
    platform = new Platform({ clock: new RealClock(), host: new NodeInstanceHost() });
    const p = platform;
    const v1 = { orders: await compile('orders.ts', ORDERS, '1.1'), invoices: await compile('invoices.js', INVOICES, '1.1') };
    deploy(p, 'orders', v1.orders);
    deploy(p, 'invoices', v1.invoices);
    await p.invoke('orders', { cents: 1000 });
    expect(await p.invoke('orders', { cents: 1000 })).toMatchObject({ startKind: 'warm', result: { total: 1100 } });

    const v2 = { orders: await compile('orders.ts', ORDERS, '1.2'), invoices: await compile('invoices.js', INVOICES, '1.2') };
    expect(v2.orders.bundle).toBe(v1.orders.bundle);
    expect(v2.invoices.bundle).toBe(v1.invoices.bundle);
    deploy(p, 'orders', v2.orders);
    deploy(p, 'invoices', v2.invoices);
    expect(await p.invoke('orders', { cents: 1000 })).toMatchObject({ status: 'ok', startKind: 'cold', result: { total: 1200 } });
    expect(await p.invoke('invoices', { cents: 1000 })).toMatchObject({ status: 'ok', startKind: 'cold', result: { due: 1200 } });
  });

  it('a require of a file the layer does not have fails the init as Lambda does', async () => {
    platform = new Platform({ clock: new RealClock(), host: new NodeInstanceHost() });
    const compiled = await compile('orders.ts', ORDERS, '1.1');
    const { ['nodejs/round.js']: _dropped, ...broken } = compiled.layer ?? {};
    deploy(platform, 'orders', { bundle: compiled.bundle, layer: broken });
    const record = await platform.invoke('orders', { cents: 1 });
    expect(record).toMatchObject({ status: 'error', error: { errorType: 'Runtime.ImportModuleError' } });
    expect(record.error?.errorMessage).toMatch(/Cannot find module '\.\/round' from '\/opt\/nodejs\/'/);
  });
});
