import { describe, expect, it } from 'vitest';
import { plancheck } from './run.js';

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
