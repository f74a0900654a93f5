import vm from 'node:vm';

/** A file's one-line reason when its time is up, whichever limit stopped it (this one, or a killed worker). */
export function timedOut(seconds: number): string {
  return `timed out after ${seconds} s`;
}

/** Thrown by a limit whose time is up; its message is the file's one-line reason (timedOut). */
export class TimeLimitError extends Error {}

/**
 * Runs synchronous work under a time limit: the work, or a TimeLimitError. `unlimited` runs it as it is (in a
 * worker process, which its parent kills when the time is up).
 */
export type Limit = <T>(work: () => T) => T;

export const unlimited: Limit = (work) => work();

/** Where the script below finds the work to run: a script run with a time limit calls a function of this realm. */
const SLOT_NAME = 'plancheck.limited';
const SLOT = Symbol.for(SLOT_NAME);
let caller: vm.Script | undefined;

/**
 * A limit shared by every piece of work run under it, until `seconds` from now: each runs with what is left,
 * and V8 stops it when that is spent, even in a loop that never yields (the `timeout` of `node:vm`, which V8
 * enforces from a thread of its own). Work that is asynchronous is limited only up to its first `await`.
 */
export function limitFor(seconds: number): Limit {
  const deadline = performance.now() + seconds * 1000;
  const reason = timedOut(seconds);
  return <T>(work: () => T): T => {
    const left = Math.ceil(deadline - performance.now());
    if (left <= 0) throw new TimeLimitError(reason);
    caller ??= new vm.Script(`globalThis[Symbol.for(${JSON.stringify(SLOT_NAME)})]()`, { filename: 'plancheck-time-limit' });
    const slots = globalThis as unknown as Record<symbol, unknown>;
    slots[SLOT] = work;
    try {
      return caller.runInThisContext({ timeout: left }) as T;
    } catch (err) {
      if ((err as NodeJS.ErrnoException | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new TimeLimitError(reason);
      throw err;
    } finally {
      delete slots[SLOT];
    }
  };
}
