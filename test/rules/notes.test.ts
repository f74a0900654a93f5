import { describe, expect, it } from 'vitest';
import { readingNotes } from '../../src/rules/notes.js';
import { plan, rec } from '../helpers/plan.js';

describe('readingNotes', () => {
  it('keeps the repairs, in document order, each with the rec number its path names, and leaves out the diagnostics that rules report', () => {
    const doc = plan({
      recommendations: [rec({ number: '1' }), rec({ number: '2' }), rec({ number: '3' })],
      diagnostics: [
        { code: 'owner-count', path: 'recommendations[2]', message: 'rec 3: 2 owners for 1 action: paired page by page as far as they go', location: { line: 40 } },
        { code: 'number-inferred', path: 'recommendations[1]', message: 'rec 2: number missing; 2 inferred from order', location: { line: 30 }, data: { inferred: '2', raw: null, cause: 'missing' } },
        { code: 'stray-cell', message: "line 12 holds only '1'; dropped as a page number or footer", location: { line: 12 } },
        { code: 'text-lost', message: "page 3: a word of the table not found in the model: 'x'", location: { page: 3 }, data: { page: 3, words: ['x'] } },
        { message: 'a diagnostic without a code', location: {} },
      ],
    });
    expect(readingNotes(doc)).toEqual([
      { code: null, message: 'a diagnostic without a code', recommendation: null, location: {} },
      { code: 'stray-cell', message: "line 12 holds only '1'; dropped as a page number or footer", recommendation: null, location: { line: 12 } },
      { code: 'number-inferred', message: 'rec 2: number missing; 2 inferred from order', recommendation: '2', location: { line: 30 } },
    ]);
  });

  it('has nothing to say of a plan read without repairs', () => {
    expect(readingNotes(plan({ recommendations: [rec({ number: '1' })], diagnostics: [] }))).toEqual([]);
  });
});
