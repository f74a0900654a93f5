import type { FileResult, Finding } from '../model/result.js';
import { findingFingerprint, portablePath } from './common/fingerprint.js';
import { placeWords, subject } from './common/place.js';
import { printable } from './common/printable.js';

/** The check name GitLab shows for a file that could not be read. */
const UNREADABLE_CHECK = 'plancheck/unreadable';

/** One issue of a GitLab Code Quality report: the fields GitLab documents and reads. */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number } };
}

/** The message with where it is, its control characters shown as \xHH, as GitLab shows it to people. */
function describe(f: Finding): string {
  const where = placeWords(f.location);
  return printable(`${f.message} (${subject(f)}${where === null || f.location.line !== undefined ? '' : `, ${where}`})`);
}

/**
 * `validate --format gitlab`: a GitLab Code Quality report (the JSON array that `artifacts: reports: codequality`
 * takes). Errors are `major`, warnings `minor`, a file that could not be read `critical`. GitLab places an issue
 * by line only: text exports give theirs; PDF pages and table rows are named in the description, at line 1.
 * Fingerprints are the baseline's (stable when text moves); GitLab shows only the first issue of a fingerprint,
 * so a repeat within one run gets `-2`, `-3` added.
 */
export function formatGitlab(results: FileResult[]): string {
  const issues: CodeQualityIssue[] = [];
  const seen = new Map<string, number>();
  const unique = (fingerprint: string): string => {
    const n = (seen.get(fingerprint) ?? 0) + 1;
    seen.set(fingerprint, n);
    return n === 1 ? fingerprint : `${fingerprint}-${n}`;
  };
  for (const r of results) {
    const path = portablePath(r.path);
    if (r.fatal !== null) {
      const fingerprint = findingFingerprint(r.path, { ruleId: UNREADABLE_CHECK, recommendation: null, path: '', message: r.fatal });
      issues.push({ description: `Could not be read: ${printable(r.fatal)}`, check_name: UNREADABLE_CHECK, fingerprint: unique(fingerprint), severity: 'critical', location: { path, lines: { begin: 1 } } });
      continue;
    }
    for (const f of r.findings) {
      issues.push({
        description: describe(f),
        check_name: f.ruleId,
        fingerprint: unique(findingFingerprint(r.path, f)),
        severity: f.severity === 'error' ? 'major' : 'minor',
        location: { path, lines: { begin: f.location.line ?? 1 } },
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}
