import path from 'node:path';
import { realTarget } from './atomic.js';
import { CliError } from './errors.js';
import { displayPath, type InputEntry } from './inputs.js';

/** A file the run reads or writes, with what it is to the user ("the input", "the config file"). */
export interface RunFile {
  role: string;
  abs: string;
}

/** The input files of a run, as files it reads. */
export function inputFiles(entries: readonly InputEntry[]): RunFile[] {
  return entries.flatMap((e) => (e.kind === 'file' ? [{ role: 'the input', abs: e.abs }] : []));
}

/**
 * Refuse, before anything is read or written, a run where an output would land on a file it reads or on
 * another output. Paths are compared once every symbolic link is followed, since `-o link` writes through the
 * link: a link to an input is that input.
 */
export async function refuseOverwrites(outputs: readonly RunFile[], reads: readonly RunFile[], cwd: string): Promise<void> {
  // A path that cannot be resolved (a loop of links) is compared as given: reading or writing it fails later, by name.
  const resolve = (file: string): Promise<string> => realTarget(file).catch(() => path.resolve(file));
  const taken = new Map<string, RunFile>();
  for (const file of reads) {
    const real = await resolve(file.abs);
    if (!taken.has(real)) taken.set(real, file);
  }
  for (const out of outputs) {
    const real = await resolve(out.abs);
    const clash = taken.get(real);
    if (clash) {
      const same = path.resolve(clash.abs) === path.resolve(out.abs) ? '' : ` ${displayPath(clash.abs, cwd)}`;
      throw new CliError(`${displayPath(out.abs, cwd)}: ${out.role} would overwrite ${clash.role}${same}`);
    }
    taken.set(real, out);
  }
}
