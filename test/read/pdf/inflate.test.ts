import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { readPlan } from '../../../src/read/index.js';
import { MAX_INFLATED, useInflate } from '../../../src/read/pdf/inflate.js';

// Counts the streams zlib inflates, to show that reading a PDF goes through the stand-in.
const inflated = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:zlib', async (importOriginal) => {
  const zlib = await importOriginal<typeof import('node:zlib')>();
  return {
    ...zlib,
    inflateSync: (...args: Parameters<typeof zlib.inflateSync>) => {
      inflated.count++;
      return zlib.inflateSync(...args);
    },
  };
});

const Native = globalThis.DecompressionStream;

/** Decompress as pdfjs does: write the bytes, close, and collect what the readable side gives. */
async function decompress(Stream: typeof DecompressionStream, format: string, bytes: Uint8Array): Promise<Uint8Array> {
  const { readable, writable } = new Stream(format as CompressionFormat);
  const writer = writable.getWriter();
  await writer.ready;
  void writer.write(bytes).then(() => writer.close()).catch(() => undefined);
  const chunks: Uint8Array[] = [];
  for await (const chunk of readable as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

const text = new TextEncoder().encode('BT /F1 12 Tf 72 712 Td (Recommendation 1) Tj ET\n'.repeat(200));
const deflated = new Uint8Array(deflateSync(text));

describe('the zlib DecompressionStream used while a PDF is read', () => {
  it('gives what the platform class gives for a whole stream, and fails where it fails', async () => {
    const release = useInflate();
    try {
      const Shim = globalThis.DecompressionStream;
      expect(Shim).not.toBe(Native);
      expect(await decompress(Shim, 'deflate', deflated)).toEqual(text);
      expect(await decompress(Native, 'deflate', deflated)).toEqual(text);
      // Truncated and garbled data fail in both, so that pdfjs falls back to its own decoder as before.
      const truncated = deflated.subarray(0, deflated.length >> 1);
      const garbled = new Uint8Array([0x78, 0x9c, 0xff, 0xff, 0xff, 0xff]);
      for (const bad of [truncated, garbled]) {
        await expect(decompress(Shim, 'deflate', bad)).rejects.toThrow();
        await expect(decompress(Native, 'deflate', bad)).rejects.toThrow();
      }
      expect(() => new Shim('lzw' as CompressionFormat)).toThrow(TypeError);
    } finally {
      release();
    }
    expect(globalThis.DecompressionStream).toBe(Native);
  });

  it('stays in place while any read is under way, and the platform class is back after the last', () => {
    const first = useInflate();
    const second = useInflate();
    first();
    first(); // a second call changes nothing
    expect(globalThis.DecompressionStream).not.toBe(Native);
    second();
    expect(globalThis.DecompressionStream).toBe(Native);
  });

  it('does the inflating while a PDF is read, and is taken out again after, and after one fails to open', async () => {
    const dir = join(import.meta.dirname, '../../../fixtures');
    const before = inflated.count;
    const plan = await readPlan({ path: 'parallel.pdf', bytes: readFileSync(join(dir, 'plans/parallel.pdf')) });
    expect(plan.document.recommendations.length).toBeGreaterThan(0);
    // parallel.pdf's pages and fonts are Flate streams: 15 of them are read.
    expect(inflated.count - before).toBeGreaterThanOrEqual(10);
    expect(globalThis.DecompressionStream).toBe(Native);
    await expect(readPlan({ path: 'bad.pdf', bytes: readFileSync(join(dir, 'pdf/fatal/truncated.pdf')) })).rejects.toThrow();
    expect(globalThis.DecompressionStream).toBe(Native);
  });
});

describe('a stream that would inflate past MAX_INFLATED', () => {
  it('fails in the stand-in, so that pdfjs decodes it itself, where a time-out can stop it', async () => {
    const bomb = new Uint8Array(deflateSync(Buffer.alloc(MAX_INFLATED + 1)));
    const release = useInflate();
    try {
      await expect(decompress(globalThis.DecompressionStream, 'deflate', bomb)).rejects.toThrow(RangeError);
      const fits = new Uint8Array(deflateSync(Buffer.alloc(1024 * 1024, 7)));
      expect((await decompress(globalThis.DecompressionStream, 'deflate', fits)).length).toBe(1024 * 1024);
    } finally {
      release();
    }
  });
});
