import { actionsPresent } from '../../src/rules/actions-present.js';
import { plan, recs } from '../helpers/plan.js';
import { ruleCases } from './cases.js';

ruleCases(actionsPresent, [
  { name: 'agreed with an action', doc: plan({ recommendations: recs(1) }), expected: [] },
  {
    name: 'not agreed and unmarked rows need no actions',
    doc: plan({
      recommendations: recs(2, {
        0: { agreement: 'not-agreed', agreementRaw: 'Not agreed', actions: [] },
        1: { agreement: null, agreementRaw: null, actions: [] },
      }),
    }),
    expected: [],
  },
  {
    name: 'agreed and partly agreed without actions',
    doc: plan({
      recommendations: recs(3, {
        0: { actions: [] },
        2: { agreement: 'partly-agreed', agreementRaw: 'Partly Agreed', actions: [] },
      }),
    }),
    expected: [
      {
        message: 'Recommendation 1 is Agreed but lists no actions: expected at least one action with its owner and target date',
        path: 'recommendations[0].actions',
        recommendation: '1',
        action: null,
      },
      {
        message:
          'Recommendation 3 is Partly Agreed but lists no actions: expected at least one action with its owner and target date',
        path: 'recommendations[2].actions',
        recommendation: '3',
        action: null,
      },
    ],
  },
]);
