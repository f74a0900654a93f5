import { isRepair } from '../model/diagnostic-data.js';
import type { PlanDocument } from '../model/plan.js';
import type { ReadingNote } from '../model/result.js';
import { recIndexOf } from './utils/diagnostics.js';
import { position } from './engine.js';

/**
 * The reader's repairs to one plan as reading notes, in document order: its diagnostics but those that a rule
 * turns into a finding (see PROBLEM_CODES), each with the rec number it concerns.
 */
export function readingNotes(doc: PlanDocument): ReadingNote[] {
  const notes = doc.diagnostics.filter(isRepair).map((d): ReadingNote => {
    const index = recIndexOf(d.path);
    const recommendation = index === null ? null : (doc.recommendations[index]?.number ?? null);
    return { code: d.code ?? null, message: d.message, recommendation, location: { ...d.location } };
  });
  // A stable sort: notes at the same place keep the order the reader made them in.
  return notes.sort((a, b) => position(a.location) - position(b.location));
}
