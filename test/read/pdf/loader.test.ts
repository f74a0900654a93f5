import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { loadPdfjs } from '../../../src/read/pdf/pdfjs.js';

describe('pdfjs loader', () => {
  it('loads pdfjs to run on this thread, prints nothing, and leaves the natives and globals it found', async () => {
    const before = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse, toString: Function.prototype.toString };
    const scope = globalThis as Record<string, unknown>;
    const drawing = ['DOMMatrix', 'ImageData', 'Path2D'].map((name) => scope[name]);
    // Read as a descriptor: Node builds Response (and loads its fetch code) when the value is first read.
    const response = Object.getOwnPropertyDescriptor(globalThis, 'Response');
    const spies = (['log', 'info', 'warn', 'error'] as const).map((m) => vi.spyOn(console, m));
    const pdfjs = await loadPdfjs();
    expect(typeof pdfjs.getDocument).toBe('function');
    expect(await loadPdfjs()).toBe(pdfjs);
    expect({ push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse, toString: Function.prototype.toString }).toEqual(before);
    expect(Function.prototype.toString.call(Array.prototype.push)).toContain('[native code]');
    expect((scope.pdfjsWorker as { WorkerMessageHandler?: unknown }).WorkerMessageHandler).toBeDefined();
    expect(['DOMMatrix', 'ImageData', 'Path2D'].map((name) => scope[name])).toEqual(drawing);
    expect(Object.getOwnPropertyDescriptor(globalThis, 'Response')).toEqual(response);
    const require = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    expect(require.cache[require.resolve('@napi-rs/canvas')]).toBeUndefined();
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });
});
