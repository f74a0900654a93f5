import { describe, expect, it } from 'vitest';
import { compareNatural } from '../../src/util/natural-order.js';

const sorted = (items: string[]): string[] => [...items].sort(compareNatural);

describe('compareNatural', () => {
  it('puts runs of digits in order of their value', () => {
    expect(sorted(['recommendations[10]', 'recommendations[2]', 'recommendations[1].actions[11]', 'recommendations[1].actions[3]', 'recommendations[1]'])).toEqual([
      'recommendations[1]',
      'recommendations[1].actions[3]',
      'recommendations[1].actions[11]',
      'recommendations[2]',
      'recommendations[10]',
    ]);
  });

  it('orders rule ids as collation would: a hyphen before a letter, a shorter id before a longer one it begins', () => {
    expect(sorted(['actions-present', 'action-owner', 'action-due', 'action'])).toEqual(['action', 'action-due', 'action-owner', 'actions-present']);
  });

  it('gives the order of Intl.Collator with numeric collation on the paths and ids plancheck sorts', () => {
    const items = ['diagnostics[3]', 'diagnostics[12]', 'recommendations[0].text', 'recommendations[0].actions[0].due', 'recommendations[0].actions[0].owner', 'recommendations[0].agreement', 'metadata.title', 'plan-metadata', 'read-complete', 'due-horizon'];
    const collator = new Intl.Collator('en', { numeric: true });
    expect(sorted(items)).toEqual([...items].sort(collator.compare));
  });

  it('is zero only for equal strings, and leading zeros come after the plain number', () => {
    expect(compareNatural('a[2]', 'a[2]')).toBe(0);
    expect(sorted(['x02', 'x2', 'x1'])).toEqual(['x1', 'x2', 'x02']);
  });
});
