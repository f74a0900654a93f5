import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ReadError } from '../errors.js';
import { toTextItems, type TextItem } from './items.js';
import { loadPdfjs } from './pdfjs.js';

/** One page's text, in points from the page's top-left corner as it is displayed (rotation applied). */
export interface PdfPage {
  number: number;
  width: number;
  height: number;
  /** The text that runs left to right across the page as it is displayed. */
  items: TextItem[];
  /** True when the page has any text at all, whichever way it runs. */
  hasText: boolean;
}

/** The package's own font and CMap folders, read from disk only if a document needs them. */
function dataFolders(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
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

/** Open a PDF and read the text of every page, one getTextContent call per page. */
export async function loadPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  const lib = await loadPdfjs();
  const task = lib.getDocument({
    // pdfjs may take over the buffer it is given; the caller keeps its own bytes.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    verbosity: lib.VerbosityLevel.ERRORS,
    ...dataFolders(),
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw openError(error);
  }
  try {
    const pages: PdfPage[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      try {
        const page = await doc.getPage(number);
        const viewport = page.getViewport({ scale: 1 });
        const content = await page.getTextContent({ includeMarkedContent: true });
        const hasText = content.items.some((i) => 'str' in i && i.str.trim() !== '');
        pages.push({ number, width: viewport.width, height: viewport.height, items: toTextItems(content.items, viewport.transform), hasText });
        page.cleanup();
      } catch (error) {
        throw new ReadError(`damaged PDF: page ${number}: ${reason(error)}`, { cause: error });
      }
    }
    return pages;
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
