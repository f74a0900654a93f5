import { brotliDecompressSync, inflateRawSync, inflateSync, gunzipSync } from 'node:zlib';

/**
 * pdfjs decompresses every Flate stream of a page (its content streams, fonts) through the web's
 * `DecompressionStream` when the platform has one, and falls back to its own JavaScript inflater when that
 * throws. On Node 20 the web class is slow to start and slow per stream: it loads the web-streams compression
 * layer on first use and pushes each small stream through promise-based queues. This stand-in decompresses in
 * one call to zlib, with the same result and the same failures (damaged or truncated data throws, and pdfjs
 * then decodes the stream itself, as it would have).
 *
 * It implements what pdfjs uses of the class: `writable.getWriter()` with `ready`, `write` and `close`, and a
 * `readable` that is read with `for await`. It is installed only while a PDF is being read (see `useInflate`).
 */
class ZlibDecompressionStream {
  readonly writable: { getWriter(): Writer };
  readonly readable: AsyncIterable<Uint8Array>;

  constructor(format: string) {
    const decode = DECODERS[format];
    if (decode === undefined) throw new TypeError(`Unsupported compression format: '${format}'`);
    const chunks: Uint8Array[] = [];
    let finish!: () => void;
    const closed = new Promise<void>((resolve) => (finish = resolve));
    const writer: Writer = {
      ready: Promise.resolve(),
      write: async (chunk) => void chunks.push(chunk),
      close: async () => finish(),
    };
    this.writable = { getWriter: () => writer };
    this.readable = {
      async *[Symbol.asyncIterator]() {
        await closed;
        yield decode(Buffer.concat(chunks));
      },
    };
  }
}

interface Writer {
  ready: Promise<void>;
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/**
 * The most one stream may inflate to here. zlib runs in one native call, which a batch's --timeout cannot cut
 * short, so a stream that would inflate past this throws instead, and pdfjs's own decoder, which can be
 * stopped, takes it. No text plan's stream comes near it.
 */
export const MAX_INFLATED = 64 * 1024 * 1024;

const limit = { maxOutputLength: MAX_INFLATED };
const DECODERS: Record<string, (data: Buffer) => Buffer> = {
  deflate: (data) => inflateSync(data, limit),
  'deflate-raw': (data) => inflateRawSync(data, limit),
  gzip: (data) => gunzipSync(data, limit),
  brotli: (data) => brotliDecompressSync(data, limit),
};

let users = 0;
let saved: PropertyDescriptor | undefined;

/**
 * Put the zlib stand-in in place of `globalThis.DecompressionStream` until the returned function is called.
 * Reads may overlap: the first puts it in place, the last to finish puts the original back. The returned
 * function does nothing after its first call.
 */
export function useInflate(): () => void {
  if (users++ === 0) {
    saved = Object.getOwnPropertyDescriptor(globalThis, 'DecompressionStream');
    Object.defineProperty(globalThis, 'DecompressionStream', { value: ZlibDecompressionStream, writable: true, configurable: true });
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--users > 0) return;
    if (saved) Object.defineProperty(globalThis, 'DecompressionStream', saved);
    else delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
  };
}
