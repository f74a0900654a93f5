import type { RuleLevel } from '../model/result.js';
import type { AnyRule } from './types.js';

/**
 * A rule's level and options: what a config entry sets and what the engine runs the rule with. The options have
 * been checked and defaulted by the rule's schema; in an `overrides:` entry, options left undefined keep the ones
 * set before it.
 */
export interface RuleSetting {
  level: RuleLevel;
  options: unknown;
}

/** What a rule runs with when nothing configures it: its default severity and its default options. */
export function defaultSetting(rule: AnyRule): RuleSetting {
  return { level: rule.defaultSeverity, options: rule.options?.defaults ?? {} };
}
