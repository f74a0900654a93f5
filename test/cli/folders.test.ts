import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plancheck, ROOT } from './run.js';

/**
 * A folder as people keep one: plans beside notes, a web page, Word's lock file of an open draft, an archive
 * sub-folder, and the same plan in two formats. Runs start in `tmp`, so paths are shown relative to it.
 */
let tmp: string;
const put = (rel: string, content: string | Buffer): void => {
  mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
  writeFileSync(path.join(tmp, rel), content);
};
const fixture = (rel: string): Buffer => readFileSync(path.join(ROOT, rel));
const run = (args: string[]): ReturnType<typeof plancheck> => plancheck(args, { cwd: tmp });
const files = (stdout: string): Array<{ path: string; findings: Array<{ ruleId: string }> }> =>
  (JSON.parse(stdout) as { files: Array<{ path: string; findings: Array<{ ruleId: string }> }> }).files;
const rulesOf = (f: { findings: Array<{ ruleId: string }> }): string[] => [...new Set(f.findings.map((x) => x.ruleId))].sort();

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'plancheck-folders-'));
  put('plans/london.txt', fixture('fixtures/text/000-london.txt'));
  put('plans/~$london.txt', fixture('fixtures/text/000-london.txt'));
  put('plans/.~lock.london.txt#', 'lock');
  put('plans/notes.txt', 'Call Sam about the draft on Monday.\n');
  put('plans/index.html', '<html><body><h1>Plans</h1><p>See the folder.</p></body></html>\n');
  put('plans/archive/dlnr.txt', fixture('fixtures/text/001-dlnr.txt'));
  put('twins/borderless.docx', fixture('fixtures/plans/borderless.docx'));
  put('twins/borderless.html', fixture('fixtures/plans/borderless.html'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('walking a folder', { timeout: 120_000 }, () => {
  it('skips lock files silently and files holding no plan with one line each; exit code from the plans alone', () => {
    const r = run(['validate', 'plans', '--format', 'json']);
    expect(r.code).toBe(1); // dlnr has error findings; the skipped files add nothing
    expect(files(r.stdout).map((f) => f.path)).toEqual(['plans/archive/dlnr.txt', 'plans/london.txt']);
    expect(r.stderr).toBe('plancheck: plans/index.html: skipped, no action-plan table found\nplancheck: plans/notes.txt: skipped, no action-plan table found\n');
    expect(run(['validate', 'plans', '--format', 'json', '--quiet']).stderr).toBe('');
  });

  it('a file named on the command line that holds no plan is still an unreadable input, exit 2', () => {
    const r = run(['validate', 'plans/notes.txt', 'plans/london.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('plancheck: plans/notes.txt: no action-plan table found\n');
  });

  it('a lock file named on the command line is left out with a note, as ESLint does with an ignored file', () => {
    const r = run(['validate', 'plans/~$london.txt', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(files(r.stdout)).toEqual([]);
    expect(r.stderr).toBe('plancheck: plans/~$london.txt: ignored, a lock or temp file\n');
  });

  it('--ignore-pattern leaves out matching files, relative to the working directory; repeatable', () => {
    const one = run(['validate', 'plans', '--format', 'json', '--ignore-pattern', 'plans/archive', '--quiet']);
    expect(one.code).toBe(0);
    expect(files(one.stdout).map((f) => f.path)).toEqual(['plans/london.txt']);
    const two = run(['validate', 'plans', '--format', 'json', '--ignore-pattern', '**/notes.txt', '--ignore-pattern', '**/*.html']);
    expect(two.stderr).toBe('');
    expect(files(two.stdout).map((f) => f.path)).toEqual(['plans/archive/dlnr.txt', 'plans/london.txt']);
    const all = run(['validate', 'plans/archive', '--ignore-pattern', 'plans/**']);
    expect(all.code).toBe(2);
    expect(all.stderr).toBe('plancheck: every file found in plans/archive is ignored\n');
  });
});

describe('config looked up from each file, with ignores and overrides', { timeout: 120_000 }, () => {
  beforeAll(() => {
    put('cfg/.plancheck.yaml', 'ignores:\n  - "drafts/**"\nrules:\n  vague-action: off\noverrides:\n  - files: "archive/**"\n    rules:\n      action-due: warn\n      action-owner: off\n');
    put('cfg/dlnr.txt', fixture('fixtures/text/001-dlnr.txt'));
    put('cfg/archive/dlnr.txt', fixture('fixtures/text/001-dlnr.txt'));
    put('cfg/drafts/dlnr.txt', fixture('fixtures/text/001-dlnr.txt'));
    put('cfg/team/.plancheck.yml', 'rules:\n  due-time-bound: off\n');
    put('cfg/team/dlnr.txt', fixture('fixtures/text/001-dlnr.txt'));
  });

  it('each file gets its nearest config, wherever the run starts; overrides apply to their globs; ignores leave files out', () => {
    // 001's inferred rec numbers are reading notes, so numbering has nothing to say of it.
    const all = ['action-due', 'action-owner', 'due-time-bound', 'owner-due-alignment', 'vague-action'];
    for (const [cwd, prefix] of [[tmp, 'cfg/'], [path.join(tmp, 'cfg'), '']] as const) {
      const r = plancheck(['validate', prefix === '' ? '.' : 'cfg', '--format', 'json'], { cwd });
      expect(r.stderr).toBe('');
      const byPath = new Map(files(r.stdout).map((f) => [f.path, f]));
      expect([...byPath.keys()].sort()).toEqual([`${prefix}archive/dlnr.txt`, `${prefix}dlnr.txt`, `${prefix}team/dlnr.txt`]);
      // cfg/.plancheck.yaml: vague-action off.
      expect(rulesOf(byPath.get(`${prefix}dlnr.txt`)!)).toEqual(all.filter((id) => id !== 'vague-action'));
      // and for archive/**: action-owner off, action-due a warning.
      const archived = byPath.get(`${prefix}archive/dlnr.txt`)!;
      expect(rulesOf(archived)).toEqual(['action-due', 'due-time-bound', 'owner-due-alignment']);
      expect(archived.findings.filter((f) => f.ruleId === 'action-due').every((f) => (f as unknown as { severity: string }).severity === 'warn')).toBe(true);
      // cfg/team/.plancheck.yml is nearer: only due-time-bound off, vague-action back on.
      expect(rulesOf(byPath.get(`${prefix}team/dlnr.txt`)!)).toEqual(all.filter((id) => id !== 'due-time-bound'));
    }
  });

  it('-c FILE wins for every file, and --rule wins over both', () => {
    put('strict.yaml', 'rules:\n  owner-due-alignment: off\n');
    const r = run(['validate', 'cfg', '-c', 'strict.yaml', '--rule', 'due-time-bound=off', '--format', 'json']);
    const paths = files(r.stdout).map((f) => f.path);
    expect(paths).toEqual(['cfg/archive/dlnr.txt', 'cfg/dlnr.txt', 'cfg/drafts/dlnr.txt', 'cfg/team/dlnr.txt']);
    for (const f of files(r.stdout)) expect(rulesOf(f)).toEqual(['action-due', 'action-owner', 'vague-action']);
  });

  it('a bad override is a config error naming the key, exit 2', () => {
    put('bad/.plancheck.yaml', 'overrides:\n  - files: "x/**"\n    rules:\n      action-du: off\n');
    put('bad/plan.txt', fixture('fixtures/text/000-london.txt'));
    const r = run(['validate', 'bad']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('plancheck: bad/.plancheck.yaml: overrides[0].rules.action-du: unknown rule "action-du"; did you mean "action-due"?\n');
    put('bad/.plancheck.yaml', 'overrides:\n  - file: "x/**"\n');
    expect(run(['validate', 'bad']).stderr).toBe('plancheck: bad/.plancheck.yaml: overrides[0]: unknown key "file": the keys allowed are "files" and "rules"\n');
  });
});

describe('convert -o DIR over a folder', { timeout: 120_000 }, () => {
  it('names a plan kept in two formats after its whole file name, and lists every input in manifest.json', () => {
    const r = run(['convert', 'twins', 'plans', '-o', 'out']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^plancheck: plans\/index\.html: skipped, no action-plan table found\nplancheck: plans\/notes\.txt: skipped, no action-plan table found\nConverted 4 files: 25 recommendations, 99 actions, 0 failed, 2 skipped in \d+\.\d s\n$/,
    );
    const written = readdirSync(path.join(tmp, 'out'), { recursive: true }).map(String).sort();
    expect(written).toEqual(['manifest.json', 'plans', 'plans/archive', 'plans/archive/dlnr.json', 'plans/london.json', 'twins', 'twins/borderless.docx.json', 'twins/borderless.html.json']);
    const docx = JSON.parse(readFileSync(path.join(tmp, 'out/twins/borderless.docx.json'), 'utf8')) as { source: { path: string; format: string } };
    expect(docx.source).toMatchObject({ path: 'twins/borderless.docx', format: 'docx' });
    const manifest = JSON.parse(readFileSync(path.join(tmp, 'out/manifest.json'), 'utf8')) as unknown;
    // Counts from the hand-checked expectations: borderless 5 recs / 12 actions, london 7 / 33, dlnr 8 / 42.
    expect(manifest).toEqual({
      format: 'json',
      counts: { inputs: 6, converted: 4, skipped: 2, failed: 0, recommendations: 5 + 5 + 7 + 8, actions: 12 + 12 + 33 + 42 },
      inputs: [
        { path: 'twins/borderless.docx', status: 'converted', output: 'twins/borderless.docx.json', recommendations: 5, actions: 12 },
        { path: 'twins/borderless.html', status: 'converted', output: 'twins/borderless.html.json', recommendations: 5, actions: 12 },
        { path: 'plans/archive/dlnr.txt', status: 'converted', output: 'plans/archive/dlnr.json', recommendations: 8, actions: 42 },
        { path: 'plans/index.html', status: 'skipped', reason: 'no action-plan table found' },
        { path: 'plans/london.txt', status: 'converted', output: 'plans/london.json', recommendations: 7, actions: 33 },
        { path: 'plans/notes.txt', status: 'skipped', reason: 'no action-plan table found' },
      ],
    });
  });

  it('records a failed input with its reason, and a plan called manifest keeps clear of the manifest', () => {
    put('m/manifest.txt', fixture('fixtures/text/000-london.txt'));
    put('m/empty.txt', '');
    const r = run(['convert', 'm', '-o', 'm-out', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('plancheck: m/empty.txt: empty file\n');
    expect(readdirSync(path.join(tmp, 'm-out')).sort()).toEqual(['manifest.json', 'manifest.txt.json']);
    const manifest = JSON.parse(readFileSync(path.join(tmp, 'm-out/manifest.json'), 'utf8')) as { inputs: unknown[] };
    expect(manifest.inputs).toEqual([
      { path: 'm/empty.txt', status: 'failed', reason: 'empty file' },
      { path: 'm/manifest.txt', status: 'converted', output: 'manifest.txt.json', recommendations: 7, actions: 33 },
    ]);
  });
});

