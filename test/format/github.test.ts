import { describe, expect, it } from 'vitest';
import type { FileResult, Finding } from '../../src/model/result.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/format/github.js';

function finding(over: Partial<Finding>): Finding {
  return { ruleId: 'action-owner', severity: 'error', message: 'Action 7 of recommendation 3 has no responsible owner', recommendation: '3', action: 7, location: { line: 53 }, path: 'recommendations[2].actions[6].owner', ...over };
}

function file(path: string, findings: Finding[]): FileResult {
  const errorCount = findings.filter((f) => f.severity === 'error').length;
  return { path, fatal: null, plan: null, findings, errorCount, warningCount: findings.length - errorCount };
}

function unreadable(path: string, reason: string): FileResult {
  return { path, fatal: reason, plan: null, findings: [], errorCount: 0, warningCount: 0 };
}

describe('validate --format github', () => {
  it('prints one workflow command per finding, an error per unreadable file, then a summary', () => {
    const results = [
      file('plans/dlnr.txt', [
        finding({}),
        finding({ ruleId: 'vague-action', severity: 'warn', message: "Action 2 of recommendation 7 rests on 'investigate options' with nothing measurable", location: { line: 86 } }),
      ]),
      file('plans/london.pdf', [finding({ ruleId: 'due-horizon', severity: 'warn', message: "The target date 'March 2025' of action 1 of recommendation 2 is 70 months after submission", location: { page: 4 } })]),
      file('plans/essex.docx', [finding({ ruleId: 'plan-metadata', severity: 'warn', message: 'The submission date is missing', recommendation: null, action: null, location: { row: 2 }, path: 'plan.submitted' })]),
      unreadable('plans/scan.pdf', 'no text layer: it looks like a scan'),
    ];
    expect(formatGithub(results)).toBe(
      [
        '::error file=plans/dlnr.txt,line=53,title=action-owner::Action 7 of recommendation 3 has no responsible owner',
        "::warning file=plans/dlnr.txt,line=86,title=vague-action::Action 2 of recommendation 7 rests on 'investigate options' with nothing measurable",
        "::warning file=plans/london.pdf,title=due-horizon::The target date 'March 2025' of action 1 of recommendation 2 is 70 months after submission (page 4)",
        '::warning file=plans/essex.docx,title=plan-metadata::The submission date is missing (row 2)',
        '::error file=plans/scan.pdf::no text layer: it looks like a scan',
        'plancheck: 5 problems (1 error, 3 warnings, 1 unreadable file) in 4 files',
        '',
      ].join('\n'),
    );
  });

  it('escapes %, CR and LF in messages, and also : and , in properties, as the runner expects', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('C:\\plans\\a,b%.txt\n')).toBe('C%3A\\plans\\a%2Cb%25.txt%0A');
    const odd = file('plans/Essex, North: 100%.txt', [finding({ message: 'Owner is "TBC%"\nsee row', location: { line: 9 } })]);
    expect(formatGithub([odd])).toBe(
      '::error file=plans/Essex%2C North%3A 100%25.txt,line=9,title=action-owner::Owner is "TBC%25"%0Asee row\n' +
        'plancheck: 1 problem (1 error, 0 warnings) in 1 file\n',
    );
  });

  it('writes paths with forward slashes, as the repository shows them', () => {
    expect(formatGithub([file('plans\\dlnr.txt', [finding({})])]).split('\n')[0]).toBe(
      '::error file=plans/dlnr.txt,line=53,title=action-owner::Action 7 of recommendation 3 has no responsible owner',
    );
  });

  it('says so when there is nothing to report', () => {
    expect(formatGithub([file('a.txt', []), file('b.txt', [])])).toBe('plancheck: no problems in 2 files\n');
    expect(formatGithub([])).toBe('plancheck: no problems in 0 files\n');
  });
});
