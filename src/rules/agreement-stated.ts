import type { Rule } from './types.js';
import { quote, recLabel } from './utils/names.js';

/** The marking decides what the response owes: actions, a reason for the part not agreed, or reasons for refusing. */
export const agreementStated: Rule = {
  id: 'agreement-stated',
  description: 'each recommendation is marked Agreed, Partly Agreed or Not Agreed',
  defaultSeverity: 'error',
  check(doc, ctx) {
    doc.recommendations.forEach((rec, i) => {
      if (rec.agreement !== null) return;
      const raw = rec.agreementRaw?.trim() ?? '';
      const message =
        raw === ''
          ? `${recLabel(rec, i)} is not marked Agreed, Partly Agreed or Not Agreed`
          : `${recLabel(rec, i)} is marked ${quote(raw)}, which is not Agreed, Partly Agreed or Not Agreed`;
      ctx.found({ message, path: ['recommendations', i, 'agreement'] });
    });
  },
};
