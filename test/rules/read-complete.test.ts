import { readComplete } from '../../src/rules/read-complete.js';
import { diagnostic, plan, recs } from '../helpers/plan.js';
import { ruleCases } from './cases.js';

const lost = (page: number, words: string[], message = 'reader wording that the rule must not read') => ({
  code: 'text-lost',
  message,
  location: { page },
  data: { page, words },
});

ruleCases(readComplete, [
  { name: 'a plan read whole', doc: plan({ recommendations: recs(2) }), expected: [] },
  {
    name: 'diagnostics of other kinds are not this rule’s',
    doc: plan({ recommendations: recs(2), diagnostics: [diagnostic('number-inferred', 1, 'rec 2: number missing, inferred from order')] }),
    expected: [],
  },
  {
    name: 'each page with lost words is a finding, its words quoted from the data, not the message',
    doc: plan({
      recommendations: recs(1),
      diagnostics: [diagnostic('owner-count', 0, 'rec 1: 1 owner for 2 actions'), lost(2, ['Senior', 'Probation', 'Officer']), lost(4, ['e-'], 'page 4: something else')],
    }),
    expected: [
      {
        message: "Page 2: 3 words of the table were not read into any recommendation, action, owner or date ('Senior Probation Officer'); check the plan by hand",
        path: 'diagnostics[1]',
        recommendation: null,
        action: null,
      },
      {
        message: "Page 4: a word of the table was not read into any recommendation, action, owner or date ('e-'); check the plan by hand",
        path: 'diagnostics[2]',
        recommendation: null,
        action: null,
      },
    ],
  },
  {
    name: 'a long run of lost words is cut short',
    doc: plan({ diagnostics: [lost(1, 'The PDU will agree a joint working protocol with the Community Mental Health Team for shared cases'.split(' '))] }),
    expected: [
      {
        message:
          "Page 1: 17 words of the table were not read into any recommendation, action, owner or date ('The PDU will agree a joint working protocol with the Commun…'); check the plan by hand",
        path: 'diagnostics[0]',
        recommendation: null,
        action: null,
      },
    ],
  },
  {
    name: 'data without a page or words still gives a finding',
    doc: plan({ diagnostics: [{ code: 'text-lost', message: 'x', location: {} }] }),
    expected: [
      {
        message: "The table: 0 words of the table were not read into any recommendation, action, owner or date (''); check the plan by hand",
        path: 'diagnostics[0]',
        recommendation: null,
        action: null,
      },
    ],
  },
]);
