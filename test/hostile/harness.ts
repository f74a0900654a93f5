import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { plancheck, ROOT, type Run } from '../cli/run.js';

/** The good plan put beside every bad input: its model was checked by hand (fixtures/text/000-london.expected.json). */
export const GOOD_SOURCE = path.join(ROOT, 'fixtures/text/000-london.txt');
interface Expected {
  recommendations: Array<{ number: string | null; actions: unknown[] }>;
}
export const GOOD_EXPECTED = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/text/000-london.expected.json'), 'utf8')) as Expected;
const GOOD_ACTIONS = GOOD_EXPECTED.recommendations.reduce((n, r) => n + r.actions.length, 0);

/** A path as the CLI shows it: as typed, and the tests give absolute paths. */
export const shown = (abs: string): string => abs;

/** Every entry under a directory, dot-files (such as an atomic write's temp file) included, sorted. */
export function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** A temporary folder for one test file, removed by the returned function. */
export function tempRoot(name: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `plancheck-${name}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh folder for one case, holding `good.txt` (a copy of the good plan) and the given files. */
export function caseDir(root: string, name: string, files: Record<string, string | Buffer> = {}): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(GOOD_SOURCE, path.join(dir, 'good.txt'));
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(dir, file), content);
  return dir;
}

/** Copy a committed fixture into a case folder under the name given. */
export function copyInto(dir: string, fixture: string, name = path.basename(fixture)): string {
  const target = path.join(dir, name);
  copyFileSync(path.join(ROOT, fixture), target);
  return target;
}

/** `convert -o <dir>-out` over the bad inputs and the case folder's good.txt, good one last. */
export function convertWithGood(dir: string, bad: readonly string[], options: { args?: string[]; env?: Record<string, string> } = {}): { run: Run; out: string } {
  const out = `${dir}-out`;
  const run = plancheck(['convert', ...bad, path.join(dir, 'good.txt'), '-o', out, ...(options.args ?? [])], { env: options.env });
  return { run, out };
}

/**
 * The contract for inputs that cannot be read, checked on a `convert -o` run: exit 2, nothing on standard
 * output, standard error holding exactly one `plancheck: <path>: <reason>` line per bad input (no stack, no
 * "at" lines) and the summary, the good plan written in full and nothing else in the output folder (no
 * output for a bad input, no temp file).
 */
export function expectRefused(result: { run: Run; out: string }, refused: ReadonlyArray<[string, string | RegExp]>): void {
  const { run, out } = result;
  const lines = run.stderr.split('\n');
  expect(lines.at(-1), run.stderr).toBe('');
  expect(lines, run.stderr).toHaveLength(refused.length + 2);
  refused.forEach(([file, reason], i) => {
    const prefix = `plancheck: ${shown(file)}: `;
    expect(lines[i]!.startsWith(prefix), run.stderr).toBe(true);
    if (typeof reason === 'string') expect(lines[i]!.slice(prefix.length)).toBe(reason);
    else expect(lines[i]!.slice(prefix.length)).toMatch(reason);
  });
  const summary = `Converted 1 file: ${GOOD_EXPECTED.recommendations.length} recommendations, ${GOOD_ACTIONS} actions, ${refused.length} failed in `;
  expect(lines[refused.length]).toMatch(new RegExp(`^${summary}\\d+\\.\\d s$`));
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stdout).toBe('');
  expect(run.code).toBe(2);
  expect(listTree(out)).toEqual(['good.json', 'manifest.json']);
  const doc = JSON.parse(readFileSync(path.join(out, 'good.json'), 'utf8')) as Expected;
  expect(doc.recommendations).toEqual(GOOD_EXPECTED.recommendations);
}
