import { basename } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { AnyRule } from '../../rules/types.js';
import { runTask, type Task, type TaskSetup } from './task.js';

// Runs in each worker thread of a batch: receives { id, task }, answers { id, result }.
const setup = workerData as TaskSetup;
const rules: readonly AnyRule[] = setup.command === 'validate' ? (await import('../../rules/index.js')).rules : [];

// Test hook, for the --timeout tests only: hang on the file of this base name, synchronously as a runaway loop
// would (nothing in this thread can end it), but asleep rather than spinning, so as not to take a busy machine's core.
const TEST_HANG_ON = process.env.PLANCHECK_TEST_HANG_ON;
const hang = (): void => {
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
};

parentPort?.on('message', (message: { id: number; task: Task }) => {
  if (TEST_HANG_ON !== undefined && basename(message.task.entry.path) === TEST_HANG_ON) hang();
  void runTask(setup, rules, message.task).then((result) => parentPort?.postMessage({ id: message.id, result }));
});
