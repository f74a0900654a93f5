import { distance } from 'fastest-levenshtein';

/** One word of a recommendation as compared: its normalised form, and the words the document wrote for it. */
export interface Word {
  key: string;
  shown: string;
}

/** Words that join the parts of a body's name ("HM Prison and Probation Service", "the London division of the NPS"). */
const CONNECTORS = new Set(['the', 'of', 'and', 'for']);
/** Words whose adding or dropping alone does not change what a recommendation asks. */
const ARTICLES = new Set(['a', 'an', 'the']);
const LIST_NUMBER = /^\s*(?:(?:rec(?:ommendation)?\.?|r)\s*)?[([]?(?:\d{1,3}|[a-z])[.):\]]\s+|^\s*(?:rec(?:ommendation)?\.?|r)\s*\d{1,3}\s*[-–:]?\s+/i;
/** How a body's name is keyed among words: no text can produce it. */
const BODY = '\u0000body';
const PREFIX = /^\s*(?:we (?:also )?recommend that\s+)?(.{2,120}?)\s+should\b\s*:?\s*/i;

/** A body that recommendations are addressed to, known by its names' key words and its acronyms. */
interface Body {
  id: number;
  keys: Set<string>;
  acronyms: Set<string>;
}

/** The bodies named in a report and a plan, so that one body's different names compare as the same word. */
export type Bodies = readonly Body[];

const rawWords = (text: string): string[] =>
  text
    .normalize('NFKC')
    .replace(/&/g, ' and ')
    .replace(/['’‘`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');

/** "HM Prison and Probation Service" → hmpps, "The Ministry of Justice" → moj: capitals spelt out, inner connectors left out or kept. */
function acronymsOf(words: readonly string[]): string[] {
  const named = words[0]?.toLowerCase() === 'the' ? words.slice(1) : words;
  const letters = (skip: boolean): string =>
    named
      .filter((w) => !(skip && CONNECTORS.has(w.toLowerCase())))
      .map((w) => (w.length > 1 && w === w.toUpperCase() ? w : w[0]!))
      .join('')
      .toLowerCase();
  // Two letters would too often be a word of their own ("in", "it").
  return [letters(true), letters(false)].filter((a) => a.length >= 3);
}

/** Group names of addressees into bodies: names one of whose key words contains the other's, or an acronym of it. */
export function groupBodies(names: readonly string[]): Bodies {
  const parsed = [...new Set(names.map((n) => n.trim()).filter((n) => n !== ''))].map((name) => {
    const words = rawWords(name);
    return { keys: new Set(words.map((w) => w.toLowerCase()).filter((w) => !CONNECTORS.has(w))), acronyms: new Set(acronymsOf(words)) };
  });
  const parent = parsed.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const subset = (a: Set<string>, b: Set<string>): boolean => a.size >= 2 && [...a].every((k) => b.has(k));
  const acronym = (a: Set<string>, b: Set<string>): boolean => a.size === 1 && [...a].some((k) => b.has(k));
  parsed.forEach((a, i) =>
    parsed.forEach((b, j) => {
      if (i < j && (subset(a.keys, b.keys) || subset(b.keys, a.keys) || acronym(a.keys, b.acronyms) || acronym(b.keys, a.acronyms))) {
        parent[find(i)] = find(j);
      }
    }),
  );
  const bodies = new Map<number, Body>();
  parsed.forEach((p, i) => {
    const root = find(i);
    const body = bodies.get(root) ?? { id: bodies.size, keys: new Set<string>(), acronyms: new Set<string>() };
    p.keys.forEach((k) => body.keys.add(k));
    p.acronyms.forEach((k) => body.acronyms.add(k));
    bodies.set(root, body);
  });
  return [...bodies.values()];
}

/** The length of the run at `start` that names `body`: two of its key words or more, or one of its acronyms. */
function nameRun(keys: readonly string[], start: number, body: Body): number {
  if (body.acronyms.has(keys[start]!) && !body.keys.has(keys[start]!)) return 1;
  let end = start;
  let lastKey = -1;
  const seen = new Set<string>();
  while (end < keys.length && (body.keys.has(keys[end]!) || CONNECTORS.has(keys[end]!))) {
    if (body.keys.has(keys[end]!)) {
      seen.add(keys[end]!);
      lastKey = end;
    }
    end++;
  }
  return seen.size >= Math.min(2, body.keys.size) && lastKey >= start ? lastKey - start + 1 : 0;
}

/**
 * The addressee a recommendation opens with, as in "London NPS should ensure …": words before "should" that
 * read as a name (capitalised, another capital after the first word, no "that" or "to"), else null.
 */
export function addresseePrefix(text: string): string | null {
  const name = PREFIX.exec(text.replace(LIST_NUMBER, ''))?.[1];
  if (name === undefined || !/^[A-Z]/.test(name)) return null;
  const parts = name.split(/\s+/);
  const capitalAfterFirst = parts.length === 1 || parts.slice(1).some((w) => /^\(?[A-Z]/.test(w));
  return parts.length <= 10 && capitalAfterFirst && !parts.some((w) => /^(?:that|to)$/i.test(w)) ? name : null;
}

/** A recommendation without its list number or the "<addressee> should" it opens with, keeping the document's words. */
export function withoutPrefix(text: string, bodies: Bodies): string {
  const rest = text.replace(LIST_NUMBER, '');
  const m = PREFIX.exec(rest);
  if (!m) return rest.trim();
  // "Ensure that staff should" is no addressee: a prefix is cut when it reads as a name or names a known body.
  const named = words(m[1]!, bodies).every((w) => w.key.startsWith(BODY));
  return addresseePrefix(rest) !== null || named ? rest.slice(m[0].length).trim() : rest.trim();
}

/**
 * The words of a text as compared: lower case, punctuation gone, "&" read as "and", and every name of one
 * body ("the London division of the NPS", "NPS London") one word standing for that body.
 */
export function words(text: string, bodies: Bodies): Word[] {
  const raw = rawWords(text);
  const keys = raw.map((w) => w.toLowerCase());
  const out: Word[] = [];
  for (let i = 0; i < raw.length; ) {
    let best = 0;
    let which: Body | undefined;
    for (const body of bodies) {
      const n = nameRun(keys, i, body);
      if (n > best) [best, which] = [n, body];
    }
    if (which) {
      out.push({ key: `${BODY}${which.id}`, shown: raw.slice(i, i + best).join(' ') });
      i += best;
    } else {
      out.push({ key: keys[i]!, shown: raw[i]! });
      i++;
    }
  }
  return out;
}

/** Similarity of two word sequences: 1 less their word-level edit distance over the longer length. */
export function similarity(a: readonly Word[], b: readonly Word[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const codes = new Map<string, string>();
  const encode = (ws: readonly Word[]): string =>
    ws.map((w) => codes.get(w.key) ?? (codes.set(w.key, String.fromCodePoint(0x4e00 + codes.size)), codes.get(w.key)!)).join('');
  return 1 - distance(encode(a), encode(b)) / Math.max(a.length, b.length);
}

/** Whether a change between two runs of words is only articles or spacing ("re-offending", "reoffending"). */
export function cosmetic(removed: readonly Word[], added: readonly Word[]): boolean {
  const content = (ws: readonly Word[]): string[] => ws.map((w) => w.key).filter((k) => !ARTICLES.has(k));
  return content(removed).join('') === content(added).join('');
}
