import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type vm from 'node:vm';
import { compileCached, saveCache } from '../../util/cached-script.js';

/**
 * pdfjs-dist's legacy build is 3.3 MB of JavaScript, and V8 spends about 70 ms compiling it at every start,
 * then more compiling each function on first call. Node 22 can keep compiled code between runs for ES modules;
 * Node 20 can only for scripts. So the build (scripts/bundle.mjs) also writes the two files plancheck uses as
 * CommonJS scripts in dist/pdfjs-dist, and a V8 code cache beside each, taken after reading sample plans so
 * that it holds the functions reading needs. They are loaded here; V8 checks each cache against the source
 * and its own version, and compiles as usual when one does not fit.
 */

/** The files of pdfjs-dist's legacy build that plancheck loads. */
export type PdfjsPart = 'pdf.worker' | 'pdf';

/** The scripts loaded by this thread, for saveCodeCache. */
const scripts = new Map<string, vm.Script>();

/**
 * The folder holding the package's package.json, found from this module wherever the build put it. The one in
 * dist/bundle only says that its files are CommonJS: the package's own has a name.
 */
function packageRoot(): string | null {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    if (hasName(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}

function hasName(manifest: string): boolean {
  try {
    return typeof (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'string';
  } catch {
    return false;
  }
}

/**
 * Where the build put the script copy of a part, or null when it did not, or made it from another version of
 * pdfjs-dist than the one installed now (pdfjs is then imported as usual).
 */
export function compiledCopy(part: PdfjsPart): string | null {
  const root = packageRoot();
  if (root === null) return null;
  const dir = path.join(root, 'dist', 'pdfjs-dist');
  const file = path.join(dir, `${part}.cjs`);
  if (!existsSync(file) || copiedVersion(dir) !== installedVersion()) return null;
  return file;
}

function copiedVersion(dir: string): string | null {
  try {
    return (JSON.parse(readFileSync(path.join(dir, 'version.json'), 'utf8')) as { version?: string }).version ?? null;
  } catch {
    return null;
  }
}

function installedVersion(): string {
  return (createRequire(import.meta.url)('pdfjs-dist/package.json') as { version: string }).version;
}

/**
 * Run the script copy of a part and return its exports. It runs as the original module would: strict, with
 * `require` and `import.meta.url` those of the original file, so that what it loads is found where it was.
 */
export function runCompiled(file: string, part: PdfjsPart): unknown {
  const original = createRequire(import.meta.url).resolve(`pdfjs-dist/legacy/build/${part}.mjs`);
  // The build writes the copies in ASCII (non-ASCII characters escaped), which reads faster as latin1 than as UTF-8.
  const source = readFileSync(file, 'latin1');
  const script = compileCached(file, `(function (exports, require, module, __pdfjsUrl) {${source}\n})`);
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, createRequire(original), module, pathToFileURL(original).href);
  scripts.set(file, script);
  return module.exports;
}

/** The script copies this thread has run, and whether V8 turned down the code cache of each (undefined: none). */
export function compiledScripts(): Array<{ file: string; cacheRejected: boolean | undefined }> {
  return [...scripts].map(([file, script]) => ({ file, cacheRejected: script.cachedDataRejected }));
}

/**
 * Write the code cache of every script copy this thread has run, as compiled so far; returns how many were
 * written. The build calls it after reading sample plans.
 */
export function saveCodeCache(): number {
  for (const [file, script] of scripts) saveCache(file, script);
  return scripts.size;
}
