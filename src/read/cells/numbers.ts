/** Rec-number cells: "1", "6.", "6 SW 6 and CRC 5", "Rec 4", "R4", and garbled ones such as "t i". */

export interface ParsedNumber {
  number: string | null;
  refs: string[];
}

const PREFIX = /^(?:(?:rec(?:ommendation)?|ref(?:erence)?|no)\b\.?\s*(?:no\.?|number)?\s*[:.]?|r(?=\.?\s?\d)\.?)\s*/i;

/** Parse a number cell; `number` is null when it holds no readable rec number. */
export function parseNumberCell(raw: string): ParsedNumber {
  const text = raw.replace(/\s+/g, ' ').trim().replace(PREFIX, '');
  // Up to five digits: plans of a thousand recommendations and more exist; a longer run is a reference, not a rec number.
  const m = /^(\d{1,5}(?:\.\d{1,2})?[a-z]?)(?:[.):]|\b)\s*(.*)$/i.exec(text);
  if (!m) return { number: null, refs: [] };
  const rest = m[2]!.replace(/^[-–,;:(]+|[)]+$/g, '').trim();
  const refs = rest === '' ? [] : rest.split(/\s*(?:,|;|&|\band\b|\/|\+)\s*/i).map((r) => r.replace(/[()]/g, '').trim()).filter((r) => /\w/.test(r));
  return { number: m[1]!.replace(/\.$/, ''), refs };
}

/** The integer value of a rec number, for ordering and inference ("12" → 12, "3a" → 3). */
export function numericValue(number: string | null): number | null {
  if (number === null) return null;
  const m = /^(\d+)/.exec(number);
  return m ? Number(m[1]) : null;
}
