import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempRoot } from '../hostile/harness.js';
import { expectRefused, plancheck, ROOT } from './run.js';

// Issue 13: the files validate reads besides its inputs (config, baseline, inspection report) are opened with
// the inputs' guards, and a hostile config is one line naming the file, never an internal error or a hang.

let root: { dir: string; remove: () => void };
let n = 0;
/** A fresh folder holding plan.txt (seed 000, which has findings) and the given files. */
function folder(files: Record<string, string | Buffer> = {}): string {
  const dir = path.join(root.dir, `case-${++n}`);
  mkdirSync(dir);
  copyFileSync(path.join(ROOT, 'fixtures/text/000-london.txt'), path.join(dir, 'plan.txt'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

beforeAll(() => {
  root = tempRoot('side-files');
});
afterAll(() => root.remove());

describe('config, baseline and report that are not regular files', { timeout: 120_000 }, () => {
  it.each([
    ['-c', 'config.yaml', 'config.yaml: not a regular file (a named pipe)'],
    ['--baseline', 'base.json', 'base.json: not a regular file (a named pipe)'],
    ['--report', 'report.txt', 'report.txt: not a regular file (a named pipe)'],
  ])('%s naming a named pipe that no one writes to is refused at once', (flag, name, line) => {
    const dir = folder();
    execFileSync('mkfifo', [path.join(dir, name)]);
    expectRefused(plancheck(['validate', 'plan.txt', flag, name], { cwd: dir }), line);
  });

  it('--report /dev/zero is refused as a device, not read for ever', () => {
    const dir = folder();
    expectRefused(plancheck(['validate', 'plan.txt', '--report', '/dev/zero'], { cwd: dir }), `${path.relative(dir, '/dev/zero')}: not a regular file (a device)`);
  });
});

describe('a baseline with a byte-order mark', { timeout: 60_000 }, () => {
  it('is read as one without, as a config with one already was', () => {
    const dir = folder();
    const update = plancheck(['validate', 'plan.txt', '--baseline', 'base.json', '--update-baseline'], { cwd: dir });
    expect(update.code).toBe(0);
    writeFileSync(path.join(dir, 'base.json'), `\uFEFF${readFileSync(path.join(dir, 'base.json'), 'utf8')}`);
    const run = plancheck(['validate', 'plan.txt', '--baseline', 'base.json'], { cwd: dir });
    // Every finding of seed 000 is recorded, so none is left to report: the plan's clean line alone.
    expect([run.code, run.stdout, run.stderr]).toEqual([0, '✔ plan.txt: no problems — 7 recommendations, 33 actions\n', '']);
  });
});

describe('hostile config files', { timeout: 60_000 }, () => {
  it('rules: { __proto__: error } is an unknown rule, not silently nothing', () => {
    const dir = folder({ '.plancheck.yaml': 'rules:\n  __proto__: error\n' });
    expectRefused(plancheck(['validate', 'plan.txt'], { cwd: dir }), '.plancheck.yaml: rules.__proto__: unknown rule "__proto__"; run "plancheck rules" to list them');
  });

  it('__proto__ as a rule option is an unknown option, for a rule with options and for one without', () => {
    const dir = folder({ 'a.yaml': 'rules:\n  due-horizon: [warn, { __proto__: { maxMonths: 1 } }]\n', 'b.yaml': 'rules:\n  numbering: [warn, { __proto__: 1 }]\n' });
    expectRefused(plancheck(['validate', 'plan.txt', '-c', 'a.yaml'], { cwd: dir }), 'a.yaml: rules.due-horizon: unknown option "__proto__"');
    expectRefused(plancheck(['validate', 'plan.txt', '-c', 'b.yaml'], { cwd: dir }), 'b.yaml: rules.numbering: this rule takes no options, got "__proto__"');
  });

  it('an alias bomb is one line naming the file', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) levels.push(`${'abcdefgh'[i]}: &${'abcdefgh'[i]} [${Array(10).fill(`*${'abcdefgh'[i - 1]}`).join(', ')}]`);
    const dir = folder({ 'bomb.yaml': `${levels.join('\n')}\nrules: {}\n` });
    const run = plancheck(['validate', 'plan.txt', '-c', 'bomb.yaml'], { cwd: dir });
    expect(run.stderr).toMatch(/^plancheck: bomb\.yaml: invalid YAML: Excessive alias count[^\n]*\n$/);
    expect([run.code, run.stdout]).toEqual([2, '']);
  });
});
