import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReadError } from '../../../src/read/errors.js';
import { readPlan } from '../../../src/read/index.js';

/** fixtures/pdf/fatal/<case>.pdf beside <case>.expected.json: `{ "fatal": "<the one-line reason>" }`. */
const dir = join(import.meta.dirname, '../../../fixtures/pdf/fatal');
const files = readdirSync(dir).filter((f) => f.endsWith('.pdf'));

describe('PDF reader: files that cannot be read give one clear line and print nothing', () => {
  afterEach(() => vi.restoreAllMocks());

  it('has the encrypted, truncated, random, scanned, table-less and sideways cases', () => {
    expect(files.sort()).toEqual(['encrypted.pdf', 'no-table.pdf', 'random-bytes.pdf', 'scanned.pdf', 'sideways.pdf', 'truncated.pdf']);
  });

  it.each(files)('%s', async (file) => {
    const { fatal } = JSON.parse(readFileSync(join(dir, file.replace(/\.pdf$/, '.expected.json')), 'utf8')) as { fatal: string };
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const error = await readPlan({ path: file, bytes: readFileSync(join(dir, file)) }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ReadError);
    expect((error as ReadError).message).toBe(fatal);
    expect((error as ReadError).message).not.toMatch(/\n/);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('reads a PDF whose owner password only restricts printing', async () => {
    const bytes = readFileSync(join(dir, '../tiny.owner-password.pdf'));
    const { document } = await readPlan({ path: 'tiny.owner-password.pdf', bytes });
    expect(document.recommendations.map((r) => r.actions[0]?.owner)).toEqual(['Head of PDU']);
  });

  it('says "damaged PDF" for a file cut short at any point', async () => {
    const whole = readFileSync(join(dir, '../tiny.chromium.pdf'));
    for (const share of [0.05, 0.5, 0.95]) {
      const error = await readPlan({ path: 'cut.pdf', bytes: whole.subarray(0, Math.floor(whole.length * share)) }).catch((e: unknown) => e);
      expect((error as Error).message, `cut at ${share}`).toMatch(/^damaged PDF: /);
    }
  });
});
