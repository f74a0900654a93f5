import { ownerDueAlignment } from '../../src/rules/owner-due-alignment.js';
import { diagnostic, plan, recs } from '../helpers/plan.js';
import { ruleCases } from './cases.js';

const PAIRED = 'they could not be paired one to one';
const uneven = (given: number, actions: number) => ({ strategy: 'paragraph', pairing: 'uneven', given, actions });
const shared = (actions: number) => ({ strategy: 'paragraph', pairing: 'shared', given: 1, actions });

ruleCases(ownerDueAlignment, [
  { name: 'no diagnostics', doc: plan({ recommendations: recs(2) }), expected: [] },
  {
    name: 'diagnostics of other kinds are not this rule’s',
    doc: plan({
      recommendations: recs(2),
      diagnostics: [
        diagnostic('number-inferred', 1, 'rec 2: number missing, inferred from order'),
        diagnostic('merged-continuation', 0, 'rec 1: cell continued after a page break'),
      ],
    }),
    expected: [],
  },
  {
    name: 'owners and dates that did not pair, counts taken from the diagnostic’s data, not its wording',
    doc: plan({
      recommendations: recs(4),
      diagnostics: [
        diagnostic('owner-count', 3, 'rec 4: wording the rule does not read', uneven(5, 3)),
        diagnostic('due-count', 1, 'rec 2: 3 actions but only 2 dates', uneven(2, 3)),
        diagnostic('owner-count', 0, 'rec 1: 9 owners for 9 actions', uneven(2, 1)),
      ],
    }),
    expected: [
      { message: `Recommendation 1 lists 2 owners for 1 action; ${PAIRED}`, path: 'recommendations[0]', recommendation: '1', action: null },
      { message: `Recommendation 2 lists 2 target dates for 3 actions; ${PAIRED}`, path: 'recommendations[1]', recommendation: '2', action: null },
      { message: `Recommendation 4 lists 5 owners for 3 actions; ${PAIRED}`, path: 'recommendations[3]', recommendation: '4', action: null },
    ],
  },
  {
    name: 'a lone owner that the reader applied to each action says so',
    doc: plan({ recommendations: recs(1), diagnostics: [diagnostic('owner-count', 0, 'rec 1: 1 owner for 2 actions', shared(2))] }),
    expected: [
      { message: 'Recommendation 1 lists 1 owner for 2 actions; the one given was applied to each', path: 'recommendations[0]', recommendation: '1', action: null },
    ],
  },
  {
    name: 'a diagnostic without a path is plan-level; one without pairing data is not this rule’s to guess at',
    doc: plan({
      recommendations: recs(1, { 0: { number: null } }),
      diagnostics: [
        diagnostic('owner-count', 0, 'Rec 1: owners and actions are in different orders.'),
        { code: 'due-count', message: '3 dates for 2 actions', location: {}, data: uneven(3, 2) },
      ],
    }),
    expected: [{ message: `A row lists 3 target dates for 2 actions; ${PAIRED}`, path: '', recommendation: null, action: null }],
  },
]);
