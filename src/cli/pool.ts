import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { timedOut } from '../util/time-limit.js';

/** Map items through an async function with at most `limit` calls in flight; results keep the items' order. */
export async function mapPool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}

/**
 * How many times longer than a worker takes to start the work queued for each worker must be before the pool starts
 * another: a start-up costs a whole process's CPU time (0.1-0.3 s on the development machine, more for a worker
 * that loads pdfjs), and pays only when the second worker then takes a share of the queue worth more than that.
 */
const GROW_FACTOR = 2;

/** A task's answer, or why there is none: it ran past the time limit or its worker died. */
export type PoolOutcome<R> = { ok: true; value: R } | { ok: false; reason: string };

/**
 * What a worker process sends: that it has loaded and listens (once, first), then a task's result, or the first
 * line of an error nothing in it caught.
 */
export type WorkerAnswer<R> = { ready: true } | { id: number; result: R } | { id: number; crash: string };

/** What a worker process is sent: the setup once, first, then one task at a time. */
export type WorkerRequest<T> = { setup: unknown } | { id: number; task: T };

interface Job<T, R> {
  task: T;
  resolve: (outcome: PoolOutcome<R>) => void;
}

interface Running<T, R> {
  job: Job<T, R>;
  id: number;
  timer: NodeJS.Timeout | undefined;
  /** When the task's time started (performance.now()): once both it and its process were ready. */
  startedAt: number | undefined;
}

/**
 * What every copy of this module in the process shares: the binary loads the code that starts the spare worker
 * (workers/prestart.ts) before, and apart from, the bundle of the CLI (scripts/bundle.mjs), and each holds a
 * copy of this module; the pool in the CLI's copy must find the worker that the first copy started.
 */
interface Shared {
  /** Every worker process still alive, in every pool: what stopWorkers ends when a signal ends the run. */
  alive: Set<ChildProcess>;
  /** The worker started before the CLI loaded, until a pool takes it: see startSpareWorker. */
  spare: Spare | null;
}
const SHARED = Symbol.for('plancheck.workers');
const shared: Shared = ((globalThis as { [SHARED]?: Shared })[SHARED] ??= { alive: new Set(), spare: null });
const alive = shared.alive;

/** Kill every worker process at once; the binary calls this when a signal ends the run, so none is left behind. */
export function stopWorkers(): void {
  for (const child of alive) child.kill('SIGKILL');
  alive.clear();
}

// However the process ends (an EPIPE on standard output exits it at once), its workers end with it.
process.once('exit', stopWorkers);

/**
 * The environment of a worker process: this one's, less NODE_EXTRA_CA_CERTS. Node reads and parses the
 * certificates that variable names as each process starts, before any code runs (about 50 ms of CPU on the
 * development machine for a system bundle of some 150), and a worker never opens a connection.
 */
function workerEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _certificates, ...rest } = env;
  return rest;
}

/** Start a worker process for `script`, with what the batch needs, standard error kept for why it died. */
function forkWorker(script: URL, args: readonly string[] = []): ChildProcess {
  // Standard output belongs to the parent's report.
  const child = fork(fileURLToPath(script), args, { env: workerEnv(), serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  alive.add(child);
  // A failed send (the process already gone) is followed by its exit, which answers the task.
  child.on('error', () => undefined);
  return child;
}

/** A worker started before the CLI has loaded, for the pool that will need it: see startSpareWorker. */
interface Spare {
  script: string;
  child: ChildProcess;
  /** When it was started and, once it said so, when it was ready (performance.now()). */
  startedAt: number;
  readyAt: number | undefined;
  listen: (answer: WorkerAnswer<unknown>) => void;
}

/**
 * Start a worker process now, before the pool that will use it exists: the binary calls this first thing for
 * `validate` and `convert`, so that Node starts the worker (and, with `args`, the worker loads a reader) while
 * this process loads the CLI, instead of after. A pool of the same script takes it as its first worker;
 * dropSpareWorker lets it go when none did. Returns the worker's process id.
 */
export function startSpareWorker(script: URL, args: readonly string[] = []): number | undefined {
  if (shared.spare) return shared.spare.child.pid;
  const child = forkWorker(script, args);
  const held: Spare = {
    script: script.href,
    child,
    startedAt: performance.now(),
    readyAt: undefined,
    listen: (answer) => {
      if ('ready' in answer) held.readyAt ??= performance.now();
    },
  };
  child.on('message', held.listen);
  child.once('exit', () => {
    alive.delete(child);
    if (shared.spare === held) shared.spare = null;
  });
  shared.spare = held;
  return child.pid;
}

/**
 * Stop the spare worker, when no pool took it (a usage error, a refused output, nothing to read): it has been
 * given nothing, so it is killed at once rather than left to finish loading and notice that its parent is gone.
 */
export function dropSpareWorker(): void {
  const held = shared.spare;
  shared.spare = null;
  if (!held || held.child.exitCode !== null || held.child.signalCode !== null) return;
  alive.delete(held.child);
  held.child.stderr?.destroy();
  held.child.kill('SIGKILL');
  if (held.child.connected) held.child.disconnect();
  held.child.unref();
}

/** The spare worker, if it runs `script` and is alive, handed over with when it started and was ready. */
function takeSpare(script: URL): { child: ChildProcess; startedAt: number; readyAt: number | undefined } | null {
  const held = shared.spare;
  if (!held || held.script !== script.href || held.child.exitCode !== null || held.child.signalCode !== null) return null;
  shared.spare = null;
  held.child.off('message', held.listen);
  return { child: held.child, startedAt: held.startedAt, readyAt: held.readyAt };
}

/**
 * Up to `size` worker processes running `script` (node:child_process fork), each sent `setup` first, one task
 * at a time each. A task that runs longer than `timeoutMs` (0: no limit; counted from when its process is ready)
 * has its process killed, which stops even a synchronous loop, and a fresh process takes the next task; so does a task whose process crashed.
 *
 * A worker at work is sent the next task waiting ahead of time, which it starts as soon as it has answered the
 * last: it does not wait, idle, while this process takes the answer and sends another (about a twentieth of a
 * worker's time over a batch of PDFs). A task sent ahead that has not started when its worker dies or is killed
 * goes back to the front of the queue. The price, at the end of a batch: a task sent ahead waits for its worker
 * while another may be idle, one task per worker at most.
 *
 * Processes, not worker threads: threads share one V8 heap's background compilers and code space, and on a
 * two-core machine --jobs 2 gained little over --jobs 1 with them (docs/performance.md). Tasks and results
 * cross by structured clone (serialization 'advanced'), so Maps and byte arrays arrive as they were sent.
 */
export class WorkerPool<T, R> {
  readonly #queue: Array<Job<T, R>> = [];
  readonly #idle: ChildProcess[] = [];
  readonly #running = new Map<ChildProcess, Running<T, R>>();
  /** The task sent to each worker ahead of time, not started yet: see #sendAhead. */
  readonly #ahead = new Map<ChildProcess, Running<T, R>>();
  readonly #retired = new WeakSet<ChildProcess>();
  /** Processes that have said they are ready: a task's time starts only then, not while node starts. */
  readonly #ready = new WeakSet<ChildProcess>();
  #live = 0;
  #nextId = 0;
  #closed = false;
  /** Set while tasks wait for a worker and another may start: see #pump. */
  #growTimer: NodeJS.Timeout | undefined;
  /** When each process was started (performance.now()), until it says it is ready. */
  readonly #startedAt = new WeakMap<ChildProcess, number>();
  /** How long the processes so far took from their start to being ready, in all, and how many. */
  #startupMs = 0;
  #startups = 0;
  /** How long the tasks answered so far took, in all, and how many. */
  #taskMs = 0;
  #tasks = 0;

  /**
   * `startupMs`, when given, is taken as every worker's start-up time instead of the one measured (for tests
   * that must not depend on how fast the machine starts a process).
   */
  constructor(
    private readonly script: URL,
    private readonly size: number,
    private readonly setup: unknown,
    private readonly timeoutMs: number,
    private readonly startupMs?: number,
  ) {}

  /** Queue a task and wait for its outcome. */
  run(task: T): Promise<PoolOutcome<R>> {
    if (this.#closed) return Promise.resolve({ ok: false, reason: 'internal error: the worker pool is closed' });
    return new Promise((resolve) => {
      this.#queue.push({ task, resolve });
      this.#pump();
    });
  }

  /**
   * Stop every worker: an idle one is let go (it ends by itself once its channel is closed), a busy one is killed;
   * tasks still queued are answered as failed.
   */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#growTimer);
    const closed: PoolOutcome<R> = { ok: false, reason: 'internal error: the worker pool was closed' };
    for (const running of this.#ahead.values()) running.job.resolve(closed);
    this.#ahead.clear();
    for (const job of this.#queue.splice(0)) job.resolve(closed);
    const idle = this.#idle.splice(0);
    const busy = [...this.#running.keys()];
    for (const child of idle) this.#letGo(child);
    await Promise.all(busy.map((child) => this.#kill(child)));
  }

  /**
   * Hand queued tasks to idle workers, and start another worker when the queue is worth it. The first worker
   * starts at once; another only when the tasks waiting would keep each worker busy for GROW_FACTOR times as
   * long as a worker takes to start (see #growDelay). So a few small files cost one start-up, not one per core,
   * and a batch with work for all the workers has them all busy after its first files. What is still waiting
   * then is sent ahead to the workers at work.
   */
  #pump(): void {
    while (this.#queue.length > 0 && !this.#closed) {
      const child = this.#idle.pop() ?? (this.#live === 0 ? this.#spawn() : undefined);
      if (!child) break;
      this.#dispatch(child, this.#queue.shift() as Job<T, R>);
    }
    this.#grow();
    this.#sendAhead();
  }

  /** Start another worker for the queue now, or set a timer for when it will be worth it (see #growDelay). */
  #grow(): void {
    clearTimeout(this.#growTimer);
    this.#growTimer = undefined;
    if (this.#queue.length === 0 || this.#closed || this.#live >= this.size) return;
    const delay = this.#growDelay();
    if (delay === undefined) return;
    if (delay > 0) {
      this.#growTimer = setTimeout(() => this.#pump(), delay);
      return;
    }
    this.#dispatch(this.#spawn(), this.#queue.shift() as Job<T, R>);
    this.#pump();
  }

  /** Send each ready worker at work, with nothing ahead yet, the next task waiting. */
  #sendAhead(): void {
    for (const child of this.#running.keys()) {
      if (this.#queue.length === 0 || this.#closed) return;
      if (this.#ready.has(child) && !this.#ahead.has(child)) this.#dispatch(child, this.#queue.shift() as Job<T, R>, true);
    }
  }

  /**
   * How long until the queue is worth another worker: 0 when it is now, undefined when there is nothing to
   * judge by yet (no worker has said it is ready, or none is at work and none has answered). Each task waiting
   * is taken to cost what the tasks answered so far took on average, or, if more, what the longest task at work
   * has taken so far: a bound that grows while the task runs, so the wait ends when the bound gets there.
   */
  #growDelay(): number | undefined {
    const startup = this.startupMs ?? (this.#startups > 0 ? this.#startupMs / this.#startups : undefined);
    if (startup === undefined) return undefined;
    // The time each waiting task must take for the queue to be worth a start-up for each worker.
    const worth = (GROW_FACTOR * startup * this.#live) / this.#queue.length;
    if (this.#tasks > 0 && this.#taskMs / this.#tasks >= worth) return 0;
    const now = performance.now();
    let longest: number | undefined;
    for (const running of this.#running.values()) {
      if (running.startedAt !== undefined) longest = Math.max(longest ?? 0, now - running.startedAt);
    }
    if (longest === undefined) return undefined;
    return longest >= worth ? 0 : Math.ceil(worth - longest);
  }

  #spawn(): ChildProcess {
    const taken = takeSpare(this.script);
    const child = taken?.child ?? forkWorker(this.script);
    this.#startedAt.set(child, taken?.startedAt ?? performance.now());
    if (taken?.readyAt !== undefined) this.#isReady(child, taken.readyAt);
    this.#live += 1;
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (text: string) => {
      if (stderr.length < 4096) stderr += text;
    });
    child.on('message', (answer: WorkerAnswer<R>) => {
      const running = this.#running.get(child);
      if ('ready' in answer) {
        this.#isReady(child, performance.now());
        if (running) this.#startClock(child, running);
        // Now that a worker is at work, tasks that wait for one count towards starting another.
        this.#pump();
        return;
      }
      if (running?.id !== answer.id) {
        // A worker that took up the task sent ahead before answering the last (the real one does not) is answered too.
        const ahead = this.#ahead.get(child);
        if (ahead?.id === answer.id) {
          this.#ahead.delete(child);
          ahead.job.resolve('crash' in answer ? { ok: false, reason: `internal error: ${answer.crash}` } : { ok: true, value: answer.result });
        }
        return;
      }
      if ('crash' in answer) {
        // Whatever threw was left half done: the process is not trusted with another task.
        this.#finish(child, running, { ok: false, reason: `internal error: ${answer.crash}` });
        this.#retire(child);
        this.#requeueAhead(child);
        void this.#kill(child);
        this.#pump();
        return;
      }
      if (running.startedAt !== undefined) {
        this.#taskMs += performance.now() - running.startedAt;
        this.#tasks += 1;
      }
      this.#finish(child, running, { ok: true, value: answer.result });
      // The worker has started the task sent ahead, if any: its time starts now.
      const ahead = this.#ahead.get(child);
      this.#ahead.delete(child);
      if (ahead) {
        this.#running.set(child, ahead);
        this.#startClock(child, ahead);
      } else {
        this.#idle.push(child);
      }
      this.#pump();
    });
    child.on('exit', (code, signal) => {
      alive.delete(child);
      const running = this.#running.get(child);
      const index = this.#idle.indexOf(child);
      if (index >= 0) this.#idle.splice(index, 1);
      if (!this.#retire(child)) return;
      if (running) this.#finish(child, running, { ok: false, reason: `internal error: ${deathOf(code, signal, stderr)}` });
      this.#requeueAhead(child);
      this.#pump();
    });
    child.send({ setup: this.setup } satisfies WorkerRequest<T>);
    return child;
  }

  /** Send a worker a task: to start now, or `ahead`, to start when it has answered the one under way. */
  #dispatch(child: ChildProcess, job: Job<T, R>, ahead = false): void {
    const id = this.#nextId++;
    const running: Running<T, R> = { job, id, timer: undefined, startedAt: undefined };
    if (ahead) this.#ahead.set(child, running);
    else this.#running.set(child, running);
    if (!ahead && this.#ready.has(child)) this.#startClock(child, running);
    try {
      child.send({ id, task: job.task } satisfies WorkerRequest<T>);
    } catch (err) {
      // The task could not be copied: that task fails, and the process is fine for the next one.
      const outcome: PoolOutcome<R> = { ok: false, reason: `internal error: ${err instanceof Error ? err.message : String(err)}` };
      if (ahead) {
        this.#ahead.delete(child);
        job.resolve(outcome);
        return;
      }
      this.#finish(child, running, outcome);
      this.#idle.push(child);
    }
  }

  /** A worker is gone or going: the task sent it ahead, which it had not started, waits first in the queue again. */
  #requeueAhead(child: ChildProcess): void {
    const ahead = this.#ahead.get(child);
    if (!ahead) return;
    this.#ahead.delete(child);
    if (this.#closed) ahead.job.resolve({ ok: false, reason: 'internal error: the worker pool was closed' });
    else this.#queue.unshift(ahead.job);
  }

  /** A process has said it is ready, at `at`: its start-up counts towards the estimate #growDelay uses. */
  #isReady(child: ChildProcess, at: number): void {
    this.#ready.add(child);
    const startedAt = this.#startedAt.get(child);
    if (startedAt === undefined) return;
    this.#startedAt.delete(child);
    this.#startupMs += at - startedAt;
    this.#startups += 1;
  }

  /** A task's time starts: the clock for its time limit, and for what tasks cost (see #growDelay). */
  #startClock(child: ChildProcess, running: Running<T, R>): void {
    running.startedAt = performance.now();
    if (this.timeoutMs > 0) running.timer = setTimeout(() => this.#timeOut(child, running), this.timeoutMs);
  }

  #timeOut(child: ChildProcess, running: Running<T, R>): void {
    this.#finish(child, running, { ok: false, reason: timedOut(this.timeoutMs / 1000) });
    // Count the process gone now, so that its replacement starts without waiting for it to die.
    this.#retire(child);
    this.#requeueAhead(child);
    void this.#kill(child);
    this.#pump();
  }

  /**
   * Close an idle process's channel: it ends by itself, which this process does not wait for (a Node process
   * takes some milliseconds to wind down), nor stops at its own exit.
   */
  #letGo(child: ChildProcess): void {
    alive.delete(child);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.stderr?.destroy();
    child.disconnect();
    child.unref();
  }

  /** Kill a process and wait for it to be gone. */
  #kill(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  /** Forget a process once; false when it was already forgotten. */
  #retire(child: ChildProcess): boolean {
    if (this.#retired.has(child)) return false;
    this.#retired.add(child);
    this.#live -= 1;
    return true;
  }

  #finish(child: ChildProcess, running: Running<T, R>, outcome: PoolOutcome<R>): void {
    clearTimeout(running.timer);
    this.#running.delete(child);
    running.job.resolve(outcome);
  }
}

/** Why a worker process died, in one line: what V8 or Node said last before it went, else how it ended. */
function deathOf(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  const said = stderr
    .split('\n')
    .map((line) => line.trim())
    .find((line) => /^(FATAL ERROR|Error|RangeError|TypeError)\b/.test(line));
  if (said) return said;
  return signal !== null ? `the worker was killed by ${signal}` : `the worker stopped with exit code ${code ?? 'unknown'}`;
}
