import type { CliIo, OutStream } from './io.js';

/** A progress bar over the files of a batch. */
export interface Progress {
  /** One more file is done. */
  tick(): void;
  /** Take the bar off the screen, leaving the cursor where the bar began, so the summary can follow. */
  stop(): void;
}

/** Whether a bar belongs on standard error: it is a terminal that can move its cursor, and there is a batch. */
export function wantsProgress(io: Pick<CliIo, 'stderr' | 'env'>, files: number): boolean {
  return files > 1 && io.stderr.isTTY === true && io.env.TERM !== 'dumb';
}

/** Draw a bar of `total` files on `stream` (a terminal), redrawn at most ten times a second. */
export async function startProgress(stream: OutStream, total: number, verb: string): Promise<Progress> {
  // Loaded only when a bar is drawn, so that runs in pipes and CI never pay for it.
  const { default: progress } = await import('cli-progress');
  const bar = new progress.SingleBar({
    stream: stream as NodeJS.WritableStream,
    format: `${verb} {bar} {value}/{total} files | {duration_formatted}`,
    barsize: 30,
    barCompleteChar: '█',
    barIncompleteChar: '░',
    clearOnComplete: true,
    // Neither hide the cursor nor turn off line wrapping: a run killed mid-batch would leave the terminal so.
    hideCursor: false,
    linewrap: true,
    fps: 10,
  });
  bar.start(total, 0);
  return {
    tick: () => bar.increment(),
    stop: () => bar.stop(),
  };
}
