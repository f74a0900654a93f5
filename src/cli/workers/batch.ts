import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { RuleSetting } from '../../rules/settings.js';
import type { AnyRule } from '../../rules/types.js';
import { detectFormat, SYNCHRONOUS_FORMATS } from '../../read/index.js';
import { limitFor } from '../../util/time-limit.js';
import type { InputEntry } from '../inputs.js';
import type { CliIo } from '../io.js';
import { readInputBytes } from '../load.js';
import { dropSpareWorker, mapPool, WorkerPool } from '../pool.js';
import { startProgress, wantsProgress, type Progress } from '../progress.js';
import { READ_HERE_MAX_BYTES, READ_HERE_MAX_FILES } from './small-batch.js';
import { runTask, type Task, type TaskResult, type TaskSetup } from './task.js';

/** Seconds a file may take before it is given up, when --timeout is not given. */
export const DEFAULT_TIMEOUT_SECONDS = 60;

// Test hook, for the default-timeout test only, which would otherwise wait a whole minute: a shorter default.
const TEST_DEFAULT_TIMEOUT = Number(process.env.PLANCHECK_TEST_DEFAULT_TIMEOUT) || undefined;

const WORKER_SCRIPT = new URL('./worker.js', import.meta.url);

/** How a batch is run. */
export interface BatchOptions {
  /** Files processed at once: worker processes, or reads in flight when running in this process. */
  jobs: number;
  /** `--timeout` in seconds (0: none), or undefined when not given. */
  timeout: number | undefined;
  /** The rules `validate` runs. */
  rules: readonly AnyRule[];
  /**
   * Whether workers may be used: they load the rule registry themselves, so a caller with rules of its own
   * (a test's) keeps everything in this process.
   */
  workers: boolean;
  /** The word before the progress bar ("Checking"), or null for no bar. */
  progress: string | null;
  /** Rule settings for each entry by index (each file's own config), in place of the setup's. */
  settings?: ReadonlyArray<ReadonlyMap<string, RuleSetting>>;
}

/**
 * Process every entry and hand each result to `onResult` as soon as it is ready, with the entry's index, so the
 * caller can write it out and let it go. Files run in worker processes (pool.ts), which are killed when a file
 * takes longer than the timeout, whatever it is doing. A single input, or a few small files, are read here
 * first: when they are all text exports and HTML pages, whose readers are synchronous, they are then read and
 * checked in this process, one after another, each under a time limit that V8 enforces even in a loop that never
 * yields (util/time-limit.ts), which saves a worker's start-up; when any is a PDF or a Word document, whose
 * readers wait on their own work, they go to workers with their bytes. With `--timeout 0` a single input of any
 * format runs in this process, without a limit.
 * Draws a progress bar on standard error when it is a terminal; the bar is gone when this returns.
 */
export async function runBatch(
  entries: readonly InputEntry[],
  setup: TaskSetup,
  opts: BatchOptions,
  io: CliIo,
  onResult: (result: TaskResult, index: number) => void | Promise<void>,
): Promise<void> {
  const timeout = opts.timeout ?? TEST_DEFAULT_TIMEOUT ?? DEFAULT_TIMEOUT_SECONDS;
  const pooled = opts.workers && (entries.length > 1 || timeout > 0) && existsSync(fileURLToPath(WORKER_SCRIPT));
  const progress: Progress | null =
    opts.progress !== null && wantsProgress(io, entries.length) ? await startProgress(io.stderr, entries.length, opts.progress) : null;
  const done = async (result: TaskResult, index: number): Promise<void> => {
    await onResult(result, index);
    progress?.tick();
  };
  try {
    if (!pooled) {
      await mapPool(entries, opts.jobs, async (entry, index) => {
        const task = await prepare(entry, io, opts.settings?.[index]);
        await done('kind' in task ? task : await runTask(setup, opts.rules, task), index);
      });
      return;
    }
    // A single input or a few small files: read here, and checked here too when every reader is synchronous.
    const tasks = await readFirst(entries, io, opts.settings);
    if (tasks?.every((task) => 'kind' in task || (task.bytes !== undefined && SYNCHRONOUS_FORMATS.has(detectFormat(task.bytes))))) {
      dropSpareWorker();
      for (const [index, task] of tasks.entries()) await done('kind' in task ? task : await runTask(setup, opts.rules, task, limitFor(timeout)), index);
      return;
    }
    const size = Math.min(opts.jobs, entries.length);
    const pool = new WorkerPool<Task, TaskResult>(WORKER_SCRIPT, size, setup, timeout * 1000);
    try {
      // Two tasks per worker, so that a worker starts its next file while the last one's result is written out.
      await mapPool(entries, size * 2, async (entry, index) => {
        const task = tasks?.[index] ?? (await prepare(entry, io, opts.settings?.[index]));
        if ('kind' in task) return done(task, index);
        const outcome = await pool.run(task);
        await done(outcome.ok ? outcome.value : { kind: 'fatal', path: entry.path, fatal: outcome.reason }, index);
      });
    } finally {
      await pool.close();
    }
  } finally {
    progress?.stop();
  }
}

/**
 * Every entry's task with its bytes, read here, when there is one entry, or when there are no more than
 * READ_HERE_MAX_FILES whose files hold no more than READ_HERE_MAX_BYTES in all; undefined for a larger batch.
 */
async function readFirst(
  entries: readonly InputEntry[],
  io: CliIo,
  settings?: ReadonlyArray<ReadonlyMap<string, RuleSetting>>,
): Promise<Array<Task | TaskResult> | undefined> {
  if (entries.length > READ_HERE_MAX_FILES) return undefined;
  if (entries.length > 1) {
    // Standard input, read here in any case, is capped as every input is; a file that cannot be stat'ed fails when read.
    const sizes = await Promise.all(entries.map((entry) => (entry.kind === 'file' ? stat(entry.abs).then((s) => s.size, () => 0) : 0)));
    if (sizes.reduce((sum, size) => sum + size, 0) > READ_HERE_MAX_BYTES) return undefined;
  }
  const tasks: Array<Task | TaskResult> = [];
  for (const [index, entry] of entries.entries()) tasks.push(await withBytes(entry, io, settings?.[index]));
  return tasks;
}

/** The task for an entry, with standard input read here since workers cannot read it; a failed read is its result. */
async function prepare(entry: InputEntry, io: CliIo, settings?: ReadonlyMap<string, RuleSetting>): Promise<Task | TaskResult> {
  if (entry.kind !== 'stdin' || io.stdin === undefined) return { entry, settings };
  return withBytes(entry, io, settings);
}

/** The task for an entry with its bytes, read here; a failed read is its result. */
async function withBytes(entry: InputEntry, io: CliIo, settings?: ReadonlyMap<string, RuleSetting>): Promise<Task | TaskResult> {
  const read = await readInputBytes(entry, io);
  return 'fatal' in read ? { kind: 'fatal', path: entry.path, fatal: read.fatal } : { entry, bytes: read.bytes, settings };
}
