import type { Rule } from './types.js';

/** The header fields this rule requires, and the template line each comes from. */
const FIELDS = [
  { key: 'submitted', what: 'submission date', line: 'Action Plan Submitted: <date>' },
  { key: 'reportPublished', what: 'report-published date', line: 'Report Published: <date>' },
] as const;

/**
 * The dates show whether the plan was timely, and the due-date rules measure target dates against the submission
 * date.
 */
export const planMetadata: Rule = {
  id: 'plan-metadata',
  description: 'submission date and report-published date are present and readable',
  defaultSeverity: 'warn',
  check(doc, ctx) {
    for (const field of FIELDS) {
      if (doc.plan[field.key] !== null) continue;
      ctx.found({
        message: `The plan's ${field.what} is missing or unreadable: expected a line '${field.line}' with a full date`,
        path: ['plan', field.key],
      });
    }
  },
};
