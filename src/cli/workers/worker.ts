import { basename } from 'node:path';
import type { AnyRule } from '../../rules/types.js';
import type { WorkerAnswer, WorkerRequest } from '../pool.js';
import { saveTrainedCaches } from '../run-bundle.js';
import { runTask, type Task, type TaskResult, type TaskSetup } from './task.js';

// Runs in each worker process of a batch (forked by WorkerPool): receives the setup, then { id, task } messages,
// and answers { id, result } for each, one task after another in the order sent: the pool may send the next task
// before the last is answered, so that it is here to start at once. It says when it is ready, so that the time
// limit leaves out its start-up, and ends by itself when the parent closes the channel.
let setup: TaskSetup | undefined;
let rules: Promise<readonly AnyRule[]> | undefined;
/** The task under way, so that an error nothing caught is answered as that task's failure. */
let current: number | undefined;
/** Tasks sent ahead, waiting for the one under way. */
const waiting: Array<{ id: number; task: Task }> = [];

// Test hook, for the worker-crash tests only: the process dies (as of a native crash) on the file of this base name.
const TEST_DIE_ON = process.env.PLANCHECK_TEST_DIE_ON;

// Started ahead of its batch for a PDF (prestart.ts): load pdfjs while the parent loads the CLI. A failure to
// load is the first PDF's, as it would have been.
if (process.argv.includes('--preload')) void import('../../read/pdf/pdfjs.js').then((m) => m.loadPdfjs()).catch(() => undefined);

/** Send to the parent, unless it has closed the channel already (it no longer waits for anything). */
const answer = (message: WorkerAnswer<TaskResult>): void => void (process.connected ? process.send?.(message) : undefined);

process.on('message', (message: WorkerRequest<Task>) => {
  if ('setup' in message) {
    setup = message.setup as TaskSetup;
    // The rules load while the first file is read.
    rules = setup.command === 'validate' ? import('../../rules/index.js').then((m) => m.rules) : Promise.resolve([]);
    return;
  }
  waiting.push(message);
  if (current === undefined) void next();
});

/** Run the tasks waiting, one after another. */
async function next(): Promise<void> {
  for (let job = waiting.shift(); job !== undefined; job = waiting.shift()) {
    const { id, task } = job;
    if (TEST_DIE_ON !== undefined && basename(task.entry.path) === TEST_DIE_ON) process.kill(process.pid, 'SIGKILL');
    current = id;
    const result = await runTask(setup as TaskSetup, await (rules as Promise<readonly AnyRule[]>), task);
    saveTrainedCaches();
    // A task that threw something nothing caught has been answered as failed, and its worker is to be killed.
    if (current !== id) return;
    current = undefined;
    answer({ id, result });
  }
}

process.on('uncaughtException', (err) => {
  if (current === undefined) return;
  answer({ id: current, crash: (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '' });
  current = undefined;
});

// The parent is gone: nobody waits for the task under way, so stop now. An idle worker ends by itself.
process.on('disconnect', () => {
  if (current !== undefined) process.kill(process.pid, 'SIGTERM');
});

answer({ ready: true });
