import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/format/json.js';
import { DRAFT_WITH_NOTES } from '../helpers/draft-with-notes.js';
import { plancheck } from './run.js';

// The draft: line 10 is rec 't i' (its number inferred: a reading note), line 11 rec 2 with an 'Ongoing' date
// (a due-time-bound warning), line 12 rec 3 with no owner (an action-owner error).
const dir = mkdtempSync(path.join(tmpdir(), 'plancheck-notes-'));
writeFileSync(path.join(dir, 'draft.txt'), DRAFT_WITH_NOTES);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (...args: string[]) => plancheck(['validate', 'draft.txt', ...args], { cwd: dir });

const WARNING = "  l.11  warning  The target date 'Ongoing' of action 1 of recommendation 2 is not time-bound: give a month or a day  due-time-bound\n";
const NOTES = "  reading notes:\n  l.10  rec 1: number 't i' unreadable; 1 inferred from order  number-inferred\n";

describe('reading notes through the built CLI', () => {
  it('stylish: the note under the file’s findings, apart, and beside the problem counts rather than in them', () => {
    expect(run()).toEqual({
      code: 1,
      stderr: '',
      stdout:
        'draft.txt\n' +
        WARNING +
        '  l.12  error    Action 1 of recommendation 3 has no responsible owner                                               action-owner\n' +
        NOTES +
        '\n✖ 2 problems (1 error, 1 warning) · 1 reading note\n',
    });
  });

  it('--max-warnings counts the one warning, not the note', () => {
    expect(run('--rule', 'action-owner=off', '--max-warnings', '0')).toEqual({
      code: 1,
      stderr: 'plancheck: too many warnings: 1, the maximum is 0\n',
      stdout: `draft.txt\n${WARNING}${NOTES}\n✖ 1 problem (0 errors, 1 warning) · 1 reading note\n`,
    });
  });

  it('a plan whose only remark is a note is clean: exit 0, the clean line, then the note', () => {
    expect(run('--rule', 'action-owner=off', '--rule', 'due-time-bound=off')).toEqual({
      code: 0,
      stderr: '',
      stdout: `✔ draft.txt: no problems — 3 recommendations, 3 actions\n${NOTES}`,
    });
  });

  it('--quiet shows errors only: no warning and no note', () => {
    expect(run('--quiet')).toEqual({
      code: 1,
      stderr: '',
      stdout: 'draft.txt\n  l.12  error  Action 1 of recommendation 3 has no responsible owner  action-owner\n\n✖ 1 problem (1 error, 0 warnings)\n',
    });
  });

  it('json: the notes in their own list per file, in no count, and the numbering rule silent', () => {
    const json = run('--format', 'json');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as JsonReport;
    expect(report.files[0]?.findings.map((f) => f.ruleId)).toEqual(['due-time-bound', 'action-owner']);
    expect(report.files[0]?.notes).toEqual([
      { code: 'number-inferred', message: "rec 1: number 't i' unreadable; 1 inferred from order", recommendation: '1', location: { line: 10 } },
    ]);
    expect([report.errorCount, report.warningCount, report.files[0]?.errorCount, report.files[0]?.warningCount]).toEqual([1, 1, 1, 1]);
  });
});
