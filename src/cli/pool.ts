import { Worker } from 'node:worker_threads';

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

/** A task's answer, or why there is none: it ran past the time limit or its worker died. */
export type PoolOutcome<R> = { ok: true; value: R } | { ok: false; reason: string };

interface Job<T, R> {
  task: T;
  resolve: (outcome: PoolOutcome<R>) => void;
}

interface Running<T, R> {
  job: Job<T, R>;
  id: number;
  timer: NodeJS.Timeout | undefined;
  error?: Error;
}

/**
 * Up to `size` worker threads running `script`, each started with `workerData`, one task at a time each. A task
 * that runs longer than `timeoutMs` (0: no limit) has its worker terminated, which stops even a synchronous
 * loop, and a fresh worker takes the next task; so does a task whose worker crashed.
 */
export class WorkerPool<T, R> {
  readonly #queue: Array<Job<T, R>> = [];
  readonly #idle: Worker[] = [];
  readonly #running = new Map<Worker, Running<T, R>>();
  readonly #retired = new WeakSet<Worker>();
  #live = 0;
  #nextId = 0;
  #closed = false;

  constructor(
    private readonly script: URL,
    private readonly size: number,
    private readonly workerData: unknown,
    private readonly timeoutMs: number,
  ) {}

  /** Queue a task (copied to the worker by structured clone) and wait for its outcome. */
  run(task: T): Promise<PoolOutcome<R>> {
    if (this.#closed) return Promise.resolve({ ok: false, reason: 'internal error: the worker pool is closed' });
    return new Promise((resolve) => {
      this.#queue.push({ task, resolve });
      this.#pump();
    });
  }

  /** Stop every worker; tasks still queued are answered as failed. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.resolve({ ok: false, reason: 'internal error: the worker pool was closed' });
    const workers = [...this.#idle, ...this.#running.keys()];
    this.#idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }

  #pump(): void {
    while (this.#queue.length > 0 && !this.#closed) {
      const worker = this.#idle.pop() ?? (this.#live < this.size ? this.#spawn() : undefined);
      if (!worker) return;
      this.#dispatch(worker, this.#queue.shift() as Job<T, R>);
    }
  }

  #spawn(): Worker {
    const worker = new Worker(this.script, { workerData: this.workerData });
    this.#live += 1;
    worker.on('message', (message: { id: number; result: R }) => {
      const running = this.#running.get(worker);
      if (!running || running.id !== message.id) return;
      this.#finish(worker, running, { ok: true, value: message.result });
      this.#idle.push(worker);
      this.#pump();
    });
    worker.on('error', (err) => {
      const running = this.#running.get(worker);
      if (running) running.error = err;
    });
    worker.on('exit', (code) => {
      const running = this.#running.get(worker);
      const index = this.#idle.indexOf(worker);
      if (index >= 0) this.#idle.splice(index, 1);
      if (!this.#retire(worker)) return;
      if (running) {
        const why = running.error?.message.split('\n')[0] ?? `the worker stopped with exit code ${code}`;
        this.#finish(worker, running, { ok: false, reason: `internal error: ${why}` });
      }
      this.#pump();
    });
    return worker;
  }

  #dispatch(worker: Worker, job: Job<T, R>): void {
    const id = this.#nextId++;
    const running: Running<T, R> = { job, id, timer: undefined };
    this.#running.set(worker, running);
    if (this.timeoutMs > 0) running.timer = setTimeout(() => this.#timeOut(worker, running), this.timeoutMs);
    try {
      worker.postMessage({ id, task: job.task });
    } catch (err) {
      this.#finish(worker, running, { ok: false, reason: `internal error: ${err instanceof Error ? err.message : String(err)}` });
      this.#idle.push(worker);
    }
  }

  #timeOut(worker: Worker, running: Running<T, R>): void {
    this.#finish(worker, running, { ok: false, reason: `timed out after ${this.timeoutMs / 1000} s` });
    // Count the worker gone now, so that its replacement starts without waiting for it to wind down.
    this.#retire(worker);
    void worker.terminate();
    this.#pump();
  }

  /** Forget a worker once; false when it was already forgotten. */
  #retire(worker: Worker): boolean {
    if (this.#retired.has(worker)) return false;
    this.#retired.add(worker);
    this.#live -= 1;
    return true;
  }

  #finish(worker: Worker, running: Running<T, R>, outcome: PoolOutcome<R>): void {
    clearTimeout(running.timer);
    this.#running.delete(worker);
    running.job.resolve(outcome);
  }
}
