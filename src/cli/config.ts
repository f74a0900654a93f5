import { stat } from 'node:fs/promises';
import path from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import type { RuleLevel } from '../model/result.js';
import type { AnyRule } from '../rules/types.js';
import { ConfigError } from './errors.js';
import { displayPath } from './inputs.js';
import { readSideFile } from './load.js';

/** The names a config file may have, looked for in this order in each directory. */
export const CONFIG_NAMES: readonly string[] = ['.plancheck.yaml', '.plancheck.yml'];

/** One rule's entry in a config file, its options already checked and defaulted by the rule's schema. */
export interface ConfiguredRule {
  level: RuleLevel;
  options: unknown;
}

/** A validated config file: where it was and what it sets. */
export interface Config {
  /** The file as shown to users, or null when there is none. */
  file: string | null;
  /** Its absolute path, so that no output is written over it; null when there is none. */
  abs: string | null;
  rules: Map<string, ConfiguredRule>;
}

/** The levels a rule can be set to, in config and in `--rule`. */
export const LEVELS: readonly RuleLevel[] = ['off', 'warn', 'error'];

/** zod, loaded only when there is a config file to check: it costs about 60 ms of start-up. */
type Zod = typeof z;

/** The shape of a config file: `rules:` maps rule ids to a level, or to `[level]` or `[level, { options }]`. */
/** One rule's entry as written: a level, or a level and its options. */
type ConfigEntry = RuleLevel | [RuleLevel] | [RuleLevel, Record<string, unknown>];

function configSchema(z: Zod) {
  const level = z.enum(['off', 'warn', 'error']);
  const entry = z.union([level, z.tuple([level]), z.tuple([level, z.record(z.string(), z.unknown())])]);
  return z.strictObject({ rules: z.record(z.string(), entry).nullable().optional() });
}

/** The nearest `.plancheck.yaml` or `.plancheck.yml`, walking up from `dir` to the root; null when none. */
export async function findConfig(dir: string): Promise<string | null> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(current, name);
      if (await stat(candidate).then((s) => s.isFile(), () => false)) return candidate;
    }
    if (path.dirname(current) === current) return null;
  }
}

/** Load the config given with `-c`, else the one found from `cwd`; throws ConfigError naming what is wrong. */
export async function loadConfig(opts: { explicit: string | undefined; cwd: string; rules: readonly AnyRule[] }): Promise<Config> {
  const abs = opts.explicit !== undefined ? path.resolve(opts.cwd, opts.explicit) : await findConfig(opts.cwd);
  if (abs === null) return { file: null, abs: null, rules: new Map() };
  const file = displayPath(abs, opts.cwd);
  const read = await readSideFile(abs);
  if ('reason' in read) throw new ConfigError(file, read.reason);
  // TextDecoder drops a leading byte-order mark, as editors on Windows write one.
  return { file, abs, rules: await parseConfig(new TextDecoder().decode(read.bytes), file, opts.rules) };
}

/** Validate config text against the known rules and their option schemas. */
export async function parseConfig(text: string, file: string, rules: readonly AnyRule[]): Promise<Map<string, ConfiguredRule>> {
  // yaml and zod cost ~25 and ~60 ms to load: only runs that have a config file pay for them.
  const [{ parseDocument }, { z }] = await Promise.all([import('yaml'), import('zod')]);
  const doc = parseDocument(text);
  const yamlError = doc.errors[0];
  if (yamlError) throw new ConfigError(file, `invalid YAML: ${yamlError.message.split('\n')[0] ?? ''}`);
  let raw: unknown;
  try {
    // toJS expands aliases, and refuses (throws) when they would multiply past yaml's maxAliasCount.
    raw = doc.toJS() ?? {};
  } catch (err) {
    throw new ConfigError(file, `invalid YAML: ${(err instanceof Error ? err.message : String(err)).split('\n')[0] ?? ''}`);
  }
  const parsed = configSchema(z).safeParse(raw);
  if (!parsed.success) throw new ConfigError(file, structureProblem(raw, parsed.error.issues[0]));
  const byId = new Map(rules.map((r) => [r.id, r]));
  const out = new Map<string, ConfiguredRule>();
  // The mapping as written, not zod's copy: copying assigns each key, and assigning "__proto__" sets the
  // prototype instead of adding a key, so that a rule or option of that name would vanish without a word.
  const written = (raw as { rules?: Record<string, ConfigEntry> | null }).rules ?? {};
  for (const [id, entry] of Object.entries(written)) {
    const rule = byId.get(id);
    if (!rule) throw new ConfigError(file, unknownRule(id, rules, `rules.${id}`));
    const [level, options] = typeof entry === 'string' ? [entry, undefined] : entry;
    out.set(id, { level, options: ruleOptions(rule, options, file, z) });
  }
  return out;
}

/** A rule's options checked by its own schema, with its defaults applied; absent options mean `{}`. */
function ruleOptions(rule: AnyRule, given: Record<string, unknown> | undefined, file: string, z: Zod): unknown {
  if (!rule.options) {
    if (given !== undefined && Object.keys(given).length > 0) {
      throw new ConfigError(file, `rules.${rule.id}: this rule takes no options, got ${Object.keys(given).map((k) => `"${k}"`).join(', ')}`);
    }
    return {};
  }
  const result = rule.options.schema(z).safeParse(given ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    throw new ConfigError(file, `rules.${rule.id}: unknown option ${issue.keys.map((k) => `"${k}"`).join(', ')}`);
  }
  const option = issue && issue.path.length > 0 ? `option "${issue.path.map(String).join('.')}"` : 'options';
  throw new ConfigError(file, `rules.${rule.id}: ${option}: ${issue?.message ?? 'invalid'}`);
}

/** "unknown rule" with the nearest rule id offered when it is a likely typo. */
export function unknownRule(id: string, rules: readonly AnyRule[], where: string): string {
  const ids = rules.map((r) => r.id);
  const near = ids.length > 0 ? closest(id, ids) : undefined;
  const hint = near !== undefined && distance(id, near) <= 3 ? `did you mean "${near}"?` : 'run "plancheck rules" to list them';
  return `${where}: unknown rule "${id}"; ${hint}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value) ?? String(value);
}

function structureProblem(raw: unknown, issue: z.core.$ZodIssue | undefined): string {
  const at = issue?.path ?? [];
  if (issue?.code === 'unrecognized_keys' && at.length === 0) {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return `unknown top-level key ${keys}: the only key allowed is "rules"`;
  }
  if (at.length === 0) return `expected a mapping with a "rules" key, got ${describe(raw)}`;
  const rules = (raw as { rules?: unknown }).rules;
  if (at.length === 1) return `"rules" must be a mapping from rule id to level, got ${describe(rules)}`;
  const id = String(at[1]);
  const value = (rules as Record<string, unknown>)[id];
  return `rules.${id}: expected off, warn or error, or [level, { options }], got ${describe(value)}`;
}
