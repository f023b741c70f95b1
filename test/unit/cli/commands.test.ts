import { describe, expect, it } from 'vitest';
import { main } from '../../../playground/cli/main.ts';
import { fakeIO } from './fake-io.ts';

describe('hello-serverless events', () => {
  it('lists the sample events of both platforms', async () => {
    const io = fakeIO();
    expect(await main(['events', 'list'], io)).toBe(0);
    for (const name of ['http', 'http-v2', 'timer', 'object-created', 'queue', 'websocket-connect', 'websocket-message']) expect(io.out).toContain(name);
    const json = fakeIO();
    expect(await main(['events', 'list', '--dialect', 'lambda', '--json'], json)).toBe(0);
    const list = JSON.parse(json.out) as { dialect: string; sources: string[] }[];
    expect(list.every((e) => e.dialect === 'lambda' && e.sources.length > 0)).toBe(true);
  });

  it('shows an event as JSON, in the SCF shape by default and the Lambda shape on request', async () => {
    const scf = fakeIO();
    expect(await main(['events', 'show', 'timer'], scf)).toBe(0);
    expect(JSON.parse(scf.out)).toMatchObject({ Type: 'Timer' });
    const lambda = fakeIO();
    expect(await main(['events', 'show', 'timer', '--dialect', 'lambda'], lambda)).toBe(0);
    expect(JSON.parse(lambda.out)).toMatchObject({ 'detail-type': 'Scheduled Event', source: 'aws.events' });
    const v2 = fakeIO();
    expect(await main(['events', 'show', 'http-v2'], v2)).toBe(0);
    expect(JSON.parse(v2.out)).toMatchObject({ version: '2.0' });
  });

  it('exits 2 for an unknown event or a dialect it has no sample for', async () => {
    const unknown = fakeIO();
    expect(await main(['events', 'show', 'carrier-pigeon'], unknown)).toBe(2);
    expect(unknown.err).toContain('carrier-pigeon');
    const noScf = fakeIO();
    expect(await main(['events', 'show', 'http-v2', '--dialect', 'scf'], noScf)).toBe(2);
  });
});

describe('hello-serverless dispatcher', () => {
  it('prints help with exit 0, and exits 2 with no command or an unknown one', async () => {
    const help = fakeIO();
    expect(await main(['--help'], help)).toBe(0);
    expect(help.out).toContain('invoke');
    for (const command of ['invoke', 'events', 'simulate']) {
      const io = fakeIO();
      expect(await main([command, '--help'], io)).toBe(0);
      expect(io.out).toContain(`hello-serverless ${command}`);
    }
    expect(await main([], fakeIO())).toBe(2);
    const unknown = fakeIO();
    expect(await main(['deploy'], unknown)).toBe(2);
    expect(unknown.err).toContain('deploy');
  });
});
