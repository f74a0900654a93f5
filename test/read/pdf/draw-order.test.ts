import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planOf } from '../../../src/read/pdf/index.js';
import { toTextItems } from '../../../src/read/pdf/items.js';
import { loadPdf, startDocument, type PdfPage } from '../../../src/read/pdf/load.js';
import { loadPdfjs } from '../../../src/read/pdf/pdfjs.js';
import { readTable } from '../../../src/read/pdf/table.js';

/**
 * The model must depend on where text stands on the page, never on the order it was drawn in: the same
 * pages with their text items in another order read to the same model. (A content stream drawn in another
 * order gives pdfjs's items in that order; the items are shuffled here, after pdfjs, with a fixed seed.)
 */
const root = join(import.meta.dirname, '../../..');
const pdfs = ['fixtures/pdf', 'fixtures/plans', 'fixtures/pdf/losses'].flatMap((folder) =>
  readdirSync(join(root, folder))
    .filter((f) => f.endsWith('.pdf') && !f.includes('password'))
    .map((f) => join(folder, f)),
);

/** A small seeded generator (mulberry32), so that a failure can be run again. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(pages: readonly PdfPage[], seed: number): PdfPage[] {
  const next = random(seed);
  return pages.map((page) => {
    const items = [...page.items];
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return { ...page, items };
  });
}

describe('the model does not depend on the order text is drawn in', () => {
  it.each(pdfs)('%s', { timeout: 120_000 }, async (file) => {
    const bytes = readFileSync(join(root, file));
    const pages = await loadPdf(bytes, { rulings: true });
    const model = (p: readonly PdfPage[]) => planOf(readTable(p), { path: file, bytes }, p.length).document;
    const drawn = model(pages);
    for (const seed of [1, 2, 3]) expect(model(shuffled(pages, seed)), `seed ${seed}`).toEqual(drawn);
  });
});

/** The raw pdfjs text content of every page, and each page's viewport, read once. */
async function rawPages(bytes: Uint8Array): Promise<Array<{ page: Omit<PdfPage, 'items'>; raw: unknown[]; transform: number[] }>> {
  const lib = await loadPdfjs();
  const { task, release } = startDocument(lib, bytes);
  const doc = await task.promise;
  try {
    const out = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent({ includeMarkedContent: true });
      out.push({ page: { number, width: viewport.width, height: viewport.height, hasText: true }, raw: content.items as unknown[], transform: viewport.transform });
    }
    return out;
  } finally {
    await doc.destroy();
    release();
  }
}

/** Shuffle a page's content by its top-level marked-content sequences (a tagged paragraph, a list label), as a content stream drawn in another order gives them. */
function shuffledGroups(raw: readonly unknown[], seed: number): unknown[] {
  const groups: unknown[][] = [];
  let depth = 0;
  for (const entry of raw as Array<{ type?: string }>) {
    if (depth === 0) groups.push([]);
    groups.at(-1)!.push(entry);
    if (entry.type === 'beginMarkedContent' || entry.type === 'beginMarkedContentProps') depth++;
    if (entry.type === 'endMarkedContent') depth = Math.max(0, depth - 1);
  }
  const next = random(seed);
  for (let i = groups.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [groups[i], groups[j]] = [groups[j]!, groups[i]!];
  }
  return groups.flat();
}

describe('the model does not depend on the order tagged content is drawn in', () => {
  // Chromium tags each paragraph, and draws a list's bullet as a label of its own before its body.
  const tagged = pdfs.filter((f) => f.endsWith('.chromium.pdf'));
  it.each(tagged)('%s', { timeout: 120_000 }, async (file) => {
    const bytes = readFileSync(join(root, file));
    const raw = await rawPages(bytes);
    const model = (order: (r: readonly unknown[]) => unknown[]) => {
      const pages = raw.map(({ page, raw: items, transform }) => ({ ...page, items: toTextItems(order(items), transform) }));
      return planOf(readTable(pages), { path: file, bytes }, pages.length).document;
    };
    const drawn = model((r) => [...r]);
    for (const seed of [1, 2]) expect(model((r) => shuffledGroups(r, seed)), `seed ${seed}`).toEqual(drawn);
  });
});
