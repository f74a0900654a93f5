import type { Rule } from './types.js';
import { recLabel } from './utils/names.js';

/**
 * Without the recommendation's words nobody can see what was agreed or refused, and an empty cell is the usual
 * sign of a row cut at a page break.
 */
export const recommendationText: Rule = {
  id: 'recommendation-text',
  description: 'each recommendation has its text',
  defaultSeverity: 'error',
  check(doc, ctx) {
    doc.recommendations.forEach((rec, i) => {
      if (rec.text.trim() !== '') return;
      ctx.found({
        message: `${recLabel(rec, i)} has no text: the Recommendation column should give the recommendation as the report worded it`,
        path: ['recommendations', i, 'text'],
      });
    });
  },
};
