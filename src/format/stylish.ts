import { Chalk, type ChalkInstance } from 'chalk';
import type { FileResult, Finding, ReadingNote } from '../model/result.js';
import { shortPlace } from './common/place.js';
import { printable } from './common/printable.js';
import { countNotes, countProblems, notesOf, problemSummary, problemTotal } from './common/counts.js';
import type { FormatOptions } from './types.js';
import { plural } from '../util/plural.js';

/**
 * `validate --format stylish`: findings grouped under each file's path, one aligned line each (location,
 * severity, message, rule id), then the file's reading notes (the reader's repairs) dimmed apart from them, an
 * unreadable file as one error line, then a summary that counts problems and, beside them, notes. A plan with no
 * findings gets one line saying so, with how much was read, and its notes (not under --quiet, which hides warnings
 * and notes).
 */
export function formatStylish(results: FileResult[], options: Pick<FormatOptions, 'color' | 'quiet'>): string {
  const c = new Chalk({ level: options.color });
  const groups: string[] = [];
  const clean: string[] = [];
  for (const r of results) {
    const notes = noteLines(notesOf(r), c);
    if (r.fatal !== null) {
      groups.push(`${c.underline(printable(r.path))}\n  ${c.red('error')}  ${printable(r.fatal)}\n`);
    } else if (r.findings.length > 0) {
      groups.push(`${c.underline(printable(r.path))}\n${findingLines(r.findings, c)}${notes}`);
    } else if (options.quiet !== true) {
      clean.push(`${c.green('✔')} ${printable(r.path)}: no problems${r.counts ? ` — ${plural(r.counts.recommendations, 'recommendation')}, ${plural(r.counts.actions, 'action')}` : ''}\n${notes}`);
    }
  }
  const counts = countProblems(results);
  if (problemTotal(counts) === 0) return clean.join('');
  const notes = countNotes(results);
  const summary = `✖ ${problemSummary(counts)}`;
  const paint = counts.errors + counts.unreadable > 0 ? c.red.bold : c.yellow.bold;
  const noted = notes > 0 ? c.dim(` · ${plural(notes, 'reading note')}`) : '';
  return `${clean.join('')}${clean.length > 0 ? '\n' : ''}${groups.join('\n')}\n${paint(summary)}${noted}\n`;
}

/** The reading notes block: a label, then one dim line each (location, the reader's words, the diagnostic's code). */
function noteLines(notes: readonly ReadingNote[], c: ChalkInstance): string {
  if (notes.length === 0) return '';
  const rows = notes.map((n) => ({ where: shortPlace(n.location), message: printable(n.message), code: n.code ?? '' }));
  const [w, m] = [Math.max(...rows.map((r) => r.where.length)), Math.max(...rows.map((r) => r.message.length))];
  const lines = rows.map((r) => c.dim(`  ${r.where.padEnd(w)}  ${r.message.padEnd(m)}  ${r.code}`.trimEnd()) + '\n');
  return `${c.dim('  reading notes:')}\n${lines.join('')}`;
}

function findingLines(findings: readonly Finding[], c: ChalkInstance): string {
  const rows = findings.map((f) => ({
    where: shortPlace(f.location),
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
