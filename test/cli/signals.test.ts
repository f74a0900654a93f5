import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTree, tempRoot } from '../hostile/harness.js';
import { BIN, ROOT } from './run.js';

// Issue 13: a SIGINT or SIGTERM during `convert DIR -o OUT` left OUT/.name.json.<pid>.<hex>.tmp files behind.
// The signal is sent the moment a temp file appears, so that a write is under way when it lands.

/** Seed 000's text above its table and the header row, then `rows` made-up rows: a plan with a large model. */
function bigPlan(rows: number): string {
  const lines = readFileSync(path.join(ROOT, 'fixtures/text/000-london.txt'), 'utf8').split('\n');
  const header = lines.findIndex((l) => l.startsWith('1. Rec No\t'));
  const body = Array.from(
    { length: rows },
    (_, i) =>
      `${(i % 900) + 1}\tThe division should make sure that case ${i} is reviewed by a manager.\tAgreed\t` +
      `The division will review case ${i} and record the outcome in the case file.\tHead of Public Protection\tJune 2020`,
  );
  return [...lines.slice(0, header + 1), ...body, ''].join('\n');
}

let root: { dir: string; remove: () => void };
let plans: string;
beforeAll(() => {
  root = tempRoot('signals');
  plans = path.join(root.dir, 'plans');
  mkdirSync(plans);
  const text = bigPlan(3000);
  for (let i = 0; i < 24; i++) writeFileSync(path.join(plans, `plan-${String(i).padStart(2, '0')}.txt`), text);
});
afterAll(() => root.remove());

function interrupted(signal: NodeJS.Signals, out: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; sent: boolean }> {
  mkdirSync(out);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'convert', plans, '-o', out, '--jobs', '2'], { stdio: 'ignore' });
    let sent = false;
    const watcher = watch(out, { recursive: true }, (_event, name) => {
      if (sent || !String(name).endsWith('.tmp')) return;
      sent = true;
      child.kill(signal);
    });
    child.on('exit', (code, got) => {
      watcher.close();
      resolve({ code, signal: got, sent });
    });
  });
}

describe('convert DIR -o OUT stopped by a signal', { timeout: 120_000 }, () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s leaves no temp file in OUT and ends the process by that signal', async (signal) => {
    const out = path.join(root.dir, `out-${signal}`);
    const result = await interrupted(signal, out);
    expect(result.sent).toBe(true);
    expect(result.signal).toBe(signal);
    expect(listTree(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // What was written before the signal is whole.
    for (const file of listTree(out)) expect(JSON.parse(readFileSync(path.join(out, file), 'utf8'))).toHaveProperty('schemaVersion', 1);
  });
});
