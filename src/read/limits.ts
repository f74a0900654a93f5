/** The largest text export read: the longest published plans are well under 1 MB as text. */
export const MAX_TEXT_BYTES = 20 * 1024 * 1024;

const mb = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;

/** Why a text input of this size is refused, or null when it is within the limit. */
export function textTooLarge(size: number): string | null {
  if (size <= MAX_TEXT_BYTES) return null;
  return `text file too large to be an action plan (${mb(size)}; the limit is ${mb(MAX_TEXT_BYTES)})`;
}
