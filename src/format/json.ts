import type { FileResult, Finding, ReadingNote } from '../model/result.js';
import { notesOf } from './common/counts.js';

/** One finding as `validate --format json` shows it: the model path stays internal. */
export type JsonFinding = Omit<Finding, 'path'>;

/** One input file in the JSON report. */
export interface JsonFile {
  path: string;
  fatal: string | null;
  errorCount: number;
  warningCount: number;
  findings: JsonFinding[];
  /** The reader's repairs, apart from the findings and in no count; empty for a file that could not be read. */
  notes: ReadingNote[];
}

/** The whole `validate --format json` document, as docs/json-report.md describes it. */
export interface JsonReport {
  files: JsonFile[];
  errorCount: number;
  warningCount: number;
}

/** Build the JSON report object for a set of results. */
export function jsonReport(results: readonly FileResult[]): JsonReport {
  const files = results.map(
    (r): JsonFile => ({
      path: r.path,
      fatal: r.fatal,
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      findings: r.findings.map(jsonFinding),
      notes: notesOf(r).map((n) => ({ ...n, location: { ...n.location } })),
    }),
  );
  return {
    files,
    errorCount: files.reduce((n, f) => n + f.errorCount, 0),
    warningCount: files.reduce((n, f) => n + f.warningCount, 0),
  };
}

function jsonFinding(f: Finding): JsonFinding {
  const out: JsonFinding = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    recommendation: f.recommendation,
    action: f.action,
    location: { ...f.location },
  };
  // Only findings about a recommendation of the inspection report carry its number; the others keep SPEC's fields.
  if (f.reportRecommendation !== undefined) out.reportRecommendation = f.reportRecommendation;
  return out;
}

/** `validate --format json`: the report as pretty JSON with a trailing newline. */
export function formatJson(results: FileResult[]): string {
  return `${JSON.stringify(jsonReport(results), null, 2)}\n`;
}
