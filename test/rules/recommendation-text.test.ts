import { recommendationText } from '../../src/rules/recommendation-text.js';
import { plan, recs } from '../helpers/plan.js';
import { ruleCases } from './cases.js';

const expectedMessage = (n: string): string =>
  `Recommendation ${n} has no text: the Recommendation column should give the recommendation as the report worded it`;

ruleCases(recommendationText, [
  { name: 'text present', doc: plan({ recommendations: recs(2) }), expected: [] },
  {
    name: 'empty and blank texts',
    doc: plan({ recommendations: recs(3, { 0: { text: '' }, 2: { text: ' \t ' } }) }),
    expected: [
      { message: expectedMessage('1'), path: 'recommendations[0].text', recommendation: '1', action: null },
      { message: expectedMessage('3'), path: 'recommendations[2].text', recommendation: '3', action: null },
    ],
  },
]);
