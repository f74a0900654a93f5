import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempRoot } from '../hostile/harness.js';
import { BIN, plancheck, ROOT } from './run.js';

// Issue 13: nothing runs unbounded. The html report was quadratic in the actions of a row (20,000 actions took
// minutes, past any --timeout, since the report is made after the files are read), and a single input ran with
// no time limit at all.

let root: { dir: string; remove: () => void };
beforeAll(() => {
  root = tempRoot('unbounded');
});
afterAll(() => root.remove());

describe('validate --format html on a row of 20,000 actions', { timeout: 120_000 }, () => {
  it('finishes (within the helper’s 60 s) and shows every action', () => {
    const lines = readFileSync(path.join(ROOT, 'fixtures/text/000-london.txt'), 'utf8').split('\n');
    const header = lines.findIndex((l) => l.startsWith('1. Rec No\t'));
    const rows = ['1\tThe division should make sure that every case is reviewed.\tAgreed\tThe division will review case 0 and record it.\tHead of Public Protection\tJune 2020'];
    for (let i = 1; i < 20_000; i++) rows.push(`\t\t\tThe division will review case ${i} and record it.\tHead of Public Protection\tJune 2020`);
    const file = path.join(root.dir, 'wide.txt');
    writeFileSync(file, [...lines.slice(0, header + 1), ...rows, ''].join('\n'));
    const html = path.join(root.dir, 'wide.html');
    const run = plancheck(['validate', file, '--format', 'html', '-o', html]);
    expect([run.code, run.stderr]).toEqual([0, `plancheck: wrote ${html}: 1 file, 0 errors, 0 warnings\n`]);
    // htmlparser2 (cheerio's xml option, in HTML mode) parses the 20,000 rows in about a third of parse5's time.
    const $ = load(readFileSync(html, 'utf8'), { xml: { xmlMode: false, decodeEntities: true } });
    expect($('tbody.rec')).toHaveLength(1);
    expect($('tr.action')).toHaveLength(20_000);
    expect($('tr.action td.c-act').last().text()).toBe('Action 20000 of 20000The division will review case 19999 and record it.');
    // The response is its actions and nothing more, so it is not shown a second time.
    expect($('details.response')).toHaveLength(0);
  });
});

describe('a single input', { timeout: 120_000 }, () => {
  it('is given up after the default timeout, as each file of a batch is', () => {
    // PLANCHECK_TEST_HANG_ON is the worker's test hook: it hangs on the file of that name.
    // PLANCHECK_TEST_DEFAULT_TIMEOUT stands in for the default 60 s, so that the test does not wait a minute;
    // the help test checks that the default itself is 60 s.
    const env = { ...process.env, NO_COLOR: '1', PLANCHECK_TEST_HANG_ON: '000-london.txt', PLANCHECK_TEST_DEFAULT_TIMEOUT: '3' };
    const run = spawnSync(process.execPath, [BIN, 'validate', 'fixtures/text/000-london.txt'], { cwd: ROOT, env, encoding: 'utf8', timeout: 100_000 });
    expect(run.stderr).toBe('plancheck: fixtures/text/000-london.txt: timed out after 3 s\n');
    expect(run.status).toBe(2);
  });

  it('has a default timeout of 60 s, as the help says', () => {
    const run = plancheck(['validate', '--help']);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('--timeout <seconds> give up on a file that takes longer than this, 0 for no limit (default: 60)');
  });
});
