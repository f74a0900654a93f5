import path from 'node:path';
import picomatch from 'picomatch';
import { RULE_LEVELS, type RuleLevel } from '../model/result.js';
import { defaultSetting, type RuleSetting } from '../rules/settings.js';
import type { AnyRule } from '../rules/types.js';
import { unknownRule, type Config, type ConfigOverride } from './config.js';
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
  const level = RULE_LEVELS.find((l) => eq >= 0 && l === value.slice(eq + 1).trim());
  if (id === '' || level === undefined) throw new CliError(`--rule ${value}: expected ID=off, ID=warn or ID=error`);
  return [...previous, { id, level }];
}

/**
 * The engine's settings for every rule: its default severity, overridden by the config file, then by each of
 * its `overrides:` whose globs match the plan file `abs` (later ones winning; an entry without options keeps
 * the options set before it), overridden in turn by `--rule` flags (which change the level and keep the
 * configured options).
 */
export function buildSettings(rules: readonly AnyRule[], config: Config, flags: readonly RuleFlag[], abs?: string): Map<string, RuleSetting> {
  const known = new Set(rules.map((r) => r.id));
  for (const flag of flags) {
    if (!known.has(flag.id)) throw new CliError(unknownRule(flag.id, rules, `--rule ${flag.id}=${flag.level}`));
  }
  const layers = [config.rules, ...matchingOverrides(config, abs).map((o) => o.rules)];
  const settings = new Map<string, RuleSetting>();
  for (const rule of rules) {
    let setting = defaultSetting(rule);
    for (const layer of layers) {
      const configured = layer.get(rule.id);
      if (configured) setting = { level: configured.level, options: configured.options === undefined ? setting.options : configured.options };
    }
    const flagged = flags.filter((f) => f.id === rule.id).at(-1);
    settings.set(rule.id, flagged ? { ...setting, level: flagged.level } : setting);
  }
  return settings;
}

/** The config's overrides whose `files` globs match the file, relative to the config's folder. */
function matchingOverrides(config: Config, abs: string | undefined): ConfigOverride[] {
  if (abs === undefined || config.overrides.length === 0) return [];
  const rel = path.relative(config.dir, abs).split(path.sep).join('/');
  if (rel.startsWith('../') || path.isAbsolute(rel)) return [];
  return config.overrides.filter((o) => picomatch(o.files, { dot: true })(rel));
}
