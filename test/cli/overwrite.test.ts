import { execFileSync } from 'node:child_process';
import { copyFileSync, lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempRoot } from '../hostile/harness.js';
import { expectRefused, plancheck, ROOT } from './run.js';

// Issue 13: outputs that replaced the user's own files. Every run here is refused with one line and exit 2,
// before anything is written, and the files it would have replaced keep their bytes (and links stay links).

const PLAN = readFileSync(path.join(ROOT, 'fixtures/text/000-london.txt'));
const REPORT = readFileSync(path.join(ROOT, 'fixtures/reports/004-london-report.txt'));
const CONFIG = 'rules:\n  vague-action: off\n';

let root: { dir: string; remove: () => void };
let n = 0;
/** A fresh folder holding plan.txt, report.txt and .plancheck.yaml. */
function folder(): string {
  const dir = path.join(root.dir, `case-${++n}`);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'plan.txt'), PLAN);
  writeFileSync(path.join(dir, 'report.txt'), REPORT);
  writeFileSync(path.join(dir, '.plancheck.yaml'), CONFIG);
  return dir;
}

beforeAll(() => {
  root = tempRoot('overwrite');
});
afterAll(() => root.remove());

describe('validate refuses to write over a file it reads', { timeout: 60_000 }, () => {
  it('-o naming the input', () => {
    const dir = folder();
    expectRefused(plancheck(['validate', 'plan.txt', '-o', 'plan.txt'], { cwd: dir }), 'plan.txt: the report would overwrite the input');
    expect(readFileSync(path.join(dir, 'plan.txt'))).toEqual(PLAN);
  });

  it('--update-baseline naming the input', () => {
    const dir = folder();
    const run = plancheck(['validate', 'plan.txt', '--baseline', 'plan.txt', '--update-baseline'], { cwd: dir });
    expectRefused(run, 'plan.txt: the baseline would overwrite the input');
    expect(readFileSync(path.join(dir, 'plan.txt'))).toEqual(PLAN);
  });

  it('-o naming the inspection report', () => {
    const dir = folder();
    const run = plancheck(['validate', 'plan.txt', '--report', 'report.txt', '-o', 'report.txt'], { cwd: dir });
    expectRefused(run, 'report.txt: the report would overwrite the inspection report');
    expect(readFileSync(path.join(dir, 'report.txt'))).toEqual(REPORT);
  });

  it('-o naming the config file found from the working directory, and the one given with -c', () => {
    const dir = folder();
    expectRefused(plancheck(['validate', 'plan.txt', '-o', '.plancheck.yaml'], { cwd: dir }), '.plancheck.yaml: the report would overwrite the config file');
    writeFileSync(path.join(dir, 'strict.yaml'), CONFIG);
    expectRefused(plancheck(['validate', 'plan.txt', '-c', 'strict.yaml', '-o', 'strict.yaml'], { cwd: dir }), 'strict.yaml: the report would overwrite the config file');
    expect(readFileSync(path.join(dir, '.plancheck.yaml'), 'utf8')).toBe(CONFIG);
    expect(readFileSync(path.join(dir, 'strict.yaml'), 'utf8')).toBe(CONFIG);
  });

  it('-o naming the baseline being read, and -o naming the baseline being written', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'base.json'), '{"version":1,"files":{}}\n');
    expectRefused(plancheck(['validate', 'plan.txt', '--baseline', 'base.json', '-o', 'base.json'], { cwd: dir }), 'base.json: the report would overwrite the baseline');
    const run = plancheck(['validate', 'plan.txt', '--baseline', 'base.json', '--update-baseline', '-o', 'base.json'], { cwd: dir });
    expectRefused(run, 'base.json: the baseline would overwrite the report');
    expect(readFileSync(path.join(dir, 'base.json'), 'utf8')).toBe('{"version":1,"files":{}}\n');
  });

  it('-o naming a link to the input, or a link to a folder holding it', () => {
    const dir = folder();
    symlinkSync('plan.txt', path.join(dir, 'link.txt'));
    symlinkSync('.', path.join(dir, 'here'));
    expectRefused(plancheck(['validate', 'plan.txt', '-o', 'link.txt'], { cwd: dir }), 'link.txt: the report would overwrite the input plan.txt');
    expectRefused(plancheck(['validate', 'plan.txt', '-o', 'here/plan.txt'], { cwd: dir }), 'here/plan.txt: the report would overwrite the input plan.txt');
    expect(readFileSync(path.join(dir, 'plan.txt'))).toEqual(PLAN);
    expect(readlinkSync(path.join(dir, 'link.txt'))).toBe('plan.txt');
  });
});

describe('convert -o DIR refuses an output that is an input', { timeout: 60_000 }, () => {
  it('through a link to the input folder (the same path without the link was already refused)', () => {
    const dir = folder();
    mkdirSync(path.join(dir, 'data'));
    writeFileSync(path.join(dir, 'data/plan.json'), PLAN);
    symlinkSync('data', path.join(dir, 'out-link'));
    expectRefused(plancheck(['convert', 'data/plan.json', '-o', 'out-link'], { cwd: dir }), 'out-link/plan.json: the output would overwrite the input data/plan.json');
    expectRefused(plancheck(['convert', 'data/plan.json', '-o', 'data'], { cwd: dir }), 'data/plan.json: the output would overwrite the input');
    expect(readFileSync(path.join(dir, 'data/plan.json'))).toEqual(PLAN);
  });

  it("when one input's output is another input", () => {
    const dir = folder();
    mkdirSync(path.join(dir, 'd/sub'), { recursive: true });
    copyFileSync(path.join(dir, 'plan.txt'), path.join(dir, 'd/a.txt'));
    writeFileSync(path.join(dir, 'd/sub/a.json'), PLAN);
    // Outputs mirror the inputs' folders under -o: d/a.txt becomes d/sub/a.json, which is the second input.
    expectRefused(plancheck(['convert', 'd/a.txt', 'd/sub/a.json', '-o', 'd/sub'], { cwd: dir }), 'd/sub/a.json: the output would overwrite the input');
    expect(readFileSync(path.join(dir, 'd/sub/a.json'))).toEqual(PLAN);
  });
});

describe('convert -o DIR and links inside DIR', { timeout: 60_000 }, () => {
  it('an output that is a link to a file outside DIR is refused: neither the link nor its target is replaced', () => {
    const dir = folder();
    mkdirSync(path.join(dir, 'out'));
    writeFileSync(path.join(dir, 'keep.json'), 'mine');
    symlinkSync('../keep.json', path.join(dir, 'out/plan.json'));
    const run = plancheck(['convert', 'plan.txt', '-o', 'out'], { cwd: dir });
    expect(run.stderr.split('\n')[0]).toBe('plancheck: plan.txt: cannot write out/plan.json: out/plan.json leads outside the output directory');
    expect(run.code).toBe(2);
    expect(readlinkSync(path.join(dir, 'out/plan.json'))).toBe('../keep.json');
    expect(readFileSync(path.join(dir, 'keep.json'), 'utf8')).toBe('mine');
  });
});

describe('-o writes through devices and links instead of replacing them', { timeout: 60_000 }, () => {
  it('-o /dev/stdout prints the report, even when the standard output is a socket that cannot be opened by name', () => {
    const dir = folder();
    const run = plancheck(['validate', 'plan.txt', '--format', 'json', '-o', '/dev/stdout'], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(JSON.parse(run.stdout)).toMatchObject({ files: [{ path: 'plan.txt', fatal: null, errorCount: 0 }] });
  });

  it('-o naming a character device (a null device made for the test) writes to it, leaves it a device, and says nothing of a file written', () => {
    const dir = folder();
    const device = path.join(dir, 'null');
    try {
      execFileSync('mknod', [device, 'c', '1', '3']);
    } catch {
      return; // mknod needs root; /dev/null itself is not put at risk.
    }
    const run = plancheck(['validate', 'plan.txt', '-o', 'null'], { cwd: dir });
    expect([run.code, run.stderr, run.stdout]).toEqual([0, '', '']);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });

  it('-o naming a link to a report file replaces the report and keeps the link, as the shell `>` would', () => {
    const dir = folder();
    mkdirSync(path.join(dir, 'reports'));
    writeFileSync(path.join(dir, 'reports/last.json'), 'old');
    symlinkSync('reports/last.json', path.join(dir, 'latest.json'));
    const run = plancheck(['validate', 'plan.txt', '--format', 'json', '-o', 'latest.json'], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([0, 'plancheck: wrote latest.json: 1 file, 0 errors, 0 warnings\n']);
    expect(readlinkSync(path.join(dir, 'latest.json'))).toBe('reports/last.json');
    expect(JSON.parse(readFileSync(path.join(dir, 'reports/last.json'), 'utf8'))).toMatchObject({ files: [{ path: 'plan.txt' }] });
  });
});
