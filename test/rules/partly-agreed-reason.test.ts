import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { partlyAgreedReason } from '../../src/rules/partly-agreed-reason.js';
import { plan, rec, recs } from '../helpers/plan.js';
import { ruleCases } from './cases.js';

const NONE = 'no reason of the four kinds (commissioning, policy, operational, affordability) is given';
const partly = { agreement: 'partly-agreed', agreementRaw: 'Partly agreed' } as const;

/** Shortened from the Partly agreed row of seed 001 (DLNR CRC, rec 4). */
const DLNR =
  'While DLNR CRC recognises that improvements would be beneficial in this area, information security requirements and ' +
  'financial constraint mean this recommendation is not entirely viable. DLNR CRC will however endeavour to meet the ' +
  'principles of this recommendation by: Reviewing current systems for communicating with supervisors. Looking at the way ' +
  'employment communications e.g. shift changes or policy changes are currently shared. Reviewing the way operational ' +
  'communications are shared with unpaid work supervisors.';

ruleCases(partlyAgreedReason, [
  {
    name: 'only Partly Agreed rows are checked',
    doc: plan({ recommendations: recs(2, { 1: { agreement: 'not-agreed', agreementRaw: 'Not agreed', response: 'Not agreed.' } }) }),
    expected: [],
  },
  {
    name: 'a stated category passes',
    doc: plan({ recommendations: [rec({ ...partly, response: 'The remainder cannot be delivered for affordability reasons.' })] }),
    options: { requireExplicit: true },
    expected: [],
  },
  {
    name: 'a reason the lexicon recognises passes by default',
    doc: plan({ recommendations: [rec({ number: '4', ...partly, response: DLNR })] }),
    expected: [],
  },
  {
    name: 'with requireExplicit, implied reasons are reported with their words and categories',
    doc: plan({ recommendations: [rec({ number: '4', ...partly, response: DLNR })] }),
    options: { requireExplicit: true },
    expected: [
      {
        message:
          "Recommendation 4 is Partly Agreed: the reasons given ('information security requirements', 'financial constraint', linked by 'mean') " +
          'read as policy and affordability, but the response does not state the category',
        path: 'recommendations[0].response',
        recommendation: '4',
        action: null,
      },
    ],
  },
  {
    name: 'one implied reason, singular wording',
    doc: plan({
      recommendations: recs(2, { 1: { ...partly, response: 'Part of this cannot be delivered because of financial pressures.' } }),
    }),
    options: { requireExplicit: true },
    expected: [
      {
        message:
          "Recommendation 2 is Partly Agreed: the reason given ('financial pressures', linked by 'because of') reads as affordability, but the response does not state the category",
        path: 'recommendations[1].response',
        recommendation: '2',
        action: null,
      },
    ],
  },
  {
    name: 'a category in the agreement cell is stated',
    doc: plan({
      recommendations: [rec({ ...partly, agreementRaw: 'Partly agreed (commissioning)', response: 'Briefings will be given in June.' })],
    }),
    options: { requireExplicit: true },
    expected: [],
  },
  {
    name: 'words in the actions are not a reason',
    doc: plan({
      recommendations: recs(2, {
        1: { ...partly, response: 'Partly agreed. We will review the contract with the provider and update the policy by June 2019.' },
      }),
    }),
    expected: [{ message: `Recommendation 2 is Partly Agreed, but ${NONE}`, path: 'recommendations[1].response', recommendation: '2', action: null }],
  },
  ...[
    ['so', 'The probation estate in the county is full, so group work will run in partner premises.'],
    ['given', 'Given the national recruitment freeze, the second team will not be formed this year.'],
    ['as', 'Weekend reporting will not be introduced, as the offices are shared with agencies that close at weekends.'],
    ['no cue word: a fact put out of the PDU’s hands', 'Electronic monitoring is a national contract managed by HMPPS; the region will escalate faults.'],
    ['no cue word: "set by"', "The approach to recall is set by the Secretary of State's guidance, which the region follows."],
    ['a hypothetical', 'Extending the pilot to every team would cost £120,000 a year. The pilot will continue in two teams.'],
  ].map(([how, response]) => ({ name: `a reason linked by ${how} passes`, doc: plan({ recommendations: [rec({ ...partly, response })] }), expected: [] })),
  {
    name: 'a category word with nothing tying it to the decision is a warning that quotes it',
    doc: plan({ recommendations: recs(2, { 1: { ...partly, response: "Partly agreed. The PDU's policy lead has been made aware of the recommendation." } }) }),
    expected: [
      {
        message:
          "Recommendation 2 is Partly Agreed, but the reason is not tied to a category clearly: 'policy' in " +
          "'The PDU's policy lead has been made aware of the recommendation.', with nothing that links it to the decision",
        path: 'recommendations[1].response',
        recommendation: '2',
        action: null,
        severity: 'warn',
      },
    ],
  },
  {
    name: 'policy, contracts, funding and staff only in actions are no reason: an error',
    doc: plan({
      recommendations: [
        rec({
          ...partly,
          response: 'Agreed in part. The operational manager will review the contract, update the policy and bid for funding. Staffing will be reviewed by June.',
        }),
      ],
    }),
    expected: [{ message: `Recommendation 1 is Partly Agreed, but ${NONE}`, path: 'recommendations[0].response', recommendation: '1', action: null }],
  },
  {
    name: 'an empty response, and a row without a number',
    doc: plan({ recommendations: recs(3, { 2: { ...partly, number: null, response: '' } }) }),
    expected: [{ message: `Recommendation #3 is Partly Agreed, but ${NONE}`, path: 'recommendations[2].response', recommendation: null, action: null }],
  },
]);

describe('partly-agreed-reason options', () => {
  it('default to requireExplicit false and reject unknown or mistyped keys', () => {
    expect(partlyAgreedReason.options?.schema(z).parse({})).toEqual({ requireExplicit: false });
    expect(partlyAgreedReason.options?.schema(z).safeParse({ requireExplicit: 'yes' }).success).toBe(false);
    expect(partlyAgreedReason.options?.schema(z).safeParse({ requireExplicitly: true }).success).toBe(false);
  });
});
