import { Chalk, type ChalkInstance } from 'chalk';
import type { Location } from '../model/plan.js';
import type { FileResult, Finding } from '../model/result.js';
import { printable } from './printable.js';
import type { FormatOptions } from './types.js';
import { plural } from '../util/plural.js';

/** Where a finding sits, as short as the format allows: `p.3` (PDF), `l.27` (text export), `row 4` (HTML, Word). */
export function shortLocation(loc: Location): string {
  if (loc.page !== undefined) return `p.${loc.page}`;
  if (loc.line !== undefined) return `l.${loc.line}`;
  if (loc.row !== undefined) return `row ${loc.row}`;
  return '-';
}


/**
 * `validate --format stylish`: findings grouped under each file's path, one aligned line each (location,
 * severity, message, rule id), an unreadable file as one error line, then a summary. A plan with no findings
 * gets one line saying so, with how much was read (not under --quiet, which hides warnings).
 */
export function formatStylish(results: FileResult[], options: Pick<FormatOptions, 'color' | 'quiet'>): string {
  const c = new Chalk({ level: options.color });
  const groups: string[] = [];
  let errors = 0;
  let warnings = 0;
  let fatal = 0;
  const clean: string[] = [];
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
    if (r.fatal !== null) {
      fatal += 1;
      groups.push(`${c.underline(printable(r.path))}\n  ${c.red('error')}  ${printable(r.fatal)}\n`);
    } else if (r.findings.length > 0) {
      groups.push(`${c.underline(printable(r.path))}\n${findingLines(r.findings, c)}`);
    } else if (options.quiet !== true) {
      clean.push(`${c.green('✔')} ${printable(r.path)}: no problems${r.counts ? ` — ${plural(r.counts.recommendations, 'recommendation')}, ${plural(r.counts.actions, 'action')}` : ''}\n`);
    }
  }
  const problems = errors + warnings + fatal;
  if (problems === 0) return clean.join('');
  const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
  if (fatal > 0) parts.push(plural(fatal, 'unreadable file'));
  const summary = `✖ ${plural(problems, 'problem')} (${parts.join(', ')})`;
  const paint = errors + fatal > 0 ? c.red.bold : c.yellow.bold;
  return `${clean.join('')}${clean.length > 0 ? '\n' : ''}${groups.join('\n')}\n${paint(summary)}\n`;
}

function findingLines(findings: readonly Finding[], c: ChalkInstance): string {
  const rows = findings.map((f) => ({
    where: shortLocation(f.location),
    severity: f.severity === 'error' ? 'error' : 'warning',
    message: printable(f.message),
    ruleId: f.ruleId,
  }));
  const width = (key: 'where' | 'severity' | 'message'): number => Math.max(...rows.map((r) => r[key].length));
  const [w, s, m] = [width('where'), width('severity'), width('message')];
  return rows
    .map((r) => {
      const severity = r.severity.padEnd(s);
      const painted = r.severity === 'error' ? c.red(severity) : c.yellow(severity);
      return `  ${c.dim(r.where.padEnd(w))}  ${painted}  ${r.message.padEnd(m)}  ${c.dim(r.ruleId)}\n`;
    })
    .join('');
}
