import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules/index.js';

/** The README's rule table, in its order, then read-complete, without report-coverage (which its own module adds last). */
const SPEC_IDS = [
  'agreement-stated',
  'recommendation-text',
  'actions-present',
  'action-owner',
  'action-due',
  'owner-due-alignment',
  'partly-agreed-reason',
  'not-agreed-reason',
  'due-time-bound',
  'due-before-submission',
  'due-horizon',
  'numbering',
  'plan-metadata',
  'vague-action',
  'read-complete',
];
const WARN = new Set(['owner-due-alignment', 'due-time-bound', 'due-before-submission', 'due-horizon', 'numbering', 'plan-metadata', 'vague-action']);

describe('rules/index', () => {
  it("lists the 15 rules in the README's order, with report-coverage, if present, last", () => {
    const ids = rules.map((r) => r.id);
    expect(ids.filter((id) => id !== 'report-coverage')).toEqual(SPEC_IDS);
    if (ids.includes('report-coverage')) expect(ids.at(-1)).toBe('report-coverage');
  });

  it("gives each rule the README's default severity (read-complete: error)", () => {
    for (const rule of rules.filter((r) => r.id !== 'report-coverage')) {
      expect([rule.id, rule.defaultSeverity]).toEqual([rule.id, WARN.has(rule.id) ? 'warn' : 'error']);
    }
  });

  it('gives every rule a one-line description, and options whose schema defaults to exactly their stated defaults', () => {
    const withOptions = [];
    for (const rule of rules) {
      expect(rule.description).toMatch(/^[^\n]{10,}$/);
      if (!rule.options) continue;
      withOptions.push(rule.id);
      // The engine runs with `defaults` unless a config gives options; the schema must agree with it.
      expect([rule.id, rule.options.schema(z).parse({})]).toEqual([rule.id, rule.options.defaults]);
    }
    expect(withOptions.sort()).toEqual(['due-horizon', 'not-agreed-reason', 'partly-agreed-reason', 'report-coverage', 'vague-action']);
  });
});
