import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_EXPECTED, tempRoot } from '../hostile/harness.js';
import { plancheck, ROOT } from './run.js';

// Issue 13: text exports and their neighbours that plancheck misread: lone-CR line endings, a NUL byte past
// the first 64 KB, rec numbers of 1000 and more, an inspection report in Windows-1252, and a word list for
// vague-action long enough to take gigabytes.

const GOOD = readFileSync(path.join(ROOT, 'fixtures/text/000-london.txt'), 'utf8');
const LINES = GOOD.split('\n');
const HEADER = LINES.findIndex((l) => l.startsWith('1. Rec No\t'));

/** Seed 000's text above its table and the header, then rows numbered from `first`, `count` of them. */
function numberedPlan(first: number, count: number, extra = ''): string {
  const rows = Array.from(
    { length: count },
    (_, i) =>
      `${first + i}\tThe division should make sure that case ${first + i} is reviewed by a manager.\tAgreed\t` +
      `The division will review case ${first + i} and record the outcome in the case file${i === count - 1 ? extra : ''}.\tHead of Public Protection\tJune 2020`,
  );
  return [...LINES.slice(0, HEADER + 1), ...rows, ''].join('\n');
}

interface Model {
  recommendations: Array<{ number: string | null; actions: Array<{ text: string }> }>;
  diagnostics: Array<{ code: string }>;
}

let root: { dir: string; remove: () => void };
const file = (name: string): string => path.join(root.dir, name);
beforeAll(() => {
  root = tempRoot('text-input');
});
afterAll(() => root.remove());

describe('text exports', { timeout: 60_000 }, () => {
  it('with lone-CR line endings read as with LF ones', () => {
    writeFileSync(file('cr.txt'), GOOD.replaceAll('\n', '\r'));
    const run = plancheck(['convert', file('cr.txt')]);
    expect(run.stderr).toMatch(/^Converted 1 file: 7 recommendations, 33 actions, 0 failed in [\d.]+ s\n$/);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as Model;
    expect(doc.recommendations).toEqual(GOOD_EXPECTED.recommendations);
  });

  it('with a NUL byte are refused as binary data wherever it is: in the first 64 KB or past it', () => {
    const early = numberedPlan(1, 600).replace('case 1 is reviewed', 'case 1\u0000 is reviewed');
    const late = numberedPlan(1, 600, '\u0000');
    expect(late.indexOf('\u0000')).toBeGreaterThan(64 * 1024);
    writeFileSync(file('nul-early.txt'), early);
    writeFileSync(file('nul-late.txt'), late);
    const run = plancheck(['validate', file('nul-early.txt'), file('nul-late.txt')]);
    const reason = 'binary data: not a PDF, Word file, HTML page or text export';
    // Given as absolute paths, they are named so.
    expect(run.stderr).toBe(`plancheck: ${file('nul-early.txt')}: ${reason}\nplancheck: ${file('nul-late.txt')}: ${reason}\n`);
    expect(run.code).toBe(2);
  });

  it('read rec numbers of 1000 and more', () => {
    writeFileSync(file('thousand.txt'), numberedPlan(998, 5));
    const run = plancheck(['convert', file('thousand.txt')]);
    expect(run.stderr).toMatch(/^Converted 1 file: 5 recommendations, 5 actions, 0 failed in [\d.]+ s\n$/);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as Model;
    expect(doc.recommendations.map((r) => r.number)).toEqual(['998', '999', '1000', '1001', '1002']);
    expect(doc.diagnostics.map((d) => d.code)).not.toContain('number-inferred');
  });
});

describe('an inspection report in Windows-1252', { timeout: 60_000 }, () => {
  it('is decoded with the Windows-1252 table, so that its wording matches the plan that quotes it', () => {
    // Ž is 0x8E in Windows-1252: Node's decoder for that label gives U+008E instead.
    const edit = (text: string): string => text.replace('in all cases', 'in Žall cases');
    const report = edit(readFileSync(path.join(ROOT, 'fixtures/reports/004-london-report.txt'), 'utf8'));
    const bytes = Buffer.from([...report].map((c) => (c === 'Ž' ? 0x8e : c === '©' ? 0xa9 : c === '–' ? 0x96 : c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : 0x3f)));
    writeFileSync(file('report-1252.txt'), bytes);
    writeFileSync(file('plan-z.txt'), edit(GOOD));
    const run = plancheck(['validate', file('plan-z.txt'), '--report', file('report-1252.txt')]);
    expect([run.code, run.stdout, run.stderr]).toEqual([0, `✔ ${file('plan-z.txt')}: no problems — 7 recommendations, 33 actions\n`, '']);
  });
});

describe('vague-action word list', { timeout: 60_000 }, () => {
  // Forty times the limit: parsing the YAML alone took 3 s of CPU for 200,000 phrases, and the limit is what is tested.
  it('of 20,000 phrases is a config error naming the rule and the option, at once', () => {
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i}`);
    writeFileSync(file('huge.yaml'), `rules:\n  vague-action: [warn, { words: [${words.join(', ')}] }]\n`);
    const run = plancheck(['validate', path.join(ROOT, 'fixtures/text/000-london.txt'), '-c', file('huge.yaml')]);
    expect(run.stderr).toBe(`plancheck: ${file('huge.yaml')}: rules.vague-action: option "words": at most 500 phrases\n`);
    expect([run.code, run.stdout]).toEqual([2, '']);
  });
});
