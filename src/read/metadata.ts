import type { PlanDocument } from '../model/plan.js';
import { parsePlanDate } from './dates.js';

/** The header block above the table. */
export type PlanMeta = PlanDocument['plan'];

const LABELS = {
  submitted: /^action plan submitted\s*:?/i,
  inspection: /^a response to\b[^:]*:/i,
  reportPublished: /^(?:inspection )?report published\s*:?/i,
  title: /^action plan\s*:/i,
} as const;
type Field = keyof typeof LABELS;

/** Plain text of a header line: markdown emphasis, heading marks and HTML tags removed, spaces collapsed. */
export function plainLine(line: string): string {
  return line
    .replace(/<\/?su[pb]>/gi, '')
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/^\s*#+\s*/, '')
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function labelOf(line: string): Field | null {
  for (const field of Object.keys(LABELS) as Field[]) {
    if (LABELS[field].test(line)) return field;
  }
  return null;
}

/**
 * Read the header block: "Action Plan Submitted: <date>", "A Response to the HMI Probation Inspection:
 * <name>", "Report Published: <date>" and "ACTION PLAN: <title>". A value may follow its label on the same
 * line, or stand in the next paragraph, and may wrap over several lines until a blank line or a new label.
 */
export function extractMetadata(lines: readonly string[]): PlanMeta {
  const values: Partial<Record<Field, string>> = {};
  const plain = lines.map(plainLine);
  for (let i = 0; i < plain.length; i++) {
    const field = labelOf(plain[i]!);
    if (!field || values[field] !== undefined) continue;
    const parts = [plain[i]!.replace(LABELS[field], '').trim()];
    let j = i + 1;
    // The value wraps onto following lines; when the label stands alone, its value is the next paragraph.
    if (parts[0] === '') while (j < plain.length && plain[j] === '') j++;
    for (; j < plain.length && plain[j] !== '' && !labelOf(plain[j]!) && field !== 'title'; j++) {
      if (/^introduction$/i.test(plain[j]!)) break;
      parts.push(plain[j]!);
    }
    values[field] = parts.join(' ').replace(/\s+/g, ' ').trim();
  }
  const text = (v: string | undefined): string | null => {
    const t = v?.replace(/[.\s]+$/, '').trim();
    return t ? t : null;
  };
  return {
    title: text(values.title),
    inspection: text(values.inspection),
    submitted: values.submitted ? parsePlanDate(values.submitted) : null,
    reportPublished: values.reportPublished ? parsePlanDate(values.reportPublished) : null,
  };
}
