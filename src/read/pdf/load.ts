import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ReadError } from '../errors.js';
import { fieldItems } from './fields.js';
import { useInflate } from './inflate.js';
import { toTextItems, type TextItem } from './items.js';
import { loadPdfjs, type Pdfjs } from './pdfjs.js';
import { rulingsOf, type Rulings } from './rulings.js';

/** One page's text, in points from the page's top-left corner as it is displayed (rotation applied). */
export interface PdfPage {
  number: number;
  width: number;
  height: number;
  /** The text that runs left to right across the page as it is displayed. */
  items: TextItem[];
  /** True when the page has any text at all, whichever way it runs. */
  hasText: boolean;
  /** The ruling lines drawn on the page, when they were asked for (reading them costs a second pass over the page). */
  rulings?: Rulings;
}

let folders: { cMapUrl: string; standardFontDataUrl: string } | null = null;

/** The package's own font and CMap folders, read from disk only if a document needs them. */
function dataFolders(): { cMapUrl: string; standardFontDataUrl: string } {
  if (folders) return folders;
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  folders = { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
  return folders;
}

/**
 * Start opening a PDF, with the zlib stand-in for DecompressionStream in place (inflate.ts) until `release`
 * is called, once the document is destroyed.
 */
export function startDocument(lib: Pdfjs, bytes: Uint8Array): { task: ReturnType<Pdfjs['getDocument']>; release: () => void } {
  const release = useInflate();
  try {
    return { task: lib.getDocument(documentParams(lib, bytes)), release };
  } catch (error) {
    release();
    throw error;
  }
}

/** How every PDF is opened: text only, no code generated from the file, nothing fetched, errors only logged. */
function documentParams(lib: Pdfjs, bytes: Uint8Array): Parameters<Pdfjs['getDocument']>[0] {
  return {
    // pdfjs may take over the buffer it is given; the caller keeps its own bytes.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    verbosity: lib.VerbosityLevel.ERRORS,
    ...dataFolders(),
  };
}

/** The one-line reason for an error pdfjs raised while opening a document. */
function openError(error: unknown): ReadError {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException') return new ReadError('encrypted PDF: cannot read without its password', { cause: error });
  return new ReadError(`damaged PDF: ${reason(error)}`, { cause: error });
}

function reason(error: unknown): string {
  const message = error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error) ? String((error as { message: unknown }).message) : String(error);
  const line = message.split('\n')[0]!.trim().replace(/\.$/, '');
  return line === '' ? 'unreadable' : line.charAt(0).toLowerCase() + line.slice(1);
}

/** An open PDF: its pages' text, and the ruling lines of any of them on demand. */
export interface PdfDocument {
  pages: PdfPage[];
  /** Read the ruling lines of the numbered pages into their `rulings`. */
  readRulings(numbers: readonly number[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Open a PDF and read the text of every page, one getTextContent call per page. Ruling lines cost a second
 * pass over a page (its operator list), so they are read only when asked for; close the document after.
 */
export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const lib = await loadPdfjs();
  const { task, release } = startDocument(lib, bytes);
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    release();
    throw openError(error);
  }
  const close = (): Promise<void> => doc.destroy().catch(() => undefined).finally(release);
  const pages: PdfPage[] = [];
  try {
    for (let number = 1; number <= doc.numPages; number++) {
      try {
        const page = await doc.getPage(number);
        const viewport = page.getViewport({ scale: 1 });
        const content = await page.getTextContent({ includeMarkedContent: true });
        // Text typed into form fields is no part of the page's content: it is read from the fields' values.
        const fields = fieldItems(await page.getAnnotations({ intent: 'display' }), viewport.transform);
        const hasText = fields.length > 0 || content.items.some((i) => 'str' in i && i.str.trim() !== '');
        pages.push({ number, width: viewport.width, height: viewport.height, items: [...toTextItems(content.items, viewport.transform), ...fields], hasText });
        page.cleanup();
      } catch (error) {
        throw new ReadError(`damaged PDF: page ${number}: ${reason(error)}`, { cause: error });
      }
    }
  } catch (error) {
    await close();
    throw error;
  }
  const readRulings = async (numbers: readonly number[]): Promise<void> => {
    for (const number of numbers) {
      try {
        const page = await doc.getPage(number);
        const ops = await page.getOperatorList({ annotationMode: lib.AnnotationMode.DISABLE });
        pages[number - 1]!.rulings = rulingsOf(ops, page.getViewport({ scale: 1 }).transform, lib);
        page.cleanup();
      } catch (error) {
        throw new ReadError(`damaged PDF: page ${number}: ${reason(error)}`, { cause: error });
      }
    }
  };
  return { pages, readRulings, close };
}

/** Open a PDF, read the text of every page (and with `rulings`, its ruling lines), and close it. */
export async function loadPdf(bytes: Uint8Array, options: { rulings?: boolean } = {}): Promise<PdfPage[]> {
  const doc = await openPdf(bytes);
  try {
    if (options.rulings) await doc.readRulings(doc.pages.map((p) => p.number));
    return doc.pages;
  } finally {
    await doc.close();
  }
}
