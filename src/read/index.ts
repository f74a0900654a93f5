import type { SourceFormat } from '../model/plan.js';
import { utf16ByMark } from './decode-text.js';
import { ReadError } from './errors.js';
import type { ParsedPlan, ReadInput } from './parsed.js';
import { unlimited, type Limit } from '../util/time-limit.js';

export type { ReadInput } from './parsed.js';

/** Recognise an input's format from its content, as docs/cli.md says: PDF, Word, HTML, else text export. */
export function detectFormat(bytes: Uint8Array): SourceFormat {
  // A view, not a copy: the input may be tens of megabytes.
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = all.subarray(0, 1024);
  if (head.includes('%PDF-')) return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'docx';
  const text = utf16ByMark(head) ?? head.toString('latin1');
  if (/<(!doctype html|html|table|body)[\s>]/.test(text.toLowerCase()) || all.includes('<table')) return 'html';
  return 'text';
}

/** The signature of an OLE compound file: the container of legacy Office files and of password-protected ones. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Why an OLE compound file cannot be read, or null when the bytes are not one. A password-protected Word,
 * Excel or PowerPoint file keeps its encrypted zip in a stream named EncryptedPackage; any other is a
 * legacy binary Office file such as a Word .doc.
 */
function compoundFileReason(bytes: Uint8Array): string | null {
  if (!COMPOUND_FILE.every((b, i) => bytes[i] === b)) return null;
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (all.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
    return 'a password-protected Office file: remove the password and save it again as .docx';
  }
  return 'a legacy Office binary file (such as a Word .doc): save it as .docx';
}

/**
 * The formats whose reader is synchronous from the bytes to the model: a caller can run it under a time limit
 * that stops even a loop that never yields (util/time-limit.ts), where the others need a process of their own.
 */
export const SYNCHRONOUS_FORMATS: ReadonlySet<SourceFormat> = new Set(['text', 'html']);

/**
 * Read one input into the model, or throw a ReadError whose message is the one-line reason. The reader of a
 * synchronous format runs through `limit`.
 */
export async function readPlan(input: ReadInput, limit: Limit = unlimited): Promise<ParsedPlan> {
  if (input.bytes.length === 0) throw new ReadError('empty file');
  const compound = compoundFileReason(input.bytes);
  if (compound !== null) throw new ReadError(compound);
  const format = detectFormat(input.bytes);
  switch (format) {
    case 'text': {
      const { readTextExport } = await import('./text/index.js');
      return limit(() => readTextExport(input));
    }
    case 'pdf': {
      const { readPdf } = await import('./pdf/index.js');
      return readPdf(input);
    }
    case 'html': {
      const { readHtml } = await import('./html/index.js');
      return limit(() => readHtml(input));
    }
    case 'docx': {
      const { readDocx } = await import('./docx/index.js');
      return readDocx(input);
    }
  }
}
