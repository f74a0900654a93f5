import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compoundFile, damageEntry, deeplyNestedHtml, seededBytes, zipBombDocx } from '../../fixtures/hostile/make.mjs';
import { BIN, plancheck, ROOT } from '../cli/run.js';
import { listTree, shown, tempRoot } from './harness.js';
import { expectRecommendations, type ReadingDeviations } from '../read/reading-deviations.js';
import { withoutLocations } from '../read/without-locations.js';

/**
 * One folder mixing good plans of every format with broken and hostile files, some in sub-folders, as a
 * user's folder of downloads might: `convert -o` must write every good plan in full and nothing else.
 */
const tmp = tempRoot('hostile-batch');
let plans: string;

/** Good inputs, relative to `plans`, and the hand-checked expectation each must match. */
const GOOD: Array<{ rel: string; expected: string }> = [
  { rel: '000-london.txt', expected: 'fixtures/text/000-london.expected.json' },
  { rel: 'regions/001-dlnr.txt', expected: 'fixtures/text/001-dlnr.expected.json' },
  { rel: 'eastmoor/parallel.html', expected: 'fixtures/plans/parallel.expected.json' },
  { rel: 'eastmoor/parallel-word.docx', expected: 'fixtures/plans/parallel.expected.json' },
  { rel: 'wexley/row-per-action.pdf', expected: 'fixtures/plans/row-per-action.expected.json' },
  { rel: 'wexley/borderless.chromium.pdf', expected: 'fixtures/plans/borderless.expected.json' },
];
const GOOD_FROM: Record<string, string> = {
  '000-london.txt': 'fixtures/text/000-london.txt',
  'regions/001-dlnr.txt': 'fixtures/text/001-dlnr.txt',
  'eastmoor/parallel.html': 'fixtures/plans/parallel.html',
  'eastmoor/parallel-word.docx': 'fixtures/plans/parallel.docx',
  'wexley/row-per-action.pdf': 'fixtures/plans/row-per-action.pdf',
  'wexley/borderless.chromium.pdf': 'fixtures/plans/borderless.chromium.pdf',
};

/** Bad inputs, relative to `plans`, in the order the CLI lists them (sorted paths), with their one-line reasons. */
const BAD: Array<[string, string | RegExp]> = [
  ['a-empty.txt', 'empty file'],
  ['downloads/bomb.docx', 'word/document.xml expands to more than the 20000 bytes its zip entry declares: refusing a possible zip bomb'],
  ['downloads/corrupt.docx', /^damaged Word file: word\/document\.xml: [a-z][a-z ]+$/],
  ['downloads/deep.html', 'HTML elements nested more than 256 deep: not an action plan'],
  ['downloads/encrypted.pdf', 'encrypted PDF: cannot read without its password'],
  ['downloads/junk.txt', 'binary data: not a PDF, Word file, HTML page or text export'],
  ['downloads/protected.docx', 'a password-protected Office file: remove the password and save it again as .docx'],
  ['downloads/random.pdf', 'not a PDF (no %PDF- header): the file is damaged or is another kind of file named .pdf'],
  ['downloads/scan.pdf', 'no text layer: scanned document?'],
  ['downloads/truncated.pdf', 'damaged PDF: invalid PDF structure'],
];

/** Files found in the folder that hold no plan: skipped with one line each, before the bad files, not counted as failed. */
const SKIPPED = ['downloads/letter.txt', 'downloads/no-table.html'];
const skippedLines = (): string[] => SKIPPED.map((rel) => `plancheck: ${shown(path.join(plans, rel))}: skipped, no action-plan table found`);

const jsonName = (rel: string): string => rel.replace(/\.(txt|html|docx|pdf)$/, '.json');

/** The good plan's output holds the recommendations its hand-checked expectation lists. */
function expectWritten(out: string, good: { rel: string; expected: string }): void {
  const doc = JSON.parse(readFileSync(path.join(out, jsonName(good.rel)), 'utf8')) as { source: { path: string }; recommendations: unknown[] };
  const expected = JSON.parse(readFileSync(path.join(ROOT, good.expected), 'utf8')) as { recommendations: Array<{ number: string | null }>; readingDeviations?: ReadingDeviations };
  expect(doc.source.path).toBe(shown(path.join(plans, good.rel)));
  const recs = withoutLocations(doc.recommendations) as unknown[];
  expect(recs, good.rel).toHaveLength(expected.recommendations.length);
  expectRecommendations(recs, withoutLocations(expected.recommendations) as typeof expected.recommendations, path.basename(good.rel), expected.readingDeviations);
}

beforeAll(() => {
  plans = path.join(tmp.dir, 'plans');
  const put = (rel: string, content: string | Buffer): void => {
    mkdirSync(path.dirname(path.join(plans, rel)), { recursive: true });
    writeFileSync(path.join(plans, rel), content);
  };
  for (const good of GOOD) put(good.rel, readFileSync(path.join(ROOT, GOOD_FROM[good.rel]!)));
  const fixture = (rel: string): Buffer => readFileSync(path.join(ROOT, rel));
  put('a-empty.txt', '');
  put('downloads/bomb.docx', zipBombDocx({ honest: false }));
  put('downloads/corrupt.docx', damageEntry(fixture('fixtures/plans/borderless.docx'), 'word/document.xml'));
  put('downloads/deep.html', deeplyNestedHtml(50_000));
  put('downloads/encrypted.pdf', fixture('fixtures/pdf/fatal/encrypted.pdf'));
  put('downloads/junk.txt', seededBytes(5000, 11));
  put('downloads/letter.txt', fixture('fixtures/hostile/no-plan.txt'));
  put('downloads/no-table.html', fixture('fixtures/hostile/no-table.html'));
  put('downloads/protected.docx', compoundFile());
  put('downloads/random.pdf', seededBytes(4096));
  put('downloads/scan.pdf', fixture('fixtures/pdf/fatal/scanned.pdf'));
  put('downloads/truncated.pdf', fixture('fixtures/pdf/fatal/truncated.pdf'));
  // Not plan files by name: a folder's other files are passed over, whatever they hold.
  put('downloads/legacy.doc', fixture('fixtures/hostile/legacy.doc'));
  put('downloads/notes.md', '# notes\n');
});
afterAll(tmp.remove);

function expectBadLines(all: readonly string[]): void {
  expect(all.slice(0, SKIPPED.length)).toEqual(skippedLines());
  const lines = all.slice(SKIPPED.length);
  BAD.forEach(([rel, reason], i) => {
    const prefix = `plancheck: ${shown(path.join(plans, rel))}: `;
    expect(lines[i]!.startsWith(prefix), `${lines[i]} for ${rel}`).toBe(true);
    if (typeof reason === 'string') expect(lines[i]!.slice(prefix.length)).toBe(reason);
    else expect(lines[i]!.slice(prefix.length)).toMatch(reason);
  });
}

describe('convert -o over a folder mixing good and bad files', { timeout: 60_000 }, () => {
  it('writes every good plan in full, nothing for the bad ones, no temp file; one line per bad file; exit 2', () => {
    const out = path.join(tmp.dir, 'out');
    const run = plancheck(['convert', plans, '-o', out, '--jobs', '2']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(listTree(out)).toEqual([...GOOD.map((g) => jsonName(g.rel)), 'manifest.json'].sort());
    for (const good of GOOD) expectWritten(out, good);

    const lines = run.stderr.split('\n');
    expect(lines, run.stderr).toHaveLength(SKIPPED.length + BAD.length + 2);
    expectBadLines(lines);
    expect(lines[SKIPPED.length + BAD.length]).toMatch(new RegExp(`^Converted ${GOOD.length} files: \\d+ recommendations, \\d+ actions, ${BAD.length} failed, ${SKIPPED.length} skipped in \\d+\\.\\d s$`));
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('validate --format json gives each bad file its fatal reason and checks the good ones', () => {
    const run = plancheck(['validate', plans, '--format', 'json', '--jobs', '2']);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as { files: Array<{ path: string; fatal: string | null }> };
    const all = [...GOOD.map((g) => g.rel), ...BAD.map(([rel]) => rel)].map((rel) => shown(path.join(plans, rel))).sort();
    expect(report.files.map((f) => f.path)).toEqual(all);
    for (const [rel, reason] of BAD) {
      const file = report.files.find((f) => f.path === shown(path.join(plans, rel)))!;
      if (typeof reason === 'string') expect(file.fatal).toBe(reason);
      else expect(file.fatal).toMatch(reason);
    }
    for (const good of GOOD) expect(report.files.find((f) => f.path === shown(path.join(plans, good.rel)))!.fatal).toBeNull();
    expectBadLines(run.stderr.split('\n'));
  });

  it('--timeout gives up on a file that hangs; every other file is still written or refused as before', () => {
    // A limit the real files keep even on a loaded machine; the hanging one never finishes whatever the limit.
    const out = path.join(tmp.dir, 'out-timeout');
    // PLANCHECK_TEST_HANG_ON is the worker's test hook: it hangs on the file of that base name.
    const run = plancheck(['convert', plans, '-o', out, '--jobs', '2', '--timeout', '15'], { env: { PLANCHECK_TEST_HANG_ON: 'parallel.html' } });
    expect(run.code).toBe(2);
    const written = GOOD.filter((g) => g.rel !== 'eastmoor/parallel.html');
    expect(listTree(out)).toEqual([...written.map((g) => jsonName(g.rel)), 'manifest.json'].sort());
    for (const good of written) expectWritten(out, good);
    // The skipped files, then in input order: the bad files (a-empty.txt, downloads/…), then eastmoor/parallel.html.
    const lines = run.stderr.split('\n');
    expectBadLines(lines);
    expect(lines[SKIPPED.length + BAD.length]).toBe(`plancheck: ${shown(path.join(plans, 'eastmoor/parallel.html'))}: timed out after 15 s`);
    expect(lines[SKIPPED.length + BAD.length + 1]).toMatch(new RegExp(`^Converted ${written.length} files: .*, ${BAD.length + 1} failed, ${SKIPPED.length} skipped in \\d+\\.\\d s$`));
  });

  it('a run killed part-way leaves only whole outputs behind', { timeout: 120_000 }, async () => {
    // Twenty copies of a plan make the run long enough to be killed once its first output has been written.
    const many = path.join(tmp.dir, 'many');
    mkdirSync(many);
    for (let i = 0; i < 20; i++) copyFileSync(path.join(ROOT, 'fixtures/plans/parallel.pdf'), path.join(many, `plan-${String(i).padStart(2, '0')}.pdf`));
    const out = path.join(tmp.dir, 'out-killed');
    const child = spawn(process.execPath, [BIN, 'convert', many, '-o', out, '--jobs', '2'], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    // Polled for up to a minute: a loaded machine may take many seconds to write the first one.
    for (let i = 0; i < 6000 && !(existsSync(out) && readdirSync(out).some((f) => f.endsWith('.json'))); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill('SIGKILL');
    await exited;
    const left = listTree(out);
    const outputs = left.filter((f) => f.endsWith('.json'));
    expect(outputs.length).toBeGreaterThan(0);
    expect(outputs.length).toBeLessThan(20);
    for (const f of outputs) {
      const doc = JSON.parse(readFileSync(path.join(out, f), 'utf8')) as { recommendations: unknown[] };
      expect(doc.recommendations, f).toHaveLength(10);
    }
    // A write cut off by the kill can leave only its own temp file, never a partial <name>.json.
    expect(left.filter((f) => !f.endsWith('.json')).every((f) => /^\.plan-\d\d\.json\.\d+\.[0-9a-f]{8}\.tmp$/.test(f))).toBe(true);
  });
});
