import { actionOwner } from '../../src/rules/action-owner.js';
import { action, plan, rec, recs } from '../helpers/plan.js';
import { ruleCases } from './cases.js';

ruleCases(actionOwner, [
  { name: 'every action owned', doc: plan({ recommendations: recs(2, { 1: { actions: [action(), action()] } }) }), expected: [] },
  {
    name: 'owners missing or blank',
    doc: plan({
      recommendations: [
        rec({ number: '4', actions: [action(), action({ owner: null })] }),
        rec({ number: null, actions: [action({ owner: ' ' })] }),
      ],
    }),
    expected: [
      {
        message: 'Action 2 of recommendation 4 has no responsible owner',
        path: 'recommendations[0].actions[1].owner',
        recommendation: '4',
        action: 2,
      },
      {
        message: 'Action 1 of recommendation #2 has no responsible owner',
        path: 'recommendations[1].actions[0].owner',
        recommendation: null,
        action: 1,
      },
    ],
  },
  {
    name: 'a Not Agreed response explains a refusal and needs no owner; a Partly Agreed one still does',
    doc: plan({
      recommendations: [
        rec({ number: '1', agreement: 'not-agreed', agreementRaw: 'Not Agreed', actions: [action({ owner: null })] }),
        rec({ number: '2', agreement: 'partly-agreed', agreementRaw: 'Partly Agreed', actions: [action({ owner: null })] }),
      ],
    }),
    expected: [
      {
        message: 'Action 1 of recommendation 2 has no responsible owner',
        path: 'recommendations[1].actions[0].owner',
        recommendation: '2',
        action: 1,
      },
    ],
  },
  {
    name: 'a placeholder names nobody: TBC, N/A, a dash; a real owner that merely contains such letters passes',
    doc: plan({
      recommendations: [
        rec({
          actions: [action({ owner: 'TBC' }), action({ owner: 'N/A' }), action({ owner: ' – ' }), action({ owner: 'Head of NA Services' }), action({ owner: 'To be confirmed' })],
        }),
      ],
    }),
    expected: [
      { message: "Action 1 of recommendation 1 has no responsible owner: 'TBC' names nobody", path: 'recommendations[0].actions[0].owner', recommendation: '1', action: 1 },
      { message: "Action 2 of recommendation 1 has no responsible owner: 'N/A' names nobody", path: 'recommendations[0].actions[1].owner', recommendation: '1', action: 2 },
      { message: "Action 3 of recommendation 1 has no responsible owner: '–' names nobody", path: 'recommendations[0].actions[2].owner', recommendation: '1', action: 3 },
      {
        message: "Action 5 of recommendation 1 has no responsible owner: 'To be confirmed' names nobody",
        path: 'recommendations[0].actions[4].owner',
        recommendation: '1',
        action: 5,
      },
    ],
  },
]);
