import { describe, expect, it } from 'vitest';
import { classifyReasons } from '../../../src/rules/utils/lexicon/reasons.js';

describe('classifyReasons', () => {
  it('finds nothing in text without reason words', () => {
    expect(classifyReasons(['Partly agreed', 'This cannot be done in full.'])).toEqual([]);
  });

  it('reports implied categories in document order, quoting the phrase with its reason noun', () => {
    expect(classifyReasons(['Partly agreed', 'Information security requirements and financial constraint mean it is not viable.'])).toEqual([
      { category: 'policy', words: 'Information security requirements', stated: false },
      { category: 'affordability', words: 'financial constraint', stated: false },
    ]);
  });

  it('prefers the stated category name over an implied word for the same category', () => {
    expect(classifyReasons(['', 'The budget is not there, so this is unaffordable.'])).toEqual([
      { category: 'affordability', words: 'unaffordable', stated: true },
    ]);
  });

  it('reads the agreement cell before the response', () => {
    expect(classifyReasons(['Partly agreed - commissioning', 'This is not possible within current staffing.'])).toEqual([
      { category: 'commissioning', words: 'commissioning', stated: true },
      { category: 'operational', words: 'staffing', stated: false },
    ]);
  });

  it('matches whole words only: police, operations, fundamental and lawful are no reason', () => {
    expect(classifyReasons(['The police and operations teams are not fundamental to a lawful outcome.'])).toEqual([]);
  });

  it('knows each category’s own name', () => {
    const stated = classifyReasons(['Not possible for commissioning, policy, operational and affordability reasons.']);
    expect(stated.map((h) => [h.category, h.words, h.stated])).toEqual([
      ['commissioning', 'commissioning', true],
      ['policy', 'policy', true],
      ['operational', 'operational', true],
      ['affordability', 'affordability', true],
    ]);
  });
});
