import type { Rule } from './types.js';
import { actionLabel, quote } from './utils/names.js';
import { eachCommittedAction } from './utils/walk.js';

/** Cell contents that hold the place of an owner without naming one. */
const PLACEHOLDER = /^\s*(?:[-–—?.]+|n\/?a|tbc|tba|tbd|to be (?:confirmed|agreed|decided|determined)|none|unknown)\s*$/i;

/** The template's SMART actions have their "owner … clearly identified": an action nobody owns is nobody's to do. */
export const actionOwner: Rule = {
  id: 'action-owner',
  description: 'every action names a responsible owner',
  defaultSeverity: 'error',
  check(doc, ctx) {
    eachCommittedAction(doc, (action, j, rec, i) => {
      const owner = action.owner?.trim() ?? '';
      if (owner !== '' && !PLACEHOLDER.test(owner)) return;
      ctx.found({
        message: `${actionLabel(rec, i, j)} has no responsible owner${owner === '' ? '' : `: ${quote(owner)} names nobody`}`,
        path: ['recommendations', i, 'actions', j, 'owner'],
      });
    });
  },
};
