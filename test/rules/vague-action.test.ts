import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VAGUE_WORDS, vagueAction } from '../../src/rules/vague-action.js';
import { action, plan, rec } from '../helpers/plan.js';
import { ruleCases, type Expected } from './cases.js';

const actions = (...texts: string[]) => plan({ recommendations: [rec({ number: '5', actions: texts.map((text) => action({ text })) })] });
const vague = (actionIndex: number, words: string): Expected => ({
  message: `Action ${actionIndex + 1} of recommendation 5 rests on '${words}' with nothing measurable`,
  path: `recommendations[0].actions[${actionIndex}].text`,
  recommendation: '5',
  action: actionIndex + 1,
});

ruleCases(vagueAction, [
  { name: 'firm wording passes', doc: actions('Deliver briefings to all practitioners on the new guidance'), expected: [] },
  {
    name: 'vague wording with something measurable passes',
    doc: actions(
      'Explore options with the provider and report to the Board by June 2019',
      'Consider a quarterly audit of cases',
      'Aim to reach 80% of staff',
      'Seek to recruit four more staff',
      'Look at performance against the national target',
      'Look into contact levels each month',
    ),
    expected: [],
  },
  {
    name: 'vague wording with nothing measurable, quoted as written',
    doc: actions(
      'Explore the use of peer mentors',
      'Looking at the way business communications are currently shared',
      'The CRC endeavours to improve supervision',
      'Managers considered the case for change',
      'Seek to restore face-to-face contact after COVID-19 restrictions',
      'Consider whether staff may need training',
    ),
    expected: [
      vague(0, 'Explore'),
      vague(1, 'Looking at'),
      vague(2, 'endeavours'),
      vague(3, 'considered'),
      vague(4, 'Seek to'),
      vague(5, 'Consider'),
    ],
  },
  {
    name: 'the wording first in the text is quoted, whatever the order of the list',
    doc: actions('Where possible, look at options for shared training'),
    expected: [vague(0, 'Where possible')],
  },
  {
    name: 'the phrases added after measuring the corpus',
    doc: actions(
      'Consideration will be given to a drop-in clinic',
      'The PDU will work towards a trauma-informed approach',
      'The PDU hopes to open a second office',
      'Where appropriate, involve families in sentence planning',
      'We will look to strengthen links with children’s services',
      'As far as possible, keep the same practitioner',
    ),
    expected: [
      vague(0, 'Consideration'),
      vague(1, 'work towards'),
      vague(2, 'hopes to'),
      vague(3, 'Where appropriate'),
      vague(4, 'look to'),
      vague(5, 'As far as possible'),
    ],
  },
  {
    name: 'a routine kept on each occasion, or a benchmark, is something to measure',
    doc: actions(
      'Practitioners will consider the victim’s safety in every home visit',
      'Practitioners will explore motivation with the person at induction',
      'Managers will consider the plan when countersigning assessments',
      'Address caseload inequalities where possible, using the caseload tool to benchmark',
      'The Head of PDU will consider all complaints personally',
    ),
    expected: [],
  },
  {
    name: '"in all cases" is no routine of its own',
    doc: actions('In all cases electronic methods of communication will be specifically considered'),
    expected: [vague(0, 'considered')],
  },
  { name: 'whole words only', doc: actions('Appoint an explorer to the reconsidered panel'), expected: [] },
  {
    name: 'a configured word list replaces the default',
    doc: actions('Explore the use of peer mentors', 'Reviewing the process for allocation', 'Review the process by the end of Q3'),
    options: { words: ['review'] },
    expected: [vague(1, 'Reviewing')],
  },
]);

describe('vague-action options', () => {
  it('default to the documented word list', () => {
    expect(vagueAction.options?.schema(z).parse({})).toEqual({
      words: [
        'explore', 'consider', 'seek to', 'endeavour', 'look at', 'aim to', 'look into', 'where possible', 'investigate options',
        'consideration', 'work towards', 'look to', 'look for opportunities', 'seek opportunities', 'try to', 'hope to',
        'where appropriate', 'as far as possible',
      ],
    });
    expect(DEFAULT_VAGUE_WORDS).toHaveLength(18);
  });

  it.each([[{ words: 'explore' }], [{ words: [''] }], [{ words: [3] }], [{ word: ['explore'] }]])('reject %j', (bad) => {
    expect(vagueAction.options?.schema(z).safeParse(bad).success).toBe(false);
  });
});
