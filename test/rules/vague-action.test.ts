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
      words: ['explore', 'consider', 'seek to', 'endeavour', 'look at', 'aim to', 'look into', 'where possible', 'investigate options'],
    });
    expect(DEFAULT_VAGUE_WORDS).toHaveLength(9);
  });

  it.each([[{ words: 'explore' }], [{ words: [''] }], [{ words: [3] }], [{ word: ['explore'] }]])('reject %j', (bad) => {
    expect(vagueAction.options?.schema(z).safeParse(bad).success).toBe(false);
  });
});
