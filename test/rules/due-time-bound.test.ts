import { dueTimeBound } from '../../src/rules/due-time-bound.js';
import { action, due, plan, rec } from '../helpers/plan.js';
import { ruleCases } from './cases.js';

ruleCases(dueTimeBound, [
  {
    name: 'a month, a day, a dated ongoing action, Complete, or no date at all pass',
    doc: plan({
      recommendations: [
        rec({
          actions: [
            action({ due: due('June 2019', '2019-06') }),
            action({ due: due('30/06/2019', '2019-06-30') }),
            action({ due: due('May 2019 and ongoing', '2019-05') }),
            action({ due: due('Complete', null, 'complete') }),
            action({ due: null }),
          ],
        }),
      ],
    }),
    expected: [],
  },
  {
    name: 'Ongoing, TBC and a bare frequency are not time-bound',
    doc: plan({
      recommendations: [
        rec({ number: '3', actions: [action({ due: due('Ongoing', null, 'ongoing') }), action({ due: due('TBC') })] }),
        rec({ number: '5', actions: [action(), action({ due: due('Quarterly review through the Performance Board') })] }),
      ],
    }),
    expected: [
      {
        message: "The target date 'Ongoing' of action 1 of recommendation 3 is not time-bound: give a month or a day",
        path: 'recommendations[0].actions[0].due',
        recommendation: '3',
        action: 1,
      },
      {
        message: "The target date 'TBC' of action 2 of recommendation 3 is not time-bound: give a month or a day",
        path: 'recommendations[0].actions[1].due',
        recommendation: '3',
        action: 2,
      },
      {
        message:
          "The target date 'Quarterly review through the Performance Board' of action 2 of recommendation 5 is not time-bound: give a month or a day",
        path: 'recommendations[1].actions[1].due',
        recommendation: '5',
        action: 2,
      },
    ],
  },
]);
