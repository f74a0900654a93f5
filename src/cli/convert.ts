import { lstat, mkdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { csvHeader } from '../format/csv.js';
import { printable } from '../format/common/printable.js';
import { realTarget, writeFileAtomic } from './atomic.js';
import { cachePath, PlanCache, type CacheStrategy } from './cache.js';
import { configDigests } from './cache-key.js';
import { runCachedBatch } from './cached-batch.js';
import { CliError } from './errors.js';
import { convertTarget } from './convert-target.js';
import { displayPath, fsReason } from './inputs.js';
import type { CliIo } from './io.js';
import { buildManifest, convertedEntry, MANIFEST_NAME, writeManifest, type ManifestEntry } from './manifest.js';
import { outputPaths } from './out-paths.js';
import { inputFiles, refuseOverwrites, type RunFile } from './overwrite.js';
import { selectInputs, skippedReason } from './select.js';
import { defaultServices, type CliServices } from './services.js';
import { addToTally, newTally, summaryLine } from './summary.js';
import type { TaskSetup } from './workers/task.js';

/** The `convert --format` choices. */
export const convertFormats = ['json', 'yaml', 'jsonl', 'csv'] as const;

/** Everything `plancheck convert` was asked to do, parsed from the command line. */
export interface ConvertOptions {
  inputs: readonly string[];
  /** `-o PATH`: one file, or a folder of one file per input (see convertTarget); without it, standard output. */
  outDir: string | undefined;
  format: (typeof convertFormats)[number];
  jobs: number;
  /** Seconds one file may take (0: no limit), or undefined for the default. */
  timeout?: number;
  verbose: boolean;
  /** No progress bar, no summary line, no notes on skipped files: only errors. */
  quiet?: boolean;
  /** `--ignore-pattern` globs. */
  ignorePatterns?: readonly string[];
  /** `--cache`: take the models of unchanged plans from the cache file instead of reading them. */
  cache?: boolean;
  /** `--cache-location`: the cache file, or a folder for it. */
  cacheLocation?: string | undefined;
  /** `--cache-strategy`: how unchanged plans are recognised (default: content). */
  cacheStrategy?: CacheStrategy;
}

/** Run `convert`: parse every input to the model, print it or write it under -o; returns the exit code. */
export async function runConvert(opts: ConvertOptions, io: CliIo, services: CliServices = defaultServices): Promise<number> {
  const started = performance.now();
  const { entries, configs, ignored } = await selectInputs(opts.inputs, { cwd: io.cwd, config: undefined, ignorePatterns: opts.ignorePatterns ?? [], rules: services.rules });
  const target = await convertTarget(opts.outDir, opts.format, entries, io.cwd);
  const outDir = target.kind === 'dir' ? target.abs : undefined;
  const manifestPath = outDir === undefined ? undefined : path.join(outDir, MANIFEST_NAME);
  const targets = outDir === undefined ? [] : outputPaths(entries, outDir, opts.format, io.cwd, [manifestPath!]);
  const outputs: RunFile[] = targets.flatMap((t) => (t === null ? [] : [{ role: 'the output', abs: t }]));
  if (manifestPath !== undefined) outputs.push({ role: 'the manifest', abs: manifestPath });
  if (target.kind === 'file') outputs.push({ role: 'the output', abs: target.abs });
  const cacheFile = opts.cache === true ? await cachePath(opts.cacheLocation, io.cwd) : undefined;
  if (cacheFile !== undefined) outputs.push({ role: 'the cache', abs: cacheFile });
  const configFiles = [...new Set(configs.flatMap((c) => (c.abs === null ? [] : [c.abs])))].map((abs) => ({ role: 'the config file', abs }));
  await refuseOverwrites(outputs, [...inputFiles(entries), ...configFiles], io.cwd);
  const setup: TaskSetup = { command: 'convert', format: opts.format };
  const cache = cacheFile === undefined ? null : await PlanCache.open(cacheFile, opts.cacheStrategy ?? 'content', io);
  const guard = outDir === undefined ? undefined : await outputGuard(outDir, io.cwd);
  // Standard output and a single -o file take the plans in input order, whatever order they are read in.
  const chunks: string[] = [];
  const stream = inOrder(entries.length, target.kind === 'stdout' ? (t) => io.stdout.write(t) : (t) => chunks.push(t));
  if (opts.format === 'csv') stream.head(csvHeader());

  // Each model is written as soon as it is ready and then let go; only the failures are kept, to list in order.
  const failures: Array<{ index: number; line: string }> = [];
  const notes: string[] = [...ignored];
  const manifest = new Array<ManifestEntry | undefined>(entries.length);
  const tally = newTally();
  const fail = (index: number, f: { path: string; fatal: string; stack?: string }): void => {
    addToTally(tally, null);
    stream.put(index, '');
    manifest[index] = { path: f.path, status: 'failed', reason: f.fatal };
    const stack = opts.verbose && f.stack ? `${f.stack}\n` : '';
    failures.push({ index, line: `plancheck: ${printable(`${f.path}: ${f.fatal}`)}\n${stack}` });
  };
  await runCachedBatch(
    entries,
    setup,
    { jobs: opts.jobs, timeout: opts.timeout, rules: [], workers: true, progress: opts.quiet === true ? null : 'Converting' },
    io,
    async (result, index) => {
      const skipped = skippedReason(entries[index]!, result);
      if (skipped !== null && result.kind === 'fatal') {
        stream.put(index, '');
        manifest[index] = { path: result.path, status: 'skipped', reason: result.fatal };
        notes[ignored.length + index] = skipped;
        tally.skipped = (tally.skipped ?? 0) + 1;
        return;
      }
      if (result.kind === 'fatal') return fail(index, result);
      if (result.kind !== 'converted') return;
      const out = targets[index];
      if (out && guard && outDir) {
        const unwritten = await writeOutput(out, result.text, guard, io.cwd);
        if (unwritten) return fail(index, { path: result.path, fatal: unwritten });
        manifest[index] = convertedEntry(result.path, out, outDir, result.counts);
      } else {
        stream.put(index, result.text);
      }
      addToTally(tally, result.counts);
    },
    cache && { cache, config: configDigests(setup, entries) },
  );
  await cache?.save(io);

  // No plan read, no file: an empty or header-only file would pass for a result.
  if (target.kind === 'file' && tally.files > 0) await writeWhole(target.abs, chunks.join(''), io.cwd);
  if (outDir !== undefined && guard !== undefined) {
    const refused = await guard(manifestPath!);
    if (refused) throw new CliError(`cannot write ${displayPath(manifestPath!, io.cwd)}: ${refused}`);
    await writeManifest(outDir, buildManifest(opts.format, manifest)).catch((err: unknown) => {
      throw new CliError(`cannot write ${displayPath(manifestPath!, io.cwd)}: ${fsReason(err)}`);
    });
  }
  if (opts.quiet !== true) for (const line of notes) if (line !== undefined) io.stderr.write(`plancheck: ${printable(line)}\n`);
  for (const f of failures.sort((a, b) => a.index - b.index)) io.stderr.write(f.line);
  if (opts.quiet !== true) io.stderr.write(summaryLine('Converted', tally, performance.now() - started));
  return tally.failed > 0 ? 2 : 0;
}

/** Hands pieces indexed 0..n-1 to `write` in index order, holding back those that arrive early. */
function inOrder(n: number, write: (text: string) => unknown): { head(text: string): void; put(index: number, text: string): void } {
  const early = new Map<number, string>();
  let next = 0;
  return {
    head: (text) => void write(text),
    put(index, text) {
      early.set(index, text);
      while (next < n && early.has(next)) {
        const piece = early.get(next)!;
        early.delete(next);
        next += 1;
        if (piece !== '') write(piece);
      }
    },
  };
}

async function writeWhole(file: string, text: string, cwd: string): Promise<void> {
  try {
    await writeFileAtomic(file, text);
  } catch (err) {
    throw new CliError(`cannot write ${displayPath(file, cwd)}: ${fsReason(err)}`);
  }
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
