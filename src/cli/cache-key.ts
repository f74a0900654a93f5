import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../read/hash.js';
import type { RuleSetting } from '../rules/settings.js';
import type { InputEntry } from './inputs.js';
import { VERSION } from './version.js';
import type { TaskSetup } from './workers/task.js';

/**
 * Which plancheck wrote a cache: its version, the Node.js that ran it, and a digest of the code that ran (the
 * files beside this module, which in an installed plancheck are the whole built CLI), so that a plancheck built
 * from other code never takes results another worked out, even under the same version number.
 */
export async function toolIdentity(): Promise<string> {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const names = (await readdir(dir)).filter((name) => /\.[cm]?[jt]s$/.test(name)).sort();
  const parts = await Promise.all(names.map(async (name) => `${name}\u0000${sha256(await readFile(path.join(dir, name)))}`));
  return `${VERSION} node ${process.version} code ${sha256(new TextEncoder().encode(parts.join('\n'))).slice(0, 16)}`;
}

/**
 * Everything besides its content and the tool that a file's result depends on, as one digest per entry: the
 * command, the path the file is shown under (it is in every finding and model), and for `validate` the rule
 * settings in force for that file, the inspection report's recommendations (report-coverage checks against
 * them) and whether the plan is kept for the html report; for `convert`, the output format. Nothing else
 * reaches the reader or the rules: the baseline, --quiet and --max-warnings act on the findings afterwards.
 *
 * Plain JSON.stringify is enough: the same settings are always built in the same order, and two orders of
 * one setting could only cost a needless re-read, never a wrong hit.
 */
export function configDigests(
  setup: TaskSetup,
  entries: readonly InputEntry[],
  perFile?: ReadonlyArray<ReadonlyMap<string, RuleSetting>>,
): (index: number) => string {
  const digest = (value: unknown): string => sha256(new TextEncoder().encode(JSON.stringify(value)));
  if (setup.command === 'convert') return (index) => digest(['convert', entries[index]!.path, setup.format]);
  const report = setup.inspectionReport === null ? null : digest(setup.inspectionReport);
  return (index) => digest(['validate', entries[index]!.path, [...(perFile?.[index] ?? setup.settings)], report, setup.keepPlan]);
}
