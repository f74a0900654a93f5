import type { SourceFormat } from '../model/plan.js';
import { ReadError } from './errors.js';
import type { ParsedPlan } from './parsed.js';

/** One input as bytes, with the name to report it under. */
export interface ReadInput {
  path: string;
  bytes: Uint8Array;
}

/** Recognise an input's format from its content, as SPEC.md says: PDF, Word, HTML, else text export. */
export function detectFormat(bytes: Uint8Array): SourceFormat {
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'docx';
  const text = head.toString('latin1').toLowerCase();
  if (/<(!doctype html|html|table|body)[\s>]/.test(text) || Buffer.from(bytes).includes('<table')) return 'html';
  return 'text';
}

export { sha256 } from './hash.js';

/** Read one input into the model, or throw a ReadError whose message is the one-line reason. */
export async function readPlan(input: ReadInput): Promise<ParsedPlan> {
  if (input.bytes.length === 0) throw new ReadError('empty file');
  const format = detectFormat(input.bytes);
  switch (format) {
    case 'text': {
      const { readTextExport } = await import('./text/index.js');
      return readTextExport(input);
    }
    default:
      throw new ReadError(`${format} files are not supported yet`);
  }
}
