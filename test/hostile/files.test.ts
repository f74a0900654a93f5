import { spawnSync } from 'node:child_process';
import { closeSync, constants, existsSync, mkdirSync, openSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAll, STDIN_TOO_LARGE } from '../../src/cli/io.js';
import { loadInput } from '../../src/cli/load.js';
import { BIN, plancheck, ROOT, type Run } from '../cli/run.js';
import { caseDir, convertWithGood, expectRefused, tempRoot } from './harness.js';

const tmp = tempRoot('hostile-files');
afterAll(tmp.remove);

/** `convert -o` as in the harness, but given up after 5 s: an input that blocks must fail the test, not hang it. */
function convertBounded(dir: string, bad: readonly string[]): { run: Run; out: string } {
  const out = `${dir}-out`;
  const child = spawnSync(process.execPath, [BIN, 'convert', ...bad, path.join(dir, 'good.txt'), '-o', out], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    // A read that blocks (a FIFO) or never ends (/dev/zero) would hang: killed here, it fails the test's checks.
    // The limit is generous, as a busy machine may take seconds over a normal run.
    timeout: 45_000,
    killSignal: 'SIGKILL',
  });
  return { run: { code: child.status, stdout: child.stdout, stderr: child.stderr }, out };
}

const posix = process.platform !== 'win32';

describe('files that vanish or cannot be read', { timeout: 120_000 }, () => {
  it('a symbolic link to a file that is gone: no such file or directory', () => {
    const dir = caseDir(tmp.dir, 'dangling');
    const link = path.join(dir, 'moved.txt');
    symlinkSync(path.join(dir, 'was-here.txt'), link);
    expectRefused(convertWithGood(dir, [link]), [[link, 'no such file or directory']]);
  });

  it('a broken link inside a directory is reported, not skipped in silence', () => {
    const dir = caseDir(tmp.dir, 'dangling-in-dir');
    const link = path.join(dir, 'moved.txt');
    symlinkSync(path.join(dir, 'was-here.txt'), link);
    const out = `${dir}-out`;
    const run = plancheck(['convert', dir, '-o', out]);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(`plancheck: ${link}: no such file or directory`);
    expect(readdirSync(out).sort()).toEqual(['good.json', 'manifest.json']);
  });

  it('a file deleted after the inputs were listed and before it was read: no such file or directory', async () => {
    const dir = caseDir(tmp.dir, 'deleted', { 'plan.txt': 'soon gone' });
    const abs = path.join(dir, 'plan.txt');
    const entry = { kind: 'file' as const, path: 'plan.txt', abs };
    rmSync(abs);
    expect(await loadInput(entry, { stdin: undefined })).toEqual({ path: 'plan.txt', fatal: 'no such file or directory' });
  });

  it.skipIf(!posix)('a file swapped for a named pipe after the inputs were listed is refused, not waited on', async () => {
    const dir = caseDir(tmp.dir, 'swapped');
    const fifo = path.join(dir, 'plan.txt');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const loaded = loadInput({ kind: 'file', path: 'plan.txt', abs: fifo }, { stdin: undefined });
    const waited = await Promise.race([loaded, new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 3000))]);
    if (waited === 'blocked') {
      // Give each blocked open() a writer until the read is over, so that the test fails rather than leave a thread stuck.
      const release = setInterval(() => {
        try {
          closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
        } catch {
          // No reader waiting at this moment.
        }
      }, 20);
      await loaded.finally(() => clearInterval(release));
    }
    expect(waited).toEqual({ path: 'plan.txt', fatal: 'not a regular file (a named pipe): give - to read standard input' });
  });

  it('a directory with no plan files in it', () => {
    const dir = caseDir(tmp.dir, 'no-plans');
    const empty = path.join(dir, 'scans');
    mkdirSync(path.join(empty, 'old'), { recursive: true });
    writeFileSync(path.join(empty, 'notes.md'), '# Notes\n');
    writeFileSync(path.join(empty, 'old/page1.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expectRefused(convertWithGood(dir, [empty]), [[empty, 'no .pdf, .docx, .html, .htm or .txt file in this directory']]);
  });

  // A FIFO, a socket and a device cannot be stopped by permissions when the tests run as root; each must be
  // refused from what it is, without opening it for a read that blocks (FIFO) or never ends (/dev/zero).
  it.skipIf(!posix)('a named pipe that no one writes to is refused at once, not waited on', () => {
    const dir = caseDir(tmp.dir, 'fifo');
    const fifo = path.join(dir, 'plan.txt');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const result = convertBounded(dir, [fifo]);
    expectRefused(result, [[fifo, 'not a regular file (a named pipe): give - to read standard input']]);
  });

  it.skipIf(!posix)('a socket', async () => {
    const dir = caseDir(tmp.dir, 'socket');
    const socket = path.join(dir, 'plan.txt');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      expectRefused(convertBounded(dir, [socket]), [[socket, 'not a regular file (a socket)']]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it.skipIf(!existsSync('/dev/zero'))('a device that never ends (/dev/zero) is refused without reading it', () => {
    const dir = caseDir(tmp.dir, 'device');
    const result = convertBounded(dir, ['/dev/zero']);
    expectRefused(result, [['/dev/zero', 'not a regular file (a device)']]);
  });

  it('a loop of symbolic links', () => {
    const dir = caseDir(tmp.dir, 'loop');
    const a = path.join(dir, 'a.txt');
    symlinkSync(path.join(dir, 'b.txt'), a);
    symlinkSync(a, path.join(dir, 'b.txt'));
    expectRefused(convertWithGood(dir, [a]), [[a, 'too many levels of symbolic links']]);
  });
});

describe('standard input that never ends', () => {
  it('is read only up to the cap, then refused', async () => {
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) yield new Uint8Array(1024);
    }
    expect(await readAll(endless(), 10 * 1024)).toBeNull();
    expect(await readAll((async function* () { yield 'short'; })(), 10 * 1024)).toEqual(Buffer.from('short'));
  });

  it('`validate - < /dev/zero` stops at the cap with one line, exit 2', () => {
    const run = spawnSync('sh', ['-c', `"${process.execPath}" bin/plancheck.js validate - < /dev/zero`], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`plancheck: <stdin>: ${STDIN_TOO_LARGE}\n`);
  });
});
