/**
 * How wide a run of text is compared with another of the same font: each character's advance as the common
 * sans-serif faces set it (Helvetica's metrics, which Arial and Liberation Sans share), in thousandths of the
 * font size. Only the proportions are used: a word's width is its share of the drawn width of the text it is
 * part of, which a count of characters misjudges ("Share" is a third of "Share the referral" by width, not a
 * quarter). Characters not listed count as an average lower-case letter.
 */
const WIDTHS: Record<string, number> = {};
const set = (chars: string, width: number): void => {
  for (const c of chars) WIDTHS[c] = width;
};
set(' ', 278);
set('ijl', 222);
set("'", 191);
set('ftI!,.:;/[]\\', 278);
set('r-()`', 333);
set('"', 355);
set('cksvxyzJ', 500);
set('abdeghnopqu0123456789?$#_', 556);
set('FTZ', 611);
set('ABEKPSVXY&', 667);
set('CDHNRUw', 722);
set('GOQ', 778);
set('mM', 833);
set('%', 889);
set('W', 944);
set('@', 1015);

/** The width of `text` in thousandths of its font size, as a sans-serif face sets it. */
export function relativeWidth(text: string): number {
  let width = 0;
  for (const c of text) width += WIDTHS[c] ?? 556;
  return width;
}
