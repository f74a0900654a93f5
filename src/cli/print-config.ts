import path from 'node:path';
import { printable } from '../format/common/printable.js';
import type { RuleSetting } from '../rules/settings.js';
import type { AnyRule } from '../rules/types.js';
import type { Config } from './config.js';
import { displayPath } from './inputs.js';
import type { CliIo } from './io.js';
import { configLookup } from './select.js';
import { buildSettings, type RuleFlag } from './settings.js';

/** What `plancheck rules --print-config PLAN` shows: the config file that applies and every rule's setting. */
export interface PrintedConfig {
  /** The plan file asked about, as given. */
  file: string;
  /** The config file that applies to it, or null when none does. */
  config: string | null;
  rules: Record<string, RuleSetting>;
}

/** The settings in force for one plan, in registry order. */
export function printedConfig(file: string, config: Config, settings: ReadonlyMap<string, RuleSetting>): PrintedConfig {
  return { file, config: config.file, rules: Object.fromEntries(settings) };
}

/** As an aligned table: rule, level, options as JSON (`-` for a rule without options). */
export function printedConfigTable(p: PrintedConfig): string {
  const rows = [['RULE', 'LEVEL', 'OPTIONS'], ...Object.entries(p.rules).map(([id, s]) => [id, s.level, optionsText(s.options)])];
  const w0 = Math.max(...rows.map((r) => r[0]!.length));
  const w1 = Math.max(...rows.map((r) => r[1]!.length));
  const head = printable(`${p.file}: ${p.config === null ? 'no config file, every rule at its default' : `config ${p.config}`}`) + '\n';
  return head + rows.map(([id, level, options]) => `${id!.padEnd(w0)}  ${level!.padEnd(w1)}  ${options}`.trimEnd() + '\n').join('');
}

function optionsText(options: unknown): string {
  if (options === undefined || options === null) return '-';
  if (typeof options === 'object' && Object.keys(options).length === 0) return '-';
  return JSON.stringify(options);
}

/**
 * `plancheck rules --print-config PLAN`: the config that `validate PLAN` would use (its nearest, or `-c`), its
 * overrides for that file and the `--rule` flags applied, as validate applies them. With `-c` alone, what that
 * config gives a plan matching none of its overrides.
 */
export async function printConfig(opts: { plan?: string; config?: string; ruleFlags: readonly RuleFlag[] }, io: CliIo, rules: readonly AnyRule[]): Promise<PrintedConfig> {
  const lookup = configLookup({ cwd: io.cwd, config: opts.config, rules });
  const abs = path.resolve(io.cwd, opts.plan ?? '.');
  const config = await lookup(opts.plan === undefined ? { kind: 'stdin', path: '-' } : { kind: 'file', path: displayPath(abs, io.cwd), abs });
  const settings = buildSettings(rules, config, opts.ruleFlags, opts.plan === undefined ? undefined : abs);
  return printedConfig(opts.plan ?? '(any plan)', config, settings);
}
