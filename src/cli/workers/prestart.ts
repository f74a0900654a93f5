import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { PLAN_EXTENSIONS } from '../plan-extensions.js';
import { startSpareWorker } from '../pool.js';
import { READ_HERE_MAX_FILES } from './small-batch.js';

/** The worker script of batches (as in batch.ts): beside this module, in dist/bundle as in dist/cli/workers. */
const WORKER_SCRIPT = new URL('./worker.js', import.meta.url);

/**
 * Called by the binary before it loads the CLI: for `validate` and `convert`, which read their files in worker
 * processes (batch.ts), start the first worker now, so that it starts while the CLI loads. When an argument
 * names a PDF, the worker loads pdfjs while it waits. Nothing is started for help, for `--timeout 0`, which reads
 * a single input in this process, or when the arguments name only text exports and HTML pages, and folders of
 * a few of them (no PDF, Word document, subfolder or standard input): a few of those are read in this process
 * too (batch.ts), and many start their worker when the batch does. Arguments are looked at as words, before the
 * CLI parses them.
 */
export function prestartWorker(argv: readonly string[]): void {
  if (argv[0] !== 'validate' && argv[0] !== 'convert') return;
  if (argv.some((arg, i) => arg === '-h' || arg === '--help' || arg === '--timeout=0' || (arg === '--timeout' && Number(argv[i + 1]) === 0))) return;
  const words = argv.slice(1).filter((arg) => arg === '-' || !arg.startsWith('-'));
  const listings = new Map(words.map((arg) => [arg, folderEntries(arg)]));
  const needsWorker = (arg: string): boolean => arg === '-' || /\.(pdf|docx)$/i.test(arg) || folderNeedsWorker(listings.get(arg) ?? null);
  if (words.some((arg) => /\.(txt|html?)$/i.test(arg) || listings.get(arg)) && !words.some(needsWorker)) return;
  startSpareWorker(WORKER_SCRIPT, argv.some((arg) => /\.pdf$/i.test(arg)) ? ['--preload', 'pdf'] : []);
}

/** The entries of a folder, or null when `file` is not one. */
function folderEntries(file: string): Dirent[] | null {
  try {
    return readdirSync(file, { withFileTypes: true });
  } catch {
    return null;
  }
}

/**
 * A folder that holds a subfolder, a PDF or Word document, or more plans (files it would read, by their extension)
 * than the CLI reads in its own process: its batch will want a worker.
 */
function folderNeedsWorker(entries: readonly Dirent[] | null): boolean {
  if (entries === null) return false;
  if (entries.some((entry) => !entry.isFile() || /\.(pdf|docx)$/i.test(entry.name))) return true;
  return entries.filter((entry) => PLAN_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())).length > READ_HERE_MAX_FILES;
}
