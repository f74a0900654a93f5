import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { seededBytes } from '../../fixtures/hostile/make.mjs';
import { ROOT } from '../cli/run.js';
import { caseDir, convertWithGood, copyInto, expectRefused, tempRoot } from './harness.js';

// The broken PDFs are the PDF reader's own fixtures (fixtures/pdf/fatal/); here each goes through the real binary
// beside a good plan.
const tmp = tempRoot('hostile-pdf');
afterAll(tmp.remove);

describe('PDF files that cannot be read', { timeout: 120_000 }, () => {
  it('truncated: damaged PDF', () => {
    const dir = caseDir(tmp.dir, 'truncated');
    const bad = copyInto(dir, 'fixtures/pdf/fatal/truncated.pdf');
    expectRefused(convertWithGood(dir, [bad]), [[bad, 'damaged PDF: invalid PDF structure']]);
  });

  it('a good plan cut at half its length: damaged PDF', () => {
    const whole = readFileSync(path.join(ROOT, 'fixtures/plans/parallel.pdf'));
    const dir = caseDir(tmp.dir, 'half', { 'half.pdf': whole.subarray(0, Math.floor(whole.length / 2)) });
    const bad = path.join(dir, 'half.pdf');
    expectRefused(convertWithGood(dir, [bad]), [[bad, 'damaged PDF: invalid PDF structure']]);
  });

  it('random bytes named .pdf: not a PDF', () => {
    const dir = caseDir(tmp.dir, 'random', { 'random.pdf': seededBytes(4096) });
    const bad = path.join(dir, 'random.pdf');
    expectRefused(convertWithGood(dir, [bad]), [[bad, 'not a PDF (no %PDF- header): the file is damaged or is another kind of file named .pdf']]);
  });

  it('random bytes behind a %PDF- header: damaged PDF', () => {
    const dir = caseDir(tmp.dir, 'random-header');
    const bad = copyInto(dir, 'fixtures/pdf/fatal/random-bytes.pdf');
    expectRefused(convertWithGood(dir, [bad]), [[bad, 'damaged PDF: invalid PDF structure']]);
  });

  it('encrypted with a password: says so', () => {
    const dir = caseDir(tmp.dir, 'encrypted');
    const bad = copyInto(dir, 'fixtures/pdf/fatal/encrypted.pdf');
    expectRefused(convertWithGood(dir, [bad]), [[bad, 'encrypted PDF: cannot read without its password']]);
  });

  it('image only (a scan): no text layer', () => {
    const dir = caseDir(tmp.dir, 'scanned');
    const bad = copyInto(dir, 'fixtures/pdf/fatal/scanned.pdf');
    expectRefused(convertWithGood(dir, [bad]), [[bad, 'no text layer: scanned document?']]);
  });

  it('text but no action-plan table', () => {
    const dir = caseDir(tmp.dir, 'no-table');
    const bad = copyInto(dir, 'fixtures/pdf/fatal/no-table.pdf');
    const report = copyInto(dir, 'fixtures/reports/variant-westshire.pdf', 'inspection-report.pdf');
    expectRefused(convertWithGood(dir, [bad, report]), [
      [bad, 'no action-plan table found'],
      [report, 'no action-plan table found'],
    ]);
  });
});
