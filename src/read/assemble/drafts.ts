import type { Location } from '../../model/plan.js';
import type { Piece } from '../source-row.js';
import type { ActionDraft, Segment } from './pairing.js';

/** A repair to record, before the rec it concerns has its final index. */
export interface DraftDiagnostic {
  code: string;
  message: string;
  location: Location;
}

/** A recommendation being built from its table rows. */
export interface RecDraft {
  numberRaw: string;
  number: string | null;
  refs: string[];
  textPieces: Piece[];
  agreementRaw: string | null;
  /** Logical table rows (a row and its page-split parts), each a list of page segments. */
  groups: Segment[][];
  /** Response text in order, a split piece already joined to its start. */
  responseParts: string[];
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
    groups: [],
    responseParts: [],
    addressee: null,
    fragment: false,
    orphanOf: null,
    diagnostics: [],
    ...init,
  };
}

/** A fresh action made of one piece. */
export function newAction(piece: Piece): ActionDraft {
  return { pieces: [piece], owners: [], dues: [] };
}

/** The last action of a rec's last logical row, if any. */
export function lastAction(rec: RecDraft): ActionDraft | null {
  const group = rec.groups.at(-1);
  if (!group) return null;
  for (let i = group.length - 1; i >= 0; i--) {
    const seg = group[i]!;
    if (seg.actions.length > 0) return seg.actions.at(-1)!;
    if (seg.tail) return seg.tail;
  }
  return null;
}

/** The current segment of the rec's last logical row, creating the row when there is none. */
export function currentSegment(rec: RecDraft): Segment {
  let group = rec.groups.at(-1);
  if (!group) {
    group = [{ tail: null, actions: [], owners: [], dues: [] }];
    rec.groups.push(group);
  }
  return group.at(-1)!;
}
