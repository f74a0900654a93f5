import { extname } from 'node:path';

/** How much of a file is looked at to tell text from binary data. */
const SAMPLE = 64 * 1024;

/**
 * True when the bytes are binary data rather than text: a NUL byte, or more than a few control characters
 * other than tab, line and page breaks, within the first 64 KB. Text exports in UTF-8 or Windows-1252 hold
 * neither; a Word .doc, an image or a damaged download does.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SAMPLE);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d) || b === 0x7f) controls++;
  }
  return controls > Math.max(8, sample.length / 100);
}

/**
 * Why a file of binary data cannot be read. A file named .pdf or .docx is one of those damaged, or
 * another kind of file misnamed: its content says it is neither.
 */
export function binaryReason(path: string): string {
  switch (extname(path).toLowerCase()) {
    case '.pdf':
      return 'not a PDF (no %PDF- header): the file is damaged or is another kind of file named .pdf';
    case '.docx':
      return 'not a Word file (not a zip archive): the file is damaged or is another kind of file named .docx';
    default:
      return 'binary data: not a PDF, Word file, HTML page or text export';
  }
}
