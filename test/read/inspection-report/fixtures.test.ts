import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInspectionReport } from '../../../src/read/inspection-report/index.js';

const dir = join(import.meta.dirname, '../../../fixtures/reports');
const FORMATS = ['txt', 'html', 'pdf'];
/** Every `<case>.<txt|html|pdf>` with a `<case>.expected.json` beside it: the HTML and its printed PDF share one. */
const cases = readdirSync(dir).filter((f) => {
  const m = /^(.+)\.(\w+)$/.exec(f);
  return m !== null && FORMATS.includes(m[2]!) && existsSync(join(dir, `${m[1]}.expected.json`));
});

describe('inspection-report reader: each fixture equals its hand-written expectation', () => {
  it('has the seed report, the text variant, and the HTML variant with its PDF', () => {
    expect(cases.sort()).toEqual(['004-london-report.txt', 'variant-eastshire.txt', 'variant-westshire.html', 'variant-westshire.pdf']);
  });

  it.each(cases)('%s', async (name) => {
    const report = await readInspectionReport({ path: name, bytes: readFileSync(join(dir, name)) });
    const expected = JSON.parse(readFileSync(join(dir, name.replace(/\.\w+$/, '.expected.json')), 'utf8'));
    expect(report.path).toBe(name);
    expect(report.recommendations.map((r) => r.number)).toEqual(expected.recommendations.map((r: { number: string }) => r.number));
    expected.recommendations.forEach((rec: unknown, i: number) => expect(report.recommendations[i], `recommendation ${i + 1}`).toEqual(rec));
  });

  it('reads the printed PDF exactly as the HTML it was printed from, across its page break and running footer', async () => {
    const read = async (name: string) => (await readInspectionReport({ path: name, bytes: readFileSync(join(dir, name)) })).recommendations;
    const pdf = await read('variant-westshire.pdf');
    expect(pdf).toEqual(await read('variant-westshire.html'));
    // The third recommendation runs from the foot of page 1 to the top of page 2, past the footer.
    expect(pdf[2]!.text).toContain('with people on probation, and that the use of these interventions is recorded');
    expect(pdf.some((r) => r.text.includes('Inspection of probation services'))).toBe(false);
  });
});

describe('inspection-report reader: files it refuses', () => {
  const read = (path: string, bytes: Uint8Array | string) =>
    readInspectionReport({ path, bytes: typeof bytes === 'string' ? Buffer.from(bytes) : bytes });

  it('a plan is not a report: no recommendations found', async () => {
    const plan = readFileSync(join(dir, '000-london-plan-edited.txt'));
    await expect(read('plan.txt', plan)).rejects.toThrow(/^no recommendations found in the inspection report$/);
  });

  it('an empty file', async () => {
    await expect(read('empty.txt', '')).rejects.toThrow(/^empty file$/);
  });

  it('an encrypted PDF', async () => {
    await expect(read('encrypted.pdf', readFileSync(join(dir, 'encrypted-westshire.pdf')))).rejects.toThrow(/^the PDF is encrypted$/);
  });

  it('a damaged PDF', async () => {
    await expect(read('bad.pdf', '%PDF-1.4\nnot really a PDF\n')).rejects.toThrow(/^the PDF is damaged or not a PDF$/);
  });

  it('a Word file, with what to give instead', async () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    await expect(read('report.docx', zip)).rejects.toThrow(/^Word inspection reports are not read yet: give the report as PDF or HTML$/);
  });
});
