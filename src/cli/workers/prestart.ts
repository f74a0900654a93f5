import { startSpareWorker } from '../pool.js';

/** The worker script of batches (as in batch.ts): beside this module, in dist/bundle as in dist/cli/workers. */
const WORKER_SCRIPT = new URL('./worker.js', import.meta.url);

/**
 * Called by the binary before it loads the CLI: for `validate` and `convert`, which read their files in worker
 * processes (batch.ts), start the first worker now, so that it starts while the CLI loads. When an
 * argument names a PDF, the worker loads pdfjs while it waits. Nothing is started for help, or for
 * `--timeout 0`, which reads a single input in this process.
 */
export function prestartWorker(argv: readonly string[]): void {
  if (argv[0] !== 'validate' && argv[0] !== 'convert') return;
  if (argv.some((arg, i) => arg === '-h' || arg === '--help' || arg === '--timeout=0' || (arg === '--timeout' && Number(argv[i + 1]) === 0))) return;
  startSpareWorker(WORKER_SCRIPT, argv.some((arg) => /\.pdf$/i.test(arg)) ? ['--preload', 'pdf'] : []);
}
