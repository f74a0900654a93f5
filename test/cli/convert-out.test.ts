import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, plancheck, ROOT } from './run.js';

interface Expected {
  recommendations: Array<{ number: string | null; actions: Array<{ text: string; owner: string | null }> }>;
}
const expected = (name: string): Expected => JSON.parse(readFileSync(path.join(ROOT, 'fixtures/text', `${name}.expected.json`), 'utf8')) as Expected;
/** CSV rows a plan should give: one per action, one for each recommendation without any. */
const rowCount = (e: Expected): number => e.recommendations.reduce((n, r) => n + Math.max(1, r.actions.length), 0);

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'plancheck-convert-out-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('convert --format csv', { timeout: 120_000 }, () => {
  it('puts many plans into one CSV on standard output, header once, rows in input order', () => {
    const run = plancheck(['convert', fixture('001-dlnr.txt'), fixture('000-london.txt'), '--format', 'csv', '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    // Text fields are whitespace-collapsed, so no cell holds a line break: records split on CRLF.
    const lines = run.stdout.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toMatch(/^file,sha256,recommendation,/);
    const dlnr = expected('001-dlnr');
    const london = expected('000-london');
    const body = lines.slice(1, -1);
    expect(body).toHaveLength(rowCount(dlnr) + rowCount(london));
    expect(body.slice(0, rowCount(dlnr)).every((l) => l.startsWith('fixtures/text/001-dlnr.txt,'))).toBe(true);
    expect(body.slice(rowCount(dlnr)).every((l) => l.startsWith('fixtures/text/000-london.txt,'))).toBe(true);
    // The first action of DLNR, checked against its hand-checked model: id, owner, due.
    const first = dlnr.recommendations[0]!.actions[0]!;
    const sha = createHash('sha256').update(readFileSync(path.join(ROOT, fixture('001-dlnr.txt')))).digest('hex');
    expect(body[0]!.startsWith(`fixtures/text/001-dlnr.txt,${sha},1,`)).toBe(true);
    expect(body[0]).toContain(`,1,${sha.slice(0, 12)}-1-1,`);
    expect(body[0]).toContain(`,${first.owner},April 2020,2020-04,planned,,23,`);
  });

  it('-o FILE writes the same CSV to that file, atomically', () => {
    const out = path.join(tmp, 'actions.csv');
    const run = plancheck(['convert', fixture('001-dlnr.txt'), fixture('000-london.txt'), '--format', 'csv', '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const stdout = plancheck(['convert', fixture('001-dlnr.txt'), fixture('000-london.txt'), '--format', 'csv']).stdout;
    expect(readFileSync(out, 'utf8')).toBe(stdout);
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a folder, since every plan goes into one file', () => {
    const run = plancheck(['convert', fixture('001-dlnr.txt'), '--format', 'csv', '-o', tmp]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`plancheck: -o ${tmp}: is a folder, but --format csv writes every plan into one file: give a file name such as plans.csv\n`);
  });
});

describe('convert --format jsonl', { timeout: 120_000 }, () => {
  it('writes one plan per line, several to standard output', () => {
    const run = plancheck(['convert', fixture('001-dlnr.txt'), fixture('000-london.txt'), '--format', 'jsonl', '-q']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    const docs = lines.slice(0, 2).map((l) => JSON.parse(l) as Expected);
    expect(docs.map((d) => d.recommendations)).toEqual([expected('001-dlnr').recommendations, expected('000-london').recommendations]);
  });
});

describe('convert -o: one meaning per command', { timeout: 120_000 }, () => {
  it('-o out.json with one input writes that file, not a folder', () => {
    const out = path.join(tmp, 'out.json');
    const run = plancheck(['convert', fixture('000-london.txt'), '-o', out, '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(statSync(out).isFile()).toBe(true);
    expect((JSON.parse(readFileSync(out, 'utf8')) as Expected).recommendations).toEqual(expected('000-london').recommendations);
  });

  it('-o FILE is not written when no plan could be read', () => {
    const out = path.join(tmp, 'none.json');
    const run = plancheck(['convert', 'fixtures/text/missing.txt', '-o', out, '-q']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('plancheck: fixtures/text/missing.txt: no such file or directory\n');
    expect(existsSync(out)).toBe(false);
  });

  it('-o out.json with several inputs is a usage error, not a folder named out.json', () => {
    const out = path.join(tmp, 'many.json');
    const run = plancheck(['convert', fixture('000-london.txt'), fixture('001-dlnr.txt'), '-o', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`plancheck: -o ${out} names one json file but there are 2 inputs: give a folder for one file per input, or use --format jsonl or csv\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('a path without the extension, or an existing folder, is the folder as before', () => {
    const dir = path.join(tmp, 'existing.json');
    mkdirSync(dir);
    const run = plancheck(['convert', fixture('000-london.txt'), '-o', dir, '--quiet']);
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['000-london.json', 'manifest.json']);
    const plain = path.join(tmp, 'plain');
    expect(plancheck(['convert', fixture('000-london.txt'), '-o', plain, '-q']).code).toBe(0);
    expect(readdirSync(plain).sort()).toEqual(['000-london.json', 'manifest.json']);
  });

  it('never writes over an input', () => {
    const run = plancheck(['convert', 'fixtures/text/000-london.expected.json', '-o', 'fixtures/text/000-london.expected.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('plancheck: fixtures/text/000-london.expected.json: the output would overwrite the input\n');
  });

  it('--quiet leaves standard error empty on success; errors still show', () => {
    const out = path.join(tmp, 'quiet');
    const ok = plancheck(['convert', 'fixtures/text', '-o', out, '--quiet']);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe('');
    const bad = plancheck(['convert', 'fixtures/text/missing.txt', '-o', out, '--quiet']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('plancheck: fixtures/text/missing.txt: no such file or directory\n');
  });
});
