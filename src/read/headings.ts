/**
 * The addressee a heading names, when a line or row is a heading such as "Northamptonshire PDU should:",
 * "<b>HM Prison and Probation Service should:</b>" or "**The Probation Service – East of England region
 * should:**". Returns null for anything else, including ordinary recommendation text that merely contains
 * "should".
 */
export function headingAddressee(text: string): string | null {
  const plain = text
    .replace(/<[^<>]*>/g, ' ')
    .replace(/\*\*|__/g, '')
    .replace(/^\s*#+\s*/, '')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  const m = /^(?:recommendations? (?:for|to) )?(.{2,120}?)\s+(?:should|must|is recommended to|are recommended to)\s*:?\s*$/i.exec(plain);
  if (m) return m[1]!.replace(/^(?:the following are for|for)\s+/i, '').trim();
  const forOnly = /^recommendations? (?:for|to) (.{2,120}?)\s*:?\s*$/i.exec(plain);
  return forOnly ? forOnly[1]!.trim() : null;
}

/** The addressee named by an inline prefix of a recommendation, as in "DLNR CRC should: Ensure …", or null. */
export function inlineAddressee(text: string): string | null {
  const m = /^\s*(.{2,80}?)\s+should\s*:\s*\S/.exec(text.replace(/<[^<>]*>/g, ' '));
  return m ? m[1]!.trim() : null;
}
