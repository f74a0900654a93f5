import { createRequire } from 'node:module';
import { compiledCopy, runCompiled, type PdfjsPart } from './compiled.js';

/** The pdfjs-dist legacy build's API. */
export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** Browser classes pdfjs's display layer builds at import time; reading text never uses them. */
const DRAWING = ['DOMMatrix', 'ImageData', 'Path2D'] as const;
/**
 * Globals pdfjs only looks at while it loads, to patch them, and that Node builds on first touch: `Response`
 * alone loads Node's fetch implementation (undici), about 25 ms. A stand-in takes the patch instead.
 */
const TOUCHED = ['Response'] as const;
/** Natives that the legacy build's core-js swaps for slower copies on Node 20 (the fix is for an old V8 bug). */
const NATIVES: ReadonlyArray<readonly [object, string]> = [
  [Array.prototype, 'push'],
  [JSON, 'stringify'],
  [JSON, 'parse'],
  [Function.prototype, 'toString'],
];

let library: Promise<Pdfjs> | null = null;

/**
 * pdfjs-dist, imported once and on first use, so that runs without PDFs never load it. The parser runs on
 * this thread (pdfjs uses `globalThis.pdfjsWorker` when it is set, instead of starting a worker and
 * looking for its file); the canvas package, which only rendering needs, is not loaded; nothing is
 * printed while it loads; and the process is left as it was, natives and globals alike.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  library ??= importQuietly();
  return library;
}

async function importQuietly(): Promise<Pdfjs> {
  const natives = NATIVES.map(([owner, key]) => Object.getOwnPropertyDescriptor(owner, key));
  const scope = globalThis as Record<string, unknown>;
  const added = DRAWING.filter((name) => scope[name] === undefined);
  for (const name of added) scope[name] = class {};
  // Read as descriptors, since reading the value would build it.
  const touched = TOUCHED.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const);
  for (const [name] of touched) Object.defineProperty(globalThis, name, { value: class {}, writable: true, configurable: true });
  const canvas = stubCanvas();
  const log = console.log;
  // pdfjs warns through console.log, before any document can set its verbosity.
  console.log = (...args: unknown[]) => void (typeof args[0] === 'string' && args[0].startsWith('Warning: ') ? undefined : log(...args));
  try {
    scope.pdfjsWorker ??= await importPart('pdf.worker');
    return (await importPart('pdf')) as Pdfjs;
  } finally {
    console.log = log;
    canvas?.();
    for (const name of added) delete scope[name];
    for (const [name, descriptor] of touched) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete scope[name];
    }
    NATIVES.forEach(([owner, key], i) => {
      if (natives[i]) Object.defineProperty(owner, key, natives[i]);
    });
  }
}

/** A part of pdfjs: the build's script copy with its code cache when there is one (compiled.ts), else the module. */
async function importPart(part: PdfjsPart): Promise<unknown> {
  const copy = compiledCopy(part);
  if (copy !== null) return runCompiled(copy, part);
  return part === 'pdf' ? import('pdfjs-dist/legacy/build/pdf.mjs') : import('pdfjs-dist/legacy/build/pdf.worker.mjs');
}

/** Put an empty module in place of the canvas package while pdfjs loads; returns how to take it out again. */
function stubCanvas(): (() => void) | null {
  try {
    const require = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    const id = require.resolve('@napi-rs/canvas');
    if (require.cache[id]) return null;
    require.cache[id] = { id, filename: id, loaded: true, exports: {} } as unknown as NodeJS.Module;
    return () => void delete require.cache[id];
  } catch {
    return null;
  }
}
