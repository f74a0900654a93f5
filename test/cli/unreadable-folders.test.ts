import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_EXPECTED, tempRoot } from '../hostile/harness.js';
import { BIN, ROOT } from './run.js';

// Issue 13: a folder among the inputs that cannot be listed ended the whole run with an internal error and no
// file read. It is now named in one line, the other files are converted, and the run exits 2 at the end.

const GOOD = path.join(ROOT, 'fixtures/text/000-london.txt');
const RECS = GOOD_EXPECTED.recommendations.length;
const ACTIONS = GOOD_EXPECTED.recommendations.reduce((n, r) => n + r.actions.length, 0);
/** The user `nobody`: root reads any folder whatever its mode, so the permission case runs as this user. */
const NOBODY = 65534;

let root: { dir: string; remove: () => void };
beforeAll(() => {
  root = tempRoot('folders');
  chmodSync(root.dir, 0o755);
});
afterAll(() => {
  // rm copes with paths longer than the system allows; Node's recursive removal does not.
  execFileSync('rm', ['-rf', root.dir]);
});

function convert(cwd: string, args: readonly string[], uid?: number): { code: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, 'convert', ...args], { cwd, env, encoding: 'utf8', timeout: 60_000, ...(uid === undefined ? {} : { uid, gid: NOBODY }) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('folders that cannot be listed', { timeout: 60_000 }, () => {
  it('a subfolder without read permission is named and the other files are still converted', () => {
    const dir = path.join(root.dir, 'perm');
    mkdirSync(path.join(dir, 'plans/a'), { recursive: true });
    mkdirSync(path.join(dir, 'plans/secret'));
    mkdirSync(path.join(dir, 'out'));
    copyFileSync(GOOD, path.join(dir, 'plans/a/one.txt'));
    copyFileSync(GOOD, path.join(dir, 'plans/two.txt'));
    chmodSync(path.join(dir, 'plans/secret'), 0o000);
    chmodSync(dir, 0o755);
    chmodSync(path.join(dir, 'out'), 0o777);
    const run = convert(dir, ['plans', '-o', 'out'], process.getuid?.() === 0 ? NOBODY : undefined);
    const lines = run.stderr.split('\n');
    expect(lines[0]).toBe('plancheck: plans/secret: cannot read this folder: permission denied');
    expect(lines[1]).toMatch(new RegExp(`^Converted 2 files: ${RECS * 2} recommendations, ${ACTIONS * 2} actions, 1 failed in \\d+\\.\\d s$`));
    expect(lines.slice(2)).toEqual(['']);
    expect(run.code).toBe(2);
    expect(readdirSync(path.join(dir, 'out'), { recursive: true }).sort()).toEqual(['a', 'a/one.json', 'manifest.json', 'two.json']);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'out/manifest.json'), 'utf8')) as { inputs: Array<{ path: string; status: string }> };
    expect(manifest.inputs.map((i) => [i.path, i.status])).toEqual([
      ['plans/a/one.txt', 'converted'],
      ['plans/secret', 'failed'],
      ['plans/two.txt', 'converted'],
    ]);
  });

  it('a folder whose path is longer than the system allows is named and the other files are still converted', () => {
    const dir = path.join(root.dir, 'long');
    mkdirSync(path.join(dir, 'plans'), { recursive: true });
    copyFileSync(GOOD, path.join(dir, 'plans/good.txt'));
    // 24 folders of 200 characters: past Linux's 4096-byte PATH_MAX, made one step at a time from inside.
    const step = 'x'.repeat(200);
    const script = `process.chdir('plans'); for (let i = 0; i < 24; i++) { fs.mkdirSync('${step}'); process.chdir('${step}'); } fs.copyFileSync(${JSON.stringify(GOOD)}, 'deep.txt');`;
    execFileSync(process.execPath, ['-e', `const fs = require('node:fs'); ${script}`], { cwd: dir });
    const run = convert(dir, ['plans', '-o', 'out']);
    const lines = run.stderr.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^plancheck: plans(/${step})+: cannot read this folder: file name too long$`));
    expect(lines[1]).toMatch(new RegExp(`^Converted 1 file: ${RECS} recommendations, ${ACTIONS} actions, 1 failed in \\d+\\.\\d s$`));
    expect(lines.slice(2)).toEqual(['']);
    expect(run.code).toBe(2);
    expect(readdirSync(path.join(dir, 'out'))).toContain('good.json');
  });
});
