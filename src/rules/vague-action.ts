import type { Rule, RuleOptions } from './types.js';
import { actionLabel, quote } from './utils/names.js';
import { eachCommittedAction } from './utils/walk.js';

/** The non-committal wording vague-action looks for unless configured otherwise. */
export const DEFAULT_VAGUE_WORDS: readonly string[] = [
  'explore', 'consider', 'seek to', 'endeavour', 'look at', 'aim to', 'look into', 'where possible', 'investigate options',
  'consideration', 'work towards', 'look to', 'look for opportunities', 'seek opportunities', 'try to', 'hope to',
  'where appropriate', 'as far as possible',
];

/** The most phrases the word list may hold, and the longest phrase: far past any real list. */
const MAX_PHRASES = 500;
const MAX_PHRASE_LENGTH = 100;

interface VagueActionOptions {
  /** Phrases that make an action non-committal; the first word also matches its -s, -ed and -ing forms. */
  words: readonly string[];
}

const options: RuleOptions<VagueActionOptions> = {
  defaults: { words: DEFAULT_VAGUE_WORDS },
  // Bounded: each phrase is a pattern tried on every action, so a list of 200,000 took gigabytes and minutes.
  schema: (z) =>
    z.strictObject({
      words: z
        .array(z.string().trim().min(1).max(MAX_PHRASE_LENGTH, `a phrase of at most ${MAX_PHRASE_LENGTH} characters`))
        .max(MAX_PHRASES, `at most ${MAX_PHRASES} phrases`)
        .default([...DEFAULT_VAGUE_WORDS]),
    }),
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regex for one phrase: whole words, any spacing, case-insensitive, the first word inflected. */
export function phrasePattern(phrase: string): RegExp {
  const [first = '', ...rest] = phrase.toLowerCase().split(/\s+/).map(escape);
  const stem = first.endsWith('e') ? first.slice(0, -1) : first;
  const forms = `(?:${first}(?:s|es|ed|d|ing)?|${stem}ing)`;
  return new RegExp(`\\b${[forms, ...rest].join('\\s+')}\\b`, 'i');
}

/**
 * What makes an action measurable: a number or percentage (digits glued to a name, as in COVID-19, do not
 * count), a quarter, a month or a date, a frequency, or a word of measurement.
 */
const MEASURABLE = [
  /(?<![\w-])\d/,
  /\bq[1-4]\b/i,
  /%|\bper ?cent\b/i,
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|hundred)\b/i,
  /\b(?:january|february|march|april|june|july|august|september|october|november|december)\b/i,
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)\.?\s+\d{2,4}\b/i,
  /\b(?:daily|weekly|fortnightly|monthly|quarterly|annual(?:ly)?|yearly|bi-?(?:weekly|monthly|annual(?:ly)?)|six-monthly)\b/i,
  /\b(?:every|each|per|a|once a|twice a) (?:day|week|fortnight|month|quarter|year)\b/i,
  /\b(?:measured|measurable|audit(?:s|ed|ing)?|scorecards?|targets?|kpis?|performance indicators?|baseline|dashboards?|metrics?|deadline)\b/i,
  /\b(?:benchmark(?:s|ed|ing)?|track(?:s|ed|ing|er)?)\b/i,
  // A routine to be kept on each occasion ("in every home visit", "at induction", "when countersigning") can be
  // checked case by case.
  /\b(?:in|at|during|for) (?:every|each) \w+/i,
  /\b(?:at|during) (?:induction|allocation|sentence|assessment|review|the first \w+)\b/i,
  /\bwhen \w+ing\b/i,
  /\b(?:every|each|(?<!in )all) (?:\w+ ){0,2}(?:cases?|complaints?|plans?|assessments?|visits?|referrals?|inductions?|reports?|sessions?|meetings?)\b/i,
];

/** Whether an action's text holds something that progress can be measured against. */
export function isMeasurable(text: string): boolean {
  return MEASURABLE.some((re) => re.test(text));
}

/**
 * SMART actions are "specific enough to be tracked for progress": an action to "explore" something is done the
 * moment someone has thought about it.
 */
export const vagueAction: Rule<VagueActionOptions> = {
  id: 'vague-action',
  description:
    'an action rests on non-committal wording ("explore", "consider", "seek to", "endeavour", "look at", "aim to") ' +
    'with no measurable element; the word list is configurable',
  defaultSeverity: 'warn',
  options,
  check(doc, ctx) {
    const patterns = ctx.options.words.map(phrasePattern);
    eachCommittedAction(doc, (action, j, rec, i) => {
      if (isMeasurable(action.text)) return;
      const hits = patterns.map((re) => re.exec(action.text)).filter((m) => m !== null);
      const hit = hits.sort((a, b) => a.index - b.index)[0];
      if (!hit) return;
      ctx.found({
        message: `${actionLabel(rec, i, j)} rests on ${quote(hit[0])} with nothing measurable`,
        path: ['recommendations', i, 'actions', j, 'text'],
      });
    });
  },
};
