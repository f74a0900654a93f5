import type { Rule } from './types.js';
import { actionLabel, eachCommittedAction } from './util.js';

/** Every action names a responsible owner. */
export const actionOwner: Rule = {
  id: 'action-owner',
  description: 'every action names a responsible owner',
  defaultSeverity: 'error',
  check(doc, ctx) {
    eachCommittedAction(doc, (action, j, rec, i) => {
      if (action.owner !== null && action.owner.trim() !== '') return;
      ctx.report({
        message: `${actionLabel(rec, i, j)} has no responsible owner`,
        path: ['recommendations', i, 'actions', j, 'owner'],
      });
    });
  },
};
