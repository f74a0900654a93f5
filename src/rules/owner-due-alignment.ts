import { isPairingData } from '../model/diagnostic-data.js';
import { plural } from '../util/plural.js';
import type { Rule } from './types.js';
import { recIndexOf } from './utils/diagnostics.js';
import { recLabel } from './utils/names.js';

/** The two kinds of pairing the readers report, and what each pairs with the actions. */
const KINDS = [
  { code: 'owner-count', noun: 'owner' },
  { code: 'due-count', noun: 'target date' },
] as const;

/**
 * When owners or dates are fewer than actions the plan does not say whose each action is, and plancheck had to
 * guess: it says so rather than check a guess in silence.
 */
export const ownerDueAlignment: Rule = {
  id: 'owner-due-alignment',
  description: 'owners or dates cannot be paired one to one with the actions of a row',
  defaultSeverity: 'warn',
  check(doc, ctx) {
    for (const diag of doc.diagnostics) {
      const kind = KINDS.find((k) => k.code === diag.code);
      if (!kind || !isPairingData(diag.data)) continue;
      const index = recIndexOf(diag.path);
      const subject = index === null ? 'A row' : recLabel(doc.recommendations[index], index);
      const { given, actions, pairing } = diag.data;
      const counts = `lists ${plural(given, kind.noun)} for ${plural(actions, 'action')}`;
      // The reader applies a lone owner or date to every action of its row; say so, since it may be a guess.
      const how = pairing === 'shared' ? 'the one given was applied to each' : 'they could not be paired one to one';
      ctx.found({ message: `${subject} ${counts}; ${how}`, path: diag.path ?? '' });
    }
  },
};
