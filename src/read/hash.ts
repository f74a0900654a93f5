import { createHash } from 'node:crypto';

/** The SHA-256 of an input's bytes, for the model's source block. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
