import { numbering } from '../../src/rules/numbering.js';
import type { Recommendation } from '../../src/model/plan.js';
import { diagnostic, plan, rec } from '../helpers/plan.js';
import { ruleCases, type Expected } from './cases.js';

const numbered = (...numbers: Array<string | null>): Recommendation[] => numbers.map((number) => rec({ number }));
const at = (index: number, recommendation: string | null, message: string): Expected => ({
  message,
  path: `recommendations[${index}].number`,
  recommendation,
  action: null,
});

ruleCases(numbering, [
  { name: '1, 2, 3 pass', doc: plan({ recommendations: numbered('1', '2', '3') }), expected: [] },
  { name: 'no recommendations, nothing to say', doc: plan({ recommendations: [] }), expected: [] },
  {
    name: 'a gap',
    doc: plan({ recommendations: numbered('1', '2', '4') }),
    expected: [at(2, '4', 'Recommendation 3 is missing: numbers go from 2 to 4')],
  },
  {
    name: 'numbers that do not start at 1',
    doc: plan({ recommendations: numbered('2', '3') }),
    expected: [at(0, '2', 'Recommendation 1 is missing: numbers start at 2')],
  },
  {
    name: 'a run of missing numbers',
    doc: plan({ recommendations: numbered('1', '5') }),
    expected: [at(1, '5', 'Recommendations 2 to 4 are missing: numbers go from 1 to 5')],
  },
  {
    name: 'a number out of order is not also missing',
    doc: plan({ recommendations: numbered('1', '5', '3') }),
    expected: [
      at(1, '5', 'Recommendations 2 and 4 are missing: numbers go from 1 to 5'),
      at(2, '3', 'Recommendation 3 is out of order: it comes after 5'),
    ],
  },
  {
    name: 'two numbers swapped',
    doc: plan({ recommendations: numbered('1', '2', '4', '3') }),
    expected: [at(3, '3', 'Recommendation 3 is out of order: it comes after 4')],
  },
  {
    name: 'a repeated number',
    doc: plan({ recommendations: numbered('1', '2', '2', '3') }),
    expected: [at(2, '2', 'Recommendation number 2 is repeated: first used at #2, again at #3')],
  },
  {
    name: 'no number and a number that is not one',
    doc: plan({ recommendations: numbered('1', null, '3', 't i', '4') }),
    expected: [
      at(1, null, 'Recommendation #2 has no number'),
      at(2, '3', 'Recommendation 2 is missing: numbers go from 1 to 3'),
      at(3, 't i', "Recommendation #4 is numbered 't i': expected a whole number"),
    ],
  },
  {
    // The reader's inferred numbers are reading notes (test/rules/notes.test.ts), not problems of the plan.
    name: 'numbers the reader inferred in order are no finding of this rule',
    doc: plan({
      recommendations: numbered('1', '2', '3'),
      diagnostics: [
        diagnostic('number-inferred', 1, 'rec 2: number missing; 2 inferred from order', { inferred: '2', raw: 't i', cause: 'unreadable' }),
        { code: 'number-inferred', message: 'A number was missing.', location: {}, data: { inferred: '4', raw: null, cause: 'missing' } },
      ],
    }),
    expected: [],
  },
]);
