import { dueBeforeSubmission } from '../../src/rules/due-before-submission.js';
import { action, due, plan, rec, recs } from '../helpers/plan.js';
import { ruleCases } from './cases.js';

// plan() is submitted on 30 May 2019.
ruleCases(dueBeforeSubmission, [
  {
    name: 'the submission month, later months, completed work and undated targets pass',
    doc: plan({
      recommendations: [
        rec({
          actions: [
            action({ due: due('1st May 2019', '2019-05-01') }),
            action({ due: due('June 2019', '2019-06') }),
            action({ due: due('Completed March 2019', '2019-03', 'complete') }),
            action({ due: due('Ongoing', null, 'ongoing') }),
            action({ due: null }),
          ],
        }),
      ],
    }),
    expected: [],
  },
  {
    name: 'silent when the submission date is unknown',
    doc: plan({ plan: { submitted: null }, recommendations: [rec({ actions: [action({ due: due('January 2018', '2018-01') })] })] }),
    expected: [],
  },
  {
    name: 'dates before the submission month that are not complete',
    doc: plan({
      recommendations: recs(2, {
        1: {
          actions: [
            action({ due: due('March 2019', '2019-03') }),
            action({ due: due('Ongoing since December 2018', '2018-12', 'ongoing') }),
          ],
        },
      }),
    }),
    expected: [
      {
        message: "Action 1 of recommendation 2 is due 'March 2019', before the plan was submitted (May 2019), and is not marked complete",
        path: 'recommendations[1].actions[0].due',
        recommendation: '2',
        action: 1,
      },
      {
        message:
          "Action 2 of recommendation 2 is due 'Ongoing since December 2018', before the plan was submitted (May 2019), and is not marked complete",
        path: 'recommendations[1].actions[1].due',
        recommendation: '2',
        action: 2,
      },
    ],
  },
  {
    name: 'a date that says when work began is not a missed target',
    doc: plan({
      plan: { title: 'T', inspection: 'I', submitted: '2023-05-10', reportPublished: null },
      recommendations: [
        rec({ actions: [action({ due: due('From April 2023', '2023-04') }), action({ due: due('Commenced March 2023', '2023-03') }), action({ due: due('April 2023', '2023-04') })] }),
      ],
    }),
    expected: [
      {
        message: "Action 3 of recommendation 1 is due 'April 2023', before the plan was submitted (May 2023), and is not marked complete",
        path: 'recommendations[0].actions[2].due',
        recommendation: '1',
        action: 3,
      },
    ],
  },
]);
