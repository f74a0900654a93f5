import type { Recommendation } from '../../src/model/plan.js';
import { notAgreedReason } from '../../src/rules/not-agreed-reason.js';
import { plan, rec, recs } from '../helpers/plan.js';
import { ruleCases } from './cases.js';

const not: Partial<Recommendation> = { agreement: 'not-agreed', agreementRaw: 'Not agreed', actions: [] };

ruleCases(notAgreedReason, [
  {
    name: 'only Not Agreed rows are checked',
    doc: plan({ recommendations: recs(2, { 1: { agreement: 'partly-agreed', agreementRaw: 'Partly agreed', response: 'Partly agreed.' } }) }),
    expected: [],
  },
  {
    name: 'the whole response is the reason: a sentence without a cue counts',
    doc: plan({ recommendations: [rec({ ...not, response: 'Not agreed. HMPPS national policy sets the standard for all regions.' })] }),
    options: { requireExplicit: true },
    expected: [],
  },
  {
    name: 'a reason phrase that ends where the action begins ("for operational reasons, the region will …") is a reason',
    doc: plan({ recommendations: [rec({ ...not, response: 'Not agreed: for operational reasons, the region will keep a single programmes team.' })] }),
    expected: [],
  },
  {
    name: 'no reason at all',
    doc: plan({ recommendations: recs(3, { 1: { ...not, response: 'Not agreed.' } }) }),
    expected: [
      {
        message: 'Recommendation 2 is Not Agreed, but no reason of the four kinds (commissioning, policy, operational, affordability) is given',
        path: 'recommendations[1].response',
        recommendation: '2',
        action: null,
      },
    ],
  },
  {
    name: 'a reason of no kind the response names: the error quotes it and asks for its kind, rather than saying none is given',
    doc: plan({
      recommendations: [
        rec({ ...not, response: 'Not agreed. This falls outside the remit of the probation service and is a matter for the local authority.' }),
        // A refusal alone, or a plan to look again, gives no reason.
        rec({ ...not, number: '2', response: 'The PDU does not agree. It will look at this again in 2028.' }),
      ],
    }),
    expected: [
      {
        message:
          "Recommendation 1 is Not Agreed, but the reason given ('This falls outside the remit of the probation service and is a matter for the l…') does not say which of the four kinds it is (commissioning, policy, operational, affordability)",
        path: 'recommendations[0].response',
        recommendation: '1',
        action: null,
      },
      {
        message: 'Recommendation 2 is Not Agreed, but no reason of the four kinds (commissioning, policy, operational, affordability) is given',
        path: 'recommendations[1].response',
        recommendation: '2',
        action: null,
      },
    ],
  },
  {
    name: 'an implied reason passes by default',
    doc: plan({ recommendations: [rec({ ...not, response: 'This falls to the contract managers in HMPPS.' })] }),
    expected: [],
  },
  {
    name: 'an implied reason is reported with requireExplicit',
    doc: plan({ recommendations: [rec({ ...not, number: '7', response: 'This falls to the contract managers in HMPPS.' })] }),
    options: { requireExplicit: true },
    expected: [
      {
        message: "Recommendation 7 is Not Agreed: the reason given ('contract', linked by 'falls to') reads as commissioning, but the response does not state the category",
        path: 'recommendations[0].response',
        recommendation: '7',
        action: null,
      },
    ],
  },
  {
    name: 'category words only in what will be done instead are no reason',
    doc: plan({ recommendations: [rec({ ...not, number: '3', response: 'Not agreed. We will keep the current system and review the policy in 2025.' })] }),
    expected: [
      {
        message: 'Recommendation 3 is Not Agreed, but no reason of the four kinds (commissioning, policy, operational, affordability) is given',
        path: 'recommendations[0].response',
        recommendation: '3',
        action: null,
      },
    ],
  },
  {
    name: 'a category word not tied to the decision is a warning',
    doc: plan({ recommendations: [rec({ ...not, number: '5', response: 'Not agreed. Funding for probation services is reviewed each year by HMPPS.' })] }),
    expected: [
      {
        message:
          "Recommendation 5 is Not Agreed, but the reason is not tied to a category clearly: 'Funding' (affordability) in " +
          "'Funding for probation services is reviewed each year by HMPPS.', with nothing that links it to the decision",
        path: 'recommendations[0].response',
        recommendation: '5',
        action: null,
        severity: 'warn',
      },
    ],
  },
]);
