import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { plancheck, ROOT } from './run.js';

// A single input is read by the CLI first: a text export or an HTML page is then read in the CLI's own process,
// under a time limit that V8 enforces; a PDF or a Word document goes to a worker process (src/cli/workers/batch.ts).
// PLANCHECK_TEST_DIE_ON is the worker's test hook (a worker reading that file kills itself), so a file read in the
// CLI's process is not touched by it; PLANCHECK_TEST_HANG_ON hangs whichever process reads the file.
describe('a single input', { timeout: 120_000 }, () => {
  it('a text export is read in the CLI process: the worker hook does not touch it', () => {
    const run = plancheck(['validate', 'fixtures/text/000-london.txt'], { env: { PLANCHECK_TEST_DIE_ON: '000-london.txt' } });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe('✔ fixtures/text/000-london.txt: no problems — 7 recommendations, 33 actions\n');
  });

  it('an HTML page is read in the CLI process too', () => {
    const run = plancheck(['convert', 'fixtures/plans/parallel.html'], { env: { PLANCHECK_TEST_DIE_ON: 'parallel.html' } });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^Converted 1 file: 10 recommendations, 43 actions, 0 failed in \d+\.\d s\n$/);
    expect((JSON.parse(run.stdout) as { recommendations: unknown[] }).recommendations).toHaveLength(10);
  });

  it('a PDF goes to a worker process', () => {
    const run = plancheck(['validate', 'fixtures/plans/parallel.pdf'], { env: { PLANCHECK_TEST_DIE_ON: 'parallel.pdf' } });
    expect(run.stderr).toBe('plancheck: fixtures/plans/parallel.pdf: internal error: the worker was killed by SIGKILL\n');
    expect(run.code).toBe(2);
  });

  it('an HTML page that does not finish is given up after --timeout, in the JSON report too', () => {
    const run = plancheck(['validate', '--format', 'json', 'fixtures/plans/parallel.html', '--timeout', '1'], { env: { PLANCHECK_TEST_HANG_ON: 'parallel.html' } });
    expect(run.stderr).toBe('plancheck: fixtures/plans/parallel.html: timed out after 1 s\n');
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as { files: Array<{ path: string; fatal: string | null }> };
    expect(report.files.map((f) => [f.path, f.fatal])).toEqual([['fixtures/plans/parallel.html', 'timed out after 1 s']]);
  });
});

// A few small files (at most eight, a megabyte in all) are read by the CLI first too, and when they are all text
// exports and HTML pages they are read and checked in the CLI's own process, one after another, each under the
// time limit; otherwise they go to worker processes with their bytes.
describe('a few small inputs', { timeout: 120_000 }, () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'plancheck-few-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  type Report = { files: Array<{ path: string; fatal: string | null; findings: unknown[] }> };
  const fatals = (stdout: string): Array<[string, string | null]> => (JSON.parse(stdout) as Report).files.map((f) => [f.path, f.fatal]);

  it('text exports and an HTML page are read in the CLI process: the worker hook does not touch them', () => {
    const files = ['fixtures/text/000-london.txt', 'fixtures/text/001-dlnr.txt', 'fixtures/plans/parallel.html'];
    const run = plancheck(['validate', '--format', 'json', ...files], { env: { PLANCHECK_TEST_DIE_ON: '001-dlnr.txt' } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(fatals(run.stdout)).toEqual(files.map((f) => [f, null]));
  });

  it('with a PDF among them, all go to workers', () => {
    const files = ['fixtures/text/000-london.txt', 'fixtures/plans/parallel.pdf'];
    const run = plancheck(['validate', '--format', 'json', ...files], { env: { PLANCHECK_TEST_DIE_ON: '000-london.txt' } });
    expect(run.stderr).toBe('plancheck: fixtures/text/000-london.txt: internal error: the worker was killed by SIGKILL\n');
    expect(fatals(run.stdout)).toEqual([
      ['fixtures/text/000-london.txt', 'internal error: the worker was killed by SIGKILL'],
      ['fixtures/plans/parallel.pdf', null],
    ]);
  });

  it('more than eight go to workers', () => {
    const names = Array.from({ length: 9 }, (_, i) => `plan-${i + 1}.txt`);
    for (const name of names) copyFileSync(path.join(ROOT, 'fixtures/text/000-london.txt'), path.join(tmp, name));
    const run = plancheck(['validate', '--format', 'json', ...names.map((n) => path.join(tmp, n))], { env: { PLANCHECK_TEST_DIE_ON: 'plan-5.txt' } });
    expect(run.stderr).toBe(`plancheck: ${path.join(tmp, 'plan-5.txt')}: internal error: the worker was killed by SIGKILL\n`);
    expect(fatals(run.stdout)).toEqual(names.map((n) => [path.join(tmp, n), n === 'plan-5.txt' ? 'internal error: the worker was killed by SIGKILL' : null]));
  });

  it('one that does not finish is given up after --timeout; the others are checked', () => {
    // A limit the real files keep even on a loaded machine (one took more than a second beside a busy core); the
    // hanging one never finishes whatever the limit.
    const files = ['fixtures/text/000-london.txt', 'fixtures/plans/parallel.html', 'fixtures/text/001-dlnr.txt'];
    const run = plancheck(['validate', '--format', 'json', '--timeout', '10', ...files], { env: { PLANCHECK_TEST_HANG_ON: 'parallel.html' } });
    expect(run.stderr).toBe('plancheck: fixtures/plans/parallel.html: timed out after 10 s\n');
    expect(run.code).toBe(2);
    expect(fatals(run.stdout)).toEqual([
      ['fixtures/text/000-london.txt', null],
      ['fixtures/plans/parallel.html', 'timed out after 10 s'],
      ['fixtures/text/001-dlnr.txt', null],
    ]);
  });
});
