import mammoth from 'mammoth';
import { ReadError } from '../errors.js';
import { sha256 } from '../hash.js';
import { readHtmlMarkup } from '../html/index.js';
import type { ParsedPlan, ReadInput } from '../parsed.js';
import { checkWordZip } from './guard.js';
import { withoutHiddenRuns } from './hidden.js';
import { entryData, storedZip, ZipError, type ZipEntry } from './zip.js';

/**
 * Word's built-in list styles carry their bullets in the style, not in each paragraph's numbering, which
 * mammoth reads alone; mapped here, such paragraphs are list items as they look in Word.
 */
const LIST_STYLES = [
  "p[style-name='List Bullet'] => ul > li:fresh",
  "p[style-name='List Bullet 2'] => ul > li:fresh",
  "p[style-name='List Number'] => ol > li:fresh",
  "p[style-name='List Number 2'] => ol > li:fresh",
];

/** Images are never read (a plan's text is all that matters), which keeps their bytes compressed. */
const dropImages = mammoth.images.imgElement(async () => ({ src: '' }));

async function toHtml(bytes: Uint8Array): Promise<string> {
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { convertImage: dropImages, externalFileAccess: false, ignoreEmptyParagraphs: false, styleMap: LIST_STYLES });
    return result.value;
  } catch (err) {
    const text = String((err as Error)?.message ?? err);
    const message = err instanceof RangeError && /call stack/i.test(text) ? 'its content is nested too deeply to read' : firstLine(text);
    throw new ReadError(`damaged Word file: ${message}`, { cause: err });
  }
}

/** The first line of mammoth's message; the XML parser's own wording (shown with --verbose) helps no reader of a plan. */
function firstLine(text: string): string {
  const line = text.split('\n')[0]!.replace(/\s+/g, ' ').trim();
  return /^(?:\w+: )?\[xmldom \w+\]/i.test(line) ? 'its XML is not well-formed' : line;
}

/**
 * The Word file with its hidden text (runs marked `w:vanish`) taken out of the document, which mammoth would
 * read as any other: the same bytes when there is none.
 */
function withoutHiddenText(bytes: Uint8Array, entries: readonly ZipEntry[]): Uint8Array {
  const main = entries.find((e) => e.name === 'word/document.xml')!;
  let xml: string;
  try {
    xml = new TextDecoder().decode(entryData(bytes, main));
  } catch (err) {
    if (err instanceof ZipError) throw new ReadError(`damaged Word file: ${err.message}`, { cause: err });
    throw err;
  }
  const shown = withoutHiddenRuns(xml);
  if (shown === xml) return bytes;
  const files = entries.filter((e) => !e.name.endsWith('/')).map((e) => ({ name: e.name, data: e === main ? new TextEncoder().encode(shown) : entryData(bytes, e) }));
  return storedZip(files);
}

/**
 * Read a Word (.docx) plan: check the zip, take out hidden text, convert it to HTML with mammoth (merged
 * cells become rowspan and colspan, a repeated header row becomes the table head, numbered and bulleted
 * paragraphs become list items, empty paragraphs are kept as the blank slots drafters use to align
 * owners), then read that HTML. Rows are located by
 * their number in the Word table, as for HTML.
 */
export async function readDocx(input: ReadInput): Promise<ParsedPlan> {
  const entries = checkWordZip(input.bytes);
  const html = await toHtml(withoutHiddenText(input.bytes, entries));
  return readHtmlMarkup(html, { path: input.path, format: 'docx', sha256: sha256(input.bytes), pages: null });
}
