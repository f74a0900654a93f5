import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBaseline, filterBaseline, type Baseline } from '../../src/cli/baseline.js';
import type { FileResult, Finding } from '../../src/model/result.js';
import type { JsonReport } from '../../src/format/json.js';
import { fixture, plancheck, ROOT } from './run.js';


const BASELINE = '.plancheck-baseline.json';
const original = readFileSync(path.join(ROOT, fixture('001-dlnr.txt')), 'utf8');
/**
 * 001 with one more action in recommendation 2, after its fourth: it has a target date but no owner. Every line
 * below it moves down by one, and the old fifth action becomes the sixth (it has no findings).
 */
const withNewAction = original
  .split('\n')
  .flatMap((line, i) => (i === 38 ? [line, 'DLNR CRC will publish a quarterly learning bulletin for PDMs.\t\tJuly 2020'] : [line]))
  .join('\n');

function json(args: readonly string[], cwd: string): { code: number | null; report: JsonReport; stderr: string } {
  const run = plancheck(['validate', '--format', 'json', ...args], { cwd });
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'plancheck-baseline-'));
  mkdirSync(path.join(tmp, 'plans'));
  writeFileSync(path.join(tmp, 'plans/dlnr.txt'), original);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('validate --baseline on 001 (DLNR), with the built CLI', () => {
  // 001-dlnr.expected.json: 8 recommendations, 42 actions, and six diagnostics besides the two pairing ones, which
  // are reading notes: a baseline records findings only, so the notes still show under the clean line.
  const NOTES = [
    '  reading notes:',
    "  l.23   rec 1: number 't i' unreadable; 1 inferred from order                                                                                  number-inferred",
    '  l.43   rec 3: number missing; 3 inferred from order                                                                                           number-inferred',
    "  l.68   line 68 holds only '1'; dropped as a page number or footer                                                                             stray-cell",
    "  l.82   rec 6: row numbered '7' has no recommendation text and the next row carries the same number: merged into the recommendation before it  number-repeated",
    '  l.106  line 106 repeats the line before it word for word; dropped                                                                             duplicate-line',
    "  l.117  line 117 holds no words (', , , , , , , , , , '); dropped                                                                              noise-line",
  ].join('\n');
  const CLEAN = (file: string): string => `✔ ${file}: no problems — 8 recommendations, 42 actions\n${NOTES}\n`;

  it('--update-baseline records every finding, readable, and exits 0', () => {
    const before = json(['plans'], tmp);
    expect(before.code).toBe(1);
    const run = plancheck(['validate', 'plans', '--baseline', BASELINE, '--update-baseline'], { cwd: tmp });
    const count = before.report.files[0]!.findings.length;
    // Every finding is recorded and none is new: the plan is clean against its baseline.
    expect(run).toEqual({ code: 0, stdout: CLEAN('plans/dlnr.txt'), stderr: `plancheck: wrote ${BASELINE}: ${count} findings recorded\n` });
    const written = JSON.parse(readFileSync(path.join(tmp, BASELINE), 'utf8')) as Baseline;
    expect(Object.keys(written)).toEqual(['version', 'files']);
    expect(written.version).toBe(1);
    expect(Object.keys(written.files)).toEqual(['plans/dlnr.txt']);
    const entries = written.files['plans/dlnr.txt']!;
    expect(entries.map(({ fingerprint: _f, ...rest }) => rest)).toEqual(
      before.report.files[0]!.findings.map((f) => ({ ruleId: f.ruleId, recommendation: f.recommendation, action: f.action, message: f.message })),
    );
    expect(entries.every((e) => /^[0-9a-f]{16}$/.test(e.fingerprint))).toBe(true);
    expect(entries).toContainEqual(expect.objectContaining({ ruleId: 'action-owner', recommendation: '3', action: 7, message: 'Action 7 of recommendation 3 has no responsible owner' }));
  });

  it('--baseline then hides all of them: only the clean line and the notes, exit 0', () => {
    expect(plancheck(['validate', 'plans', '--baseline', BASELINE], { cwd: tmp })).toEqual({ code: 0, stdout: CLEAN('plans/dlnr.txt'), stderr: '' });
  });

  it('shows only a finding that is new, though every line below it moved', () => {
    writeFileSync(path.join(tmp, 'plans/dlnr.txt'), withNewAction);
    const { code, report } = json(['plans', '--baseline', BASELINE], tmp);
    expect(code).toBe(1);
    expect(report.files[0]!.findings).toEqual([
      { ruleId: 'action-owner', severity: 'error', message: 'Action 5 of recommendation 2 has no responsible owner', recommendation: '2', action: 5, location: { line: 40 } },
    ]);
    expect([report.errorCount, report.warningCount]).toEqual([1, 0]);
    writeFileSync(path.join(tmp, 'plans/dlnr.txt'), original);
  });

  it('matches plan paths relative to the baseline file, from any working directory', () => {
    const run = plancheck(['validate', '.', '--baseline', `../${BASELINE}`], { cwd: path.join(tmp, 'plans') });
    expect(run).toEqual({ code: 0, stdout: CLEAN('dlnr.txt'), stderr: '' });
  });

  it('reports findings of a file the baseline does not know', () => {
    copyFileSync(path.join(tmp, 'plans/dlnr.txt'), path.join(tmp, 'plans/dlnr-copy.txt'));
    const { code, report } = json(['plans', '--baseline', BASELINE], tmp);
    expect(code).toBe(1);
    expect(report.files.map((f) => [f.path, f.findings.length > 0])).toEqual([
      ['plans/dlnr-copy.txt', true],
      ['plans/dlnr.txt', false],
    ]);
    rmSync(path.join(tmp, 'plans/dlnr-copy.txt'));
  });
});

describe('baseline usage errors (exit 2)', () => {
  it('a missing baseline file without --update-baseline', () => {
    const run = plancheck(['validate', 'plans', '--baseline', 'missing.json'], { cwd: tmp });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'plancheck: missing.json: no such file or directory; create it with --update-baseline\n' });
  });

  it('a baseline that is not JSON names the file', () => {
    writeFileSync(path.join(tmp, 'broken.json'), '{"version": 1, "files": {');
    const run = plancheck(['validate', 'plans', '--baseline', 'broken.json'], { cwd: tmp });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^plancheck: broken\.json: not valid JSON: .+\n$/);
  });

  it('a JSON file that is not a baseline', () => {
    writeFileSync(path.join(tmp, 'other.json'), '{"version": 2, "files": {}}');
    const run = plancheck(['validate', 'plans', '--baseline', 'other.json'], { cwd: tmp });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^plancheck: other\.json: not a plancheck baseline \(version 1\) at version: .+\n$/);
  });

  it('--update-baseline without --baseline', () => {
    const run = plancheck(['validate', 'plans', '--update-baseline'], { cwd: tmp });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'plancheck: --update-baseline needs --baseline FILE: the file to write the findings to\n' });
  });

  it('--update-baseline still writes the readable files but exits 2 for an unreadable one', () => {
    const run = plancheck(['validate', 'plans', 'nowhere.pdf', '--baseline', 'partial.json', '--update-baseline'], { cwd: tmp });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('plancheck: nowhere.pdf: no such file or directory\n');
    const written = JSON.parse(readFileSync(path.join(tmp, 'partial.json'), 'utf8')) as Baseline;
    expect(Object.keys(written.files)).toEqual(['plans/dlnr.txt']);
  });

  it('--help says what both options do', () => {
    // Commander wraps the descriptions to the terminal width.
    const help = plancheck(['validate', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--baseline <file> report and count only findings not recorded in this baseline file');
    expect(help).toContain('--update-baseline record every current finding in the --baseline file (written atomically); exits 0 unless a file is unreadable');
  });
});

describe('baseline matching counts', () => {
  const f = (over: Partial<Finding>): Finding => ({ ruleId: 'action-owner', severity: 'error', message: 'Action 2 of recommendation 4 has no responsible owner', recommendation: '4', action: 2, location: { page: 3 }, path: 'recommendations[3].actions[1].owner', ...over });
  const result = (findings: Finding[]): FileResult => ({ path: 'plan.pdf', fatal: null, plan: null, findings, errorCount: findings.length, warningCount: 0 });
  const key = (r: FileResult): string => r.path;

  it('a finding recorded once but present twice still shows once', () => {
    const baseline = buildBaseline([result([f({})])], key);
    const [out] = filterBaseline([result([f({}), f({ location: { page: 9 } })])], baseline, key);
    expect(out?.findings).toEqual([f({ location: { page: 9 } })]);
    expect([out?.errorCount, out?.warningCount]).toEqual([1, 0]);
  });

  it('recorded twice hides both; a different message is a different finding', () => {
    const baseline = buildBaseline([result([f({}), f({})])], key);
    const other = f({ message: 'Action 2 of recommendation 4 has no target date', ruleId: 'action-due', path: 'recommendations[3].actions[1].due' });
    const [out] = filterBaseline([result([f({}), f({}), other])], baseline, key);
    expect(out?.findings).toEqual([other]);
  });

  it('spacing and case in a message do not make it new, a page number never enters', () => {
    const baseline = buildBaseline([result([f({})])], key);
    const [out] = filterBaseline([result([f({ message: 'action 2 of  recommendation 4 has no responsible owner ', location: { page: 7 } })])], baseline, key);
    expect(out?.findings).toEqual([]);
  });
});
