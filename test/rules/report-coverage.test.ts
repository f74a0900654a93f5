import { z } from 'zod';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportRecommendation } from '../../src/model/inspection-report.js';
import type { PlanDocument } from '../../src/model/plan.js';
import { readPlan } from '../../src/read/index.js';
import { readInspectionReport } from '../../src/read/inspection-report/index.js';
import { runRules } from '../../src/rules/engine.js';
import type { RuleSetting } from '../../src/rules/settings.js';
import { reportCoverage } from '../../src/rules/report-coverage.js';
import { plancheck } from '../cli/run.js';
import { plan, rec } from '../helpers/plan.js';

const root = join(import.meta.dirname, '../..');
const readReport = async (name: string) =>
  (await readInspectionReport({ path: name, bytes: readFileSync(join(root, 'fixtures/reports', name)) })).recommendations;
const readPlanFile = async (file: string) => (await readPlan({ path: file, bytes: readFileSync(join(root, file)) })).document;

/** Run report-coverage through the engine with an inspection report; the fields a rule decides, plus the severity. */
function check(doc: PlanDocument, report: ReportRecommendation[] | null, options?: unknown) {
  const settings = new Map<string, RuleSetting>();
  if (options !== undefined) settings.set(reportCoverage.id, { level: 'error', options: reportCoverage.options!.schema(z).parse(options) });
  const inspectionReport = report === null ? null : { path: 'report.txt', recommendations: report };
  const findings = runRules(doc, new Map(), { rules: [reportCoverage], settings, inspectionReport });
  for (const f of findings) expect(f.severity).toBe('error');
  return findings.map(({ message, path, recommendation, action }) => ({ message, path, recommendation, action }));
}

/** A plan whose rows have these texts, numbered 1, 2, 3 … unless a number is given. */
const rows = (...texts: Array<string | [number: string, text: string]>): PlanDocument =>
  plan({ recommendations: texts.map((t, i) => (typeof t === 'string' ? rec({ number: String(i + 1), text: t }) : rec({ number: t[0], text: t[1] }))) });
const on = (index: number, recommendation: string, message: string) => ({ message, path: `recommendations[${index}].text`, recommendation, action: null });
const planLevel = (message: string) => ({ message, path: '', recommendation: null, action: null });

describe('report-coverage: the seed plan against its inspection report', () => {
  it('000 answers every recommendation of 004 in the report’s words: nothing to report', async () => {
    expect(check(await readPlanFile('fixtures/text/000-london.txt'), await readReport('004-london-report.txt'))).toEqual([]);
  });

  it('000 with recommendation 4 deleted and "in all cases" made "in some cases": exactly those two findings', async () => {
    const doc = await readPlanFile('fixtures/reports/000-london-plan-edited.txt');
    expect(check(doc, await readReport('004-london-report.txt'))).toEqual([
      planLevel("Report recommendation 4 ('improve the identification of those individuals eligible for…') has no row in the plan; no row comes close"),
      on(0, '1', "Recommendation 1 changes the wording of report recommendation 1: 'in all cases' became 'in some cases'"),
    ]);
  });

  it('case, punctuation, list numbering, articles and the addressee prefix are not changes of substance', async () => {
    const doc = await readPlanFile('fixtures/text/000-london.txt');
    const texts = [
      'LONDON NPS SHOULD ENSURE THAT RISK OF HARM IS FULLY CONSIDERED AND ASSESSED IN ALL CASES, INCLUDING TO CHILDREN AND VICTIMS, USING ALL RELEVANT ASSESSMENT TOOLS, INCLUDING ARMS.',
      'London NPS should: improve the delivery of services (most likely to reduce the risk of harm to others);',
      '3. London NPS should keep the progress of supervision under review - updating assessments and plans where appropriate, but particularly when there has been a change in circumstances',
      'The London division of the NPS should improve the identification of those individuals eligible for the "Victim Contact Scheme"',
      'Maximise engagement with the Victim Contact Scheme, and improve the quality & consistency of services delivered',
      'Recommendation 6: HMPPS should review recruitment and retention policies to support the London NPS in sourcing and retaining the staff required to deliver a quality service',
      'Ministry of Justice (MoJ) should: ensure that probation facilities are well maintained and provide a safe environment for both NPS staff and offenders',
    ];
    texts.forEach((text, i) => (doc.recommendations[i]!.text = text));
    expect(check(doc, await readReport('004-london-report.txt'))).toEqual([]);
  });

  it('a plan that drops a row and renumbers the rest is matched by wording: only the missing one is reported', async () => {
    const doc = await readPlanFile('fixtures/text/000-london.txt');
    doc.recommendations.splice(3, 1);
    doc.recommendations.forEach((r, i) => (r.number = String(i + 1)));
    expect(check(doc, await readReport('004-london-report.txt'))).toEqual([
      planLevel("Report recommendation 4 ('improve the identification of those individuals eligible for…') has no row in the plan; no row comes close"),
    ]);
  });

  it('another body named in the text is a change; the same body under another name is not', async () => {
    const doc = await readPlanFile('fixtures/text/000-london.txt');
    doc.recommendations[5]!.text = doc.recommendations[5]!.text.replace('support NPS London in', 'support the London CRC in');
    expect(check(doc, await readReport('004-london-report.txt'))).toEqual([
      on(5, '6', "Recommendation 6 changes the wording of report recommendation 6: 'support the London division of the NPS in' became 'support the London CRC in'"),
    ]);
  });
});

describe('report-coverage: findings and their wording', () => {
  const report: ReportRecommendation[] = [
    { number: '1', addressee: 'Kent PDU', text: 'ensure that risk of harm is fully assessed in all cases, using all relevant assessment tools, including ARMS' },
    { number: '2', addressee: 'Kent PDU', text: 'improve the delivery of services most likely to reduce the risk of harm to others' },
  ];

  it('reports nothing when no inspection report was given', () => {
    expect(check(rows('Kent PDU should do something else entirely'), null)).toEqual([]);
  });

  it('words dropped and words added, each quoted with a word of context', () => {
    const doc = rows(
      'Kent PDU should ensure that risk of harm is fully assessed in all cases, using all relevant assessment tools',
      'Kent PDU should improve the delivery of services most likely to reduce the risk of harm to others where resources allow',
    );
    expect(check(doc, report)).toEqual([
      on(0, '1', "Recommendation 1 changes the wording of report recommendation 1: 'tools including ARMS' became 'tools'"),
      on(1, '2', "Recommendation 2 changes the wording of report recommendation 2: 'others' became 'others where resources allow'"),
    ]);
  });

  it('"not", a number and a changed word are changes; a hyphen or a space within a word is not', () => {
    const doc = rows(
      'Kent PDU should ensure that risk of harm is not fully assessed in all cases, using all relevant assessment tools, including ARMS',
      'Kent PDU should improve the delivery of services most likely to reduce the risk of harm to others',
    );
    const hyphens: ReportRecommendation[] = [
      { number: '1', addressee: null, text: 'offer one-to-one work within 15 days to reduce re-offending' },
      { number: '2', addressee: null, text: report[1]!.text },
    ];
    expect(check(doc, report)).toEqual([
      on(0, '1', "Recommendation 1 changes the wording of report recommendation 1: 'is fully' became 'is not fully'"),
    ]);
    expect(check(rows('Kent PDU should offer one to one work within 15 days to reduce reoffending', report[1]!.text), hyphens)).toEqual([]);
    expect(check(rows('Kent PDU should offer one to one work within 20 days to reduce reoffending', report[1]!.text), hyphens)).toEqual([
      on(0, '1', "Recommendation 1 changes the wording of report recommendation 1: 'within 15 days' became 'within 20 days'"),
    ]);
  });

  it('"should" inside a recommendation is no addressee prefix', () => {
    const inner: ReportRecommendation[] = [{ number: '1', addressee: 'Kent PDU', text: 'make sure that every manager should hold a caseload review each month' }];
    expect(check(rows('Kent PDU should make sure that every manager should hold a caseload review each month'), inner)).toEqual([]);
    expect(check(rows('Make sure that every manager should hold a caseload review each month.'), inner)).toEqual([]);
    expect(check(rows('Kent PDU should: Make sure that every manager should hold a caseload review each week'), inner)).toEqual([
      on(0, '1', "Recommendation 1 changes the wording of report recommendation 1: 'each month' became 'each week'"),
    ]);
  });

  it('more than three changes: the first three, then a count', () => {
    const doc = rows(
      'Kent PDU should ensure that risk of harm is partly assessed in most cases, using some relevant assessment tools, excluding ARMS',
      report[1]!.text,
    );
    expect(check(doc, report)).toEqual([
      on(0, '1', "Recommendation 1 changes the wording of report recommendation 1: 'is fully assessed' became 'is partly assessed'; 'in all cases' became 'in most cases'; 'using all relevant' became 'using some relevant'; and 1 more"),
    ]);
  });

  it('a row reworded beyond the threshold is no row for that recommendation; the closest is named and pointed at', () => {
    const doc = rows(report[0]!.text, 'Kent PDU should improve services to reduce harm');
    expect(check(doc, report)).toEqual([
      on(1, '2', "Report recommendation 2 ('improve the delivery of services most likely to reduce the…') has no row in the plan that keeps its wording; recommendation 2 has its number but only 33% of its wording ('improve services to reduce harm')"),
    ]);
  });

  it('rows without text are passed over, and a plan with none has no row for anything', () => {
    const doc = plan({ recommendations: [rec({ number: '1', text: '' })] });
    expect(check(doc, report)).toEqual([
      planLevel("Report recommendation 1 ('ensure that risk of harm is fully assessed in all cases…') has no row in the plan; no row comes close"),
      planLevel("Report recommendation 2 ('improve the delivery of services most likely to reduce the…') has no row in the plan; no row comes close"),
    ]);
  });

  it('report numbers that restart under each addressee are told apart by the addressee', () => {
    const restarting: ReportRecommendation[] = [
      { number: '1', addressee: 'Kent PDU', text: 'train all staff in risk assessment' },
      { number: '1', addressee: 'HM Prison and Probation Service', text: 'fund more approved premises places' },
    ];
    expect(check(rows('Kent PDU should train all staff in risk assessment'), restarting)).toEqual([
      planLevel("Report recommendation 1 for HM Prison and Probation Service ('fund more approved premises places') has no row in the plan; no row comes close"),
    ]);
  });

  it('threshold: a stricter one turns a one-word change into a missing row', () => {
    const doc = rows(report[0]!.text, 'Kent PDU should improve the delivery of services most likely to reduce the risk of harm to staff');
    expect(check(doc, report)).toEqual([
      on(1, '2', "Recommendation 2 changes the wording of report recommendation 2: 'to others' became 'to staff'"),
    ]);
    expect(check(doc, report, { threshold: 0.95 })).toEqual([
      on(1, '2', "Report recommendation 2 ('improve the delivery of services most likely to reduce the…') has no row in the plan that keeps its wording; recommendation 2 has its number but only 93% of its wording ('improve the delivery of services most likely to reduce the…')"),
    ]);
  });

  it('threshold is a number from 0 to 1, 0.6 unless configured; no other option is accepted', () => {
    expect(reportCoverage.options!.schema(z).parse({})).toEqual({ threshold: 0.6 });
    expect(() => reportCoverage.options!.schema(z).parse({ threshold: 1.5 })).toThrow();
    expect(() => reportCoverage.options!.schema(z).parse({ threshold: 'high' })).toThrow();
    expect(() => reportCoverage.options!.schema(z).parse({ thresold: 0.5 })).toThrow();
  });
});

describe('report-coverage: the variant reports', () => {
  const westshirePlan = () =>
    rows(
      ['1', 'HMPPS should review the case allocation tool so that workloads reflect the complexity of cases held by newly qualified probation officers'],
      ['2', 'HM Prison & Probation Service should: make certain that ICT systems and buildings in the region support staff to work safely and effectively'],
      ['3', 'Westshire PDU should ensure that every case allocated to a practitioner has a risk of serious harm assessment completed within 15 working days of sentence, drawing on information from the police and children’s services'],
      ['4', 'Westshire PDU should improve the quality of management oversight, so that managers countersign risk management plans for all high risk of serious harm cases'],
      ['5', 'Westshire PDU should make sure that practitioners have the time, training and support to deliver structured interventions with people on probation, and that the use of these interventions is recorded, reviewed and reported to the unit’s senior leadership team every quarter so that gaps in provision are found and closed quickly'],
      ['6', 'Westshire PDU should work with the local authority to increase the number of people on probation who are in settled accommodation at the end of their sentence'],
    );

  it.each(['variant-westshire.html', 'variant-westshire.pdf'])('%s: a plan that lists the HMPPS recommendations first is matched by wording', async (name) => {
    expect(check(westshirePlan(), await readReport(name))).toEqual([]);
  });

  it('variant-westshire.pdf: a weakened recommendation and a missing one', async () => {
    const doc = westshirePlan();
    doc.recommendations[3]!.text = 'Westshire PDU should improve the quality of management oversight, so that managers countersign risk management plans for some high risk of serious harm cases';
    doc.recommendations.pop();
    expect(check(doc, await readReport('variant-westshire.pdf'))).toEqual([
      planLevel("Report recommendation 4 ('work with the local authority to increase the number of…') has no row in the plan; no row comes close"),
      on(3, '4', "Recommendation 4 changes the wording of report recommendation 2: 'for all high' became 'for some high'"),
    ]);
  });

  it('variant-eastshire.txt: "(1)" numbering, a recommendation cut by a page break, the addressee written differently in the plan', async () => {
    const doc = rows(
      'The Probation Service in Eastshire should make sure that domestic abuse enquiries with the police and safeguarding enquiries with children’s services are made before every case is allocated, and that the results are recorded on the case record',
      'Eastshire region should reduce the number of unallocated cases so that no person on probation waits more than five working days for a named practitioner',
      'Eastshire Probation Service should give victims who are eligible for the Victim Contact Scheme a timely offer of the service, and keep them informed at each key stage of the sentence',
      'MoJ should agree a plan, with dates, to repair the region’s approved premises so that every bed can be used',
      'The Ministry of Justice should fund the region’s interpreting services at a level that meets demand',
    );
    expect(check(doc, await readReport('variant-eastshire.txt'))).toEqual([]);
  });
});

describe('validate --report on the command line (the built CLI: npx tsc -p tsconfig.build.json)', () => {
  const coverage = (stdout: string) =>
    (JSON.parse(stdout) as { files: Array<{ findings: Array<{ ruleId: string; message: string; recommendation: string | null; reportRecommendation?: string | null }> }> }).files
      .flatMap((f) => f.findings)
      .filter((f) => f.ruleId === 'report-coverage')
      .map(({ message, recommendation, reportRecommendation }) => ({ message, recommendation, reportRecommendation }));

  it('000 against 004: exit 0, only the line saying the plan is clean', () => {
    const run = plancheck(['validate', 'fixtures/text/000-london.txt', '--report', 'fixtures/reports/004-london-report.txt']);
    expect(run).toEqual({ code: 0, stdout: '✔ fixtures/text/000-london.txt: no problems — 7 recommendations, 33 actions\n', stderr: '' });
  });

  it('000 against 004 as JSON: no report-coverage finding', () => {
    const run = plancheck(['validate', '--format', 'json', 'fixtures/text/000-london.txt', '--report', 'fixtures/reports/004-london-report.txt']);
    expect(run.code).toBe(0);
    expect(coverage(run.stdout)).toEqual([]);
  });

  it('the edited copy of 000 against 004: exit 1 and the two findings', () => {
    const run = plancheck(['validate', '--format', 'json', 'fixtures/reports/000-london-plan-edited.txt', '--report', 'fixtures/reports/004-london-report.txt']);
    expect(run.code).toBe(1);
    expect(coverage(run.stdout)).toEqual([
      {
        message: "Report recommendation 4 ('improve the identification of those individuals eligible for…') has no row in the plan; no row comes close",
        recommendation: null,
        reportRecommendation: '4',
      },
      {
        message: "Recommendation 1 changes the wording of report recommendation 1: 'in all cases' became 'in some cases'",
        recommendation: '1',
        reportRecommendation: '1',
      },
    ]);
  });

  it('the edited copy as SARIF: the report recommendation in the properties of each result', () => {
    const run = plancheck(['validate', '--format', 'sarif', 'fixtures/reports/000-london-plan-edited.txt', '--report', 'fixtures/reports/004-london-report.txt']);
    expect(run.code).toBe(1);
    const results = (JSON.parse(run.stdout) as { runs: Array<{ results: Array<{ ruleId: string; properties?: unknown }> }> }).runs[0]!.results;
    expect(results.filter((r) => r.ruleId === 'report-coverage').map((r) => r.properties)).toEqual([
      { reportRecommendation: '4' },
      { reportRecommendation: '1' },
    ]);
    expect(results.filter((r) => r.ruleId !== 'report-coverage').every((r) => r.properties === undefined)).toBe(true);
  });

  it('the edited copy in the stylish format: both errors, with the rule id', () => {
    const run = plancheck(['validate', 'fixtures/reports/000-london-plan-edited.txt', '--report', 'fixtures/reports/004-london-report.txt']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/-\s+error\s+Report recommendation 4 \('improve the identification .*no row comes close\s+report-coverage\n/);
    expect(run.stdout).toMatch(/l\.31\s+error\s+Recommendation 1 changes the wording of report recommendation 1: 'in all cases' became 'in some cases'\s+report-coverage\n/);
  });

  it('a report without recommendations, or missing: exit 2 with one line naming the file', () => {
    expect(plancheck(['validate', 'fixtures/text/000-london.txt', '--report', 'fixtures/text/000-london.txt'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'plancheck: fixtures/text/000-london.txt: no recommendations found in the inspection report\n',
    });
    expect(plancheck(['validate', 'fixtures/text/000-london.txt', '--report', 'fixtures/reports/none.pdf'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'plancheck: fixtures/reports/none.pdf: no such file or directory\n',
    });
  });

  it('the PDF report, with the rule turned off by --rule: nothing to report', () => {
    const run = plancheck(['validate', 'fixtures/reports/000-london-plan-edited.txt', '--report', 'fixtures/reports/variant-westshire.pdf', '--rule', 'report-coverage=off', '--rule', 'numbering=off']);
    // The edited plan lacks recommendation 4 of London's 7, and with it 3 of the 33 actions.
    expect(run).toEqual({ code: 0, stdout: '✔ fixtures/reports/000-london-plan-edited.txt: no problems — 6 recommendations, 30 actions\n', stderr: '' });
  });
});
