// What the binary loads first, and each worker process with it: a small ES module (scripts/bundle.mjs) that
// starts the first worker, then runs the CLI's or the worker's CommonJS bundle with its code cache.
export { prestartWorker } from './workers/prestart.js';
export { bundleScripts, runBundle } from './run-bundle.js';
