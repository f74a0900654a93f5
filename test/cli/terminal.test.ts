import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, plancheck, ROOT } from './run.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'plancheck-terminal-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('feedback at a terminal', { timeout: 120_000 }, () => {
  it('plancheck with no arguments prints the help on standard output and exits 0, as ESLint does', () => {
    const run = plancheck([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: plancheck \[options\] \[command\]\n/);
    expect(run.stdout).toContain('validate');
    expect(run.stderr).toBe('');
  });

  it('every usage error is one line, the pointer to --help on it', () => {
    const cases: Array<[string[], string]> = [
      [['validate'], "plancheck: missing required argument 'inputs' (run with --help for usage)\n"],
      [['frobnicate'], "plancheck: unknown command 'frobnicate' (run with --help for usage)\n"],
      [['convert', fixture('000-london.txt'), '--jobs', '0'], "plancheck: option '-j, --jobs <n>' argument '0' is invalid. expected a whole number of 1 or more (run with --help for usage)\n"],
    ];
    for (const [args, line] of cases) {
      const run = plancheck(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toBe(line);
    }
  });

  it('a clean plan says so, with how much was read; --quiet keeps it out', () => {
    // 000-london.expected.json: 7 recommendations, 33 actions, and no finding under the default rules.
    const run = plancheck(['validate', fixture('000-london.txt')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('✔ fixtures/text/000-london.txt: no problems — 7 recommendations, 33 actions\n');
    expect(plancheck(['validate', fixture('000-london.txt'), '--quiet']).stdout).toBe('');
  });

  it('-o report.html says on standard error what it wrote and what the report holds', () => {
    const out = path.join(tmp, 'report.html');
    const run = plancheck(['validate', fixture('000-london.txt'), fixture('001-dlnr.txt'), '--format', 'html', '-o', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    // 001-dlnr: 10 errors and 11 warnings, as the stylish listing of that plan shows one by one.
    expect(run.stderr).toBe(`plancheck: wrote ${out}: 2 files, 10 errors, 11 warnings\n`);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('paths are shown as typed: an absolute input stays absolute, a relative one relative', () => {
    const abs = path.join(ROOT, fixture('000-london.txt'));
    expect(plancheck(['validate', abs]).stdout).toBe(`✔ ${abs}: no problems — 7 recommendations, 33 actions\n`);
    expect(plancheck(['validate', path.join(ROOT, 'fixtures/text'), '--format', 'json']).stdout).toContain(`"path": "${path.join(ROOT, 'fixtures/text/001-dlnr.txt')}"`);
    expect(plancheck(['validate', './fixtures/text/000-london.txt']).stdout).toBe('✔ fixtures/text/000-london.txt: no problems — 7 recommendations, 33 actions\n');
  });
});
