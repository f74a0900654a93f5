import type { Diagnostic } from '../../model/plan.js';
import { utf16ByMark, windows1252 } from '../decode-text.js';


/** The charset a page declares in a `<meta>` tag near its start, lower-cased, or null. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Decode an HTML file as a browser would, in short: a byte-order mark first, then the charset its `<meta>`
 * declares (pages saved from Word are often windows-1252), else UTF-8, falling back to windows-1252 with a
 * diagnostic when the bytes are not valid UTF-8.
 */
export function decodeHtml(bytes: Uint8Array, diagnostics: Diagnostic[]): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  const utf16 = utf16ByMark(bytes);
  if (utf16 !== null) return utf16;
  const charset = declaredCharset(bytes);
  if (charset && /^(windows-1252|cp1252|iso-8859-1|iso8859-1|latin-?1|us-ascii|ascii)$/.test(charset)) return windows1252(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    diagnostics.push({ message: 'the file is not valid UTF-8 and declares no other charset; read as windows-1252', location: {}, code: 'encoding' });
    return windows1252(bytes);
  }
}
