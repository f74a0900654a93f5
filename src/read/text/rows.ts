import type { Diagnostic, Location } from '../../model/plan.js';
import { isTerminated } from '../cells/text.js';
import { mapHeaderRow } from '../columns.js';
import { headingAddressee } from '../headings.js';
import type { Column, HeadingRow, SourceRow } from '../source-row.js';
import { alignCells, type OpenColumns } from './align.js';
import { cellPieces, plainText } from './fragment.js';

const SEPARATOR = /^[\s|:\-–—=_*]*$/;
const FOOTER = /^(page \d+( of \d+)?|\d{1,3}|official( ?- ?sensitive)?|official sensitive)$/i;
const SHORT = 75;

/** Where the action-plan table starts (the index of its first line after the header) and how its columns are laid out. */
export interface TableStart {
  index: number;
  columns: Array<Column | null>;
}

/** A line's cells placed into columns, with the text of each. */
type Placed = Array<[Column | null, string]>;

/** The table's lines from `start.index` on, read into rows and headings; each line dropped on the way is recorded in `diagnostics`. */
export function tableRows(lines: readonly string[], start: TableStart, diagnostics: Diagnostic[]): Array<SourceRow | HeadingRow> {
  const reader = new LineReader(start.columns, diagnostics);
  for (let i = start.index; i < lines.length; i++) reader.read(lines[i]!, { line: i + 1 });
  return reader.rows;
}

/** A line of rules, dashes or bars between rows. */
const isSeparator = (cells: readonly string[]): boolean => cells.every((c) => SEPARATOR.test(c));

/** The text of the one cell of a line that has text, or null when none or several have. */
function loneCell(cells: readonly string[]): string | null {
  const filled = cells.filter((c) => c !== '');
  return filled.length === 1 ? filled[0]! : null;
}

/** The addressee a line names when its one cell with text is a heading ("Kent PDU should:"), read with its markup. */
function headingOf(rawCells: readonly string[], cells: readonly string[]): string | null {
  return loneCell(cells) === null ? null : headingAddressee(rawCells[cells.findIndex((c) => c !== '')]!);
}

/** True when a line has a letter or a digit in it. */
const hasWords = (cells: readonly string[]): boolean => /[\p{L}\p{N}]/u.test(cells.join(''));

/** The source row of a line whose cells are placed: each placed cell cut into its pieces. */
function sourceRow(placed: Placed, rawCells: readonly string[], location: Location, afterBreak: boolean): SourceRow {
  const row: SourceRow = { cells: {}, location, afterBreak };
  placed.forEach(([column], j) => {
    if (!column) return;
    const pieces = cellPieces(rawCells[j]!, location);
    if (pieces.length > 0) row.cells[column] = (row.cells[column] ?? []).concat(pieces);
  });
  return row;
}

/** True for a line with no number, owner or date and only short cells: an export may break a cell into one such line per row. */
function isShortLine(row: SourceRow, placed: Placed): boolean {
  return !row.cells.owner && !row.cells.due && !row.cells.number && placed.every(([, t]) => t.length <= SHORT);
}

/** Make a short line part of the row its run started: its first paragraph joins the last one of the same column. */
function mergeShortLine(into: SourceRow, line: SourceRow): void {
  for (const [column, pieces] of Object.entries(line.cells) as Array<[Column, SourceRow['cells'][Column]]>) {
    const held = into.cells[column];
    const last = held?.at(-1);
    if (last && pieces?.[0] && pieces[0].kind !== 'li') {
      last.text = `${last.text} ${pieces[0].text}`;
      for (const piece of pieces.slice(1)) held!.push(piece);
    } else into.cells[column] = (held ?? []).concat(pieces ?? []);
  }
}

/** Reads the table one line at a time: a page break, a line skipped or dropped, a heading, or a row of cells. */
class LineReader {
  readonly rows: Array<SourceRow | HeadingRow> = [];
  /** Each column's last text since the last rec number: one cut off mid-sentence is likely carried on by the next line. */
  private readonly lastText = new Map<Column, string>();
  private pendingBreak = false;
  private previousLine = '';
  /** The row a run of short lines is gathered into, while the run lasts. */
  private shortRun: SourceRow | null = null;
  private previousPlacement: number[] = [];

  constructor(
    private readonly columns: ReadonlyArray<Column | null>,
    private readonly diagnostics: Diagnostic[],
  ) {}

  read(raw: string, location: Location): void {
    if (raw.trim() === '') return this.pageBreak();
    const rawCells = raw.split('\t');
    const cells = rawCells.map(plainText);
    // Rules between rows, and the header repeated at the top of a page.
    if (isSeparator(cells) || mapHeaderRow(cells)) return;
    const lone = loneCell(cells);
    if (lone !== null && FOOTER.test(lone)) {
      // A lone page number or footer that the export put in a row of its own.
      return this.drop(location, 'stray-cell', `holds only '${lone}'; dropped as a page number or footer`);
    }
    const heading = headingOf(rawCells, cells);
    if (heading) return void this.rows.push({ heading, location });
    if (raw === this.previousLine) return this.drop(location, 'duplicate-line', 'repeats the line before it word for word; dropped');
    this.previousLine = raw;
    if (!hasWords(cells)) return this.drop(location, 'noise-line', `holds no words ('${raw.trim().slice(0, 20)}'); dropped`);
    this.addRow(rawCells, cells, location);
  }

  private pageBreak(): void {
    this.pendingBreak = true;
    this.shortRun = null;
  }

  private drop(location: Location, code: string, what: string): void {
    this.diagnostics.push({ message: `line ${location.line} ${what}`, location, code });
  }

  private addRow(rawCells: readonly string[], cells: readonly string[], location: Location): void {
    const placed = this.place(cells);
    this.remember(placed);
    const row = sourceRow(placed, rawCells, location, this.pendingBreak);
    this.pendingBreak = false;
    const short = isShortLine(row, placed);
    if (short && this.shortRun && !row.afterBreak) return mergeShortLine(this.shortRun, row);
    this.shortRun = short ? row : null;
    this.rows.push(row);
  }

  /** The columns whose last text was cut off mid-sentence. */
  private openColumns(): OpenColumns {
    return new Set([...this.lastText].filter(([, t]) => !isTerminated(t)).map(([c]) => c));
  }

  /** Each cell of a line with the column it fits best, given the open columns and where the line before put its cells. */
  private place(cells: readonly string[]): Placed {
    const indexes = alignCells(cells, this.columns, this.openColumns(), this.previousPlacement);
    this.previousPlacement = indexes;
    return indexes.map((col, j) => [this.columns[col] ?? null, cells[j]!]);
  }

  /** Keep each column's last text; a rec number starts afresh. */
  private remember(placed: Placed): void {
    if (placed.some(([column, t]) => column === 'number' && t !== '')) this.lastText.clear();
    for (const [column, t] of placed) if (column && t !== '') this.lastText.set(column, t);
  }
}
