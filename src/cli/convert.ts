import { lstat, mkdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { printable } from '../report/printable.js';
import { realTarget, writeFileAtomic } from './atomic.js';
import { CliError } from './errors.js';
import { expandInputs, fsReason } from './inputs.js';
import { inputFiles, refuseOverwrites } from './overwrite.js';
import type { CliIo } from './io.js';
import { outputPaths } from './out-paths.js';
import { addToTally, newTally, summaryLine } from './summary.js';
import { runBatch } from './workers/batch.js';

/** The `convert --format` choices. */
export const convertFormats = ['json', 'yaml'] as const;

/** Everything `plancheck convert` was asked to do, parsed from the command line. */
export interface ConvertOptions {
  inputs: readonly string[];
  /** Write one file per input here; without it the single input's model goes to standard output. */
  outDir: string | undefined;
  format: (typeof convertFormats)[number];
  jobs: number;
  /** Seconds one file may take (0: no limit), or undefined for the default. */
  timeout?: number;
  verbose: boolean;
}

/** Run `convert`: parse every input to the model, print it or write it under -o; returns the exit code. */
export async function runConvert(opts: ConvertOptions, io: CliIo): Promise<number> {
  const started = performance.now();
  const entries = await expandInputs(opts.inputs, io.cwd);
  if (opts.outDir === undefined && entries.length > 1) {
    throw new CliError(`${entries.length} inputs but standard output takes one: use -o DIR to write one file per input`);
  }
  const outDir = opts.outDir === undefined ? undefined : path.resolve(io.cwd, opts.outDir);
  const targets = outDir === undefined ? [] : outputPaths(entries, outDir, opts.format, io.cwd);
  const outputs = targets.flatMap((t) => (t === null ? [] : [{ role: 'the output', abs: t }]));
  await refuseOverwrites(outputs, inputFiles(entries), io.cwd);
  const guard = outDir === undefined ? undefined : await outputGuard(outDir, io.cwd);

  // Each model is written as soon as it is ready and then let go; only the failures are kept, to list in order.
  const failures: Array<{ index: number; line: string }> = [];
  const tally = newTally();
  const fail = (index: number, f: { path: string; fatal: string; stack?: string }): void => {
    addToTally(tally, null);
    const stack = opts.verbose && f.stack ? `${f.stack}\n` : '';
    failures.push({ index, line: `plancheck: ${printable(`${f.path}: ${f.fatal}`)}\n${stack}` });
  };
  await runBatch(
    entries,
    { command: 'convert', format: opts.format },
    { jobs: opts.jobs, timeout: opts.timeout, rules: [], workers: true, progress: 'Converting' },
    io,
    async (result, index) => {
      if (result.kind === 'fatal') return fail(index, result);
      if (result.kind !== 'converted') return;
      const target = targets[index];
      if (target && guard) {
        const unwritten = await writeOutput(target, result.text, guard, io.cwd);
        if (unwritten) return fail(index, { path: result.path, fatal: unwritten });
      } else {
        io.stdout.write(result.text);
      }
      addToTally(tally, result.counts);
    },
  );

  for (const f of failures.sort((a, b) => a.index - b.index)) io.stderr.write(f.line);
  io.stderr.write(summaryLine('Converted', tally, performance.now() - started));
  return tally.failed > 0 ? 2 : 0;
}

/** Checks that a file about to be written lies inside the output directory once symbolic links are followed. */
type OutputGuard = (file: string) => Promise<string | null>;

/**
 * The output directory is created up front; before each write, the target is resolved as the write will
 * follow it (links on the way and at the file itself), so that a symbolic link inside DIR cannot lead a write
 * outside it.
 */
async function outputGuard(outDir: string, cwd: string): Promise<OutputGuard> {
  try {
    await mkdir(outDir, { recursive: true });
  } catch (err) {
    throw new CliError(`cannot create ${path.relative(cwd, outDir) || '.'}: ${fsReason(err)}`);
  }
  const root = await realpath(outDir);
  return async (file) => {
    const real = await realTarget(file);
    if (real.startsWith(root + path.sep)) return null;
    // Name the link that leads out: the deepest existing entry on the way to the file.
    let existing = file;
    while (!(await lstat(existing).then(() => true, () => false))) existing = path.dirname(existing);
    return `${path.relative(cwd, existing)} leads outside the output directory`;
  };
}

/** Write one output atomically; the reason it could not be written, or null. */
async function writeOutput(target: string, text: string, guard: OutputGuard, cwd: string): Promise<string | null> {
  try {
    const refused = await guard(target);
    if (refused) return `cannot write ${path.relative(cwd, target)}: ${refused}`;
    await writeFileAtomic(target, text);
    return null;
  } catch (err) {
    return `cannot write ${path.relative(cwd, target)}: ${fsReason(err)}`;
  }
}
