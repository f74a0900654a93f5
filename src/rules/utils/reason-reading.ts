import { classifyReasons, PLACE_WORDS, type ReasonCategory } from './lexicon/reasons.js';
import { ACTION_NOTE, ACTION_START, CAUSE_AFTER, CAUSE_BEFORE, COMMITMENT, CONSTRAINT, HYPOTHETICAL, LACK, LEADING_CAUSE, REFUSAL } from './lexicon/reason-links.js';

/** One category word of a response, with what ties it to the decision (or the lack of a tie). */
export interface ReasonWord {
  category: ReasonCategory;
  /** The category word or phrase, as written. */
  words: string;
  /** True when the category is named (or its word family used), not only implied. */
  stated: boolean;
  /** The words that tie it to the decision ("so", "not", "is set by"), or null when nothing does. */
  link: string | null;
  /** The clause it stands in. */
  clause: string;
}

/** How a response gives its reasons: the category words that are tied to the decision, and those that are not. */
export interface ReasonReading {
  tied: ReasonWord[];
  untied: ReasonWord[];
  /**
   * The response's sentences with a clause that a cause or a constraint ties to the decision ("because …", "… is
   * set nationally", "outside the PDU's remit"), with category words or without: a reason is given there, whatever
   * its kind. A refusal or a lack alone ("Not agreed.", "There are no plans to …") is not counted.
   */
  reasons: string[];
}

/** Split plain text into sentences; a full stop before a lower-case word ("e.g. shift") does not end one. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[^a-z\s])|\s+[•·▪]\s+|\s+[-–]\s+(?=[A-Z])/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * The clauses of a sentence: parts after a semicolon or colon, after ", and", ", but" or "but", and a relative
 * clause (", which the PDU will follow"), whose action must not make the whole sentence an action.
 */
export function clauses(sentence: string): string[] {
  return sentence
    .split(/\s*[;:]\s+|,\s+(?=(?:and|but|whereas)\s)|\s+(?=but\s)|\s+(?=and will\s)|,\s+(?=which\s(?!means))/i)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

type Sink = (clause: string, link: string | null) => void;

const globals = new Map<RegExp, RegExp>();

/** Find where a regex first matches at or after `from`, or null. */
function findFrom(re: RegExp, text: string, from: number): RegExpExecArray | null {
  let g = globals.get(re);
  if (!g) globals.set(re, (g = new RegExp(re.source, 'gi')));
  g.lastIndex = from;
  return g.exec(text);
}

/** A cause word that opens the clause. */
const OPENING_CAUSE = new RegExp(`^(?:${LEADING_CAUSE.source})\\b`, 'i');

/**
 * Read one clause: a part introduced or followed by a cause word is a reason (its category words are tied by that
 * word); the rest is a refusal, an action, a constraint or a bare fact, by its words. A bare fact on the other side
 * of a cause word (`fallback`) is its consequence, so it is tied too.
 */
function readClause(clause: string, sink: Sink, fallback: string | null = null): void {
  const lead = OPENING_CAUSE.exec(clause);
  const comma = clause.indexOf(',');
  if (lead && comma >= lead[0].length) {
    sink(clause.slice(0, comma), lead[0]);
    readClause(clause.slice(comma + 1).trim(), sink, lead[0]);
    return;
  }
  const after = findFrom(CAUSE_AFTER, clause, 0);
  if (after) {
    sink(clause.slice(after.index), after[0]);
    readClause(clause.slice(0, after.index).replace(/[\s,]+$/, ''), sink, after[0]);
    return;
  }
  const before = findFrom(CAUSE_BEFORE, clause, 1);
  if (before) {
    reason(clause.slice(0, before.index + before[0].length), before[0], sink);
    readClause(clause.slice(before.index + before[0].length).replace(/^[\s,]+/, ''), sink, before[0]);
    return;
  }
  sink(clause, roleLink(clause) ?? fallback);
}

/**
 * The part before "so" or "which means" is the reason, unless it is itself an action ("We will brief staff, so
 * they …"). What follows "because", "as" or "given" is a reason even in the future tense ("as the contract will end").
 */
function reason(part: string, cue: string, sink: Sink): void {
  sink(part, roleLink(part) === '' ? '' : cue);
}

/** The word that ties a clause with no cause word to the decision; '' for an action, null for a bare fact. */
function roleLink(clause: string): string | null {
  const refusal = REFUSAL.exec(clause);
  if (refusal) return refusal[0];
  if (COMMITMENT.test(clause) || ACTION_NOTE.test(clause) || (ACTION_START.test(clause) && !HYPOTHETICAL.test(clause))) return '';
  return LACK.exec(clause)?.[0] ?? CONSTRAINT.exec(clause)?.[0] ?? null;
}

/**
 * In a sentence that puts the matter in a provider's or a contract's hands ("the CRS providers set their own staffing
 * levels under their contracts"), an operational word tied only by that constraint names what the provider controls,
 * not a reason of its own kind.
 */
function providersMatter(words: ReasonWord[]): ReasonWord[] {
  const commissioned = words.some((w) => w.category === 'commissioning' && w.link !== null);
  if (!commissioned) return words;
  return words.filter((w) => w.category !== 'operational' || w.stated || w.link === null || !CONSTRAINT.test(w.link));
}

/** A place ("the other offices") in a sentence that gives a reason of another kind is what the reason is about. */
function placesAsMatter(words: ReasonWord[]): ReasonWord[] {
  const other = words.some((w) => w.category !== 'operational');
  return other ? words.filter((w) => !PLACE_WORDS.test(w.words)) : words;
}

/**
 * Read a response (and the agreement cell, whose category is tied by the marking itself) for its reasons. A bare
 * fact in the same sentence as a refusal, a constraint or a cause ("… is statutory guidance, but the PDU will not
 * add …") is tied by it.
 */
export function readReasons(agreementRaw: string, response: string): ReasonReading {
  const reading: ReasonReading = { tied: [], untied: [], reasons: [] };
  const read = (clause: string, link: string | null): ReasonWord[] =>
    classifyReasons([clause])
      .filter((hit) => link !== null || !PLACE_WORDS.test(hit.words))
      .map((hit) => ({ ...hit, link, clause }));
  const add = (words: ReasonWord[]): void => {
    for (const w of words) (w.link === null ? reading.untied : reading.tied).push(w);
  };
  add(read(agreementRaw, agreementRaw));
  for (const sentence of sentences(response)) {
    const parts: Array<[string, string | null]> = [];
    for (const clause of clauses(sentence)) readClause(clause, (part, link) => link !== '' && parts.push([part, link]));
    if (parts.some(([, link]) => link !== null && !REFUSAL.test(link) && !LACK.test(link))) reading.reasons.push(sentence);
    const sentenceLink = parts.map(([, link]) => link).find((link) => link !== null) ?? null;
    add(placesAsMatter(providersMatter(parts.flatMap(([part, link]) => read(part, link ?? sentenceLink)))));
  }
  return reading;
}
