import type { Location } from '../../model/plan.js';
import type { Piece } from '../source-row.js';
import type { LogicalRow, RowPart } from './row.js';

/** A repair to record, before the rec it concerns has its final index. */
export interface DraftDiagnostic {
  code: string;
  message: string;
  location: Location;
  data?: Record<string, unknown>;
}

/** A recommendation being built from its table rows. */
export interface RecDraft {
  numberRaw: string;
  number: string | null;
  refs: string[];
  textPieces: Piece[];
  agreementRaw: string | null;
  /** Its table rows as the document draws them, each with its parts split by page breaks. */
  rows: LogicalRow[];
  /** Response text in order, a split piece already joined to its start. */
  responseParts: string[];
  /** The text of the last response piece so far (joined where split), to tell whether the next carries it on. */
  lastText: string | null;
  addressee: string | null;
  location: Location;
  /** Rows that came with no rec number nor recommendation text (a page before them may be missing). */
  fragment: boolean;
  /** For a fragment that broke the flow of the rec before it: that rec, to merge back into if no number is free. */
  orphanOf: RecDraft | null;
  diagnostics: DraftDiagnostic[];
}

/** A fresh recommendation draft. */
export function newRec(init: Partial<RecDraft> & { location: Location }): RecDraft {
  return {
    numberRaw: '',
    number: null,
    refs: [],
    textPieces: [],
    agreementRaw: null,
    rows: [],
    responseParts: [],
    lastText: null,
    addressee: null,
    fragment: false,
    orphanOf: null,
    diagnostics: [],
    ...init,
  };
}

/** A fresh row part. */
export const newPart = (joins = false): RowPart => ({ response: [], owners: [], dues: [], joins });

/** The last part of the rec's last row, creating the row when there is none. */
export function currentPart(rec: RecDraft): RowPart {
  let row = rec.rows.at(-1);
  if (!row) {
    row = { parts: [newPart()] };
    rec.rows.push(row);
  }
  return row.parts.at(-1)!;
}
