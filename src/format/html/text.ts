import type { Agreement, Location, SourceFormat } from '../../model/plan.js';
import type { Severity } from '../../model/result.js';
import { MONTH_NAMES } from '../../util/months.js';
import { everyPlace } from '../common/place.js';

/** `2020-02-28` as `28 February 2020`, `2020-02` as `February 2020`; anything else unchanged. */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  const month = m ? MONTH_NAMES[Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** An ISO timestamp as `1 May 2024, 10:22 UTC`; a bare date as a long date; anything else unchanged. */
export function longTimestamp(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(iso);
  if (!m?.[1]) return iso;
  const day = longDate(m[1]);
  if (!m[2]) return day;
  const zone = m[3] === undefined ? '' : m[3] === 'Z' ? ' UTC' : ` UTC${m[3]}`;
  return `${day}, ${m[2]}${zone}`;
}

/** Where a finding sits in the source, in words: `page 3`, `line 41`, `table row 7`; empty when unknown. */
export function locationText(loc: Location): string {
  return everyPlace(loc, 'table row');
}

/** The word for a severity, shown beside its icon so colour is never the only cue. */
export function severityLabel(severity: Severity): string {
  return severity === 'error' ? 'Error' : 'Warning';
}

/** How the template names an agreement marking. */
export function agreementLabel(agreement: Agreement): string {
  return agreement === 'agreed' ? 'Agreed' : agreement === 'partly-agreed' ? 'Partly Agreed' : 'Not Agreed';
}

/** A source format as a reader would name it. */
export function formatName(format: SourceFormat): string {
  return { pdf: 'PDF', docx: 'Word document', html: 'HTML page', text: 'text export' }[format];
}
