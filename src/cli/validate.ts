import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FileResult } from '../model/result.js';
import { ReadError } from '../read/errors.js';
import { printable } from '../report/printable.js';
import type { ColorLevel } from '../report/types.js';
import { writeFileAtomic } from './atomic.js';
import { openBaseline } from './baseline.js';
import { loadConfig, type Config } from './config.js';
import { CliError } from './errors.js';
import { validateFormats } from './formats.js';
import { displayPath, expandInputs, fsReason } from './inputs.js';
import type { CliIo, OutStream } from './io.js';
import { readSideFile } from './load.js';
import { inputFiles, refuseOverwrites, type RunFile } from './overwrite.js';
import { wantsProgress } from './progress.js';
import { ruleInfos } from './rules-list.js';
import { defaultServices, type CliServices, type InspectionReport } from './services.js';
import { buildSettings, type RuleFlag } from './settings.js';
import { addToTally, newTally, summaryLine } from './summary.js';
import { runBatch } from './workers/batch.js';

/** Everything `plancheck validate` was asked to do, parsed from the command line. */
export interface ValidateOptions {
  inputs: readonly string[];
  /** A key of `validateFormats`. */
  format: string;
  /** `-c FILE`, else the config is looked for from the working directory up. */
  config: string | undefined;
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
}

/** Run `validate`: read every input, run the rules, print the report; returns the exit code. */
export async function runValidate(opts: ValidateOptions, io: CliIo, services: CliServices): Promise<number> {
  const started = performance.now();
  const format = validateFormats[opts.format];
  if (!format) throw new CliError(`unknown format "${opts.format}": expected ${Object.keys(validateFormats).join(', ')}`);
  const config = await loadConfig({ explicit: opts.config, cwd: io.cwd, rules: services.rules });
  const settings = buildSettings(services.rules, config, opts.ruleFlags);
  const entries = await expandInputs(opts.inputs, io.cwd);
  const [outputs, sideFiles] = runFiles(opts, config, io.cwd);
  await refuseOverwrites(outputs, [...inputFiles(entries), ...sideFiles], io.cwd);
  const inspectionReport = opts.report === undefined ? null : await loadReport(opts.report, io, services);
  const baseline = await openBaseline(opts.baseline, opts.updateBaseline === true, io);
  const checked = new Array<{ result: FileResult; stack?: string }>(entries.length);
  const tally = newTally();
  await runBatch(
    entries,
    // Only the html report shows the plan itself: other formats get results without it, so memory stays flat.
    { command: 'validate', settings, inspectionReport, keepPlan: opts.format === 'html' },
    {
      jobs: opts.jobs,
      timeout: opts.timeout,
      rules: services.rules,
      workers: services.rules === defaultServices.rules,
      progress: opts.quiet ? null : 'Checking',
    },
    io,
    (r, index) => {
      if (r.kind === 'validated') checked[index] = { result: r.result };
      else if (r.kind === 'fatal') checked[index] = { result: fatalResult(r.path, r.fatal), stack: r.stack };
      addToTally(tally, r.kind === 'validated' ? r.counts : null);
    },
  );

  for (const { result, stack } of checked) {
    if (result.fatal === null) continue;
    io.stderr.write(`plancheck: ${printable(`${result.path}: ${result.fatal}`)}\n`);
    if (opts.verbose && stack) io.stderr.write(`${stack}\n`);
  }
  const all = baseline ? await baseline.apply(checked.map((c) => c.result)) : checked.map((c) => c.result);
  const shown = opts.quiet ? all.map(errorsOnly) : all;
  const stream = opts.output === undefined ? io.stdout : namedStream(path.resolve(io.cwd, opts.output), io);
  const toFile = stream === null;
  const generatedAt = new Date().toISOString();
  const output = format(shown, { cwd: io.cwd, color: toFile ? 0 : opts.color, rules: ruleInfos(services.rules), generatedAt });
  if (stream === null) await writeReport(path.resolve(io.cwd, opts.output as string), output, io);
  else if (output !== '') stream.write(output);

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
function runFiles(opts: ValidateOptions, config: Config, cwd: string): [RunFile[], RunFile[]] {
  const abs = (file: string): string => path.resolve(cwd, file);
  const outputs: RunFile[] = [];
  const reads: RunFile[] = [];
  if (opts.output !== undefined) outputs.push({ role: 'the report', abs: abs(opts.output) });
  if (opts.baseline !== undefined) (opts.updateBaseline ? outputs : reads).push({ role: 'the baseline', abs: abs(opts.baseline) });
  if (config.abs !== null) reads.push({ role: 'the config file', abs: config.abs });
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

function fatalResult(filePath: string, reason: string): FileResult {
  return { path: filePath, fatal: reason, plan: null, findings: [], errorCount: 0, warningCount: 0 };
}

function errorsOnly(r: FileResult): FileResult {
  return { ...r, findings: r.findings.filter((f) => f.severity === 'error'), warningCount: 0 };
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
