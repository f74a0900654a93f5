import type { FileResult, Finding } from '../model/result.js';
import { portablePath } from './common/fingerprint.js';
import { placeSuffix } from './common/place.js';
import { printable } from './common/printable.js';
import { countProblems, problemSummary, problemTotal } from './common/counts.js';
import { plural } from '../util/plural.js';

/** Escape a workflow command's message the way GitHub's runner unescapes it: `%`, CR and LF. */
export function escapeData(s: string): string {
  return s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escape a workflow command's property value: as the message, plus `:` and `,`, which end a property. */
export function escapeProperty(s: string): string {
  return escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

function command(kind: 'error' | 'warning', props: ReadonlyArray<[string, string | number | undefined]>, message: string): string {
  // CR and LF are escaped for the runner, which shows them as line breaks; other controls would act in the log.
  const list = props.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${escapeProperty(printable(String(v), true))}`);
  return `::${kind} ${list.join(',')}::${escapeData(printable(message, true))}\n`;
}

function annotation(file: string, f: Finding): string {
  const kind = f.severity === 'error' ? 'error' : 'warning';
  return command(kind, [['file', file], ['line', f.location.line], ['title', f.ruleId]], `${f.message}${placeSuffix(f.location)}`);
}


/**
 * `validate --format github`: one workflow command per finding, which GitHub Actions turns into an annotation on
 * the file (at the line for text exports; PDF pages and table rows are named in the message), one error per
 * unreadable file, then a plain summary line for the log.
 */
export function formatGithub(results: FileResult[]): string {
  let out = '';
  for (const r of results) {
    const file = portablePath(r.path);
    if (r.fatal !== null) out += command('error', [['file', file]], r.fatal);
    else for (const f of r.findings) out += annotation(file, f);
  }
  const counts = countProblems(results);
  const checked = plural(results.length, 'file');
  if (problemTotal(counts) === 0) return `plancheck: no problems in ${checked}\n`;
  return `${out}plancheck: ${problemSummary(counts)} in ${checked}\n`;
}
