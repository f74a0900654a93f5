import { agreementStated } from '../../src/rules/agreement-stated.js';
import { plan, rec, recs } from '../helpers/plan.js';
import { ruleCases } from './cases.js';

ruleCases(agreementStated, [
  {
    name: 'all three markings pass',
    doc: plan({
      recommendations: recs(3, {
        1: { agreement: 'partly-agreed', agreementRaw: 'Partly agreed' },
        2: { agreement: 'not-agreed', agreementRaw: 'Not Agreed', actions: [] },
      }),
    }),
    expected: [],
  },
  {
    name: 'an empty agreement cell',
    doc: plan({ recommendations: recs(2, { 1: { agreement: null, agreementRaw: null } }) }),
    expected: [
      {
        message: 'Recommendation 2 is not marked Agreed, Partly Agreed or Not Agreed',
        path: 'recommendations[1].agreement',
        recommendation: '2',
        action: null,
      },
    ],
  },
  {
    name: 'a cell of blanks counts as empty',
    doc: plan({ recommendations: [rec({ agreement: null, agreementRaw: '  ' })] }),
    expected: [
      {
        message: 'Recommendation 1 is not marked Agreed, Partly Agreed or Not Agreed',
        path: 'recommendations[0].agreement',
        recommendation: '1',
        action: null,
      },
    ],
  },
  {
    name: 'a marking outside the three is quoted',
    doc: plan({ recommendations: [rec({ number: '4', agreement: null, agreementRaw: 'Under review' })] }),
    expected: [
      {
        message: "Recommendation 4 is marked 'Under review', which is not Agreed, Partly Agreed or Not Agreed",
        path: 'recommendations[0].agreement',
        recommendation: '4',
        action: null,
      },
    ],
  },
  {
    name: 'a long marking is cut short and a missing number is replaced by the position',
    doc: plan({
      recommendations: recs(3, {
        2: {
          number: null,
          agreement: null,
          agreementRaw: 'Agreed in principle subject to the outcome of the national review of unpaid work provision',
        },
      }),
    }),
    expected: [
      {
        message:
          "Recommendation #3 is marked 'Agreed in principle subject to the outcome of the national…', " +
          'which is not Agreed, Partly Agreed or Not Agreed',
        path: 'recommendations[2].agreement',
        recommendation: null,
        action: null,
      },
    ],
  },
]);
