import { ReadError } from '../errors.js';
import { expandedSize, readZipDirectory, ZipError, type ZipEntry } from './zip.js';

const MB = 1024 * 1024;
/** No part of a real plan comes near this: embedded pictures can be large, so media parts get more room. */
export const MAX_PART_BYTES = 50 * MB;
/**
 * The XML parts are what mammoth parses, at about 70 times their size in memory and a second a megabyte:
 * a long plan's document.xml is one or two megabytes, so past this it is not a plan worth the wait.
 */
export const MAX_XML_BYTES = 10 * MB;
export const MAX_TOTAL_BYTES = 200 * MB;

const damaged = (err: unknown): ReadError => new ReadError(`damaged Word file: ${(err as Error).message}`, { cause: err });
const bomb = (what: string): ReadError => new ReadError(`${what}: refusing a possible zip bomb`);

/**
 * Check a Word file before mammoth opens it: the zip's directory must be readable and list
 * word/document.xml, no part may expand past MAX_PART_BYTES nor all of them past MAX_TOTAL_BYTES, and no
 * part may expand past the size the directory declares for it (checked by inflating it up to that size).
 */
export function checkWordZip(bytes: Uint8Array): ZipEntry[] {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch (err) {
    if (err instanceof ZipError) throw damaged(err);
    throw err;
  }
  let total = 0;
  for (const entry of entries) {
    const cap = /\.(?:xml|rels)$/i.test(entry.name) ? MAX_XML_BYTES : MAX_PART_BYTES;
    if (entry.size > cap) throw bomb(`${entry.name} expands to more than ${cap / MB} MB`);
    total += entry.size;
    if (total > MAX_TOTAL_BYTES) throw bomb(`the Word file's parts expand to more than ${MAX_TOTAL_BYTES / MB} MB in all`);
  }
  if (!entries.some((e) => e.name === 'word/document.xml')) throw new ReadError('not a Word document: no word/document.xml');
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    let actual: number | null;
    try {
      actual = expandedSize(bytes, entry, entry.size);
    } catch (err) {
      if (err instanceof ZipError) throw damaged(err);
      throw err;
    }
    if (actual === null) throw bomb(`${entry.name} expands to more than the ${entry.size} bytes its zip entry declares`);
  }
  return entries;
}
