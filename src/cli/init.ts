import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { AnyRule } from '../rules/types.js';
import { writeFileAtomic } from './atomic.js';
import { CONFIG_NAMES } from './config.js';
import { CliError } from './errors.js';
import { displayPath, fsReason } from './inputs.js';

/**
 * The text of a starter `.plancheck.yaml`: every rule at its default level, commented out with what it checks,
 * so that a user changes a level by removing one `#`; then `ignores:` and `overrides:` shown by example.
 */
export function starterConfig(rules: readonly AnyRule[]): string {
  const width = Math.max(...rules.map((r) => `${r.id}: ${r.defaultSeverity}`.length));
  const lines = rules.map((r) => `  # ${`${r.id}: ${r.defaultSeverity}`.padEnd(width)}  # ${r.description}`);
  return [
    '# plancheck configuration: https://github.com/plancheck/plancheck/blob/main/docs/config.md',
    '# Each plan uses the nearest .plancheck.yaml found from its own folder upwards; -c FILE overrides that.',
    '',
    '# Rule levels: off, warn or error; a rule with options takes [level, { option: value }].',
    '# Every rule is shown at its default level: remove the # to change one.',
    'rules:',
    ...lines,
    '  # due-horizon: [warn, { maxMonths: 36 }]  # a level with options',
    '',
    '# Files found in folders or by globs that are not to be read (globs relative to this file).',
    'ignores:',
    '  # - "archive/**"',
    '',
    '# Rule levels for some plans only; later entries win.',
    'overrides:',
    '  # - files: "drafts/**"',
    '  #   rules:',
    '  #     vague-action: off',
    '',
  ].join('\n');
}

/**
 * `plancheck init`: write a starter `.plancheck.yaml` in `dir`. Refuses when the folder already has a config
 * file of either name; the file is written atomically and exclusively, so one made meanwhile is not overwritten either.
 * Returns the path written, as shown to the user.
 */
export async function writeStarterConfig(dir: string, cwd: string, rules: readonly AnyRule[]): Promise<string> {
  for (const name of CONFIG_NAMES) {
    const existing = path.join(dir, name);
    if (await lstat(existing).then(() => true, () => false)) throw new CliError(`${displayPath(existing, cwd)} already exists; not overwriting it`);
  }
  const target = path.join(dir, CONFIG_NAMES[0]!);
  try {
    // Atomic, and exclusive: a config file made meanwhile is not overwritten either.
    await writeFileAtomic(target, starterConfig(rules), { exclusive: true });
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'EEXIST' ? 'already exists; not overwriting it' : fsReason(err);
    throw new CliError(`${displayPath(target, cwd)}: ${reason}`);
  }
  return displayPath(target, cwd);
}
