import type { Location } from '../model/plan.js';

/** The six columns of the action-plan template, by meaning. */
export const COLUMNS = ['number', 'recommendation', 'agreement', 'response', 'owner', 'due'] as const;
export type Column = (typeof COLUMNS)[number];

/** One paragraph or list item inside a cell. */
export interface Piece {
  text: string;
  /**
   * li for list items (tagged, Word-numbered or typed with a bullet glyph), p for paragraphs, plain for
   * untagged text, blank for an empty paragraph: in owner and date cells drafters press Enter to stand
   * each owner beside its action, so a blank holds the place of an action that has none.
   */
  kind: 'p' | 'li' | 'plain' | 'blank';
  location: Location;
  /**
   * Vertical extent on its page (PDF points from the top), when the reader knows it. The shared step pairs
   * owners and dates with actions by position when every piece of a row segment has one.
   */
  top?: number;
  bottom?: number;
}

/** A table row as a reader found it, with its cells already mapped to template columns. */
export interface SourceRow {
  /** The pieces of each column's cell; a column that is absent or empty has no entry or an empty list. */
  cells: Partial<Record<Column, Piece[]>>;
  location: Location;
  /**
   * True when this row follows a page break (or any break where a reader knows a table row may have
   * been split): its cells may continue the cells of the row before.
   */
  afterBreak: boolean;
  /**
   * True when the reader sees that the row's first response piece is the rest of the last one before the break,
   * whatever its words say (a PDF's list item cut by the page goes on, set in with no bullet, at the top of the next).
   */
  continues?: boolean;
}

/** A heading row that names who the recommendations after it are addressed to. */
export interface HeadingRow {
  heading: string;
  location: Location;
}

/** What a reader hands to the shared table-to-model step. */
export interface TableRows {
  rows: Array<SourceRow | HeadingRow>;
}

/** Narrow a table entry to a heading row. */
export function isHeading(row: SourceRow | HeadingRow): row is HeadingRow {
  return 'heading' in row;
}
