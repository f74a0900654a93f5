import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { dueHorizon } from '../../src/rules/due-horizon.js';
import { action, due, plan, rec } from '../helpers/plan.js';
import { ruleCases } from './cases.js';

// plan() is submitted on 30 May 2019: 24 months on is May 2021.
const dated = (...dues: Array<[string, string]>) =>
  plan({ recommendations: [rec({ number: '6', actions: dues.map(([raw, date]) => action({ due: due(raw, date) })) })] });

ruleCases(dueHorizon, [
  { name: 'exactly 24 months on passes', doc: dated(['May 2021', '2021-05'], ['31st May 2021', '2021-05-31']), expected: [] },
  {
    name: 'silent when the submission date is unknown',
    doc: plan({ plan: { submitted: null }, recommendations: [rec({ actions: [action({ due: due('2030', '2030-01') })] })] }),
    expected: [],
  },
  {
    name: 'beyond the default horizon, completed or not',
    doc: plan({
      recommendations: [
        rec({
          number: '6',
          actions: [
            action(),
            action({ due: due('1st June 2021', '2021-06-01') }),
            action({ due: due('Complete by March 2023', '2023-03', 'complete') }),
          ],
        }),
      ],
    }),
    expected: [
      {
        message: "Action 2 of recommendation 6 is due '1st June 2021', 25 months after the plan was submitted (May 2019): expected at most 24",
        path: 'recommendations[0].actions[1].due',
        recommendation: '6',
        action: 2,
      },
      {
        message:
          "Action 3 of recommendation 6 is due 'Complete by March 2023', 46 months after the plan was submitted (May 2019): expected at most 24",
        path: 'recommendations[0].actions[2].due',
        recommendation: '6',
        action: 3,
      },
    ],
  },
  { name: 'a longer configured horizon', doc: dated(['March 2022', '2022-03']), options: { maxMonths: 36 }, expected: [] },
  {
    name: 'a shorter configured horizon',
    doc: dated(['May 2020', '2020-05'], ['June 2020', '2020-06']),
    options: { maxMonths: 12 },
    expected: [
      {
        message: "Action 2 of recommendation 6 is due 'June 2020', 13 months after the plan was submitted (May 2019): expected at most 12",
        path: 'recommendations[0].actions[1].due',
        recommendation: '6',
        action: 2,
      },
    ],
  },
]);

describe('due-horizon options', () => {
  it('default maxMonths to 24', () => {
    expect(dueHorizon.options?.schema(z).parse({})).toEqual({ maxMonths: 24 });
    expect(dueHorizon.options?.schema(z).parse({ maxMonths: 1 })).toEqual({ maxMonths: 1 });
  });

  it.each([[{ maxMonths: 0 }], [{ maxMonths: -3 }], [{ maxMonths: 1.5 }], [{ maxMonths: '24' }], [{ maxMonth: 24 }]])(
    'reject %j',
    (bad) => {
      const result = dueHorizon.options?.schema(z).safeParse(bad);
      expect(result?.success).toBe(false);
    },
  );
});
