import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { deeplyNestedHtml, seededBytes, writeLargeText } from '../../fixtures/hostile/make.mjs';
import { plancheck, ROOT } from '../cli/run.js';
import { caseDir, convertWithGood, copyInto, expectRefused, shown, tempRoot } from './harness.js';

const tmp = tempRoot('hostile-text');
afterAll(tmp.remove);

/**
 * Run the CLI in a child: `node bin/plancheck.js` does no more than this child does. Every process of the run
 * (the CLI and the worker processes it forks, which inherit the preload) writes its peak resident memory when it
 * exits; the largest is returned.
 */
function measured(args: readonly string[], input?: Buffer): { code: number | null; stderr: string; peakMb: number } {
  const main = pathToFileURL(path.join(ROOT, 'dist/cli/main.js')).href;
  const script = path.join(tmp.dir, 'measured.mjs');
  const peaks = mkdtempSync(path.join(tmp.dir, 'peaks-'));
  const hook = path.join(tmp.dir, 'peak.mjs');
  writeFileSync(
    hook,
    [
      "import { writeFileSync } from 'node:fs';",
      `process.on('exit', () => writeFileSync(${JSON.stringify(peaks)} + '/' + process.pid, String(process.resourceUsage().maxRSS)));`,
    ].join('\n'),
  );
  writeFileSync(
    script,
    [
      `const { main } = await import(${JSON.stringify(main)});`,
      'process.exitCode = await main({ argv: process.argv.slice(2), stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });',
    ].join('\n'),
  );
  const child = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, script, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  // The CLI does not wait for its idle workers to wind down: give them a moment to write their peak.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  const peakKb = Math.max(...readdirSync(peaks).map((pid) => Number(readFileSync(path.join(peaks, pid), 'utf8'))));
  return { code: child.status, stderr: child.stderr, peakMb: peakKb / 1024 };
}

describe('HTML and text inputs that are not plans', { timeout: 120_000 }, () => {
  it('HTML with the plan preamble, definitions and a contacts table but no action-plan table', () => {
    const dir = caseDir(tmp.dir, 'html-no-table');
    const bad = copyInto(dir, 'fixtures/hostile/no-table.html');
    expectRefused(convertWithGood(dir, [bad]), [[bad, 'no action-plan table found']]);
  });

  it('HTML nested 100,000 elements deep is refused, without a stack overflow (a quadratic walk would pass the time limit)', () => {
    const dir = caseDir(tmp.dir, 'deep', { 'deep.html': deeplyNestedHtml(100_000) });
    const bad = path.join(dir, 'deep.html');
    const result = convertWithGood(dir, [bad]);
    expectRefused(result, [[bad, 'HTML elements nested more than 256 deep: not an action plan']]);
  });

  it('a letter whose only table lists contacts, and an inspection report, are not plans', () => {
    const dir = caseDir(tmp.dir, 'text-no-plan');
    const letter = copyInto(dir, 'fixtures/hostile/no-plan.txt');
    const report = copyInto(dir, 'fixtures/reports/004-london-report.txt', 'inspection-report.txt');
    expectRefused(convertWithGood(dir, [letter, report]), [
      [letter, 'no action-plan table found'],
      [report, 'no action-plan table found'],
    ]);
  });

  it('an empty file', () => {
    const dir = caseDir(tmp.dir, 'empty', { 'empty.txt': '', 'blank.html': '' });
    const bad = [path.join(dir, 'empty.txt'), path.join(dir, 'blank.html')];
    expectRefused(convertWithGood(dir, bad), [
      [bad[0]!, 'empty file'],
      [bad[1]!, 'empty file'],
    ]);
  });

  it('invalid UTF-8 that is binary data is refused; a text export that is not binary is read as Windows-1252', () => {
    const junk = seededBytes(2000, 5);
    const dir = caseDir(tmp.dir, 'utf8', { 'junk.txt': junk });
    const bad = path.join(dir, 'junk.txt');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(junk)).toThrow();
    expectRefused(convertWithGood(dir, [bad]), [[bad, 'binary data: not a PDF, Word file, HTML page or text export']]);

    // The London plan with a curly apostrophe and an en dash as Windows-1252 bytes (0x92, 0x96): invalid UTF-8.
    const london = readFileSync(path.join(ROOT, 'fixtures/text/000-london.txt'), 'latin1').replace("London NPS should", 'London\x96NPS\x92s team should');
    const cp1252 = path.join(dir, 'cp1252.txt');
    writeFileSync(cp1252, Buffer.from(london, 'latin1'));
    const run = plancheck(['convert', cp1252]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { recommendations: Array<{ text: string }>; diagnostics: Array<{ message: string; code?: string }> };
    expect(doc.diagnostics[0]).toEqual({ message: 'the file is not valid UTF-8; read as Windows-1252', location: { line: 1 }, code: 'encoding' });
    expect(doc.recommendations[0]!.text).toMatch(/^London–NPS’s team should /);
    expect(doc.recommendations).toHaveLength(7);
  });

  it('a 60 MB text file is refused from its size, in bounded time and memory; so is 60 MB on standard input', () => {
    const dir = caseDir(tmp.dir, 'huge');
    const huge = path.join(dir, 'huge.txt');
    writeLargeText(huge, 60 * 1024 * 1024);
    const reason = 'text file too large to be an action plan (60 MB; the limit is 20 MB)';
    const file = measured(['convert', huge, path.join(dir, 'good.txt'), '-o', `${dir}-out`]);
    expect(file.code).toBe(2);
    expect(file.stderr.split('\n')[0]).toBe(`plancheck: ${shown(huge)}: ${reason}`);
    // A safety check that the file is never read whole (time is left to the test's limit: machines here are busy).
    expect(file.peakMb).toBeLessThan(200);

    const stdin = measured(['convert', '-'], readFileSync(huge));
    expect(stdin.code).toBe(2);
    expect(stdin.stderr.split('\n')[0]).toBe(`plancheck: <stdin>: ${reason}`);
    // Standard input has no size to look at first: it is read, then refused; it must still not be copied over and over.
    expect(stdin.peakMb).toBeLessThan(400);
  });
});
