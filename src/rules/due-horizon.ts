import type { Rule, RuleOptions } from './types.js';
import { actionLabel, quote } from './utils/names.js';
import { eachAction } from './utils/walk.js';
import { monthName, monthNumber } from '../util/months.js';

interface DueHorizonOptions {
  /** How many months after the submission month a target date may lie. */
  maxMonths: number;
}

const DEFAULTS: DueHorizonOptions = { maxMonths: 24 };

const options: RuleOptions<DueHorizonOptions> = {
  defaults: DEFAULTS,
  schema: (z) => z.strictObject({ maxMonths: z.number().int().min(1).default(DEFAULTS.maxMonths) }),
};

/**
 * The inspectorate reviews plans every year: a date years away passes several reviews with nothing to show, or was
 * mistyped.
 */
export const dueHorizon: Rule<DueHorizonOptions> = {
  id: 'due-horizon',
  description: 'a target date lies more than maxMonths (default 24) after submission',
  defaultSeverity: 'warn',
  options,
  check(doc, ctx) {
    const submitted = doc.plan.submitted;
    if (submitted === null) return;
    const { maxMonths } = ctx.options;
    eachAction(doc, (action, j, rec, i) => {
      const date = action.due?.date;
      if (date === undefined || date === null) return;
      const months = monthNumber(date) - monthNumber(submitted);
      if (months <= maxMonths) return;
      ctx.found({
        message:
          `${actionLabel(rec, i, j)} is due ${quote(action.due?.raw ?? date)}, ${months} months after the plan was ` +
          `submitted (${monthName(submitted)}): expected at most ${maxMonths}`,
        path: ['recommendations', i, 'actions', j, 'due'],
      });
    });
  },
};
