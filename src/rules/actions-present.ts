import type { Agreement } from '../model/plan.js';
import type { Rule } from './types.js';
import { recLabel } from './utils/names.js';

const NEEDS_ACTIONS: Partial<Record<Agreement, string>> = { agreed: 'Agreed', 'partly-agreed': 'Partly Agreed' };

/** Agreeing to a recommendation, even in part, commits the plan to "specific steps and actions". */
export const actionsPresent: Rule = {
  id: 'actions-present',
  description: 'an Agreed or Partly Agreed recommendation has at least one action',
  defaultSeverity: 'error',
  check(doc, ctx) {
    doc.recommendations.forEach((rec, i) => {
      const marked = rec.agreement === null ? undefined : NEEDS_ACTIONS[rec.agreement];
      if (marked === undefined || rec.actions.length > 0) return;
      ctx.found({
        message: `${recLabel(rec, i)} is ${marked} but lists no actions: expected at least one action with its owner and target date`,
        path: ['recommendations', i, 'actions'],
      });
    });
  },
};
