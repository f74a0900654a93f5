import type { Diagnostic } from '../../model/plan.js';
import { assemblePlan } from '../assemble/index.js';
import { isTerminated } from '../cells/text.js';
import { mapHeaderRow } from '../columns.js';
import { NoPlanError, ReadError } from '../errors.js';
import { headingAddressee } from '../headings.js';
import { sha256 } from '../hash.js';
import { extractMetadata } from '../metadata.js';
import { textTooLarge } from '../limits.js';
import type { ParsedPlan, ReadInput } from '../parsed.js';
import { COLUMNS, type Column, type HeadingRow, type SourceRow } from '../source-row.js';
import { alignCells } from './align.js';
import { binaryReason, looksBinary } from './binary.js';
import { utf16ByMark, utf8OrNull, windows1252 } from '../decode-text.js';
import { cellPieces, plainText } from './fragment.js';

const TEMPLATE: Array<Column | null> = [...COLUMNS];
const SEPARATOR = /^[\s|:\-–—=_*]*$/;
const FOOTER = /^(page \d+( of \d+)?|\d{1,3}|official( ?- ?sensitive)?|official sensitive)$/i;
const SHORT = 75;
/** The template has six columns; cells past this many are not read, so that a line of a thousand tabs costs no more than one of six. */
const MAX_COLUMNS = 64;

/** Where the action-plan table starts and how its columns are laid out. */
interface TableStart {
  index: number;
  columns: Array<Column | null>;
}

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

/** A line's cells placed into columns, with the text of each. */
type Placed = Array<[Column | null, string]>;

/** Read the text export of a published plan: tab-separated cells holding HTML fragments, page breaks as blank lines. */
export function readTextExport(input: ReadInput): ParsedPlan {
  const tooLarge = textTooLarge(input.bytes.length);
  if (tooLarge !== null) throw new ReadError(tooLarge);
  const diagnostics: Diagnostic[] = [];
  const lines = splitLines(decode(input, diagnostics));
  const table = findTable(lines);
  if (!table) throw new NoPlanError();
  const rows: Array<SourceRow | HeadingRow> = [];
  const lastText = new Map<Column, string>();
  let pendingBreak = false;
  let previousLine = '';
  let shortRun: SourceRow | null = null;
  let previousPlacement: number[] = [];

  for (let i = table.index; i < lines.length; i++) {
    const raw = lines[i]!;
    const location = { line: i + 1 };
    if (raw.trim() === '') {
      pendingBreak = true;
      shortRun = null;
      continue;
    }
    const rawCells = raw.split('\t');
    const cells = rawCells.map(plainText);
    const filled = cells.filter((c) => c !== '');
    if (cells.every((c) => SEPARATOR.test(c))) continue;
    if (filled.length === 1 && FOOTER.test(filled[0]!)) {
      // A lone page number or footer that the export put in a row of its own.
      diagnostics.push({ message: `line ${i + 1} holds only '${filled[0]}'; dropped as a page number or footer`, location, code: 'stray-cell' });
      continue;
    }
    if (mapHeaderRow(cells)) continue; // the header repeated at the top of a page
    const heading = cells.filter((c) => c !== '').length === 1 ? headingAddressee(rawCells.find((c) => plainText(c) !== '')!) : null;
    if (heading) {
      rows.push({ heading, location });
      continue;
    }
    if (raw === previousLine) {
      diagnostics.push({ message: `line ${i + 1} repeats the line before it word for word; dropped`, location, code: 'duplicate-line' });
      continue;
    }
    previousLine = raw;
    if (!/[\p{L}\p{N}]/u.test(cells.join(''))) {
      diagnostics.push({ message: `line ${i + 1} holds no words ('${raw.trim().slice(0, 20)}'); dropped`, location, code: 'noise-line' });
      continue;
    }
    const open = new Set([...lastText].filter(([, t]) => !isTerminated(t)).map(([c]) => c));
    const indexes = alignCells(cells, table.columns, open, previousPlacement);
    previousPlacement = indexes;
    const placed: Placed = indexes.map((col, j) => [table.columns[col] ?? null, cells[j]!]);
    if (placed.some(([column, t]) => column === 'number' && t !== '')) lastText.clear();
    for (const [column, t] of placed) if (column && t !== '') lastText.set(column, t);

    const row: SourceRow = { cells: {}, location, afterBreak: pendingBreak };
    placed.forEach(([column], j) => {
      if (!column) return;
      const pieces = cellPieces(rawCells[j]!, location);
      if (pieces.length > 0) row.cells[column] = (row.cells[column] ?? []).concat(pieces);
    });
    pendingBreak = false;
    // An export that broke a cell into one short line per row: the lines are one paragraph again.
    const isShort = !row.cells.owner && !row.cells.due && !row.cells.number && placed.every(([, t]) => t.length <= SHORT);
    if (isShort && shortRun && !row.afterBreak) {
      for (const [column, pieces] of Object.entries(row.cells) as Array<[Column, SourceRow['cells'][Column]]>) {
        const into = shortRun.cells[column];
        const last = into?.at(-1);
        if (last && pieces?.[0] && pieces[0].kind !== 'li') {
          last.text = `${last.text} ${pieces[0].text}`;
          for (const piece of pieces.slice(1)) into!.push(piece);
        } else shortRun.cells[column] = (into ?? []).concat(pieces ?? []);
      }
      continue;
    }
    shortRun = isShort ? row : null;
    rows.push(row);
  }

  const metaLines = lines.slice(0, Math.max(0, table.index - 1));
  const parsed = assemblePlan({
    table: { rows },
    meta: extractMetadata(metaLines),
    source: { path: input.path, format: 'text', sha256: sha256(input.bytes), pages: null },
  });
  // Not unshift(...diagnostics): a hostile file can have more of them than a call can take arguments.
  parsed.document.diagnostics = diagnostics.concat(parsed.document.diagnostics);
  if (parsed.document.recommendations.length === 0) throw new NoPlanError();
  return parsed;
}
