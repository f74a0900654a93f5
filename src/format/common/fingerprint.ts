import { createHash } from 'node:crypto';
import { parsePath } from '../../model/path.js';
import type { Finding } from '../../model/result.js';

/**
 * The name of the fingerprint recipe below, as SARIF's `partialFingerprints` key and the baseline's version. A
 * change to what goes into the hash is a new key (`plancheck/v2`), never a silent change of this one.
 */
export const FINGERPRINT_KEY = 'plancheck/v1';

/** What a fingerprint is made of: everything that says which problem it is, nothing that says where it printed. */
export type FingerprintInput = Pick<Finding, 'ruleId' | 'recommendation' | 'path' | 'message'>;

/** A file path as fingerprints and SARIF see it: forward slashes, no leading `./`. */
export function portablePath(filePath: string): string {
  return filePath.replaceAll('\\', '/').replace(/^(\.\/)+/, '');
}

/**
 * Where a finding sits in the model, with the recommendation named by its number rather than its position, so a
 * row merged or split above it does not move it: `recommendations[#4].actions[1].owner`. Falls back to the
 * position when the document gives no number.
 */
export function modelPlace(f: Pick<Finding, 'recommendation' | 'path'>): string {
  const segments = parsePath(f.path);
  let out = '';
  segments.forEach((seg, i) => {
    if (typeof seg === 'string') out += out === '' ? seg : `.${seg}`;
    else if (i === 1 && segments[0] === 'recommendations' && f.recommendation !== null) out += `[#${f.recommendation}]`;
    else out += `[${seg}]`;
  });
  return out;
}

/** The message with the differences that do not change its meaning removed: case, spacing, typographic quotes. */
export function normaliseMessage(message: string): string {
  return message
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * A finding's stable identity in one file: 16 hex digits of SHA-256 over the recipe name, the rule id, the file
 * path, the place in the model and the normalised message. Page, line and row numbers are deliberately left
 * out, so text added above a finding, or a re-export that moves the page breaks, keeps it the same finding.
 */
export function findingFingerprint(filePath: string, f: FingerprintInput): string {
  const parts = [FINGERPRINT_KEY, f.ruleId, portablePath(filePath), modelPlace(f), normaliseMessage(f.message)];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}
