import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { FileResult, Finding } from '../../src/model/result.js';
import { formatGitlab } from '../../src/format/gitlab.js';
import { formatJunit } from '../../src/format/junit.js';
import { plancheck } from '../cli/run.js';

function finding(ruleId: string, severity: Finding['severity'], message: string, location: Finding['location'], recommendation: string | null = '2', action: number | null = 1): Finding {
  return { ruleId, severity, message, recommendation, action, location, path: recommendation === null ? '' : `recommendations[1].actions[${(action ?? 1) - 1}]` };
}

function result(path: string, findings: Finding[], fatal: string | null = null): FileResult {
  const errorCount = findings.filter((f) => f.severity === 'error').length;
  return { path, fatal, plan: null, findings, errorCount, warningCount: findings.length - errorCount };
}

const RESULTS: FileResult[] = [
  result('plans/a.txt', [
    finding('action-owner', 'error', 'Action 1 of recommendation 2 has no responsible owner', { line: 14 }),
    finding('vague-action', 'warn', "Action 1 of recommendation 2 rests on 'explore' <&> with nothing measurable", { line: 14 }),
  ]),
  result('plans/b.pdf', [finding('action-due', 'error', 'Action 1 of recommendation 2 has no target date \u0001', { page: 3 })]),
  result('plans/clean.docx', []),
  result('plans/scan.pdf', [], 'no text layer: scanned document?'),
];

/** Parse strictly: any warning or error of the XML parser fails the test, so the output is well-formed XML. */
function parseXml(text: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({ errorHandler: { warning: (m) => problems.push(m), error: (m) => problems.push(m), fatalError: (m) => problems.push(m) } }).parseFromString(text, 'text/xml');
  expect(problems).toEqual([]);
  return doc as unknown as Document;
}

const children = (el: Element | Document, tag: string): Element[] =>
  Array.from((el as Element).childNodes as unknown as ArrayLike<Element>).filter((n) => n.nodeType === 1 && n.nodeName === tag);

describe('validate --format junit', () => {
  it('is well-formed JUnit XML in the shape GitLab and Jenkins read: testsuites > testsuite > testcase, counts that add up', () => {
    const doc = parseXml(formatJunit(RESULTS));
    const root = doc.documentElement as unknown as Element;
    expect(root.nodeName).toBe('testsuites');
    const suites = children(root, 'testsuite');
    expect(suites.map((s) => s.getAttribute('name'))).toEqual(['plans/a.txt', 'plans/b.pdf', 'plans/clean.docx', 'plans/scan.pdf']);
    for (const s of suites) {
      const cases = children(s, 'testcase');
      expect(Number(s.getAttribute('tests'))).toBe(cases.length);
      expect(Number(s.getAttribute('failures'))).toBe(cases.filter((c) => children(c, 'failure').length > 0).length);
      expect(Number(s.getAttribute('errors'))).toBe(cases.filter((c) => children(c, 'error').length > 0).length);
      for (const c of cases) {
        expect(c.getAttribute('classname')).toBe(s.getAttribute('name'));
        expect(c.getAttribute('name')).not.toBe('');
      }
    }
    expect([root.getAttribute('tests'), root.getAttribute('failures'), root.getAttribute('errors')]).toEqual(['5', '2', '1']);
  });

  it('an error fails its case, a warning passes with its message kept, a clean plan passes, an unreadable one is in error', () => {
    const doc = parseXml(formatJunit(RESULTS));
    const [a, b, clean, scan] = children(doc.documentElement as unknown as Element, 'testsuite');
    const [owner, vague] = children(a!, 'testcase');
    expect(owner!.getAttribute('name')).toBe('action-owner: Action 1 of recommendation 2 has no responsible owner (line 14)');
    const failure = children(owner!, 'failure')[0]!;
    expect(failure.getAttribute('type')).toBe('action-owner');
    expect(failure.getAttribute('message')).toBe('Action 1 of recommendation 2 has no responsible owner');
    expect(failure.textContent).toBe('Action 1 of recommendation 2 has no responsible owner\nrecommendation 2, action 1, line 14');
    expect(children(vague!, 'failure')).toEqual([]);
    expect(children(vague!, 'system-out')[0]!.textContent).toBe("warning: Action 1 of recommendation 2 rests on 'explore' <&> with nothing measurable");
    // A control character (which XML cannot hold, and a CI log could act on) is shown as \xHH, as in stylish.
    expect(children(children(b!, 'testcase')[0]!, 'failure')[0]!.getAttribute('message')).toBe('Action 1 of recommendation 2 has no target date \\x01');
    expect(children(clean!, 'testcase').map((c) => [c.getAttribute('name'), c.childNodes.length])).toEqual([['no problems', 0]]);
    expect(children(children(scan!, 'testcase')[0]!, 'error')[0]!.getAttribute('message')).toBe('no text layer: scanned document?');
  });
});

describe('validate --format gitlab', () => {
  it('is a Code Quality report: description, check_name, unique fingerprint, a GitLab severity, location.path and lines.begin', () => {
    const issues = JSON.parse(formatGitlab(RESULTS)) as Array<Record<string, unknown>>;
    expect(Array.isArray(issues)).toBe(true);
    const severities = new Set(['info', 'minor', 'major', 'critical', 'blocker']);
    for (const issue of issues) {
      expect(Object.keys(issue).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity']);
      expect(typeof issue.description).toBe('string');
      expect(severities.has(issue.severity as string)).toBe(true);
      const location = issue.location as { path: string; lines: { begin: number } };
      expect(typeof location.path).toBe('string');
      expect(Number.isInteger(location.lines.begin) && location.lines.begin >= 1).toBe(true);
    }
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    expect(issues.map((i) => [i.check_name, i.severity, (i.location as { path: string }).path, (i.location as { lines: { begin: number } }).lines.begin])).toEqual([
      ['action-owner', 'major', 'plans/a.txt', 14],
      ['vague-action', 'minor', 'plans/a.txt', 14],
      ['action-due', 'major', 'plans/b.pdf', 1],
      ['plancheck/unreadable', 'critical', 'plans/scan.pdf', 1],
    ]);
    // A PDF page is named in the description, since GitLab places issues by line only.
    // Its control character shown as \xHH, as GitLab shows the description to people.
    expect(issues[2]!.description).toBe('Action 1 of recommendation 2 has no target date \\x01 (recommendation 2, action 1, page 3)');
  });

  it('gives a repeated finding its own fingerprint, so GitLab shows both', () => {
    const twice = finding('numbering', 'warn', 'Rec 2 repeats', { line: 5 }, '2', null);
    const issues = JSON.parse(formatGitlab([result('p.txt', [twice, twice])])) as Array<{ fingerprint: string }>;
    expect(issues[1]!.fingerprint).toBe(`${issues[0]!.fingerprint}-2`);
  });

  it('both are offered by the CLI, with the exit code unchanged', { timeout: 60_000 }, () => {
    const junit = plancheck(['validate', 'fixtures/text/001-dlnr.txt', '--format', 'junit']);
    expect(junit.code).toBe(1);
    // 001-dlnr: 21 findings, 10 of them errors (see its stylish listing: ✖ 21 problems (10 errors, 11 warnings)); its
    // six reading notes are no test cases and no Code Quality issues.
    expect(junit.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="plancheck" tests="21" failures="10" errors="0" time="0">\n/);
    const gitlab = plancheck(['validate', 'fixtures/text/001-dlnr.txt', '--format', 'gitlab']);
    expect(gitlab.code).toBe(1);
    expect((JSON.parse(gitlab.stdout) as unknown[]).length).toBe(21);
  });
});
