import type { FileResult, Finding } from '../model/result.js';
import { portablePath } from './fingerprint.js';
import { printable } from './printable.js';
import { placeSuffix } from './sarif.js';
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
  let errors = 0;
  let warnings = 0;
  let fatal = 0;
  for (const r of results) {
    const file = portablePath(r.path);
    if (r.fatal !== null) {
      fatal += 1;
      out += command('error', [['file', file]], r.fatal);
      continue;
    }
    errors += r.errorCount;
    warnings += r.warningCount;
    for (const f of r.findings) out += annotation(file, f);
  }
  const problems = errors + warnings + fatal;
  const checked = plural(results.length, 'file');
  if (problems === 0) return `plancheck: no problems in ${checked}\n`;
  const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
  if (fatal > 0) parts.push(plural(fatal, 'unreadable file'));
  return `${out}plancheck: ${plural(problems, 'problem')} (${parts.join(', ')}) in ${checked}\n`;
}
