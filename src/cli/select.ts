import path from 'node:path';
import type { AnyRule } from '../rules/types.js';
import { findConfig, loadConfig, noConfig, readConfigFile, type Config } from './config.js';
import { CliError } from './errors.js';
import { ignoreTest, isLockOrTempFile, type IgnoreTest } from './ignore.js';
import { expandInputs, type InputEntry } from './inputs.js';
import type { TaskResult } from './workers/task.js';

/** How inputs are chosen and which config applies to each. */
export interface SelectOptions {
  cwd: string;
  /** `-c FILE`: this config for every input, instead of each file's nearest one. */
  config: string | undefined;
  /** `--ignore-pattern` globs, relative to the working directory. */
  ignorePatterns: readonly string[];
  /** The known rules, to check configs against. */
  rules: readonly AnyRule[];
}

/** The inputs to read, each with its config, and a line for each file named on the command line but ignored. */
export interface Selection {
  entries: InputEntry[];
  /** Index i is entry i's config. */
  configs: Config[];
  /** `<path>: ignored, …` for each named file left out; files found in folders are left out silently. */
  ignored: string[];
}

/**
 * Expand the command-line inputs and leave out what is not to be read: lock and temp files, and files matching
 * `--ignore-pattern` or the `ignores:` of their config. Each input's config is the one given with `-c`, else
 * the nearest `.plancheck.yaml` walking up from the input's own folder (standard input: from the working
 * directory), as ESLint and markdownlint-cli2 look theirs up.
 */
export async function selectInputs(args: readonly string[], opts: SelectOptions): Promise<Selection> {
  const configFor = configLookup(opts);
  const flagged = ignoreTest([{ patterns: opts.ignorePatterns, base: opts.cwd }]);
  const configured = new Map<Config, IgnoreTest>();
  const selection: Selection = { entries: [], configs: [], ignored: [] };
  const found = await expandInputs(args, opts.cwd);
  for (const entry of found) {
    const config = await configFor(entry);
    if (entry.kind === 'file') {
      if (!configured.has(config)) configured.set(config, ignoreTest([{ patterns: config.ignores, base: config.dir }]));
      const pattern = flagged(entry.abs) ?? configured.get(config)!(entry.abs);
      const reason = isLockOrTempFile(entry.abs) ?? (pattern === null ? null : `matches the ignore pattern "${pattern}"`);
      if (reason !== null) {
        if (entry.named) selection.ignored.push(`${entry.path}: ignored, ${reason}`);
        continue;
      }
    }
    selection.entries.push(entry);
    selection.configs.push(config);
  }
  if (selection.entries.length === 0 && selection.ignored.length === 0 && found.length > 0) {
    throw new CliError(`every file found in ${args.join(' ')} is ignored`);
  }
  return selection;
}

/** Each input's config (`-c`, else the nearest one to the file), every file and folder looked at once. */
export function configLookup(opts: Pick<SelectOptions, 'cwd' | 'config' | 'rules'>): (entry: InputEntry) => Promise<Config> {
  let explicit: Promise<Config> | undefined;
  const byFolder = new Map<string, Promise<string | null>>();
  const byFile = new Map<string | null, Promise<Config>>();
  return async (entry) => {
    if (opts.config !== undefined) {
      explicit ??= loadConfig({ explicit: opts.config, cwd: opts.cwd, rules: opts.rules });
      return explicit;
    }
    const folder = entry.kind === 'file' ? path.dirname(entry.abs) : opts.cwd;
    if (!byFolder.has(folder)) byFolder.set(folder, findConfig(folder));
    const file = await byFolder.get(folder)!;
    if (!byFile.has(file)) {
      byFile.set(file, file === null ? Promise.resolve(noConfig(opts.cwd)) : readConfigFile(file, opts.cwd, opts.rules));
    }
    return byFile.get(file)!;
  };
}

/**
 * `<path>: skipped, …` when a file found in a folder or by a glob holds no action plan (notes, a web page):
 * such a file is left out without failing the run. A file named on the command line stays an error.
 */
export function skippedReason(entry: InputEntry, result: TaskResult): string | null {
  if (result.kind !== 'fatal' || result.noPlan !== true || entry.kind !== 'file' || entry.named === true) return null;
  return `${entry.path}: skipped, ${result.fatal}`;
}
