import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonFinding, JsonReport } from '../../src/format/json.js';
import { fixture, plancheck, ROOT } from './run.js';


function validateJson(args: readonly string[], cwd?: string): { code: number | null; report: JsonReport; stderr: string } {
  const run = plancheck(['validate', '--format', 'json', ...args], { cwd });
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

const where = (f: JsonFinding): string => `${f.ruleId} ${f.recommendation}/${f.action ?? '-'}`;

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'plancheck-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('validate on the seeds', { timeout: 120_000 }, () => {
  it('000 (London): nothing to report, exit 0, one line saying so', () => {
    const run = plancheck(['validate', fixture('000-london.txt')]);
    expect(run).toEqual({ code: 0, stdout: '✔ fixtures/text/000-london.txt: no problems — 7 recommendations, 33 actions\n', stderr: '' });
  });

  it('001 (DLNR): every action without an owner or a date is an error at its line, exit 1', () => {
    const { code, report } = validateJson([fixture('001-dlnr.txt')]);
    expect(code).toBe(1);
    const missing = report.files[0]!.findings.filter((f) => f.ruleId === 'action-owner' || f.ruleId === 'action-due');
    // Checked against the document: these five actions have empty owner and date cells.
    expect(missing.map(where)).toEqual([
      'action-due 3/7', 'action-owner 3/7',
      'action-due 3/8', 'action-owner 3/8',
      'action-due 4/2', 'action-owner 4/2',
      'action-due 7/8', 'action-owner 7/8',
      'action-due 8/2', 'action-owner 8/2',
    ]);
    expect(missing[0]).toEqual({
      ruleId: 'action-due',
      severity: 'error',
      message: 'Action 7 of recommendation 3 has no target date',
      recommendation: '3',
      action: 7,
      location: { line: 53 },
    });
    expect(report.errorCount).toBe(10);
  });

  it('002 (Essex/Northants): rows whose owners or dates do not match their actions are flagged', () => {
    const { report } = validateJson([fixture('002-essex-northants.txt')]);
    const alignment = report.files[0]!.findings.filter((f) => f.ruleId === 'owner-due-alignment');
    // Rec 16: one owner ("Probation Workforce Programme") for two actions, but two dates: only the owner is flagged.
    expect(alignment.filter((f) => f.recommendation === '16').map((f) => f.message)).toEqual([
      'Recommendation 16 lists 1 owner for 2 actions; the one given was applied to each',
    ]);
    // Rec 14: one owner and five dates for seven actions.
    expect(alignment.filter((f) => f.recommendation === '14').map((f) => f.message)).toEqual([
      'Recommendation 14 lists 1 owner for 7 actions; the one given was applied to each',
      'Recommendation 14 lists 5 target dates for 7 actions; they could not be paired one to one',
    ]);
    const missingDates = report.files[0]!.findings.filter((f) => f.ruleId === 'action-due').map(where);
    expect(missingDates).toEqual(['action-due 7/1', 'action-due 12/3', 'action-due 14/4', 'action-due 14/5']);
  });

  it('stylish names the file, each finding with its line and rule id, and a summary', () => {
    const run = plancheck(['validate', fixture('001-dlnr.txt')]);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('fixtures/text/001-dlnr.txt');
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}l\.53 +error +Action 7 of recommendation 3 has no target date +action-due$/));
    // 11 warnings: no owner-due-alignment for recs 1 and 5, whose rows are one action each (one owner, one date);
    // the six repairs of 001-dlnr.expected.json's diagnostics (all but the two pairing ones) are reading notes.
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 21 problems (10 errors, 11 warnings) · 6 reading notes');
    const notesAt = lines.indexOf('  reading notes:');
    expect(notesAt).toBe(22);
    for (const line of lines.slice(1, notesAt)) expect(line).toMatch(/ (error|warning) .* [a-z-]+$/);
    expect(lines.slice(notesAt + 1, -3).map((l) => l.split(/ +/).at(-1))).toEqual([
      'number-inferred', 'number-inferred', 'stray-cell', 'number-repeated', 'duplicate-line', 'noise-line',
    ]);
  });
});

describe('validate options', { timeout: 120_000 }, () => {
  it('--rule turns a rule off or changes its level; later flags win', () => {
    const off = validateJson([fixture('001-dlnr.txt'), '--rule', 'action-owner=off', '--rule', 'action-due=warn']);
    expect(off.report.files[0]!.findings.some((f) => f.ruleId === 'action-owner')).toBe(false);
    expect(off.report.files[0]!.findings.filter((f) => f.ruleId === 'action-due').every((f) => f.severity === 'warn')).toBe(true);
    expect(off.code).toBe(0);
    const back = validateJson([fixture('001-dlnr.txt'), '--rule', 'action-owner=off', '--rule', 'action-owner=error']);
    expect(back.report.files[0]!.findings.filter((f) => f.ruleId === 'action-owner')).toHaveLength(5);
  });

  it('--quiet shows errors only, --max-warnings fails the run on too many warnings', () => {
    const quiet = validateJson([fixture('001-dlnr.txt'), '--quiet']);
    expect(quiet.report.files[0]!.findings.every((f) => f.severity === 'error')).toBe(true);
    expect(quiet.report.warningCount).toBe(0);
    const args = [fixture('001-dlnr.txt'), '--rule', 'action-owner=off', '--rule', 'action-due=off'];
    expect(validateJson([...args, '--max-warnings', '11']).code).toBe(0);
    const over = validateJson([...args, '--max-warnings', '10']);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('plancheck: too many warnings: 11, the maximum is 10\n');
  });

  it('an unknown rule, a bad level and a bad --max-warnings are usage errors with exit 2', () => {
    const typo = plancheck(['validate', fixture('000-london.txt'), '--rule', 'action-onwer=off']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('plancheck: --rule action-onwer=off: unknown rule "action-onwer"; did you mean "action-owner"?\n');
    const level = plancheck(['validate', fixture('000-london.txt'), '--rule', 'action-owner=loud']);
    expect(level.code).toBe(2);
    expect(level.stderr).toContain('--rule action-owner=loud: expected ID=off, ID=warn or ID=error');
    expect(plancheck(['validate', fixture('000-london.txt'), '--max-warnings', 'many']).code).toBe(2);
    expect(plancheck(['validate', fixture('000-london.txt'), '--format', 'xml']).code).toBe(2);
  });

  it('finds .plancheck.yaml by walking up from the working directory', () => {
    const project = path.join(tmp, 'project');
    mkdirSync(path.join(project, 'plans/2019'), { recursive: true });
    writeFileSync(path.join(project, '.plancheck.yaml'), 'rules:\n  action-owner: off\n  action-due: warn\n');
    writeFileSync(path.join(project, 'plans/2019/dlnr.txt'), readFileSync(path.join(ROOT, fixture('001-dlnr.txt'))));
    const { code, report } = validateJson(['dlnr.txt'], path.join(project, 'plans/2019'));
    expect(report.files[0]!.path).toBe('dlnr.txt');
    expect(report.files[0]!.findings.some((f) => f.ruleId === 'action-owner')).toBe(false);
    expect(code).toBe(0);
  });

  it('-c takes a config file with rule options; --rule wins over it', () => {
    const config = path.join(tmp, 'horizon.yml');
    writeFileSync(config, 'rules:\n  due-horizon: [error, { maxMonths: 1 }]\n');
    const { report } = validateJson([fixture('000-london.txt'), '-c', config]);
    const horizon = report.files[0]!.findings.filter((f) => f.ruleId === 'due-horizon');
    expect(horizon.length).toBeGreaterThan(0);
    expect(horizon.every((f) => f.severity === 'error')).toBe(true);
    const flagged = validateJson([fixture('000-london.txt'), '-c', config, '--rule', 'due-horizon=off']);
    expect(flagged.code).toBe(0);
  });

  it('an invalid config names the bad key, exit 2', () => {
    const cases: Array<[string, string]> = [
      ['rules:\n  vague-actoin: off\n', 'rules.vague-actoin: unknown rule "vague-actoin"; did you mean "vague-action"?'],
      ['rules:\n  action-due: sometimes\n', 'rules.action-due: expected off, warn or error, or [level, { options }], got "sometimes"'],
      ['rules:\n  due-horizon: [warn, { maxMonth: 36 }]\n', 'rules.due-horizon: unknown option "maxMonth"'],
      ['rule:\n  action-due: off\n', 'unknown top-level key "rule": the keys allowed are "rules", "ignores" and "overrides"'],
    ];
    for (const [text, reason] of cases) {
      const file = path.join(tmp, 'bad.yaml');
      writeFileSync(file, text);
      const run = plancheck(['validate', fixture('000-london.txt'), '-c', file]);
      expect(run.code, text).toBe(2);
      expect(run.stderr, text).toBe(`plancheck: ${file}: ${reason}\n`);
      expect(run.stdout).toBe('');
    }
  });

  it('an unreadable input is reported on one line, the other inputs still run, exit 2', () => {
    const run = plancheck(['validate', '--format', 'json', 'no/such/plan.pdf', fixture('001-dlnr.txt')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('plancheck: no/such/plan.pdf: no such file or directory\n');
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files.map((f) => [f.path, f.fatal])).toEqual([
      ['no/such/plan.pdf', 'no such file or directory'],
      ['fixtures/text/001-dlnr.txt', null],
    ]);
    expect(report.files[1]!.errorCount).toBe(10);
  });

  it('reads standard input with -', () => {
    const run = plancheck(['validate', '--format', 'json', '-'], { input: readFileSync(path.join(ROOT, fixture('001-dlnr.txt'))) });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files[0]!.path).toBe('<stdin>');
    expect(report.errorCount).toBe(10);
  });

  it('a directory is searched for plan files', () => {
    const { report } = validateJson(['fixtures/text']);
    expect(report.files.map((f) => f.path)).toEqual(
      readdirSync(path.join(ROOT, 'fixtures/text')).filter((f) => f.endsWith('.txt')).sort().map((f) => `fixtures/text/${f}`),
    );
  });
});

describe('convert', { timeout: 120_000 }, () => {
  const expected = (name: string): unknown => JSON.parse(readFileSync(path.join(ROOT, 'fixtures/text', `${name}.expected.json`), 'utf8'));

  it.each(['000-london', '001-dlnr', '002-essex-northants'])('%s to standard output equals the hand-checked expectation', (name) => {
    const run = plancheck(['convert', fixture(`${name}.txt`)]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(doc.schemaVersion).toBe(1);
    expect(doc.source).toMatchObject({ path: `fixtures/text/${name}.txt`, format: 'text', pages: null });
    expect({ plan: doc.plan, recommendations: doc.recommendations, diagnostics: doc.diagnostics }).toEqual(expected(name));
  });

  it('--format yaml gives the same model', () => {
    const run = plancheck(['convert', fixture('000-london.txt'), '--format', 'yaml']);
    const doc = parseYaml(run.stdout) as { recommendations: unknown };
    expect(doc.recommendations).toEqual((expected('000-london') as { recommendations: unknown }).recommendations);
  });

  it('-o DIR writes one file per input, mirroring folders, and a summary line', () => {
    const out = path.join(tmp, 'json');
    const run = plancheck(['convert', 'fixtures/text', '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(readdirSync(out).sort()).toEqual(['000-london.json', '001-dlnr.json', '002-essex-northants.json', 'manifest.json', 'variant-refs-bullets.json', 'variant-row-per-action.json']);
    const doc = JSON.parse(readFileSync(path.join(out, '001-dlnr.json'), 'utf8')) as { recommendations: unknown[] };
    expect(doc.recommendations).toHaveLength(8);
    expect(run.stderr).toMatch(/^Converted 5 files: \d+ recommendations, \d+ actions, 0 failed in \d+\.\d s\n$/);
  });

  it('stops quietly when the reader of its output has gone (| true, like | head)', () => {
    // `true` exits without reading, so every write to the pipe fails with EPIPE.
    const run = spawnSync('sh', ['-c', `"${process.execPath}" bin/plancheck.js convert ${fixture('000-london.txt')} | true`], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).not.toMatch(/EPIPE|Error|Node\.js/);
  });

  it('two inputs without -o are a usage error', () => {
    const run = plancheck(['convert', fixture('000-london.txt'), fixture('001-dlnr.txt')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('plancheck: 2 inputs but standard output takes one json plan: use -o DIR to write one file per input, or --format jsonl or csv\n');
  });

  it('a bad file among good ones: the good ones are written, the bad one named, exit 2', () => {
    const dir = path.join(tmp, 'mixed');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'good.txt'), readFileSync(path.join(ROOT, fixture('000-london.txt'))));
    const out = path.join(tmp, 'mixed-out');
    const run = plancheck(['convert', dir, '-o', out]);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(`plancheck: ${path.join(dir, 'empty.txt')}: empty file`);
    expect(readdirSync(out).sort()).toEqual(['good.json', 'manifest.json']);
  });
});

describe('rules, schema, help', { timeout: 120_000 }, () => {
  it('rules lists every rule of the README with its default and docs page', () => {
    const run = plancheck(['rules']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^RULE +DEFAULT +DOCS +DESCRIPTION$/);
    const ids = lines.slice(1).map((l) => l.split(/ +/)[0]);
    expect(ids.slice(0, 14)).toEqual([
      'agreement-stated', 'recommendation-text', 'actions-present', 'action-owner', 'action-due', 'owner-due-alignment',
      'partly-agreed-reason', 'not-agreed-reason', 'due-time-bound', 'due-before-submission', 'due-horizon', 'numbering',
      'plan-metadata', 'vague-action',
    ]);
    // Web addresses, which work for an installed package; each is the page of docs/rules/ of that name.
    const base = 'https://github.com/plancheck/plancheck/blob/main/';
    expect(lines[1]).toMatch(/^agreement-stated +error +https:\/\/github\.com\/plancheck\/plancheck\/blob\/main\/docs\/rules\/agreement-stated\.md +each recommendation is marked/);
    for (const line of lines.slice(1)) {
      const url = line.split(/ +/)[2]!;
      expect(url.startsWith(base), url).toBe(true);
      expect(existsSync(path.join(ROOT, url.slice(base.length)))).toBe(true);
    }
  });

  it('schema prints the committed JSON Schema', () => {
    const run = plancheck(['schema']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(readFileSync(path.join(ROOT, 'schemas/plan.schema.json'), 'utf8')));
  });

  it('--help on every command explains it and exits 0; an unknown command exits 2', () => {
    for (const command of ['validate', 'convert', 'rules', 'schema']) {
      const run = plancheck([command, '--help']);
      expect(run.code, command).toBe(0);
      expect(run.stdout, command).toContain(`Usage: plancheck ${command}`);
    }
    expect(plancheck(['validate', '--help']).stdout).toContain('--max-warnings <n>');
    const unknown = plancheck(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("plancheck: unknown command 'frobnicate'");
    expect(plancheck(['validate']).code).toBe(2);
  });
});
