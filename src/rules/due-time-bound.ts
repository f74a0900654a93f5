import type { Rule } from './types.js';
import { actionName, quote } from './utils/names.js';
import { eachAction } from './utils/walk.js';

/** SMART is "Time-bound": "Ongoing" or "TBC" has no point at which anyone can say whether the action was met. */
export const dueTimeBound: Rule = {
  id: 'due-time-bound',
  description: 'a target date is a month or a day, or Complete; "Ongoing", "TBC", "ASAP", a bare frequency are not time-bound',
  defaultSeverity: 'warn',
  check(doc, ctx) {
    eachAction(doc, (action, j, rec, i) => {
      const due = action.due;
      // A missing date is action-due's finding; a complete action needs no date to be time-bound.
      if (due === null || due.status === 'complete' || due.date !== null) return;
      ctx.found({
        message: `The target date ${quote(due.raw)} of ${actionName(rec, i, j)} is not time-bound: give a month or a day`,
        path: ['recommendations', i, 'actions', j, 'due'],
      });
    });
  },
};
