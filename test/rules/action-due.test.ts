import { actionDue } from '../../src/rules/action-due.js';
import { action, due, plan, rec } from '../helpers/plan.js';
import { ruleCases } from './cases.js';

ruleCases(actionDue, [
  {
    name: 'any stated target date passes, even an untimely one',
    doc: plan({ recommendations: [rec({ actions: [action(), action({ due: due('Ongoing', null, 'ongoing') })] })] }),
    expected: [],
  },
  {
    name: 'a missing target date',
    doc: plan({ recommendations: [rec({ number: '3', actions: [action({ due: null }), action()] })] }),
    expected: [
      {
        message: 'Action 1 of recommendation 3 has no target date',
        path: 'recommendations[0].actions[0].due',
        recommendation: '3',
        action: 1,
      },
    ],
  },
  {
    name: 'a Not Agreed response explains a refusal and needs no due; a Partly Agreed one still does',
    doc: plan({
      recommendations: [
        rec({ number: '1', agreement: 'not-agreed', agreementRaw: 'Not Agreed', actions: [action({ due: null })] }),
        rec({ number: '2', agreement: 'partly-agreed', agreementRaw: 'Partly Agreed', actions: [action({ due: null })] }),
      ],
    }),
    expected: [
      {
        message: 'Action 1 of recommendation 2 has no target date',
        path: 'recommendations[1].actions[0].due',
        recommendation: '2',
        action: 1,
      },
    ],
  },
]);
