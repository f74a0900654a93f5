import type { Rule } from './types.js';
import { actionLabel } from './utils/names.js';
import { eachCommittedAction } from './utils/walk.js';

/** The template's SMART actions have their "timescale clearly identified": an undated action cannot be followed up. */
export const actionDue: Rule = {
  id: 'action-due',
  description: 'every action has a target date',
  defaultSeverity: 'error',
  check(doc, ctx) {
    eachCommittedAction(doc, (action, j, rec, i) => {
      if (action.due !== null && action.due.raw.trim() !== '') return;
      ctx.found({
        message: `${actionLabel(rec, i, j)} has no target date`,
        path: ['recommendations', i, 'actions', j, 'due'],
      });
    });
  },
};
