/** Windows-1252's characters for bytes 0x80–0x9F, where Latin-1 (and Node's decoder for this label) has C1 controls. */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Bytes as Windows-1252, which older exports from Word on Windows use. Not `TextDecoder('windows-1252')`: Node
 * decodes that label as Latin-1, giving U+0093 where the document has a curly quote.
 */
export function windows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1').replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80] || c);
}

/** The text of UTF-16 bytes that start with a byte-order mark (Windows' "Unicode" text), else null. */
export function utf16ByMark(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return null;
}

/** UTF-8 without its byte-order mark, or null when the bytes are not valid UTF-8. */
export function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
