import type { Agreement } from '../../model/plan.js';

/** Read the agreement cell: Agreed, Partly/Partially Agreed, Not Agreed, or the same with "accepted". */
export function parseAgreement(raw: string): Agreement | null {
  const t = raw.replace(/<[^<>]*>/g, ' ').toLowerCase().replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (t === '') return null;
  if (/^(not|non|dis) ?(agreed|accepted)\b/.test(t) || /^rejected\b/.test(t)) return 'not-agreed';
  if (/^(partly|partially|part) (agreed|accepted)\b/.test(t) || /^agreed in part\b/.test(t)) return 'partly-agreed';
  if (/^(agreed|accepted|fully agreed)\b/.test(t)) return 'agreed';
  return null;
}

/** True when a cell reads as an agreement value, for readers that must guess which column a cell is. */
export function looksLikeAgreement(raw: string): boolean {
  return parseAgreement(raw) !== null && raw.trim().length <= 40;
}
