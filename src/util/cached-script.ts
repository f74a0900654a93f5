import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import vm from 'node:vm';

/**
 * Node 20 keeps no compiled code between runs for ES modules, only for scripts, through V8's code cache. The
 * build writes the code plancheck runs at every start as CommonJS scripts and saves, beside each, what V8
 * compiled while it ran on sample plans (`<file>.cache`): a fresh process then starts without compiling it.
 * V8 checks a cache against the source, its own version and its flags, and compiles as usual when it does not
 * fit (`script.cachedDataRejected` says so).
 */

/** Compile `source`, the text of `file` wrapped as the caller runs it, with the file's code cache when there is one. */
export function compileCached(file: string, source: string): vm.Script {
  const cacheFile = `${file}.cache`;
  return new vm.Script(source, {
    filename: file,
    cachedData: existsSync(cacheFile) ? readFileSync(cacheFile) : undefined,
    // import() in the script loads as it would from a module at the same place.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
}

/** Write what V8 has compiled of the script so far as the file's code cache; a temporary file, then renamed. */
export function saveCache(file: string, script: vm.Script): void {
  const temporary = `${file}.cache.${process.pid}.tmp`;
  writeFileSync(temporary, script.createCachedData());
  renameSync(temporary, `${file}.cache`);
}
