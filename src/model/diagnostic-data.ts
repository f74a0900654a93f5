/**
 * The structured facts that readers record in a diagnostic's `data`, by code: the contract between the
 * readers that write them and the rules and scripts that read them (never the message's wording).
 */

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

/** True when a diagnostic's data is that of an inferred number. */
export function isInferredNumber(data: Record<string, unknown> | undefined): data is Record<string, unknown> & InferredNumber {
  return typeof data?.inferred === 'string' && (data.cause === 'fragment' || data.cause === 'unreadable' || data.cause === 'missing');
}

/** The words for an inferred number, for the diagnostic and the finding alike. */
export function inferredText(data: InferredNumber): string {
  const raw = (data.raw ?? '').replace(/\s+/g, ' ').trim();
  const why = {
    fragment: 'no number (rows without a rec number or recommendation text)',
    unreadable: `number '${raw.length <= 20 ? raw : `${raw.slice(0, 19).trimEnd()}…`}' unreadable`,
    missing: 'number missing',
  }[data.cause];
  return `${why}; ${data.inferred} inferred from order`;
}
