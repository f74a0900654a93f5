import type { Agreement } from '../model/plan.js';
import { classifyReasons, reasonSentences, type ReasonHit } from './lexicon/reasons.js';
import type { Rule, RuleOptions } from './types.js';
import { recLabel } from './util.js';

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
  /**
   * Where the reason is looked for: only the sentences that give a reason (a Partly Agreed response also holds
   * the actions for the part that is agreed), or the whole response (a Not Agreed response is all reason).
   */
  scope: 'reason-sentences' | 'whole-response';
}

const NONE_GIVEN = 'no reason of the four kinds (commissioning, policy, operational, affordability) is given';

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function impliedOnly(hits: readonly ReasonHit[]): string {
  const quoted = hits.map((h) => `'${h.words}'`).join(', ');
  const categories = joinAnd(hits.map((h) => h.category));
  return hits.length === 1
    ? `the reason given (${quoted}) reads as ${categories}, but the response does not state the category`
    : `the reasons given (${quoted}) read as ${categories}, but the response does not state the category`;
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
        const body = spec.scope === 'whole-response' ? [rec.response] : reasonSentences(rec.response);
        const hits = classifyReasons([rec.agreementRaw ?? '', ...body]);
        const path = ['recommendations', i, 'response'];
        const subject = recLabel(rec, i);
        if (hits.length === 0) {
          ctx.report({ message: `${subject} is ${spec.marking}, but ${NONE_GIVEN}`, path });
        } else if (ctx.options.requireExplicit && !hits.some((h) => h.stated)) {
          ctx.report({ message: `${subject} is ${spec.marking}: ${impliedOnly(hits)}`, path });
        }
      });
    },
  };
}
