import { stat } from 'node:fs/promises';
import path from 'node:path';
import { portablePath } from '../format/common/fingerprint.js';
import { printable } from '../format/common/printable.js';
import { sha256 } from '../read/hash.js';
import { writeFileAtomic } from './atomic.js';
import { toolIdentity } from './cache-key.js';
import { displayPath, fsReason, type InputEntry } from './inputs.js';
import type { CliIo } from './io.js';
import { readRegularFile } from './load.js';
import type { TaskResult } from './workers/task.js';

/** The cache file's name: in the working directory, or in the folder `--cache-location` names. */
export const CACHE_NAME = '.plancheckcache';

/** The commands whose results are kept, each with an entry of its own per file. */
type Command = 'validate' | 'convert';

/** One command's result for a file, and the digest of the settings it was worked out with. */
interface Kept {
  config: string;
  result: TaskResult;
}

/**
 * What the cache knows of one file: the hash of the content its results were worked out from, and the size and
 * modification time the file had then, which `--cache-strategy metadata` trusts in place of the hash.
 */
interface Entry {
  sha256: string;
  size: number;
  mtimeMs: number;
  validate?: Kept;
  convert?: Kept;
}

/** The cache file: which plancheck wrote it, and an entry per plan, by path relative to the cache file's folder. */
interface CacheData {
  plancheckCache: 1;
  tool: string;
  files: Record<string, Entry>;
}

/** `--cache-strategy`: how an unchanged file is recognised (ESLint's names). */
export const CACHE_STRATEGIES = ['content', 'metadata'] as const;
export type CacheStrategy = (typeof CACHE_STRATEGIES)[number];

/** What the cache says of one input: its result, or how to keep the result once it is worked out. */
export type CacheCheck = { hit: TaskResult } | { keep: (result: TaskResult) => void };

const KIND: Record<Command, TaskResult['kind']> = { validate: 'validated', convert: 'converted' };

/**
 * `--cache-location`, as ESLint reads it: a path ending in a slash, or an existing folder, is a folder to keep
 * `.plancheckcache` in; anything else is the cache file itself. Without it, `.plancheckcache` in the working
 * directory.
 */
export async function cachePath(location: string | undefined, cwd: string): Promise<string> {
  if (location === undefined) return path.join(cwd, CACHE_NAME);
  const abs = path.resolve(cwd, location);
  const folder = /[\\/]$/.test(location) || (await stat(abs).then((s) => s.isDirectory(), () => false));
  return folder ? path.join(abs, CACHE_NAME) : abs;
}

/**
 * The results of earlier runs, by plan: a plan whose content, plancheck and settings are all unchanged is
 * answered from here without being parsed. A cache that cannot be read or is not one is set aside with a note
 * and rewritten; one written by another plancheck is rewritten silently. Everything happens in the main thread,
 * before a file is handed to a worker and after its result comes back, so any number of jobs share it safely.
 */
export class PlanCache {
  readonly #seen = new Set<string>();
  #changed: boolean;

  private constructor(
    private readonly file: string,
    private readonly data: CacheData,
    changed: boolean,
    private readonly strategy: CacheStrategy,
  ) {
    this.#changed = changed;
  }

  /** Read the cache file; a note on standard error when it is there but unusable. */
  static async open(file: string, strategy: CacheStrategy, io: CliIo): Promise<PlanCache> {
    const tool = await toolIdentity();
    const fresh = (changed: boolean): PlanCache => new PlanCache(file, { plancheckCache: 1, tool, files: {} }, changed, strategy);
    const ignored = (reason: string): PlanCache => {
      io.stderr.write(`plancheck: ${printable(`${displayPath(file, io.cwd)}: cache ignored, ${reason}`)}\n`);
      return fresh(true);
    };
    let text: string;
    try {
      const read = await readRegularFile(file, { tooLarge: () => null, input: false });
      if (typeof read === 'string') return ignored(read);
      text = Buffer.from(read).toString('utf8');
    } catch (err) {
      // No cache yet; where a part of its path is a file, writing it says so.
      const code = (err as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'ENOTDIR' ? fresh(false) : ignored(fsReason(err));
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return ignored('not valid JSON');
    }
    if (!isObject(data) || typeof data.plancheckCache !== 'number' || typeof data.tool !== 'string') return ignored('not a plancheck cache');
    // Another version's cache, whatever its layout: start afresh, as after an upgrade.
    if (data.plancheckCache !== 1 || data.tool !== tool) return fresh(true);
    if (!isObject(data.files) || !Object.values(data.files).every(isEntry)) return ignored('not a plancheck cache');
    return new PlanCache(file, data as unknown as CacheData, false, strategy);
  }

  /**
   * Look up the file's result for `command` worked out with settings `config` (a digest). The file is hashed,
   * unless `metadata` is the strategy and its size and modification time are those recorded. Its size and
   * time are taken first and its hash before it goes to be parsed, so that a file changed meanwhile is kept
   * under what it was and read again next time, never answered with a result of content it no longer has.
   * Standard input and files that cannot be read are never cached: their result is worked out each time.
   */
  async check(entry: InputEntry, command: Command, config: string): Promise<CacheCheck> {
    const none: CacheCheck = { keep: () => {} };
    if (entry.kind !== 'file') return none;
    const key = portablePath(path.relative(path.dirname(this.file), entry.abs));
    this.#seen.add(key);
    const stats = await stat(entry.abs).catch(() => null);
    if (stats === null || !stats.isFile()) return none;
    const now = { size: stats.size, mtimeMs: stats.mtimeMs };
    const kept = this.data.files[key];
    const unmoved = this.strategy === 'metadata' && kept?.size === now.size && kept.mtimeMs === now.mtimeMs;
    const bytes = unmoved ? null : await readRegularFile(entry.abs).catch(() => 'unreadable');
    if (typeof bytes === 'string') return none;
    const hash = bytes === null ? kept!.sha256 : sha256(bytes);
    const found = kept?.sha256 === hash ? kept[command] : undefined;
    if (found?.config === config && found.result.kind === KIND[command]) {
      // Same content, touched: record the new time, so that the metadata strategy need not hash it again.
      if (kept!.size !== now.size || kept!.mtimeMs !== now.mtimeMs) this.#record(key, { ...kept!, ...now });
      return { hit: found.result };
    }
    return {
      keep: (result) => {
        // Failures are not kept: some (a time-out, a worker's crash) say nothing of the file's content.
        if (result.kind !== KIND[command]) return;
        const same = this.data.files[key]?.sha256 === hash ? this.data.files[key] : undefined;
        this.#record(key, { ...same, sha256: hash, ...now, [command]: { config, result } });
      },
    };
  }

  #record(key: string, entry: Entry): void {
    this.data.files[key] = entry;
    this.#changed = true;
  }

  /**
   * Drop the entries of files that no longer exist, then write the cache atomically if anything changed; a cache
   * that cannot be written is a note on standard error, not a failure of the run.
   */
  async save(io: CliIo): Promise<void> {
    const dir = path.dirname(this.file);
    const others = Object.keys(this.data.files).filter((key) => !this.#seen.has(key));
    const gone = await Promise.all(others.map((key) => stat(path.resolve(dir, key)).then(() => false, (err: NodeJS.ErrnoException) => err.code === 'ENOENT' || err.code === 'ENOTDIR')));
    others.forEach((key, i) => {
      if (!gone[i]) return;
      delete this.data.files[key];
      this.#changed = true;
    });
    if (!this.#changed) return;
    try {
      await writeFileAtomic(this.file, JSON.stringify(this.data));
    } catch (err) {
      io.stderr.write(`plancheck: ${printable(`cannot write the cache ${displayPath(this.file, io.cwd)}: ${fsReason(err)}`)}\n`);
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Enough of an entry's shape that a hit hands the formatters what they expect. */
function isEntry(value: unknown): boolean {
  if (!isObject(value) || typeof value.sha256 !== 'string' || typeof value.size !== 'number' || typeof value.mtimeMs !== 'number') return false;
  return [value.validate, value.convert].every((kept) => kept === undefined || (isObject(kept) && typeof kept.config === 'string' && isResult(kept.result)));
}

function isResult(value: unknown): boolean {
  if (!isObject(value) || !isObject(value.counts)) return false;
  if (value.kind === 'converted') return typeof value.path === 'string' && typeof value.text === 'string';
  const result = value.result;
  return value.kind === 'validated' && isObject(result) && typeof result.path === 'string' && Array.isArray(result.findings) && (result.notes === undefined || Array.isArray(result.notes));
}
