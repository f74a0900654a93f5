/**
 * The structured facts that readers record in a diagnostic's `data`, by code: the contract between the
 * readers that write them and the rules and scripts that read them (never the message's wording).
 */

/**
 * The diagnostics that record a problem the drafter must fix, each turned into a finding by a rule:
 * `owner-count` and `due-count` (owner-due-alignment) and `text-lost` (read-complete). Every other diagnostic
 * records a repair the reader made, or text it kept aside, and is shown as a reading note instead.
 */
export const PROBLEM_CODES: ReadonlySet<string> = new Set(['owner-count', 'due-count', 'text-lost']);

/** True when a diagnostic records a repair of the reader's (a reading note) rather than a problem of the plan. */
export function isRepair(diagnostic: { code?: string | undefined }): boolean {
  return diagnostic.code === undefined || !PROBLEM_CODES.has(diagnostic.code);
}

/** `owner-count` / `due-count`: owners (or dates) of a row that did not pair one to one with its actions. */
export interface PairingData {
  strategy: string;
  pairing: 'shared' | 'uneven';
  /** How many owners (or dates) with text the row gave. */
  given: number;
  actions: number;
}

/** True when a diagnostic's data is that of a pairing diagnostic. */
export function isPairingData(data: Record<string, unknown> | undefined): data is Record<string, unknown> & PairingData {
  return typeof data?.given === 'number' && typeof data.actions === 'number' && (data.pairing === 'shared' || data.pairing === 'uneven');
}

/** `number-inferred`: the number given to a recommendation whose own could not be read, and why. */
export interface InferredNumber {
  inferred: string;
  /** The number cell as written, or null when it was empty. */
  raw: string | null;
  cause: 'fragment' | 'unreadable' | 'missing';
}

/** The words for an inferred number, as the diagnostic's message gives them. */
export function inferredText(data: InferredNumber): string {
  const raw = (data.raw ?? '').replace(/\s+/g, ' ').trim();
  const why = {
    fragment: 'no number (rows without a rec number or recommendation text)',
    unreadable: `number '${raw.length <= 20 ? raw : `${raw.slice(0, 19).trimEnd()}…`}' unreadable`,
    missing: 'number missing',
  }[data.cause];
  return `${why}; ${data.inferred} inferred from order`;
}

/** `extra-column`: a column of the plan's table that is none of the template's, whose text no field holds. */
export interface ExtraColumn {
  /** The column's place in the table, from 1. */
  column: number;
  /** Its header cell's text, or '' when it has none. */
  title: string;
  /** The text of each of its cells, in order. */
  words: string[];
}
