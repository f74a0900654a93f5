import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { misreadRecs } from './misreads.js';
import { plancheck, ROOT } from './run.js';

interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  recommendation: string | null;
  action: number | null;
  location: { page?: number; row?: number; line?: number };
}
interface Report {
  files: Array<{ path: string; fatal: string | null; findings: Finding[] }>;
}

const dir = 'fixtures/plans';
const plans = readdirSync(path.join(ROOT, dir))
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.slice(0, -'.expected.json'.length));
const FORMATS = ['html', 'docx', 'pdf', 'chromium.pdf'];

const what = (f: Finding): string => `${f.ruleId} ${f.recommendation}/${f.action ?? '-'} ${f.severity}: ${f.message}`;

describe('validate gives the same findings whatever the format', { timeout: 120_000 }, () => {
  // Every plan in every format, checked by one run of the CLI (a batch), as an analyst would run it.
  const inputsOf = (plan: string): string[] => FORMATS.map((ext) => `${dir}/${plan}.${ext}`);
  let all: Report;
  beforeAll(() => {
    const run = plancheck(['validate', '--format', 'json', ...plans.flatMap(inputsOf)]);
    expect(run.stderr).toBe('');
    all = JSON.parse(run.stdout) as Report;
  }, 120_000);

  it('has fixture plans in every format', () => expect(plans.length).toBeGreaterThanOrEqual(3));

  it.each(plans)('%s: HTML, Word, LibreOffice PDF and Chromium PDF agree, PDFs by page, Word and HTML by row', (plan) => {
    const inputs = inputsOf(plan);
    const report = { files: all.files.filter((f) => inputs.includes(f.path)) };
    expect(report.files.map((f) => [f.path, f.fatal])).toEqual(inputs.map((p) => [p, null]));
    const [html, ...others] = report.files;
    expect(html!.findings.length).toBeGreaterThan(0);
    for (const other of others) {
      const misread = misreadRecs(plan, other.path);
      const keep = (f: Finding): boolean => f.recommendation === null || !misread.has(f.recommendation);
      expect(other.findings.filter(keep).map(what), other.path).toEqual(html!.findings.filter(keep).map(what));
    }
    for (const file of report.files) {
      const key = file.path.endsWith('.pdf') ? 'page' : 'row';
      for (const f of file.findings) if (f.recommendation !== null) expect(f.location[key], `${file.path}: ${what(f)}`).toBeGreaterThan(0);
    }
  }, 120_000);

  it('reads a PDF from standard input by its content', () => {
    const file = `${dir}/${plans[0]}.pdf`;
    const fromFile = all.files.find((f) => f.path === file) as Report['files'][number];
    const fromStdin = JSON.parse(plancheck(['validate', '--format', 'json', '-'], { input: readFileSync(path.join(ROOT, file)) }).stdout) as Report;
    expect(fromStdin.files[0]!.path).toBe('<stdin>');
    expect(fromStdin.files[0]!.findings).toEqual(fromFile.findings);
  }, 120_000);
});
