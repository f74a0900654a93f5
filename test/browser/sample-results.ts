import type { Action, PlanDocument, Recommendation } from '../../src/model/plan.js';
import type { FileResult, Finding, ReadingNote } from '../../src/model/result.js';

// A hand-made result shaped like seed 001 (DLNR CRC, February 2020), abridged, with the kinds of findings the rules
// raise on it, one hostile string, and a second file that could not be read.

function action(text: string, owner: string | null, due: Action['due'], line: number): Action {
  return { text, owner, due, location: { line } };
}

function rec(number: string | null, text: string, agreement: Recommendation['agreement'], actions: Action[], line: number, response?: string): Recommendation {
  return {
    number,
    refs: [],
    addressee: 'DLNR CRC',
    text,
    agreement,
    agreementRaw: agreement === 'partly-agreed' ? 'Partly agreed' : agreement === 'agreed' ? 'Agreed' : null,
    response: response ?? actions.map((a) => a.text).join(' '),
    actions,
    location: { line },
  };
}

const planned = (raw: string, date: string): Action['due'] => ({ raw, date, status: 'planned' });

/** The plan of the sample: seven rows as a reader would hand them over. */
export const dlnrPlan: PlanDocument = {
  schemaVersion: 1,
  source: { path: 'plans/001-dlnr.txt', format: 'text', sha256: 'a'.repeat(64), pages: null },
  plan: {
    title: 'DLNR',
    inspection: 'Derbyshire, Leicestershire, Nottinghamshire and Rutland CRC',
    submitted: '2020-02-28',
    reportPublished: null,
  },
  recommendations: [
    rec('1', 'Ensure when new cases are started and allocated, account is taken of the information available concerning risk of harm and risk of reoffending', 'agreed', [
      action('DLNR CRC will ensure the collation of all available risk of harm and risk of reoffending information at the first opportunity, by working towards aligning NPS and CRC allocation processes.', 'Customer Service Centre (CSC) Lead', planned('April 2020', '2020-04'), 24),
      action('DLNR CRC will improve safeguarding checks by moving from a centralised system to checks occurring in local clusters.', 'Regional Head and CSC Lead', planned('April 2020', '2020-04'), 30),
      action('DLNR will maximise administrative support, including telephony, to operational staff, through the restructure of administrative support.', 'CSC Lead', planned('March 2020', '2020-03'), 32),
    ], 24),
    rec('2', 'Improve the capacity and skills of senior probation officers to provide high-quality management oversight, so that risk of harm is managed well in relevant cases', 'agreed', [
      action('DLNR will help Probation Delivery Managers (PDMs) to focus on case discussions with officers, shifting the main focus of these discussions to assessment, analysis and planning.', null, planned('July 2020', '2020-07'), 36),
      action('DLNR will look at additional administrative support for PDMs to remove non-public protection or case management activity from their remit as far as possible.', 'Deputy Cluster Leads', planned('July 2020', '2020-07'), 41),
    ], 36),
    rec('3', 'Provide a mechanism for organisational and individual staff learning and development needs to be captured and addressed <script>window.pwned=1</script>', 'agreed', [
      action('DLNR will embed newly qualified learning by ensuring all recently qualified PQiPs access the newly qualified officer training delivered by the NPS.', 'L&D Lead', { raw: 'Ongoing', date: null, status: 'ongoing' }, 49),
      action('It will support learning through the recruitment of Quality Development Officers (QDO) and collaborating with the NPS in this initiative.', 'L&D Lead', planned('April 2020', '2020-04'), 50),
    ], 46),
    rec('4', 'Provide unpaid work supervisors with access to the CRC email and case management system', 'partly-agreed', [
      action('Setting a focus for the review to consider what information needs to be communicated and how effective, efficient and secure current systems are.', null, null, 63),
    ], 62, 'While DLNR CRC recognises that improvements would be beneficial in this area, information security requirements and financial constraint mean this recommendation is not entirely viable. Setting a focus for the review to consider what information needs to be communicated and how effective, efficient and secure current systems are.'),
    rec('5', 'For relevant cases, provide access to Education, Training and Employment services for people completing an unpaid work requirement', 'agreed', [], 67,
      'DLNR CRC accepts the importance of Employment, Training, Education (ETE) in desistance from offending, and will therefore seek to maximise, where appropriate, ETE provision.'),
    rec('6', 'Ensure that the quality of assessment, planning, service delivery and reviewing is improved, to help keep actual and potential victims safe', 'agreed', [
      action('DLNR will introduce a \'Keeping people safe\' checklist to ensure minimum actions are taken in this area for all cases.', 'Cluster Deputy Heads', planned('March 2020', '2020-03'), 86),
      action('DLNR will ensure information gathered in prisons and by Through the Gate teams is shared and used.', 'Through the Gate Leads', planned('March 2020', '2020-03'), 87),
    ], 70),
    rec('7', 'Provide enough staff and equip them with the knowledge and skills to carry out effective work to keep other people safe', null, [
      action('DLNR CRC will continue to address absence by maintaining its work on health and wellbeing.', 'HR Lead', planned('June 2020', '2020-06'), 98),
    ], 92),
  ],
  diagnostics: [
    { message: 'rec 1: number "t i" could not be read, inferred from order', location: { line: 24 }, path: 'recommendations[0].number' },
    { message: 'rec 1: continuation on line 27 joined to the cell above', location: { line: 27 } },
  ],
};

function finding(ruleId: string, severity: Finding['severity'], message: string, path: string, recommendation: string | null, actionNo: number | null, line: number | null): Finding {
  return { ruleId, severity, message, recommendation, action: actionNo, location: line === null ? {} : { line }, path };
}

/** The findings of the sample, in document order. */
export const dlnrFindings: Finding[] = [
  finding('plan-metadata', 'warn', 'The report-published date is missing: expected "Report Published: <date>" above the table', 'plan.reportPublished', null, null, null),
  finding('action-owner', 'error', 'Action 1 of recommendation 2 has no responsible owner', 'recommendations[1].actions[0].owner', '2', 1, 36),
  finding('vague-action', 'warn', "Action 2 of recommendation 2 rests on 'look at' with nothing measurable", 'recommendations[1].actions[1].text', '2', 2, 41),
  finding('due-time-bound', 'warn', "The target date 'Ongoing' of action 1 of recommendation 3 is not time-bound: give a month or a day", 'recommendations[2].actions[0].due', '3', 1, 49),
  finding('partly-agreed-reason', 'error', 'Recommendation 4 is Partly Agreed, but no reason of the four kinds (commissioning, policy, operational, affordability) is given', 'recommendations[3].response', '4', null, 62),
  finding('action-owner', 'error', 'Action 1 of recommendation 4 has no responsible owner <img src=x onerror="window.pwned=2">', 'recommendations[3].actions[0].owner', '4', 1, 63),
  finding('action-due', 'error', 'Action 1 of recommendation 4 has no target date', 'recommendations[3].actions[0].due', '4', 1, 63),
  finding('actions-present', 'error', 'Recommendation 5 is Agreed but lists no actions: expected at least one action with its owner and target date', 'recommendations[4].actions', '5', null, 67),
  finding('agreement-stated', 'error', "Recommendation 7 is not marked: expected Agreed, Partly Agreed or Not Agreed", 'recommendations[6].agreement', '7', null, 92),
];

/** The reader's repairs of the sample, as reading notes. */
export const dlnrNotes: ReadingNote[] = [
  { code: 'number-inferred', message: "rec 1: number 't i' unreadable; 1 inferred from order", recommendation: '1', location: { line: 24 } },
  { code: 'stray-cell', message: "line 68 holds only '1'; dropped as a page number or footer", recommendation: null, location: { line: 68 } },
];

/** Two files: the DLNR sample and one that could not be read. */
export function sampleResults(): FileResult[] {
  const errors = dlnrFindings.filter((f) => f.severity === 'error').length;
  return [
    { path: 'plans/001-dlnr.txt', fatal: null, plan: dlnrPlan, findings: dlnrFindings, errorCount: errors, warningCount: dlnrFindings.length - errors, notes: dlnrNotes },
    { path: 'plans/scan.pdf', fatal: 'no text layer: the PDF is a scan', plan: null, findings: [], errorCount: 0, warningCount: 0 },
  ];
}
