import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { InspectionReport } from '../model/inspection-report.js';
import type { FileResult } from '../model/result.js';
import { ReadError } from '../read/errors.js';
import { printable } from '../format/common/printable.js';
import { countProblems } from '../format/common/counts.js';
import type { ColorLevel } from '../format/types.js';
import { writeFileAtomic } from './atomic.js';
import { openBaseline } from './baseline.js';
import { cachePath, PlanCache, type CacheStrategy } from './cache.js';
import { configDigests } from './cache-key.js';
import { runCachedBatch } from './cached-batch.js';
import { noConfig, type Config } from './config.js';
import { CliError } from './errors.js';
import { validateFormats } from './formats.js';
import { displayPath, fsReason } from './inputs.js';
import type { CliIo, OutStream } from './io.js';
import { readSideFile } from './load.js';
import { inputFiles, refuseOverwrites, type RunFile } from './overwrite.js';
import { wantsProgress } from './progress.js';
import { ruleInfos } from './rules-list.js';
import { defaultServices, type CliServices } from './services.js';
import { selectInputs, skippedReason } from './select.js';
import { buildSettings, type RuleFlag } from './settings.js';
import { addToTally, newTally, summaryLine } from './summary.js';
import type { TaskSetup } from './workers/task.js';
import { plural } from '../util/plural.js';

/** Everything `plancheck validate` was asked to do, parsed from the command line. */
export interface ValidateOptions {
  inputs: readonly string[];
  /** A key of `validateFormats`. */
  format: string;
  /** `-c FILE`, else each file's config is looked for from its folder up. */
  config: string | undefined;
  /** `--ignore-pattern` globs, relative to the working directory. */
  ignorePatterns?: readonly string[];
  /** `--rule ID=LEVEL` flags in the order given; later ones win. */
  ruleFlags: readonly RuleFlag[];
  /** More warnings than this fail the run; undefined for no limit. */
  maxWarnings: number | undefined;
  /** Show errors only. */
  quiet: boolean;
  /** The inspection report for report-coverage, read with `services.loadInspectionReport`. */
  report: string | undefined;
  jobs: number;
  /** Seconds one file may take (0: no limit), or undefined for the default. */
  timeout?: number;
  color: ColorLevel;
  verbose: boolean;
  /** Write the report to this file (atomically) instead of standard output. */
  output: string | undefined;
  /** `--baseline FILE`: report only findings this file does not record. */
  baseline?: string | undefined;
  /** `--update-baseline`: record every current finding in the baseline file first. */
  updateBaseline?: boolean;
  /** `--cache`: answer unchanged plans from the cache file instead of reading them. */
  cache?: boolean;
  /** `--cache-location`: the cache file, or a folder for it. */
  cacheLocation?: string | undefined;
  /** `--cache-strategy`: how unchanged plans are recognised (default: content). */
  cacheStrategy?: CacheStrategy;
}

/** Run `validate`: read every input, run the rules, print the report; returns the exit code. */
export async function runValidate(opts: ValidateOptions, io: CliIo, services: CliServices): Promise<number> {
  const started = performance.now();
  const format = validateFormats[opts.format];
  if (!format) throw new CliError(`unknown format "${opts.format}": expected ${Object.keys(validateFormats).join(', ')}`);
  const { entries, configs, ignored } = await selectInputs(opts.inputs, {
    cwd: io.cwd,
    config: opts.config,
    ignorePatterns: opts.ignorePatterns ?? [],
    rules: services.rules,
  });
  const settings = buildSettings(services.rules, noConfig(io.cwd), opts.ruleFlags);
  const perFile = entries.map((e, i) => buildSettings(services.rules, configs[i]!, opts.ruleFlags, e.kind === 'file' ? e.abs : undefined));
  const cacheFile = opts.cache === true ? await cachePath(opts.cacheLocation, io.cwd) : undefined;
  const [outputs, sideFiles] = runFiles(opts, configs, io.cwd);
  if (cacheFile !== undefined) outputs.push({ role: 'the cache', abs: cacheFile });
  await refuseOverwrites(outputs, [...inputFiles(entries), ...sideFiles], io.cwd);
  const inspectionReport = opts.report === undefined ? null : await loadReport(opts.report, io, services);
  const baseline = await openBaseline(opts.baseline, opts.updateBaseline === true, io);
  // Only the html report shows the plan itself: other formats get results without it, so memory stays flat.
  const setup: TaskSetup = { command: 'validate', settings, inspectionReport, keepPlan: opts.format === 'html' };
  const cache = cacheFile === undefined ? null : await PlanCache.open(cacheFile, opts.cacheStrategy ?? 'content', io);

  const checked = new Array<{ result: FileResult; stack?: string } | undefined>(entries.length);
  const skipped = new Array<string | undefined>(entries.length);
  const tally = newTally();
  await runCachedBatch(
    entries,
    setup,
    {
      jobs: opts.jobs,
      timeout: opts.timeout,
      rules: services.rules,
      workers: services.rules === defaultServices.rules,
      progress: opts.quiet ? null : 'Checking',
      settings: perFile,
    },
    io,
    (r, index) => {
      const notPlan = skippedReason(entries[index]!, r);
      if (notPlan !== null) {
        skipped[index] = notPlan;
        tally.skipped = (tally.skipped ?? 0) + 1;
        return;
      }
      if (r.kind === 'validated') checked[index] = { result: r.result };
      else if (r.kind === 'fatal') checked[index] = { result: fatalResult(r.path, r.fatal), stack: r.stack };
      addToTally(tally, r.kind === 'validated' ? r.counts : null);
    },
    cache && { cache, config: configDigests(setup, entries, perFile) },
  );
  await cache?.save(io);

  if (!opts.quiet) for (const line of [...ignored, ...skipped]) if (line !== undefined) io.stderr.write(`plancheck: ${printable(line)}\n`);
  const read = checked.filter((c) => c !== undefined);
  for (const { result, stack } of read) {
    if (result.fatal === null) continue;
    io.stderr.write(`plancheck: ${printable(`${result.path}: ${result.fatal}`)}\n`);
    if (opts.verbose && stack) io.stderr.write(`${stack}\n`);
  }
  const all = baseline ? await baseline.apply(read.map((c) => c.result)) : read.map((c) => c.result);
  const shown = opts.quiet ? all.map(errorsOnly) : all;
  const stream = opts.output === undefined ? io.stdout : namedStream(path.resolve(io.cwd, opts.output), io);
  const toFile = stream === null;
  const generatedAt = new Date().toISOString();
  const output = format(shown, { cwd: io.cwd, color: toFile ? 0 : opts.color, rules: ruleInfos(services.rules), generatedAt, quiet: opts.quiet });
  if (stream === null) {
    const file = path.resolve(io.cwd, opts.output as string);
    // A device or a pipe (-o /dev/null) takes the report but keeps nothing to point the user to.
    const keeps = await stat(file).then((s) => s.isFile(), () => true);
    await writeReport(file, output, io);
    if (!opts.quiet && keeps) io.stderr.write(`plancheck: wrote ${printable(opts.output as string)}: ${wroteCounts(all)}\n`);
  } else if (output !== '') stream.write(output);

  // As in ESLint, --quiet hides warnings but --max-warnings still counts them, so the gate holds either way.
  const warnings = all.reduce((n, r) => n + r.warningCount, 0);
  const tooManyWarnings = opts.maxWarnings !== undefined && warnings > opts.maxWarnings;
  if (tooManyWarnings) io.stderr.write(`plancheck: too many warnings: ${warnings}, the maximum is ${opts.maxWarnings}\n`);
  // A batch at a terminal ends with the same summary as convert; pipes and CI logs get the report alone.
  if (!opts.quiet && wantsProgress(io, entries.length)) io.stderr.write(summaryLine('Checked', tally, performance.now() - started));
  if (all.some((r) => r.fatal !== null)) return 2;
  return tooManyWarnings || all.some((r) => r.errorCount > 0) ? 1 : 0;
}

/** What the run writes (the report file, a baseline being updated) and every file it reads besides the inputs. */
function runFiles(opts: ValidateOptions, configs: readonly Config[], cwd: string): [RunFile[], RunFile[]] {
  const abs = (file: string): string => path.resolve(cwd, file);
  const outputs: RunFile[] = [];
  const reads: RunFile[] = [];
  if (opts.output !== undefined) outputs.push({ role: 'the report', abs: abs(opts.output) });
  if (opts.baseline !== undefined) (opts.updateBaseline ? outputs : reads).push({ role: 'the baseline', abs: abs(opts.baseline) });
  // Each plan's own config, found from its folder up, or the one given with -c.
  const configFiles = new Set(configs.flatMap((c) => (c.abs === null ? [] : [c.abs])));
  if (opts.config !== undefined) configFiles.add(abs(opts.config));
  for (const file of configFiles) reads.push({ role: 'the config file', abs: file });
  if (opts.report !== undefined) reads.push({ role: 'the inspection report', abs: abs(opts.report) });
  return [outputs, reads];
}

/**
 * The stream `-o` names when it is the process's own standard output or error by name: written as the stream
 * it is, since a pipe given by a parent process may be a socket, which cannot be opened by name.
 */
function namedStream(file: string, io: CliIo): OutStream | null {
  if (['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1'].includes(file)) return io.stdout;
  if (['/dev/stderr', '/dev/fd/2', '/proc/self/fd/2'].includes(file)) return io.stderr;
  return null;
}

/** What a report written to a file holds, said on standard error since the findings are not shown: `3 files, 2 errors, 5 warnings`. */
function wroteCounts(results: readonly FileResult[]): string {
  const { errors, warnings, unreadable } = countProblems(results);
  const parts = [plural(results.length, 'file'), plural(errors, 'error'), plural(warnings, 'warning')];
  if (unreadable > 0) parts.push(`${unreadable} unreadable`);
  return parts.join(', ');
}

function fatalResult(filePath: string, reason: string): FileResult {
  return { path: filePath, fatal: reason, plan: null, findings: [], errorCount: 0, warningCount: 0 };
}

function errorsOnly(r: FileResult): FileResult {
  return { ...r, findings: r.findings.filter((f) => f.severity === 'error'), warningCount: 0, ...(r.notes ? { notes: [] } : {}) };
}

async function loadReport(file: string, io: CliIo, services: CliServices): Promise<InspectionReport> {
  if (!services.loadInspectionReport) throw new CliError('--report is not supported yet: this build cannot read inspection reports');
  const abs = path.resolve(io.cwd, file);
  const shown = displayPath(abs, io.cwd);
  const read = await readSideFile(abs);
  if ('reason' in read) throw new CliError(`${shown}: ${read.reason}`);
  try {
    return await services.loadInspectionReport({ path: shown, bytes: read.bytes });
  } catch (err) {
    if (err instanceof ReadError) throw new CliError(`${shown}: ${err.message}`);
    throw err;
  }
}

async function writeReport(file: string, text: string, io: CliIo): Promise<void> {
  try {
    await writeFileAtomic(file, text);
  } catch (err) {
    throw new CliError(`cannot write ${displayPath(file, io.cwd)}: ${fsReason(err)}`);
  }
}
