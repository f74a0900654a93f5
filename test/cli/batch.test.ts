import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSpareWorker, startSpareWorker, WorkerPool } from '../../src/cli/pool.js';
import { startProgress, wantsProgress } from '../../src/cli/progress.js';
import { BIN, plancheck, ROOT } from './run.js';

const FIXTURES = ['000-london', '001-dlnr', '002-essex-northants', 'variant-refs-bullets', 'variant-row-per-action'];
interface Expected {
  recommendations: Array<{ actions: unknown[] }>;
}
const expected = (name: string): Expected => JSON.parse(readFileSync(path.join(ROOT, 'fixtures/text', `${name}.expected.json`), 'utf8')) as Expected;
const source = (name: string): Buffer => readFileSync(path.join(ROOT, 'fixtures/text', `${name}.txt`));

interface JsonReport {
  files: Array<{ path: string; fatal: string | null; errorCount: number; warningCount: number; findings: unknown[]; notes: unknown[] }>;
  errorCount: number;
  warningCount: number;
}

/** Every file under a directory, as sorted paths relative to it. */
function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

const asRoot = process.getuid?.() === 0;
let tmp: string;
/** The batch: four copies of each text fixture, two at the top and two in nested folders, 20 plans in all. */
let plans: string;
/** Each good input (relative to `plans`) and the fixture it copies. */
const good: Array<{ rel: string; fixture: string }> = [];

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'plancheck-batch-'));
  plans = path.join(tmp, 'plans');
  for (const name of FIXTURES) {
    for (const rel of [`${name}-1.txt`, `${name}-2.txt`, `north/${name}.txt`, `south/2022/${name}.txt`]) {
      mkdirSync(path.dirname(path.join(plans, rel)), { recursive: true });
      writeFileSync(path.join(plans, rel), source(name));
      good.push({ rel, fixture: name });
    }
  }
  writeFileSync(path.join(plans, 'empty.txt'), '');
  // A directory named like a plan, given on the command line: an input that cannot be read, even as root.
  mkdirSync(path.join(tmp, 'not-a-plan.txt'));
  if (!asRoot) {
    writeFileSync(path.join(plans, 'locked.txt'), source('000-london'));
    chmodSync(path.join(plans, 'locked.txt'), 0o000);
  }
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// The inputs are given as absolute paths, and are shown as typed; -o messages name outputs relative to the working directory.
const rel = (p: string): string => p;
const relOut = (p: string): string => path.relative(ROOT, p);
const totals = (items: ReadonlyArray<{ fixture: string }>): { recommendations: number; actions: number } => {
  let recommendations = 0;
  let actions = 0;
  for (const { fixture } of items) {
    const recs = expected(fixture).recommendations;
    recommendations += recs.length;
    actions += recs.reduce((n, r) => n + r.actions.length, 0);
  }
  return { recommendations, actions };
};

describe('convert a batch with --jobs', () => {
  it('writes every good file at its mirrored path, names the bad ones in input order, leaves no temp file, exit 2', () => {
    const out = path.join(tmp, 'out-json');
    const run = plancheck(['convert', plans, path.join(tmp, 'not-a-plan.txt'), '-o', out, '--jobs', '2']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(listTree(out)).toEqual([...good.map((g) => g.rel.replace(/\.txt$/, '.json')), 'manifest.json'].sort());
    for (const g of good) {
      const doc = JSON.parse(readFileSync(path.join(out, g.rel.replace(/\.txt$/, '.json')), 'utf8')) as Expected & { source: { path: string } };
      expect(doc.source.path).toBe(rel(path.join(plans, g.rel)));
      expect(doc.recommendations).toEqual(expected(g.fixture).recommendations);
    }
    const { recommendations, actions } = totals(good);
    const failed = asRoot ? 2 : 3;
    const lines = run.stderr.split('\n');
    expect(lines.slice(0, failed)).toEqual([
      `plancheck: ${rel(path.join(plans, 'empty.txt'))}: empty file`,
      ...(asRoot ? [] : [`plancheck: ${rel(path.join(plans, 'locked.txt'))}: permission denied`]),
      `plancheck: ${rel(path.join(tmp, 'not-a-plan.txt'))}: no .pdf, .docx, .html, .htm or .txt file in this directory`,
    ]);
    expect(lines[failed]).toMatch(new RegExp(`^Converted 20 files: ${recommendations} recommendations, ${actions} actions, ${failed} failed in \\d+\\.\\d s$`));
    expect(lines.slice(failed + 1)).toEqual(['']);
  });

  it('--format yaml writes .yaml files holding the same model', () => {
    const out = path.join(tmp, 'out-yaml');
    const run = plancheck(['convert', plans, '-o', out, '--format', 'yaml', '--jobs', '2']);
    expect(run.code).toBe(2);
    expect(listTree(out)).toEqual([...good.map((g) => g.rel.replace(/\.txt$/, '.yaml')), 'manifest.json'].sort());
    const doc = parseYaml(readFileSync(path.join(out, 'north/001-dlnr.yaml'), 'utf8')) as Expected;
    expect(doc.recommendations).toEqual(expected('001-dlnr').recommendations);
  });

  it('standard input can be one input among files', () => {
    const out = path.join(tmp, 'out-stdin');
    const run = plancheck(['convert', '-', path.join(plans, 'north/000-london.txt'), '-o', out, '--jobs', '2'], { input: source('001-dlnr') });
    expect(run.code).toBe(0);
    expect(listTree(out)).toEqual(['000-london.json', 'manifest.json', 'stdin.json']);
    const doc = JSON.parse(readFileSync(path.join(out, 'stdin.json'), 'utf8')) as Expected;
    expect(doc.recommendations).toEqual(expected('001-dlnr').recommendations);
  });
});

describe('-o never writes outside its directory', () => {
  it('inputs from sibling folders are mirrored under DIR by their common base', () => {
    const base = path.join(tmp, 'siblings');
    for (const dir of ['east', 'west']) {
      mkdirSync(path.join(base, dir), { recursive: true });
      writeFileSync(path.join(base, dir, 'plan.txt'), source('000-london'));
    }
    const out = path.join(base, 'out');
    const run = plancheck(['convert', path.join(base, 'east/plan.txt'), path.join(base, 'west/plan.txt'), '-o', out]);
    expect(run.code).toBe(0);
    expect(listTree(base)).toEqual(['east/plan.txt', 'out/east/plan.json', 'out/manifest.json', 'out/west/plan.json', 'west/plan.txt']);
  });

  it('a symbolic link inside DIR that leads elsewhere is refused for the files under it; the others are written', () => {
    const base = path.join(tmp, 'escape');
    mkdirSync(path.join(base, 'in/linked'), { recursive: true });
    mkdirSync(path.join(base, 'elsewhere'));
    mkdirSync(path.join(base, 'out'));
    writeFileSync(path.join(base, 'in/linked/plan.txt'), source('000-london'));
    writeFileSync(path.join(base, 'in/plan.txt'), source('000-london'));
    symlinkSync(path.join(base, 'elsewhere'), path.join(base, 'out/linked'));
    const run = plancheck(['convert', path.join(base, 'in'), '-o', path.join(base, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(
      `plancheck: ${rel(path.join(base, 'in/linked/plan.txt'))}: cannot write ${relOut(path.join(base, 'out/linked/plan.json'))}: ${relOut(path.join(base, 'out/linked'))} leads outside the output directory`,
    );
    expect(readdirSync(path.join(base, 'elsewhere'))).toEqual([]);
    expect(readdirSync(path.join(base, 'out')).sort()).toEqual(['linked', 'manifest.json', 'plan.json']);
  });
});

describe('validate a batch with --jobs', () => {
  it('gives the same JSON report with two workers as with one, files in input order', () => {
    const one = plancheck(['validate', plans, '--format', 'json', '--jobs', '1']);
    const two = plancheck(['validate', plans, '--format', 'json', '--jobs', '2']);
    expect(two.code).toBe(2);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    const report = JSON.parse(two.stdout) as JsonReport;
    const inputs = [...good.map((g) => g.rel), 'empty.txt', ...(asRoot ? [] : ['locked.txt'])].sort();
    expect(report.files.map((f) => f.path)).toEqual(inputs.map((r) => rel(path.join(plans, r))));
    // 001 has ten error findings (checked by hand in cli.test.ts), whichever copy and whichever worker read it.
    expect(report.files.filter((f) => f.path.includes('001-dlnr')).map((f) => f.errorCount)).toEqual([10, 10, 10, 10]);
    // Not at a terminal: standard error holds the unreadable files only, no progress bar and no summary.
    expect(two.stderr).toBe(`plancheck: ${rel(path.join(plans, 'empty.txt'))}: empty file\n${asRoot ? '' : `plancheck: ${rel(path.join(plans, 'locked.txt'))}: permission denied\n`}`);
  });
});

describe('--timeout', () => {
  // PLANCHECK_TEST_HANG_ON is a test hook: the worker hangs on the file of that name.
  const hang = { PLANCHECK_TEST_HANG_ON: '002-essex-northants-1.txt' };
  const hung = (): string => rel(path.join(plans, '002-essex-northants-1.txt'));
  // The limit for a batch leaves the other files seconds each, which even a loaded two-core machine gives them.

  it('gives up on a file that takes too long; the others complete', () => {
    const run = plancheck(['validate', plans, '--format', 'json', '--jobs', '2', '--timeout', '5'], { env: hang });
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files.find((f) => f.path === hung())).toEqual({ path: hung(), fatal: 'timed out after 5 s', errorCount: 0, warningCount: 0, findings: [], notes: [] });
    const others = report.files.filter((f) => f.path !== hung() && !/empty|locked/.test(f.path));
    expect(others).toHaveLength(19);
    expect(others.every((f) => f.fatal === null)).toBe(true);
    expect(run.stderr).toContain(`plancheck: ${hung()}: timed out after 5 s\n`);
  });

  it('convert writes the other files and names the one that timed out', () => {
    const out = path.join(tmp, 'out-timeout');
    const run = plancheck(['convert', plans, '-o', out, '--jobs', '2', '--timeout', '5'], { env: hang });
    expect(run.code).toBe(2);
    expect(listTree(out)).toEqual([...good.filter((g) => g.rel !== '002-essex-northants-1.txt').map((g) => g.rel.replace(/\.txt$/, '.json')), 'manifest.json'].sort());
    expect(run.stderr).toContain(`plancheck: ${hung()}: timed out after 5 s\n`);
  });

  it('applies to a single input when given, and is a usage error when not a number of seconds', () => {
    const run = plancheck(['validate', path.join(plans, '002-essex-northants-1.txt'), '--timeout', '0.5'], { env: hang });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`plancheck: ${hung()}: timed out after 0.5 s\n`);
    const bad = plancheck(['convert', path.join(plans, 'north/000-london.txt'), '--timeout', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("option '--timeout <seconds>' argument 'soon' is invalid. expected a number of seconds, 0 or more");
  });
});

describe('a worker process that dies', () => {
  it('is the failure of the file it was reading; the other files complete', () => {
    // PLANCHECK_TEST_DIE_ON is a test hook: the worker process kills itself on the file of that name.
    const dead = rel(path.join(plans, '002-essex-northants-1.txt'));
    const run = plancheck(['validate', plans, '--format', 'json', '--jobs', '2'], { env: { PLANCHECK_TEST_DIE_ON: '002-essex-northants-1.txt' } });
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files.find((f) => f.path === dead)).toEqual({ path: dead, fatal: 'internal error: the worker was killed by SIGKILL', errorCount: 0, warningCount: 0, findings: [], notes: [] });
    const others = report.files.filter((f) => f.path !== dead && !/empty|locked/.test(f.path));
    expect(others).toHaveLength(19);
    expect(others.every((f) => f.fatal === null)).toBe(true);
    expect(run.stderr).toContain(`plancheck: ${dead}: internal error: the worker was killed by SIGKILL\n`);
  });
});

// A worker process for WorkerPool: it doubles numbers, throws on 13 (answering as the real worker does), dies on
// 7, is killed on 8, spins forever on 99, answers 'who' with its process id, its arguments and two variables of its
// environment, { sleep: ms } with its process id after that long, and { peek: ms } after that long with how many
// tasks it holds that wait for it. Like the real worker, it takes the tasks it is
// sent one after another, in order: the pool sends a worker at work its next task ahead.
const script = (): URL => {
  const file = path.join(tmp, 'pool-worker.mjs');
  writeFileSync(
    file,
    [
      'let current;',
      'const waiting = [];',
      "process.on('uncaughtException', (err) => {",
      '  if (current === undefined || !process.connected) return;',
      "  process.send({ id: current, crash: err.message.split('\\n')[0] });",
      '  current = undefined;',
      '});',
      "process.on('message', (message) => {",
      "  if ('setup' in message) return;",
      '  waiting.push(message);',
      '  if (current === undefined) next();',
      '});',
      'function next() {',
      '  const message = waiting.shift();',
      '  if (!message) return;',
      '  const { id, task } = message;',
      '  current = id;',
      '  const done = (result) => {',
      '    if (current !== id) return;',
      '    current = undefined;',
      '    process.send({ id, result });',
      '    next();',
      '  };',
      '  if (task === 99) for (;;);',
      '  if (task === 7) process.exit(3);',
      "  if (task === 8) process.kill(process.pid, 'SIGKILL');",
      "  if (task === 'who') return done([process.pid, process.argv.slice(2), process.env.NODE_EXTRA_CA_CERTS ?? null, process.env.PLANCHECK_TEST_PASSED ?? null]);",
      "  if (task && typeof task === 'object' && 'peek' in task) return setTimeout(() => done(waiting.length), task.peek);",
      "  if (task && typeof task === 'object') return setTimeout(() => done(process.pid), task.sleep);",
      "  if (task === 13) return setTimeout(() => { throw new Error('unlucky number\\nsecond line'); });",
      '  done(task * 2);',
      '}',
      'if (process.connected) process.send({ ready: true });',
    ].join('\n'),
  );
  return pathToFileURL(file);
};

describe('WorkerPool', () => {
  it('answers each task, and turns a crash or a time-out into a reason while the other tasks carry on', async () => {
    // The limit counts from when a task is handed to a worker, start-up included: seconds, for a loaded machine.
    const pool = new WorkerPool<number, number>(script(), 2, null, 3000);
    try {
      const outcomes = await Promise.all([1, 99, 2, 7, 3, 13, 4, 8, 5].map((n) => pool.run(n)));
      expect(outcomes).toEqual([
        { ok: true, value: 2 },
        { ok: false, reason: 'timed out after 3 s' },
        { ok: true, value: 4 },
        { ok: false, reason: 'internal error: the worker stopped with exit code 3' },
        { ok: true, value: 6 },
        { ok: false, reason: 'internal error: unlucky number' },
        { ok: true, value: 8 },
        { ok: false, reason: 'internal error: the worker was killed by SIGKILL' },
        { ok: true, value: 10 },
      ]);
    } finally {
      await pool.close();
    }
    expect(await pool.run(5)).toEqual({ ok: false, reason: 'internal error: the worker pool is closed' });
  });
});

describe('WorkerPool, tasks sent ahead', () => {
  it('a worker at work holds the next task before it answers the last', async () => {
    const pool = new WorkerPool<number | { peek: number }, unknown>(script(), 1, null, 0);
    try {
      // The first task looks, after half a second, at how many tasks wait for it: the second, sent ahead.
      expect(await Promise.all([pool.run({ peek: 500 }), pool.run(1)])).toEqual([
        { ok: true, value: 1 },
        { ok: true, value: 2 },
      ]);
    } finally {
      await pool.close();
    }
  });

  it('a task sent ahead to a worker that dies, is killed or crashes is done by the next worker', async () => {
    const pool = new WorkerPool<number, number>(script(), 1, null, 3000);
    try {
      const outcomes = await Promise.all([7, 1, 8, 2, 13, 3, 99, 4].map((n) => pool.run(n)));
      expect(outcomes).toEqual([
        { ok: false, reason: 'internal error: the worker stopped with exit code 3' },
        { ok: true, value: 2 },
        { ok: false, reason: 'internal error: the worker was killed by SIGKILL' },
        { ok: true, value: 4 },
        { ok: false, reason: 'internal error: unlucky number' },
        { ok: true, value: 6 },
        { ok: false, reason: 'timed out after 3 s' },
        { ok: true, value: 8 },
      ]);
    } finally {
      await pool.close();
    }
  });
});

describe('WorkerPool growth', () => {
  type Task = string | { sleep: number };

  /** Run `tasks` on a pool of two (workers taken to start in `startupMs`, else as measured): how many workers answered. */
  async function workersFor(tasks: readonly Task[], startupMs?: number): Promise<number> {
    const pool = new WorkerPool<Task, unknown>(script(), 2, null, 0, startupMs);
    try {
      const outcomes = await Promise.all(tasks.map((task) => pool.run(task)));
      expect(outcomes.every((o) => o.ok)).toBe(true);
      // 'who' answers with its process id first; { sleep } with its process id alone.
      return new Set(outcomes.map((o) => (o.ok && Array.isArray(o.value) ? o.value[0] : o.ok ? o.value : null))).size;
    } finally {
      await pool.close();
    }
  }
  const times = (n: number, task: Task): Task[] => Array.from({ length: n }, () => task);

  it('keeps to one worker while it keeps up with the tasks', async () => {
    // Six quick tasks for a pool of two whose workers are taken to need five seconds to start.
    expect(await workersFor(times(6, 'who'), 5000)).toBe(1);
  });

  it('keeps to one worker when the tasks waiting take less time than a worker takes to start', async () => {
    // Start-up as measured: a Node process takes tens of milliseconds to start even on an idle machine, and a
    // task of 5 ms takes longer than that only on a machine so loaded that a start takes longer still.
    expect(await workersFor(times(3, { sleep: 5 }))).toBe(1);
  });

  it('starts another worker when the tasks waiting are worth its start-up', async () => {
    // Each task takes 0.4 s, and a worker is taken to start in 50 ms: three tasks waiting are worth a second one
    // after 33 ms of the first (twice the start-up for the one worker, shared among three).
    expect(await workersFor(times(4, { sleep: 400 }), 50)).toBe(2);
  });

  it('starts the others at once for a long queue, with start-up as measured', async () => {
    // Thirty tasks of 0.1 s: three seconds of work, which any start-up short of a second makes worth a second worker.
    expect(await workersFor(times(30, { sleep: 100 }))).toBe(2);
  });
});

describe('a worker started ahead of its pool', () => {
  it("is the pool's first worker, with the arguments it was started with; one no pool takes is stopped", async () => {
    // A worker gets this process's environment, less the certificates Node would parse at its start.
    const saved = process.env.NODE_EXTRA_CA_CERTS;
    process.env.NODE_EXTRA_CA_CERTS = path.join(tmp, 'no-such-bundle.pem');
    process.env.PLANCHECK_TEST_PASSED = 'yes';
    let pid: number | undefined;
    try {
      pid = startSpareWorker(script(), ['--preload', 'pdf']);
    } finally {
      if (saved === undefined) delete process.env.NODE_EXTRA_CA_CERTS;
      else process.env.NODE_EXTRA_CA_CERTS = saved;
      delete process.env.PLANCHECK_TEST_PASSED;
    }
    const pool = new WorkerPool<number | string, unknown>(script(), 1, null, 0);
    try {
      expect(await pool.run('who')).toEqual({ ok: true, value: [pid, ['--preload', 'pdf'], null, 'yes'] });
    } finally {
      await pool.close();
    }
    const unused = startSpareWorker(script()) as number;
    dropSpareWorker();
    // Given nothing, it is killed: it does not stay to finish loading.
    for (let i = 0; i < 600 && isAlive(unused); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(isAlive(unused)).toBe(false);
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('progress bar', () => {
  it('is wanted only for several files on a terminal that is not dumb', () => {
    const tty = { isTTY: true, write: () => true };
    expect(wantsProgress({ stderr: tty, env: {} }, 2)).toBe(true);
    expect(wantsProgress({ stderr: tty, env: {} }, 1)).toBe(false);
    expect(wantsProgress({ stderr: tty, env: { TERM: 'dumb' } }, 2)).toBe(false);
    expect(wantsProgress({ stderr: { write: () => true }, env: {} }, 2)).toBe(false);
  });

  it('counts files and is cleared from its line when stopped', async () => {
    const written: string[] = [];
    const stream = { isTTY: true, columns: 100, write: (s: string) => written.push(s) };
    const bar = await startProgress(stream, 3, 'Checking');
    for (let i = 0; i < 3; i++) bar.tick();
    const before = written.length;
    bar.stop();
    const screen = written.join('');
    expect(screen).toMatch(/^\u001b7\u001b\[1GChecking ░{30} 0\/3 files \| 0s\u001b\[0K/);
    // Stopping draws the last state, then goes back to where the bar began and erases the line for the summary.
    expect(written.slice(before).join('')).toMatch(/\u001b\[1GChecking █{30} 3\/3 files \| 0s\u001b\[0K\u001b8\u001b\[1G\u001b\[2K$/);
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('is drawn on a real terminal and followed by the summary line for validate', () => {
    // script(1) runs the command with a pseudo-terminal as its standard streams.
    const command = `${process.execPath} ${BIN} validate ${plans} --format json --jobs 2 > /dev/null`;
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TERM: 'xterm' } });
    const screen = run.stdout.replace(/\r/g, '');
    expect(screen).toContain(`/${good.length + (asRoot ? 1 : 2)} files`);
    const { recommendations, actions } = totals(good);
    expect(screen).toMatch(new RegExp(`\\u001b\\[2Kplancheck: .*empty\\.txt: empty file\\n`));
    expect(screen).toMatch(new RegExp(`Checked 20 files: ${recommendations} recommendations, ${actions} actions, ${asRoot ? 1 : 2} failed in \\d+\\.\\d s\\n$`));
  });
});
