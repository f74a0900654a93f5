#!/usr/bin/env node
import { prestartWorker, runBundle } from '../dist/bundle/start.js';

// validate and convert read files in worker processes: the first starts now, while the CLI loads.
prestartWorker(process.argv.slice(2));
// The CLI is one CommonJS file, which starts from the code cache the build saved (src/cli/run-bundle.ts).
const { main, removePendingTemps, stopWorkers } = runBundle(new URL('../dist/bundle/plancheck.cjs', import.meta.url));

// A reader that stops early (`plancheck convert plan.pdf | head`) is not an error: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// Interrupted: stop the worker processes, remove the temp files of writes under way, then die of the same
// signal, as the shell expects.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    stopWorkers();
    removePendingTemps();
    process.kill(process.pid, signal);
  });
}

const code = await main({ argv: process.argv.slice(2), stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
process.exitCode = code;
