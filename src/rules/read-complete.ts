import type { Rule } from './types.js';
import { quote } from './utils/names.js';

/** The words a `text-lost` diagnostic names, as the reader recorded them in its data. */
function lostWords(data: Record<string, unknown> | undefined): string[] {
  const words = data?.['words'];
  return Array.isArray(words) ? words.filter((w): w is string => typeof w === 'string') : [];
}

/** Every word of the plan's table was read into the model: a plan is never passed on a partial reading. */
export const readComplete: Rule = {
  id: 'read-complete',
  description: 'every word of the plan table was read into the model; none was dropped unread',
  defaultSeverity: 'error',
  check(doc, ctx) {
    doc.diagnostics.forEach((diag, i) => {
      if (diag.code !== 'text-lost') return;
      const words = lostWords(diag.data);
      const page = typeof diag.data?.['page'] === 'number' ? `Page ${diag.data['page']}` : 'The table';
      const count = words.length === 1 ? 'a word of the table was' : `${words.length} words of the table were`;
      ctx.found({
        message: `${page}: ${count} not read into any recommendation, action, owner or date (${quote(words.join(' '))}); check the plan by hand`,
        path: ['diagnostics', i],
      });
    });
  },
};
