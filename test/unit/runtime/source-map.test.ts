import { describe, expect, it } from 'vitest';
import { mapStack } from '../../../playground/runtime/error-info.ts';
import { decodeMappings, decodeVlq, readInlineSourceMap } from '../../../playground/runtime/source-map.ts';

describe('source map decoding', () => {
  it('decodes base64 VLQ values, including negative and multi-digit ones', () => {
    expect(decodeVlq('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeVlq('C')).toEqual([1]);
    expect(decodeVlq('D')).toEqual([-1]);
    expect(decodeVlq('gB')).toEqual([16]);
    expect(decodeVlq('2Hwc')).toEqual([123, 456]);
  });

  it('accumulates source positions across lines and segments', () => {
    const lines = decodeMappings('AAAA,IAAI;AACA;;EAEE');
    expect(lines[0]).toEqual([[0, 0, 0, 0], [4, 0, 0, 4]]);
    expect(lines[1]).toEqual([[0, 0, 1, 4]]);
    expect(lines[2]).toEqual([]);
    expect(lines[3]).toEqual([[2, 0, 3, 6]]);
  });

  it('reads an inline map and looks up the nearest segment at or before a column', () => {
    const map = { version: 3, sources: ['src/a.ts'], names: [], mappings: 'AAAA,IAAI;AACA' };
    const bundle = `x\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}`;
    const sm = readInlineSourceMap(bundle);
    expect(sm?.lookup(1, 7)).toEqual({ source: 'src/a.ts', line: 1, column: 5 });
    expect(sm?.lookup(2, 1)).toEqual({ source: 'src/a.ts', line: 2, column: 5 });
    expect(sm?.lookup(9, 1)).toBeUndefined();
    expect(readInlineSourceMap('no map here')).toBeUndefined();
  });
});

describe('stack mapping', () => {
  it('maps V8 and Firefox-style frames of the bundle and drops frames of the runtime itself', () => {
    const map = { version: 3, sources: ['hello-serverless:src/a.ts'], names: [], mappings: 'AAAA;AACA,IAAI' };
    const sm = readInlineSourceMap(`//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}`);
    const mapper = { bundleFile: 'function.js', lineOffset: 1, map: sm, sourcePrefix: 'hello-serverless:' };
    const v8 = 'Error: x\n    at handler (function.js:3:5)\n    at callHandler (/srv/playground/runtime/call-handler.ts:20:3)';
    expect(mapStack(v8, mapper)).toEqual(['at handler (src/a.ts:2:5)']);
    const firefox = 'handler@function.js:3:5\ncallHandler@https://site/runtime.js:20:3';
    expect(mapStack(firefox, mapper)).toEqual(['handler@src/a.ts:2:5']);
  });
});
