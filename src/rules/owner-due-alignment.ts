import type { Diagnostic } from '../model/plan.js';
import type { Rule } from './types.js';
import { diagnosticText, recIndexOf, recLabel } from './util.js';

/** The two kinds of pairing the readers report, and what each pairs with the actions. */
const KINDS = [
  { code: 'owner-count', noun: 'owners', count: /(\d+)\s+(?:responsible\s+)?owners?\b/i },
  { code: 'due-count', noun: 'target dates', count: /(\d+)\s+(?:target\s+)?dates?\b/i },
] as const;
const ACTIONS = /(\d+)\s+actions?\b/i;

function describe(diag: Diagnostic, noun: string, count: RegExp): string {
  const given = count.exec(diag.message)?.[1];
  const actions = ACTIONS.exec(diag.message)?.[1];
  if (given !== undefined && actions !== undefined) {
    const plural = (n: string, word: string): string => `${n} ${n === '1' ? word.replace(/s$/, '') : word}`;
    const counts = `lists ${plural(given, noun)} for ${plural(actions, 'actions')}`;
    // The reader applies a lone owner or date to every action of its row; say so, since it may be a guess.
    if (given === '1' && /applied to each/i.test(diag.message)) return `${counts}; the one given was applied to each`;
    return `${counts}; they could not be paired one to one`;
  }
  return `has ${noun} that could not be paired one to one with its actions (${diagnosticText(diag.message)})`;
}

/** Owners or dates that the reader could not pair one to one with the actions of a row. */
export const ownerDueAlignment: Rule = {
  id: 'owner-due-alignment',
  description: 'owners or dates cannot be paired one to one with the actions of a row',
  defaultSeverity: 'warn',
  check(doc, ctx) {
    for (const diag of doc.diagnostics) {
      const kind = KINDS.find((k) => k.code === diag.code);
      if (!kind) continue;
      const index = recIndexOf(diag.path);
      const subject = index === null ? 'A row' : recLabel(doc.recommendations[index], index);
      ctx.report({ message: `${subject} ${describe(diag, kind.noun, kind.count)}`, path: diag.path ?? '' });
    }
  },
};
