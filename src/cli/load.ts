import { open, readFile } from 'node:fs/promises';
import { ReadError } from '../read/errors.js';
import { detectFormat, readPlan } from '../read/index.js';
import { MAX_TEXT_BYTES, textTooLarge } from '../read/limits.js';
import type { ParsedPlan } from '../read/parsed.js';
import { fsReason, type InputEntry } from './inputs.js';
import { readAll, type CliIo } from './io.js';

/** An input read into the model, or the one-line reason it could not be (with a stack for internal errors). */
export type Loaded =
  | { path: string; parsed: ParsedPlan }
  | { path: string; fatal: string; stack?: string };

/** Read one input's bytes and parse them; never throws, so one bad file never stops the others. */
export async function loadInput(entry: InputEntry, io: Pick<CliIo, 'stdin'>): Promise<Loaded> {
  const { path } = entry;
  let bytes: Uint8Array;
  try {
    if (entry.kind === 'missing') return { path, fatal: entry.reason };
    if (entry.kind === 'stdin') {
      if (!io.stdin) return { path, fatal: 'standard input is not available' };
      bytes = await readAll(io.stdin);
    } else {
      const refused = await refuseOversizedText(entry.abs);
      if (refused !== null) return { path, fatal: refused };
      bytes = await readFile(entry.abs);
    }
  } catch (err) {
    return { path, fatal: fsReason(err) };
  }
  try {
    return { path, parsed: await readPlan({ path, bytes }) };
  } catch (err) {
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

/** A text file far larger than any plan is refused from its size and first bytes, before it is read whole. */
async function refuseOversizedText(file: string): Promise<string | null> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size <= MAX_TEXT_BYTES) return null;
    const head = new Uint8Array(1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return detectFormat(head.subarray(0, bytesRead)) === 'text' ? textTooLarge(size) : null;
  } finally {
    await handle.close();
  }
}
