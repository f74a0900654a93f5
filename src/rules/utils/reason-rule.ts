import type { Agreement } from '../../model/plan.js';
import type { ReasonCategory } from './lexicon/reasons.js';
import { readReasons, type ReasonWord } from './reason-reading.js';
import type { Rule, RuleOptions } from '../types.js';
import { quote, recLabel } from './names.js';

/** Options shared by partly-agreed-reason and not-agreed-reason. */
export interface ReasonOptions {
  /** Report a reason that the lexicon recognises but whose category the response does not name. */
  requireExplicit: boolean;
}

const DEFAULTS: ReasonOptions = { requireExplicit: false };

const reasonOptions: RuleOptions<ReasonOptions> = {
  defaults: DEFAULTS,
  schema: (z) => z.strictObject({ requireExplicit: z.boolean().default(DEFAULTS.requireExplicit) }),
};

/** What distinguishes the two reason rules. */
interface ReasonRuleSpec {
  id: string;
  description: string;
  agreement: Exclude<Agreement, 'agreed'>;
  /** How the template writes the marking, for messages. */
  marking: string;
}

/**
 * What a response's reason comes to: `given` when a category is tied to the decision, `untied` when category
 * words appear with nothing linking them to it, `none` when there is no category word outside the actions.
 */
export interface ReasonVerdict {
  tier: 'given' | 'untied' | 'none';
  /** The categories of the tied words when there are any, else of the untied ones; each once, in order. */
  categories: ReasonCategory[];
  words: ReasonWord[];
  /** The sentences that give a reason, of whatever kind (ReasonReading.reasons). */
  reasons: string[];
}

/** Judge the reason of one response (with its agreement cell). */
export function reasonVerdict(agreementRaw: string, response: string): ReasonVerdict {
  const { tied, untied, reasons } = readReasons(agreementRaw, response);
  const words = tied.length > 0 ? tied : untied;
  const categories = [...new Set(words.map((w) => w.category))];
  return { tier: tied.length > 0 ? 'given' : untied.length > 0 ? 'untied' : 'none', categories, words, reasons };
}

const NONE_GIVEN = 'no reason of the four kinds (commissioning, policy, operational, affordability) is given';

/** The message of the `none` tier: no reason at all, or one that names none of the four kinds. */
function noneGiven(reasons: readonly string[]): string {
  if (reasons.length === 0) return NONE_GIVEN;
  return `the reason given (${quote(reasons[0]!, 80)}) does not say which of the four kinds it is (commissioning, policy, operational, affordability)`;
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The first word found for each category. */
function firstPerCategory(words: readonly ReasonWord[]): ReasonWord[] {
  return words.filter((w, i) => words.findIndex((o) => o.category === w.category) === i);
}

function impliedOnly(words: readonly ReasonWord[]): string {
  const hits = firstPerCategory(words);
  const quoted = hits.map((h) => `'${h.words}'`).join(', ');
  const links = joinAnd([...new Set(hits.map((h) => `'${h.link}'`))]);
  const categories = joinAnd(hits.map((h) => h.category));
  return hits.length === 1
    ? `the reason given (${quoted}, linked by ${links}) reads as ${categories}, but the response does not state the category`
    : `the reasons given (${quoted}, linked by ${links}) read as ${categories}, but the response does not state the category`;
}

function untied(words: readonly ReasonWord[]): string {
  const shown = firstPerCategory(words).map((w) => `'${w.words}'${w.stated ? '' : ` (${w.category})`} in ${quote(w.clause, 80)}`);
  return `the reason is not tied to a category clearly: ${shown.join(', ')}, with nothing that links it to the decision`;
}

/** A rule that checks the reason of every recommendation with the given marking. */
export function reasonRule(spec: ReasonRuleSpec): Rule<ReasonOptions> {
  return {
    id: spec.id,
    description: spec.description,
    defaultSeverity: 'error',
    options: reasonOptions,
    check(doc, ctx) {
      doc.recommendations.forEach((rec, i) => {
        if (rec.agreement !== spec.agreement) return;
        const verdict = reasonVerdict(rec.agreementRaw ?? '', rec.response);
        const path = ['recommendations', i, 'response'];
        const subject = `${recLabel(rec, i)} is ${spec.marking}`;
        if (verdict.tier === 'none') ctx.found({ message: `${subject}, but ${noneGiven(verdict.reasons)}`, path });
        else if (verdict.tier === 'untied') ctx.found({ message: `${subject}, but ${untied(verdict.words)}`, path, severity: 'warn' });
        else if (ctx.options.requireExplicit && !verdict.words.some((w) => w.stated)) {
          ctx.found({ message: `${subject}: ${impliedOnly(verdict.words)}`, path });
        }
      });
    },
  };
}
