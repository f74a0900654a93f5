import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempRoot } from '../hostile/harness.js';
import { plancheck, ROOT } from './run.js';

// Issue 13: terminal escape codes in a plan reached the terminal through stylish output, and a file name with
// a newline split a one-line error so that a line could start with `::error::` in a GitHub Actions log.
// Control characters are now shown as \xHH escapes in every human and CI format.

const GOOD = readFileSync(path.join(ROOT, 'fixtures/text/000-london.txt'), 'utf8');
const ESC = '\u001b';
/** Seed 000 with one target date holding a screen clear and a window-title change ending in BEL. */
const HOSTILE = GOOD.replace('June 2019', `TBC ${ESC}[2J ${ESC}]0;pwned\u0007 ${'\u009b'}31m`);
const SHOWN = 'TBC \\x1b[2J \\x1b]0;pwned\\x07 \\x9b31m';

let root: { dir: string; remove: () => void };
let dir: string;
beforeAll(() => {
  root = tempRoot('control');
  dir = path.join(root.dir, 'plans');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'plan.txt'), HOSTILE);
  // An unreadable file whose name holds a newline and a workflow command.
  writeFileSync(path.join(dir, 'a\n::error::pwned.txt'), '');
  writeFileSync(path.join(dir, `red${ESC}[31m.txt`), HOSTILE);
});
afterAll(() => root.remove());

/** Every C0 or C1 control character but tab and LF in a text. */
const controls = (text: string): string[] => [...text].filter((c) => /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(c));

describe('control characters in plans and file names', { timeout: 60_000 }, () => {
  it('stylish shows them escaped, in messages and file names, and the one-line errors stay one line', () => {
    const run = plancheck(['validate', '.'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(controls(run.stdout + run.stderr)).toEqual([]);
    expect(run.stdout).toContain(`The target date '${SHOWN}' of action 2 of recommendation 1 is not time-bound`);
    expect(run.stdout.split('\n')).toContain('red\\x1b[31m.txt');
    expect(run.stdout.split('\n')).toContain('a\\x0a::error::pwned.txt');
    expect(run.stderr).toBe('plancheck: a\\x0a::error::pwned.txt: empty file\n');
  });

  it('github: no line of either stream starts a workflow command the file name wrote, and no escape code acts', () => {
    const run = plancheck(['validate', '.', '--format', 'github'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(controls(run.stdout + run.stderr)).toEqual([]);
    const lines = [...run.stdout.split('\n'), ...run.stderr.split('\n')];
    expect(lines.filter((l) => l.startsWith('::error::'))).toEqual([]);
    expect(run.stdout).toContain('::error file=a%0A%3A%3Aerror%3A%3Apwned.txt::empty file\n');
    expect(run.stdout).toContain(`::warning file=plan.txt,line=31,title=due-time-bound::The target date '${SHOWN}' of action 2`);
  });

  it('html drops them', () => {
    const run = plancheck(['validate', 'plan.txt', '--format', 'html'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(controls(run.stdout)).toEqual([]);
    const $ = load(run.stdout);
    const dues = $('td.c-due').map((_, td) => $(td).text()).get().filter((t) => t.startsWith('TBC'));
    expect(dues.length).toBeGreaterThan(0);
    for (const due of dues) expect(due.startsWith('TBC [2J ]0;pwned 31m')).toBe(true);
  });

  it('an unknown option quoted back in a usage error shows its escape code, on one line', () => {
    const run = plancheck(['validate', `--x${ESC}[2J`], { cwd: dir });
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', "plancheck: unknown option '--x\\x1b[2J' (run with --help for usage)\n"]);
    const broken = plancheck(['validate', 'plan.txt', '--max-warnings', '1\n::error::pwned'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr.split('\n')).toEqual([expect.stringMatching(/^plancheck: .*1\\x0a::error::pwned.* \(run with --help for usage\)$/), '']);
  });

  it('junit, gitlab and csv show them escaped too', () => {
    const junit = plancheck(['validate', '.', '--format', 'junit'], { cwd: dir });
    expect(junit.code).toBe(2);
    expect(controls(junit.stdout)).toEqual([]);
    expect(junit.stdout).toContain('<testsuite name="red\\x1b[31m.txt"');
    expect(junit.stdout).toContain(`The target date &apos;${SHOWN}&apos; of action 2 of recommendation 1 is not time-bound`);
    expect(junit.stdout).toContain('<testsuite name="a\\x0a::error::pwned.txt"');
    const gitlab = plancheck(['validate', '.', '--format', 'gitlab'], { cwd: dir });
    const descriptions = (JSON.parse(gitlab.stdout) as Array<{ description: string }>).map((i) => i.description);
    expect(descriptions.flatMap(controls)).toEqual([]);
    expect(descriptions).toContainEqual(expect.stringContaining(`The target date '${SHOWN}' of action 2 of recommendation 1 is not time-bound`));
    const csv = plancheck(['convert', '.', '--format', 'csv', '--quiet'], { cwd: dir });
    expect(csv.code).toBe(2);
    // CRLF ends each record, as RFC 4180 has it; no other control character is left.
    expect(controls(csv.stdout.replaceAll('\r\n', '\n'))).toEqual([]);
    expect(csv.stdout).toContain(`,${SHOWN},`);
    expect(csv.stdout).toContain('\r\nred\\x1b[31m.txt,');
    expect(csv.stderr).toBe('plancheck: a\\x0a::error::pwned.txt: empty file\n');
  });

  it('a usage error naming a file with a newline is one line', () => {
    const run = plancheck(['validate', 'plan.txt', '-c', 'no\nsuch.yaml'], { cwd: dir });
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', 'plancheck: no\\x0asuch.yaml: no such file or directory\n']);
  });
});

describe('standard input in the html report', { timeout: 60_000 }, () => {
  it('is shown as "standard input", the name every other format gives it', () => {
    const run = plancheck(['validate', '-', '--format', 'html'], { input: GOOD });
    expect(run.code).toBe(0);
    expect(load(run.stdout)('dl.meta .path').text()).toBe('standard input');
    expect(run.stdout).not.toContain('&lt;stdin&gt;');
  });
});
