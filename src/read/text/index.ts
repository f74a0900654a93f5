import type { Diagnostic } from '../../model/plan.js';
import { assemblePlan } from '../assemble/index.js';
import { mapHeaderRow } from '../columns.js';
import { NoPlanError, ReadError } from '../errors.js';
import { sha256 } from '../hash.js';
import { extractMetadata } from '../metadata.js';
import { textTooLarge } from '../limits.js';
import type { ParsedPlan, ReadInput } from '../parsed.js';
import { COLUMNS, type Column } from '../source-row.js';
import { binaryReason, looksBinary } from './binary.js';
import { utf16ByMark, utf8OrNull, windows1252 } from '../decode-text.js';
import { plainText } from './fragment.js';
import { tableRows, type TableStart } from './rows.js';

const TEMPLATE: Array<Column | null> = [...COLUMNS];
/** The template has six columns; cells past this many are not read, so that a line of a thousand tabs costs no more than one of six. */
const MAX_COLUMNS = 64;

/** Where the action-plan table starts: after its header row, or failing that after the definitions table. */
function findTable(lines: string[]): TableStart | null {
  let afterDefinitions = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.includes('\t')) continue;
    const cells = line.split('\t').map(plainText);
    const mapped = mapHeaderRow(cells);
    if (mapped) {
      // A header with an empty first cell still has the rec number there.
      if (!mapped.includes('number') && mapped[0] === null && cells[0] === '') mapped[0] = 'number';
      return { index: i + 1, columns: mapped.slice(0, MAX_COLUMNS) };
    }
    if (/^(term|agreed|partly agreed|not agreed)$/i.test(cells[0] ?? '') && cells.length <= 4) afterDefinitions = i;
  }
  // No header (its page may be missing): the first row of six-ish cells after the definitions table. Without
  // the definitions either, nothing says that the document is a plan: a letter's table of contacts is not one.
  if (afterDefinitions < 0) return null;
  for (let i = afterDefinitions + 1; i < lines.length; i++) {
    if (lines[i]!.split('\t').length >= 4) return { index: i, columns: TEMPLATE };
  }
  return null;
}

/**
 * UTF-8 as it should be; UTF-16 when a byte-order mark says so (Windows' "Unicode" text); otherwise
 * Windows-1252, which older exports from Word on Windows use. Binary data is refused, and so is a NUL
 * character anywhere: no text export has one, so it is refused wherever it is, not only near the start.
 */
function decode(input: ReadInput, diagnostics: Diagnostic[]): string {
  const { bytes } = input;
  const utf16 = utf16ByMark(bytes);
  if (utf16 === null && looksBinary(bytes)) throw new ReadError(binaryReason(input.path));
  let text = utf16 ?? utf8OrNull(bytes)?.replace(/^\uFEFF/, '');
  if (text === undefined) {
    diagnostics.push({ message: 'the file is not valid UTF-8; read as Windows-1252', location: { line: 1 }, code: 'encoding' });
    text = windows1252(bytes);
  }
  if (text.includes('\u0000')) throw new ReadError(binaryReason(input.path));
  return text;
}

/** The lines of a text export: CRLF and LF endings, or CR alone when the file has no LF at all (classic Mac OS). */
function splitLines(text: string): string[] {
  return text.includes('\n') ? text.split(/\r?\n/) : text.split('\r');
}

/** Read the text export of a published plan: tab-separated cells holding HTML fragments, page breaks as blank lines. */
export function readTextExport(input: ReadInput): ParsedPlan {
  const tooLarge = textTooLarge(input.bytes.length);
  if (tooLarge !== null) throw new ReadError(tooLarge);
  const diagnostics: Diagnostic[] = [];
  const lines = splitLines(decode(input, diagnostics));
  const table = findTable(lines);
  if (!table) throw new NoPlanError();
  const rows = tableRows(lines, table, diagnostics);
  const parsed = assemblePlan({
    table: { rows },
    meta: extractMetadata(lines.slice(0, Math.max(0, table.index - 1))),
    source: { path: input.path, format: 'text', sha256: sha256(input.bytes), pages: null },
  });
  // Not unshift(...diagnostics): a hostile file can have more of them than a call can take arguments.
  parsed.document.diagnostics = diagnostics.concat(parsed.document.diagnostics);
  if (parsed.document.recommendations.length === 0) throw new NoPlanError();
  return parsed;
}
