import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CliError } from './errors.js';
import type { InputEntry } from './inputs.js';
import type { ModelFormat } from './workers/serialize.js';

/** Where `convert` puts what it reads: standard output, one file holding every plan, or one file per plan in a folder. */
export type ConvertTarget = { kind: 'stdout' } | { kind: 'file'; abs: string } | { kind: 'dir'; abs: string };

/** Formats whose plans follow one another in one stream (a line of JSON, CSV records), so many go to one place. */
export const STREAM_FORMATS: ReadonlySet<ModelFormat> = new Set(['jsonl', 'csv']);

const FILE_EXTENSIONS: Record<ModelFormat, readonly string[]> = {
  json: ['.json'],
  yaml: ['.yaml', '.yml'],
  jsonl: ['.jsonl'],
  csv: ['.csv'],
};

/**
 * What `-o PATH` means, decided once before anything is read:
 * - jsonl and csv: always one file, every plan in it (a folder is a usage error);
 * - json and yaml: one file when there is one input and PATH ends in the format's extension (`out.json`) and
 *   is not a folder; otherwise a folder, one file per plan mirroring the inputs' folders. A file name with
 *   several inputs is a usage error rather than a folder called `out.json`.
 * Without -o, standard output, which takes one json or yaml plan, or any number in jsonl or csv.
 */
export async function convertTarget(out: string | undefined, format: ModelFormat, entries: readonly InputEntry[], cwd: string): Promise<ConvertTarget> {
  if (out === undefined) {
    if (entries.length > 1 && !STREAM_FORMATS.has(format)) {
      throw new CliError(`${entries.length} inputs but standard output takes one ${format} plan: use -o DIR to write one file per input, or --format jsonl or csv`);
    }
    return { kind: 'stdout' };
  }
  const abs = path.resolve(cwd, out);
  const isDir = await stat(abs).then((s) => s.isDirectory(), () => false);
  const slash = /[\\/]$/.test(out);
  if (STREAM_FORMATS.has(format)) {
    if (isDir || slash) throw new CliError(`-o ${out}: is a folder, but --format ${format} writes every plan into one file: give a file name such as plans.${format}`);
    return { kind: 'file', abs };
  }
  const named = FILE_EXTENSIONS[format].includes(path.extname(abs).toLowerCase());
  if (isDir || slash || !named) return { kind: 'dir', abs };
  if (entries.length > 1) {
    throw new CliError(`-o ${out} names one ${format} file but there are ${entries.length} inputs: give a folder for one file per input, or use --format jsonl or csv`);
  }
  // Whether the file is an input, or a config, is for the overwrite guard to say, once links are followed.
  return { kind: 'file', abs };
}
