import type { PlanCache } from './cache.js';
import type { InputEntry } from './inputs.js';
import type { CliIo } from './io.js';
import { mapPool } from './pool.js';
import { runBatch, type BatchOptions } from './workers/batch.js';
import type { TaskResult, TaskSetup } from './workers/task.js';

/** `--cache` for one run: the cache, and the digest of the settings each entry (by index) is processed with. */
export interface BatchCache {
  cache: PlanCache;
  config: (index: number) => string;
}

/** Files hashed at once while the cache is looked up: enough to keep the disk busy, few enough to hold in memory. */
const LOOKUPS_AT_ONCE = 8;

/**
 * `runBatch` with a cache in front: every entry is looked up first and a hit is handed to `onResult` at once;
 * only the misses go to the batch, and each result that comes back is kept for the next run. Without a cache,
 * `runBatch` itself. Results arrive with the entry's own index either way.
 */
export async function runCachedBatch(
  entries: readonly InputEntry[],
  setup: TaskSetup,
  opts: BatchOptions,
  io: CliIo,
  onResult: (result: TaskResult, index: number) => void | Promise<void>,
  cached: BatchCache | null,
): Promise<void> {
  if (cached === null) return runBatch(entries, setup, opts, io, onResult);
  const misses: Array<{ index: number; keep: (result: TaskResult) => void }> = [];
  await mapPool(entries, LOOKUPS_AT_ONCE, async (entry, index) => {
    const check = await cached.cache.check(entry, setup.command, cached.config(index));
    if ('hit' in check) await onResult(check.hit, index);
    else misses.push({ index, keep: check.keep });
  });
  if (misses.length === 0) return;
  misses.sort((a, b) => a.index - b.index);
  const settings = opts.settings;
  await runBatch(
    misses.map((m) => entries[m.index]!),
    setup,
    { ...opts, settings: settings && misses.map((m) => settings[m.index]!) },
    io,
    (result, i) => {
      misses[i]!.keep(result);
      return onResult(result, misses[i]!.index);
    },
  );
}
