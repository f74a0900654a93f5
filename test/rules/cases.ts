import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../src/model/plan.js';
import type { Severity } from '../../src/model/result.js';
import { runRules } from '../../src/rules/engine.js';
import type { RuleSetting } from '../../src/rules/settings.js';
import type { AnyRule } from '../../src/rules/types.js';

/** The parts of a finding a rule decides: the engine's own fields (severity, location) are checked separately. */
export interface Expected {
  message: string;
  path: string;
  recommendation: string | null;
  action: number | null;
  /** Given only when a finding asks for a milder severity than the rule's default. */
  severity?: Severity;
}

/** One scenario of a rule's table: a plan, options as a config file would give them, and every finding expected. */
export interface Case {
  name: string;
  doc: PlanDocument;
  options?: unknown;
  expected: Expected[];
}

/** Run one rule through the real engine, with options validated by the rule's own schema. */
export function lint(rule: AnyRule, doc: PlanDocument, options?: unknown): ReturnType<typeof runRules> {
  const settings = new Map<string, RuleSetting>();
  if (options !== undefined) settings.set(rule.id, { level: rule.defaultSeverity, options: rule.options?.schema(z).parse(options) });
  return runRules(doc, new Map(), { rules: [rule], settings });
}

/** A describe block that runs every case of a rule's table and compares all of its findings. */
export function ruleCases(rule: AnyRule, cases: readonly Case[]): void {
  describe(rule.id, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const findings = lint(rule, c.doc, c.options);
      const seen = findings.map(({ message, path, recommendation, action, severity }) =>
        severity === rule.defaultSeverity ? { message, path, recommendation, action } : { message, path, recommendation, action, severity },
      );
      expect(seen).toEqual(c.expected);
      for (const f of findings) expect(f.ruleId).toBe(rule.id);
    });
  });
}
