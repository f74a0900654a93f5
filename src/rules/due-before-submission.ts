import type { Rule } from './types.js';
import { actionLabel, quote } from './utils/names.js';
import { eachAction } from './utils/walk.js';
import { monthName, monthNumber } from '../util/months.js';

const STARTED = /^\s*(?:from|since|commenc\w*|start\w*|began|begun|underway since)\b/i;

/**
 * A timescale already over when the plan was sent leaves a reader unable to tell whether the action was done late,
 * not done, or misdated.
 */
export const dueBeforeSubmission: Rule = {
  id: 'due-before-submission',
  description: 'a target date not marked complete falls before the month the plan was submitted',
  defaultSeverity: 'warn',
  check(doc, ctx) {
    const submitted = doc.plan.submitted;
    if (submitted === null) return;
    eachAction(doc, (action, j, rec, i) => {
      const due = action.due;
      if (due === null || due.date === null || due.status === 'complete') return;
      if (monthNumber(due.date) >= monthNumber(submitted)) return;
      // "From April 2023", "Commenced March 2023": the date says when work began, which may well be past.
      if (STARTED.test(due.raw)) return;
      ctx.found({
        message:
          `${actionLabel(rec, i, j)} is due ${quote(due.raw)}, before the plan was submitted (${monthName(submitted)}), ` +
          'and is not marked complete',
        path: ['recommendations', i, 'actions', j, 'due'],
      });
    });
  },
};
