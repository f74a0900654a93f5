import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '../..');
const FLOOR = path.join(ROOT, 'scripts/bench/floor.mjs');
const USAGE = path.join(ROOT, 'scripts/bench/usage.mjs');
const PDFS = ['fixtures/pdf/wessex-stacked.pdf', 'fixtures/pdf/wessex-stacked.chromium.pdf'].map((f) => path.join(ROOT, f));
const tmp = mkdtempSync(path.join(tmpdir(), 'plancheck-floor-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function floor(args: string[], env: Record<string, string> = {}): { files: number; pages: number; items: number } {
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as { files: number; pages: number; items: number };
}

// The benchmark's baseline: it must read every page, the same way whichever pdfjs it loads.
describe('the benchmark floor (scripts/bench/floor.mjs)', () => {
  it('reads every page of every PDF, with the reader\'s pdfjs and with pdfjs-dist as it comes alike', () => {
    const reader = floor([FLOOR, ...PDFS]);
    // Both renderings of the wessex plan have three pages (fixtures/pdf/wessex-stacked.expected.json).
    expect(reader).toMatchObject({ files: 2, pages: 6 });
    expect(reader.items).toBeGreaterThan(100);
    expect(floor([FLOOR, '--plain', ...PDFS])).toEqual(reader);
  });

  it('reports the peak RSS and CPU time of the measured process through the usage hook, in a file named with its pid', () => {
    const file = path.join(tmp, 'usage.json');
    floor(['--import', USAGE, FLOOR, PDFS[0]!], { BENCH_USAGE_FILE: file });
    // One process, so one file: usage.json.<pid> (worker processes, which inherit the hook, write their own).
    const written = readdirSync(tmp).filter((name) => name.startsWith('usage.json.'));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^usage\.json\.\d+$/);
    const usage = JSON.parse(readFileSync(path.join(tmp, written[0]!), 'utf8')) as { maxRssKb: number; cpuSeconds: number };
    expect(usage.maxRssKb).toBeGreaterThan(20_000);
    expect(usage.cpuSeconds).toBeGreaterThan(0);
  });
});
