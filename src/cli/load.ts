import { appendFileSync, constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { NoPlanError, ReadError } from '../read/errors.js';
import { detectFormat, readPlan } from '../read/index.js';
import { MAX_TEXT_BYTES, textTooLarge } from '../read/limits.js';
import type { ParsedPlan } from '../read/parsed.js';
import { TimeLimitError, unlimited, type Limit } from '../util/time-limit.js';
import { fsReason, notRegularFile, type InputEntry } from './inputs.js';
import { readAll, STDIN_TOO_LARGE, type CliIo } from './io.js';

// Test hook, for the --cache tests only: the path of every input read to be parsed is added to this file, a line
// each, from whichever thread or process reads it; a file the cache answers for never appears.
const TEST_READ_LOG = process.env.PLANCHECK_TEST_READ_LOG;

/** An input read into the model, or the one-line reason it could not be (with a stack for internal errors). */
export type Loaded =
  | { path: string; parsed: ParsedPlan }
  | { path: string; fatal: string; stack?: string; /** The file holds no action-plan table (NoPlanError). */ noPlan?: boolean };

/** An input's bytes, or the one-line reason they could not be read. */
export type InputBytes = { bytes: Uint8Array } | { fatal: string };

/** Read one input's bytes: a file (with the guards of readRegularFile) or standard input. */
export async function readInputBytes(entry: InputEntry, io: Pick<CliIo, 'stdin'>): Promise<InputBytes> {
  try {
    if (entry.kind === 'missing') return { fatal: entry.reason };
    if (entry.kind === 'stdin') {
      if (!io.stdin) return { fatal: 'standard input is not available' };
      const all = await readAll(io.stdin);
      return all === null ? { fatal: STDIN_TOO_LARGE } : { bytes: all };
    }
    const read = await readRegularFile(entry.abs);
    if (typeof read === 'string') return { fatal: read };
    if (TEST_READ_LOG) appendFileSync(TEST_READ_LOG, `${entry.path}\n`);
    return { bytes: read };
  } catch (err) {
    return { fatal: fsReason(err) };
  }
}

/**
 * Read one input's bytes (unless they were read already: standard input, or a single input the CLI looked at
 * first) and parse them. Never throws, so one bad file never stops the others, except a TimeLimitError from
 * `limit`, which the reader of a text export or an HTML page runs through.
 */
export async function loadInput(entry: InputEntry, io: Pick<CliIo, 'stdin'>, { bytes: given, limit = unlimited }: { bytes?: Uint8Array; limit?: Limit } = {}): Promise<Loaded> {
  const { path } = entry;
  const read = given === undefined ? await readInputBytes(entry, io) : { bytes: given };
  if ('fatal' in read) return { path, fatal: read.fatal };
  const { bytes } = read;
  try {
    return { path, parsed: await readPlan({ path, bytes }, limit) };
  } catch (err) {
    if (err instanceof TimeLimitError) throw err;
    if (err instanceof NoPlanError) return { path, fatal: err.message, noPlan: true };
    if (err instanceof ReadError) return { path, fatal: oneLine(err.message), stack: causeStack(err) };
    const message = err instanceof Error ? err.message : String(err);
    return { path, fatal: `internal error: ${oneLine(message)}`, stack: err instanceof Error ? err.stack : undefined };
  }
}

function oneLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? '';
}

/** What lies under a ReadError, shown with --verbose only. */
function causeStack(err: ReadError): string | undefined {
  return err.cause instanceof Error ? `Caused by: ${err.cause.stack ?? err.cause.message}` : undefined;
}

/** What a file the run reads besides its inputs (config, baseline, inspection report) gave: its bytes, or why not. */
export type SideFile = { bytes: Uint8Array } | { reason: string; code?: string };

/**
 * Read a config, baseline or inspection report with the same guards as an input: a named pipe or a device is
 * refused rather than waited on or read for ever, and text past the inputs' size limit is not read.
 */
export async function readSideFile(file: string): Promise<SideFile> {
  try {
    const read = await readRegularFile(file, { tooLarge: sideFileTooLarge, input: false });
    return typeof read === 'string' ? { reason: read } : { bytes: read };
  } catch (err) {
    return { reason: fsReason(err), code: (err as NodeJS.ErrnoException).code };
  }
}

function sideFileTooLarge(size: number): string | null {
  const mb = (n: number): number => Math.round(n / 1024 / 1024);
  return size > MAX_TEXT_BYTES ? `too large (${mb(size)} MB; the limit is ${mb(MAX_TEXT_BYTES)} MB)` : null;
}

/**
 * Read a file whole; or the reason it is not read: it is not a regular file (it may have been swapped for one
 * since the inputs were listed), or it is a text file far larger than any plan, known from its size and first
 * bytes before it is read.
 */
export async function readRegularFile(
  file: string,
  { tooLarge, input }: { tooLarge: (size: number) => string | null; input: boolean } = { tooLarge: textTooLarge, input: true },
): Promise<Uint8Array | string> {
  // O_NONBLOCK: opening a FIFO that no one writes to would otherwise wait for ever (it has no effect on files).
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return notRegularFile(stats, input);
    if (stats.size > MAX_TEXT_BYTES) {
      const head = new Uint8Array(1024);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      if (detectFormat(head.subarray(0, bytesRead)) === 'text') return tooLarge(stats.size)!;
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
