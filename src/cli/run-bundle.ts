import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type vm from 'node:vm';
import { compileCached, saveCache } from '../util/cached-script.js';

/**
 * The binary and each worker process run the CLI and the worker from CommonJS bundles (scripts/bundle.mjs), so
 * that V8 starts them from a code cache instead of compiling them at every start (util/cached-script.ts).
 * The build sets this while the bundles run on sample plans, to have them save what V8 compiled.
 */
const WRITE_CACHE = process.env.PLANCHECK_WRITE_CODE_CACHE === '1';

/**
 * The bundles this process has run. The worker's bundle holds a copy of this module of its own, which must see
 * the bundle that the first copy ran: the map is kept on the global object.
 */
const SCRIPTS = Symbol.for('plancheck.bundles');
const scripts: Map<string, vm.Script> = ((globalThis as { [SCRIPTS]?: Map<string, vm.Script> })[SCRIPTS] ??= new Map());

/** Run a CommonJS bundle (dist/bundle/*.cjs) as Node would run the file, and return its exports. */
export function runBundle(url: URL): Record<string, unknown> {
  const file = fileURLToPath(url);
  // The build writes the bundles in ASCII (scripts/bundle.mjs), which reads as latin1 with no UTF-8 to decode.
  const source = readFileSync(file, 'latin1');
  const script = compileCached(file, `(function (exports, require, module, __filename, __dirname) {${source}\n})`);
  scripts.set(file, script);
  if (WRITE_CACHE) process.once('exit', () => saveCache(file, script));
  const module = { exports: {} as Record<string, unknown> };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, createRequire(file), module, file, path.dirname(file));
  return module.exports;
}

/**
 * While the build trains the bundles, save the code cache of every bundle this process has run, as compiled so
 * far: a worker process calls it after each file, before it answers, since it may be stopped rather than exit.
 */
export function saveTrainedCaches(): void {
  if (WRITE_CACHE) for (const [file, script] of scripts) saveCache(file, script);
}

/** The bundles this process has run, and whether V8 turned down the code cache of each (undefined: none). */
export function bundleScripts(): Array<{ file: string; cacheRejected: boolean | undefined }> {
  return [...scripts].map(([file, script]) => ({ file, cacheRejected: script.cachedDataRejected }));
}
