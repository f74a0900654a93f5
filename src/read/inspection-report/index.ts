import type { InspectionReport } from '../../model/inspection-report.js';
import { utf8OrNull, windows1252 } from '../decode-text.js';
import { ReadError } from '../errors.js';
import type { ReadInput } from '../parsed.js';
import { findRecommendations, type ReportLine } from './lines.js';

/** The report's format by content: PDF and Word by their signatures, HTML by a leading tag, else text. */
function reportFormat(bytes: Uint8Array): 'pdf' | 'docx' | 'html' | 'text' {
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'docx';
  return /^(?:\ufeff)?\s*</.test(head.toString('utf8')) ? 'html' : 'text';
}

/** Text as UTF-8, or as Windows-1252 when it is not valid UTF-8 (older exports). */
function decode(bytes: Uint8Array): string {
  return utf8OrNull(bytes) ?? windows1252(bytes);
}

async function linesOf(bytes: Uint8Array): Promise<ReportLine[]> {
  switch (reportFormat(bytes)) {
    case 'pdf': {
      const { pdfLines } = await import('./pdf.js');
      return pdfLines(bytes);
    }
    case 'docx':
      // mammoth drops a Word list's start number, so recommendations 5 and 6 would read as 1 and 2.
      throw new ReadError('Word inspection reports are not read yet: give the report as PDF or HTML');
    case 'html': {
      const { htmlLines } = await import('./html.js');
      return htmlLines(decode(bytes));
    }
    case 'text': {
      const { textLines } = await import('./text.js');
      return textLines(decode(bytes));
    }
  }
}

/**
 * Read an HMI Probation inspection report (PDF, HTML or text) and return its recommendations with
 * their numbers and addressees; throws a ReadError when the file cannot be read or lists none.
 */
export async function readInspectionReport(input: ReadInput): Promise<InspectionReport> {
  if (input.bytes.length === 0) throw new ReadError('empty file');
  const recommendations = findRecommendations(await linesOf(input.bytes));
  if (recommendations.length === 0) throw new ReadError('no recommendations found in the inspection report');
  return { path: input.path, recommendations };
}
