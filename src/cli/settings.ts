import type { RuleLevel } from '../model/result.js';
import { defaultOptions, type RuleSetting } from '../rules/engine.js';
import type { AnyRule } from '../rules/types.js';
import { LEVELS, unknownRule, type Config } from './config.js';
import { CliError } from './errors.js';

/** A `--rule ID=LEVEL` flag, split but not yet checked against the known rules. */
export interface RuleFlag {
  id: string;
  level: RuleLevel;
}

/** Parse one `--rule` value; commander calls it once per flag, collecting them in order. */
export function parseRuleFlag(value: string, previous: RuleFlag[] = []): RuleFlag[] {
  const eq = value.indexOf('=');
  const id = eq < 0 ? value : value.slice(0, eq).trim();
  const level = LEVELS.find((l) => eq >= 0 && l === value.slice(eq + 1).trim());
  if (id === '' || level === undefined) throw new CliError(`--rule ${value}: expected ID=off, ID=warn or ID=error`);
  return [...previous, { id, level }];
}

/**
 * The engine's settings for every rule: its default severity, overridden by the config file, overridden in
 * turn by `--rule` flags (which change the level and keep the configured options).
 */
export function buildSettings(rules: readonly AnyRule[], config: Config, flags: readonly RuleFlag[]): Map<string, RuleSetting> {
  const known = new Set(rules.map((r) => r.id));
  for (const flag of flags) {
    if (!known.has(flag.id)) throw new CliError(unknownRule(flag.id, rules, `--rule ${flag.id}=${flag.level}`));
  }
  const settings = new Map<string, RuleSetting>();
  for (const rule of rules) {
    const configured = config.rules.get(rule.id);
    const flagged = flags.filter((f) => f.id === rule.id).at(-1);
    settings.set(rule.id, {
      level: flagged?.level ?? configured?.level ?? rule.defaultSeverity,
      options: configured ? configured.options : defaultOptions(rule),
    });
  }
  return settings;
}
