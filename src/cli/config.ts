import { stat } from 'node:fs/promises';
import path from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import { RULE_LEVELS, type RuleLevel } from '../model/result.js';
import type { RuleSetting } from '../rules/settings.js';
import type { AnyRule } from '../rules/types.js';
import { ConfigError } from './errors.js';
import { displayPath } from './inputs.js';
import { readSideFile } from './load.js';

/** The names a config file may have, looked for in this order in each directory. */
export const CONFIG_NAMES: readonly string[] = ['.plancheck.yaml', '.plancheck.yml'];

/** A validated config file: where it was and what it sets. */
export interface Config {
  /** The file as shown to users, or null when there is none. */
  file: string | null;
  /** Its absolute path, so that no output is written over it; null when there is none. */
  abs: string | null;
  /** The folder the file's `ignores` and `overrides[].files` globs are relative to. */
  dir: string;
  rules: Map<string, RuleSetting>;
  /** `ignores:` globs: files found in folders or by globs that match are not read. */
  ignores: string[];
  /** `overrides:` in order, later ones winning: rule settings for the plan files their globs match. */
  overrides: ConfigOverride[];
}

/** One `overrides:` entry. */
export interface ConfigOverride {
  files: string[];
  rules: Map<string, RuleSetting>;
}

/** What a config file's text sets, checked. */
export type ConfigBody = Pick<Config, 'rules' | 'ignores' | 'overrides'>;

/** zod, loaded only when there is a config file to check: it costs about 60 ms of start-up. */
type Zod = typeof z;

/** One rule's entry as written: a level, or a level and its options. */
type ConfigEntry = RuleLevel | [RuleLevel] | [RuleLevel, Record<string, unknown>];

/** The shape of a config file: `rules:` maps rule ids to a level, or to `[level]` or `[level, { options }]`. */
function configSchema(z: Zod) {
  const level = z.enum(RULE_LEVELS);
  const entry = z.union([level, z.tuple([level]), z.tuple([level, z.record(z.string(), z.unknown())])]);
  const rules = z.record(z.string(), entry).nullable().optional();
  const globs = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
  return z.strictObject({
    rules,
    ignores: z.array(z.string().min(1)).nullable().optional(),
    overrides: z.array(z.strictObject({ files: globs, rules })).nullable().optional(),
  });
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
  if (abs === null) return noConfig(opts.cwd);
  return readConfigFile(abs, opts.cwd, opts.rules, opts.explicit !== undefined && path.isAbsolute(opts.explicit));
}

/** What applies when there is no config file: the rules' defaults. */
export function noConfig(dir: string): Config {
  return { file: null, abs: null, dir, rules: new Map(), ignores: [], overrides: [] };
}

/** Read and check one config file, shown relative to `cwd` (or absolute, when typed so with -c); throws ConfigError naming what is wrong. */
export async function readConfigFile(abs: string, cwd: string, rules: readonly AnyRule[], typedAbsolute = false): Promise<Config> {
  const file = typedAbsolute ? abs : displayPath(abs, cwd);
  const read = await readSideFile(abs);
  if ('reason' in read) throw new ConfigError(file, read.reason);
  // TextDecoder drops a leading byte-order mark, as editors on Windows write one.
  const text = new TextDecoder().decode(read.bytes);
  return { file, abs, dir: path.dirname(abs), ...(await parseConfigBody(text, file, rules)) };
}

/** Validate config text against the known rules and their option schemas; its `rules:` only. */
export async function parseConfig(text: string, file: string, rules: readonly AnyRule[]): Promise<Map<string, RuleSetting>> {
  return (await parseConfigBody(text, file, rules)).rules;
}

/** Validate config text: `rules`, `ignores` and `overrides`, each rule and its options checked. */
export async function parseConfigBody(text: string, file: string, rules: readonly AnyRule[]): Promise<ConfigBody> {
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
  const data = parsed.data;
  // The mappings as written, not zod's copies: copying assigns each key, and assigning "__proto__" sets the
  // prototype instead of adding a key, so that a rule or option of that name would vanish without a word.
  type Written = { rules?: Record<string, ConfigEntry> | null };
  const written = raw as Written & { overrides?: Written[] | null };
  return {
    rules: ruleEntries(written.rules ?? {}, 'rules', file, rules, z),
    ignores: data.ignores ?? [],
    overrides: (data.overrides ?? []).map((o, i) => ({
      files: typeof o.files === 'string' ? [o.files] : o.files,
      rules: ruleEntries(written.overrides?.[i]?.rules ?? {}, `overrides[${i}].rules`, file, rules, z),
    })),
  };
}

function ruleEntries(raw: Record<string, ConfigEntry>, where: string, file: string, rules: readonly AnyRule[], z: Zod): Map<string, RuleSetting> {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const out = new Map<string, RuleSetting>();
  for (const [id, entry] of Object.entries(raw)) {
    const rule = byId.get(id);
    if (!rule) throw new ConfigError(file, unknownRule(id, rules, `${where}.${id}`));
    const [level, options] = typeof entry === 'string' ? [entry, undefined] : entry;
    // Options left out keep the rule's configured ones in an override (as in ESLint), so they stay undefined here.
    out.set(id, { level, options: options === undefined && where !== 'rules' ? undefined : ruleOptions(rule, options, file, z) });
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
    return `unknown top-level key ${keys}: the keys allowed are "rules", "ignores" and "overrides"`;
  }
  if (at.length === 0) return `expected a mapping with a "rules" key, got ${describe(raw)}`;
  if (at[0] === 'ignores') return `"ignores" must be a list of globs`;
  if (at[0] === 'overrides') return overrideProblem(raw, at);
  const rules = (raw as { rules?: unknown }).rules;
  return rulesProblem('rules', rules, at.slice(1));
}

function rulesProblem(where: string, rules: unknown, at: readonly PropertyKey[]): string {
  if (at.length === 0) return `"${where}" must be a mapping from rule id to level, got ${describe(rules)}`;
  const id = String(at[0]);
  const value = (rules as Record<string, unknown>)[id];
  return `${where}.${id}: expected off, warn or error, or [level, { options }], got ${describe(value)}`;
}

function overrideProblem(raw: unknown, at: readonly PropertyKey[]): string {
  if (at.length === 1) return '"overrides" must be a list of { files, rules } mappings';
  const where = `overrides[${String(at[1])}]`;
  const entry = (raw as { overrides: unknown[] }).overrides[Number(at[1])] as Record<string, unknown> | null;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return `${where}: expected a mapping with "files" and "rules"`;
  // A misspelt key says more than the "files" it leaves missing, whichever zod met first.
  const unknown = Object.keys(entry).filter((k) => k !== 'files' && k !== 'rules');
  if (unknown.length > 0) return `${where}: unknown key ${unknown.map((k) => `"${k}"`).join(', ')}: the keys allowed are "files" and "rules"`;
  if (at[2] === 'files') return `${where}.files: expected a glob or a list of globs`;
  return rulesProblem(`${where}.rules`, entry.rules, at.slice(3));
}
