import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachePath, PlanCache } from '../../src/cli/cache.js';
import { configDigests } from '../../src/cli/cache-key.js';
import type { InputEntry } from '../../src/cli/inputs.js';
import type { TaskResult, TaskSetup } from '../../src/cli/workers/task.js';
import type { RuleSetting } from '../../src/rules/engine.js';
import { main } from '../../src/cli/main.js';
import type { JsonReport } from '../../src/format/json.js';
import { fixture, plancheck, ROOT, type Run } from './run.js';

// What proves a hit: PLANCHECK_TEST_READ_LOG makes the reader add the path of every input it reads to be parsed
// to a log, from whichever worker reads it. The cache itself hashes each file in the main thread, which is
// not logged: a file missing from the log was answered from the cache. A hit must also print exactly what the
// run that filled the cache printed.

let tmp: string;
let log: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'plancheck-cache-'));
  log = path.join(tmp, 'reads.log');
  mkdirSync(path.join(tmp, 'plans'));
  copyFileSync(path.join(ROOT, fixture('001-dlnr.txt')), path.join(tmp, 'plans/dlnr.txt'));
  copyFileSync(path.join(ROOT, fixture('000-london.txt')), path.join(tmp, 'plans/london.txt'));
  copyFileSync(path.join(ROOT, fixture('variant-row-per-action.txt')), path.join(tmp, 'plans/rows.txt'));
  // Holds no plan: skipped each time, and read each time, since a failure is never cached.
  writeFileSync(path.join(tmp, 'plans/notes.txt'), 'Team meeting notes\nNothing to see here.\n');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Run the CLI in the temp folder; with the inputs it read to parse, sorted (the workers finish in any order). */
function run(args: readonly string[]): Run & { reads: string[] } {
  writeFileSync(log, '');
  const result = plancheck(args, { cwd: tmp, env: { PLANCHECK_TEST_READ_LOG: log } });
  return { ...result, reads: readFileSync(log, 'utf8').split('\n').filter(Boolean).sort() };
}

const cacheFile = (name = '.plancheckcache'): { plancheckCache: number; tool: string; files: Record<string, unknown> } =>
  JSON.parse(readFileSync(path.join(tmp, name), 'utf8'));
const counts = (report: JsonReport): Array<[string, number, number]> => report.files.map((f) => [f.path, f.errorCount, f.warningCount]);
const VALIDATE = ['validate', 'plans', '--cache', '--format', 'json', '--jobs', '2'];
const ALL = ['plans/dlnr.txt', 'plans/london.txt', 'plans/rows.txt'];
const NOTES = 'plans/notes.txt';
const SKIPPED = `plancheck: ${NOTES}: skipped, no action-plan table found\n`;

describe('validate --cache, with the built CLI', () => {
  let first: Run;
  it('reads every file the first time and keeps in .plancheckcache the results of the plans, not the failure of the notes', () => {
    const { reads, ...result } = run(VALIDATE);
    first = result;
    expect(reads).toEqual([...ALL, NOTES].sort());
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(SKIPPED);
    // The counts of each plan as the rule tests and fixtures have them (001: 10 errors, 11 warnings; its two inferred numbers are reading notes).
    expect(counts(JSON.parse(result.stdout) as JsonReport)).toEqual([
      ['plans/dlnr.txt', 10, 11],
      ['plans/london.txt', 0, 0],
      ['plans/rows.txt', 1, 3],
    ]);
    const cache = cacheFile();
    expect(cache.plancheckCache).toBe(1);
    expect(cache.tool).toMatch(/^0\.1\.0 node v\d+\.\d+\.\d+ code [0-9a-f]{16}$/);
    expect(Object.keys(cache.files).sort()).toEqual(ALL);
  });

  it('reads none of them again when nothing changed, and prints the same report', () => {
    const { reads, ...result } = run(VALIDATE);
    expect(reads).toEqual([NOTES]);
    expect(result).toEqual(first);
  });

  it('reads again only the plan whose content changed', () => {
    // 001 with one more action in recommendation 2, after its fourth, with a date but no owner (as in the baseline tests).
    const dlnr = readFileSync(path.join(tmp, 'plans/dlnr.txt'), 'utf8').split('\n');
    dlnr.splice(39, 0, 'DLNR CRC will publish a quarterly learning bulletin for PDMs.\t\tJuly 2020');
    writeFileSync(path.join(tmp, 'plans/dlnr.txt'), dlnr.join('\n'));
    const { reads, code, stdout } = run(VALIDATE);
    expect(reads).toEqual(['plans/dlnr.txt', NOTES]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    expect(counts(report)[0]).toEqual(['plans/dlnr.txt', 11, 11]);
    expect(report.files[0]!.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'action-owner', message: 'Action 5 of recommendation 2 has no responsible owner', location: { line: 40 } }),
    );
  });

  it('reads again only the plan whose rule settings changed (an override for that file)', () => {
    writeFileSync(path.join(tmp, 'plans/.plancheck.yaml'), 'overrides:\n  - files: rows.txt\n    rules:\n      action-owner: warn\n');
    const { reads, code, stdout } = run(VALIDATE);
    expect(reads).toEqual([NOTES, 'plans/rows.txt']);
    expect(code).toBe(1);
    expect(counts(JSON.parse(stdout) as JsonReport)).toEqual([
      ['plans/dlnr.txt', 11, 11],
      ['plans/london.txt', 0, 0],
      ['plans/rows.txt', 0, 4],
    ]);
    first = { code, stdout, stderr: SKIPPED };
  });

  it('reads everything again, silently, when another plancheck wrote the cache', () => {
    const cache = cacheFile();
    writeFileSync(path.join(tmp, '.plancheckcache'), JSON.stringify({ ...cache, tool: '0.0.9 node v20.19.0 code 0123456789abcdef' }));
    const { reads, ...result } = run(VALIDATE);
    expect(reads).toEqual([...ALL, NOTES].sort());
    expect(result).toEqual(first);
    expect(cacheFile().tool).toBe(cache.tool);
  });

  it('sets a corrupt cache aside with one note, gives the same report, and rewrites the cache', () => {
    writeFileSync(path.join(tmp, '.plancheckcache'), '{"plancheckCache":1,"tool":"0.1');
    const { reads, ...result } = run(VALIDATE);
    expect(reads).toEqual([...ALL, NOTES].sort());
    expect(result).toEqual({ ...first, stderr: `plancheck: .plancheckcache: cache ignored, not valid JSON\n${SKIPPED}` });
    expect(Object.keys(cacheFile().files).sort()).toEqual(ALL);
  });

  it('drops the entries of deleted plans, and keeps those of plans the run did not name', () => {
    rmSync(path.join(tmp, 'plans/london.txt'));
    const { reads, code, stderr } = run(['validate', 'plans/dlnr.txt', '--cache', '--quiet']);
    expect([reads, code, stderr]).toEqual([[], 1, '']);
    expect(Object.keys(cacheFile().files).sort()).toEqual(['plans/dlnr.txt', 'plans/rows.txt']);
  });
});

describe('convert --cache, with the built CLI', () => {
  it('takes the models of unchanged plans from the cache in a folder given with --cache-location', () => {
    mkdirSync(path.join(tmp, 'convert-cache'));
    const before = readFileSync(path.join(tmp, '.plancheckcache'), 'utf8');
    const args = ['convert', 'plans', '--format', 'jsonl', '--cache', '--cache-location', 'convert-cache', '--quiet'];
    const filled = run(args);
    expect([filled.reads, filled.code, filled.stderr]).toEqual([['plans/dlnr.txt', NOTES, 'plans/rows.txt'], 0, '']);
    const models = filled.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { source: { path: string }; recommendations: unknown[] });
    expect(models.map((m) => [m.source.path, m.recommendations.length])).toEqual([
      ['plans/dlnr.txt', 8],
      ['plans/rows.txt', 2],
    ]);
    const hit = run(args);
    expect(hit.reads).toEqual([NOTES]);
    expect(hit.stdout).toBe(filled.stdout);
    expect(Object.keys(cacheFile('convert-cache/.plancheckcache').files).sort()).toEqual(['../plans/dlnr.txt', '../plans/rows.txt']);
    // validate's cache, elsewhere, is left as it was.
    expect(readFileSync(path.join(tmp, '.plancheckcache'), 'utf8')).toBe(before);
  });
});

describe('--cache-location, in process', () => {
  it('is a folder when it ends in a slash or is one, else the file itself', async () => {
    expect(await cachePath(undefined, tmp)).toBe(path.join(tmp, '.plancheckcache'));
    expect(await cachePath('new/', tmp)).toBe(path.join(tmp, 'new/.plancheckcache'));
    expect(await cachePath('plans', tmp)).toBe(path.join(tmp, 'plans/.plancheckcache'));
    expect(await cachePath('plans/cache.json', tmp)).toBe(path.join(tmp, 'plans/cache.json'));
  });

  /** Run the CLI in this process, in the temp folder. */
  async function inProcess(argv: string[]): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const code = await main({ argv, cwd: tmp, env: {}, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
    return { code, stdout, stderr };
  }
  // rows.txt has one error (an action with no owner; --rule, since a test above sets it to warn): exit 1.
  const ROWS_CHECKED = { code: 1, stdout: expect.stringContaining('Action 2 of recommendation 2 has no responsible owner') as unknown as string };

  it('never names an input', async () => {
    expect(await inProcess(['validate', 'plans/rows.txt', '--cache', '--cache-location', 'plans/rows.txt'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'plancheck: plans/rows.txt: the cache would overwrite the input\n',
    });
  });

  it('--cache-location FILE: sets aside JSON that is not a plancheck cache, with a note, and replaces it', async () => {
    writeFileSync(path.join(tmp, 'other.json'), '{"files":[]}');
    const run = await inProcess(['validate', 'plans/rows.txt', '--cache', '--cache-location', 'other.json', '--quiet', '--rule', 'action-owner=error']);
    expect(run).toEqual({ ...ROWS_CHECKED, stderr: 'plancheck: other.json: cache ignored, not a plancheck cache\n' });
    expect(Object.keys(cacheFile('other.json').files)).toEqual(['plans/rows.txt']);
  });

  it('says in one line that a cache cannot be written, and the exit code is the findings\' own', async () => {
    const run = await inProcess(['validate', 'plans/rows.txt', '--cache', '--cache-location', 'plans/rows.txt/cache', '--quiet', '--rule', 'action-owner=error']);
    expect(run).toEqual({ ...ROWS_CHECKED, stderr: 'plancheck: cannot write the cache plans/rows.txt/cache: a part of the path is not a directory\n' });
  });
});

describe('what a cached result depends on besides the content', () => {
  const entries: InputEntry[] = [
    { kind: 'file', path: 'a.txt', abs: '/plans/a.txt' },
    { kind: 'file', path: 'b.txt', abs: '/plans/b.txt' },
  ];
  const settings = (level: RuleSetting['level'], maxMonths = 24): Map<string, RuleSetting> =>
    new Map([
      ['action-owner', { level, options: {} }],
      ['due-horizon', { level: 'warn', options: { maxMonths } }],
    ]);
  const report = { path: 'report.txt', recommendations: [{ number: '1', addressee: null, text: 'Improve risk assessments' }] };
  const validate = (over: Partial<Extract<TaskSetup, { command: 'validate' }>> = {}): TaskSetup => ({
    command: 'validate',
    settings: settings('error'),
    inspectionReport: null,
    keepPlan: false,
    ...over,
  });
  const digest = (setup: TaskSetup, perFile?: Array<Map<string, RuleSetting>>, index = 0): string => configDigests(setup, entries, perFile)(index);
  const base = digest(validate());

  it('is the same for the same command, path and settings', () => {
    expect(digest(validate())).toBe(base);
    expect(digest(validate(), [settings('error'), settings('off')])).toBe(base);
  });

  it.each([
    ['the path the file is shown under', digest(validate(), undefined, 1)],
    ['a rule level in force for that file', digest(validate(), [settings('warn'), settings('error')])],
    ['a rule option in force for that file', digest(validate(), [settings('error', 36), settings('error')])],
    ['an inspection report given', digest(validate({ inspectionReport: report }))],
    ['a keeping of the plan for the html report', digest(validate({ keepPlan: true }))],
    ['the command', digest({ command: 'convert', format: 'json' })],
  ])('changes with %s', (_what, changed) => {
    expect(changed).not.toBe(base);
  });

  it("changes with the inspection report's recommendations, and with convert's format", () => {
    const edited = { ...report, recommendations: [{ ...report.recommendations[0]!, text: 'Improve risk assessment' }] };
    expect(digest(validate({ inspectionReport: edited }))).not.toBe(digest(validate({ inspectionReport: report })));
    expect(digest({ command: 'convert', format: 'csv' })).not.toBe(digest({ command: 'convert', format: 'json' }));
  });
});

describe('--cache-strategy, on the cache itself', () => {
  it('metadata trusts a recorded size and modification time; content, the default, does not', async () => {
    const dir = path.join(tmp, 'strategy');
    mkdirSync(dir);
    const plan = path.join(dir, 'plan.txt');
    const file = path.join(dir, '.plancheckcache');
    const entry: InputEntry = { kind: 'file', path: 'plan.txt', abs: plan };
    const model: TaskResult = { kind: 'converted', path: 'plan.txt', text: '{}\n', counts: { recommendations: 1, actions: 1 } };
    let stderr = '';
    const io = { stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) }, stdin: undefined, cwd: dir, env: {} };
    const check = async (strategy: 'content' | 'metadata'): Promise<'hit' | 'miss'> => {
      const cache = await PlanCache.open(file, strategy, io);
      const found = await cache.check(entry, 'convert', 'settings');
      if ('keep' in found) found.keep(model);
      await cache.save(io);
      return 'hit' in found ? 'hit' : 'miss';
    };
    // Whole seconds, which the file system keeps exactly.
    const time = 1_700_000_000;
    writeFileSync(plan, 'one');
    utimesSync(plan, time, time);
    expect(await check('content')).toBe('miss');
    // Touched but unchanged: hashed, found the same, and its new time recorded.
    utimesSync(plan, time + 1, time + 1);
    expect(await check('metadata')).toBe('hit');
    // Changed, but of the same size and given the recorded time back: metadata cannot tell; content can.
    writeFileSync(plan, 'two');
    utimesSync(plan, time + 1, time + 1);
    expect(await check('metadata')).toBe('hit');
    expect(await check('content')).toBe('miss');
    expect(stderr).toBe('');
  });
});
