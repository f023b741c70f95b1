import { describe, expect, it } from 'vitest';
import { figureOf, formatBreakdown, initDuration, PHASE_NAMES, startParts } from '../../../playground/faas/phases.ts';

const measured = { spawnMs: 83.1, loadMs: 79.9, initMs: 31 };

describe('phases', () => {
  it("counts worker start, code load and your init in Lambda's Init Duration", () => {
    const init = initDuration(measured);
    expect(init.totalMs).toBeCloseTo(194, 9);
    expect(init.parts.map((part) => part.phase)).toEqual(['workerStart', 'codeLoad', 'yourInit']);
  });

  it("leaves a profile's modelled phases out of Lambda's Init Duration but keeps them in the start", () => {
    const parts = startParts(measured, { placement: 5, sandboxStart: 90, codeDownload: 40 });
    expect(parts.map((part) => [part.phase, part.modelled])).toEqual([
      ['placement', true],
      ['sandboxStart', true],
      ['codeDownload', true],
      ['workerStart', false],
      ['codeLoad', false],
      ['yourInit', false],
    ]);
    expect(figureOf('lambdaInitDuration', parts).totalMs).toBeCloseTo(194, 9);
  });

  it("counts the code download in SCF's Coldstart, as SCF's instance start-up does", () => {
    const parts = startParts(measured, { sandboxStart: 90, codeDownload: 40 });
    expect(figureOf('scfColdstart', parts).totalMs).toBeCloseTo(234, 9);
  });

  it('prints a sum with its parts', () => {
    expect(formatBreakdown(initDuration(measured), (phase) => PHASE_NAMES[phase])).toBe('194.00 ms = worker start 83.10 + code load 79.90 + your init 31.00');
  });
});
