#!/usr/bin/env node
// A CommonJS script (bin/package.json says so), as everything a start runs is: Node loads it without its ES
// module loader, which is slower to start.
'use strict';
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { prestartWorker, runBundle } = require('../dist/bundle/start.js');

// validate and convert read files in worker processes: the first starts now, while the CLI loads.
prestartWorker(process.argv.slice(2));
// The CLI is one CommonJS file, which starts from the code cache the build saved (src/cli/run-bundle.ts).
const { main, removePendingTemps, stopWorkers } = runBundle(pathToFileURL(path.join(__dirname, '../dist/bundle/plancheck.cjs')));

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

main({ argv: process.argv.slice(2), stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }).then((code) => {
  process.exitCode = code;
});
