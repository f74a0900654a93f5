import { crc32, inflateRawSync } from 'node:zlib';

/** One file of a zip archive, as its central directory declares it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** The uncompressed size the archive declares (which a hostile archive may understate). */
  size: number;
  localOffset: number;
}

/** A zip archive that cannot be read; the message says why. */
export class ZipError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** A Word file has a few dozen parts; a directory claiming far more is not one, and reading it would be slow. */
export const MAX_ENTRIES = 10_000;

function u64(view: DataView, at: number): number {
  return Number(view.getBigUint64(at, true));
}

function findEnd(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= Math.max(0, last - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw new ZipError('no zip central directory found (the file is cut short or is not a zip)');
}

/** Where the central directory is and how many entries it lists, ZIP64 included. */
function directory(view: DataView): { count: number; offset: number; size: number } {
  const end = findEnd(view);
  let count = view.getUint16(end + 10, true);
  let size = view.getUint32(end + 12, true);
  let offset = view.getUint32(end + 16, true);
  if ((count === 0xffff || size === 0xffffffff || offset === 0xffffffff) && end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR) {
    const at = u64(view, end - 20 + 8);
    if (at + 56 > view.byteLength || view.getUint32(at, true) !== ZIP64_EOCD) throw new ZipError('ZIP64 end record missing');
    count = u64(view, at + 32);
    size = u64(view, at + 40);
    offset = u64(view, at + 48);
  }
  if (offset + size > view.byteLength) throw new ZipError('central directory runs past the end of the file');
  return { count, offset, size };
}

/** Sizes and offset from a ZIP64 extra field, for the fields the directory entry left at 0xFFFFFFFF. */
function zip64Extra(view: DataView, at: number, length: number, entry: ZipEntry): void {
  for (let p = at; p + 4 <= at + length; ) {
    const id = view.getUint16(p, true);
    const len = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const take = (): number => {
        if (q + 8 > p + 4 + len) throw new ZipError('ZIP64 extra field too short');
        const v = u64(view, q);
        q += 8;
        return v;
      };
      if (entry.size === 0xffffffff) entry.size = take();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
      if (entry.localOffset === 0xffffffff) entry.localOffset = take();
      return;
    }
    p += 4 + len;
  }
}

/** Read a zip's central directory: every entry's name, method, declared sizes and where its data is. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.byteLength < 22) throw new ZipError('too short to be a zip');
  const { count, offset, size } = directory(view);
  if (count > MAX_ENTRIES) throw new ZipError(`its directory lists ${count} entries`);
  const entries: ZipEntry[] = [];
  const names = new TextDecoder('utf-8');
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > offset + size || view.getUint32(at, true) !== CENTRAL) throw new ZipError(`central directory entry ${i + 1} is damaged`);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > view.byteLength) throw new ZipError(`central directory entry ${i + 1} is damaged`);
    const entry: ZipEntry = {
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    zip64Extra(view, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The raw (still compressed) bytes of an entry, found through its local header. */
function rawData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > view.byteLength || view.getUint32(at, true) !== LOCAL) throw new ZipError(`${entry.name}: local header missing`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > view.byteLength) throw new ZipError(`${entry.name}: data runs past the end of the file`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * How many bytes an entry really expands to, inflating no further than `limit` bytes: returns null when
 * it would expand past the limit.
 */
export function expandedSize(bytes: Uint8Array, entry: ZipEntry, limit: number): number | null {
  const data = rawData(bytes, entry);
  if (entry.method === 0) return data.length > limit ? null : data.length;
  if (entry.method !== 8) throw new ZipError(`${entry.name}: unsupported compression method ${entry.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, limit) }).length;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw new ZipError(`${entry.name}: ${(err as Error).message}`);
  }
}

/** The bytes of an entry, inflated (its size was checked against the directory's by checkWordZip). */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = rawData(bytes, entry);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipError(`${entry.name}: unsupported compression method ${entry.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
  } catch (err) {
    throw new ZipError(`${entry.name}: ${(err as Error).message}`);
  }
}

/** A zip archive of the given files, stored uncompressed: a Word file rewritten before mammoth reads it. */
export function storedZip(files: ReadonlyArray<{ name: string; data: Uint8Array }>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of files) {
    const path = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(path.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(path.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, path, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    centrals.push(central, path);
    offset += 30 + path.length + data.length;
  }
  const size = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
