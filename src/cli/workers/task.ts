import { basename } from 'node:path';
import type { InspectionReport } from '../../model/inspection-report.js';
import type { PlanDocument } from '../../model/plan.js';
import type { FileResult } from '../../model/result.js';
import { runRules } from '../../rules/engine.js';
import { readingNotes } from '../../rules/notes.js';
import type { RuleSetting } from '../../rules/settings.js';
import type { AnyRule } from '../../rules/types.js';
import type { InputEntry } from '../inputs.js';
import { loadInput } from '../load.js';
import { TimeLimitError, unlimited, type Limit } from '../../util/time-limit.js';
import { serializeModel, type ModelFormat } from './serialize.js';

/**
 * What every file of a batch is done with, as plain data so that it can be handed to a worker process: the
 * rule settings and the inspection report for `validate`, the output format for `convert`.
 */
export type TaskSetup =
  | {
      command: 'validate';
      settings: ReadonlyMap<string, RuleSetting>;
      inspectionReport: InspectionReport | null;
      /** Keep the parsed plan in the result: only the html formatter needs it, and it is most of the memory. */
      keepPlan: boolean;
    }
  | { command: 'convert'; format: ModelFormat };

/**
 * One file to process. Its bytes come with it when the CLI has read them: standard input, which a worker cannot
 * read, and a single input, which the CLI looks at to choose where to read it (batch.ts).
 */
export interface Task {
  entry: InputEntry;
  bytes?: Uint8Array;
  /** This file's rule settings (from its own config), in place of the setup's. */
  settings?: ReadonlyMap<string, RuleSetting>;
}

/** How much of a plan was read, for the summary line. */
export interface Counts {
  recommendations: number;
  actions: number;
}

/** What became of one file: its one-line fatal reason, its findings, or its serialized model. */
export type TaskResult =
  | { kind: 'fatal'; path: string; fatal: string; stack?: string; /** The file holds no action-plan table. */ noPlan?: boolean }
  | { kind: 'validated'; result: FileResult; counts: Counts }
  | { kind: 'converted'; path: string; text: string; counts: Counts };

// Test hook, for the --timeout tests only: hang on the file of this base name, synchronously as a runaway loop
// would, but asleep rather than spinning, so as not to take a busy machine's core. Short waits, so that a time
// limit run in this process (util/time-limit.ts) can stop it between two; a worker process is killed.
const TEST_HANG_ON = process.env.PLANCHECK_TEST_HANG_ON;
const hangIfTested = (path: string): void => {
  if (TEST_HANG_ON === undefined || basename(path) !== TEST_HANG_ON) return;
  const cell = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(cell, 0, 0, 50);
};

/**
 * Read one file and check or serialize it; never throws, so one bad file never stops the others. The reading of
 * a text export or an HTML page and the rules run through `limit`; when its time is up, the file's reason says so.
 */
export async function runTask(setup: TaskSetup, rules: readonly AnyRule[], task: Task, limit: Limit = unlimited): Promise<TaskResult> {
  const { entry } = task;
  try {
    if (TEST_HANG_ON !== undefined) limit(() => hangIfTested(entry.path));
    const loaded = await loadInput(entry, { stdin: undefined }, { bytes: task.bytes, limit });
    if ('fatal' in loaded) return { kind: 'fatal', path: loaded.path, fatal: loaded.fatal, stack: loaded.stack, noPlan: loaded.noPlan };
    const { document, sourceMap } = loaded.parsed;
    const counts = countsOf(document);
    if (setup.command === 'convert') {
      return { kind: 'converted', path: entry.path, text: await serializeModel(document, setup.format), counts };
    }
    const findings = limit(() => runRules(document, sourceMap, { rules, settings: task.settings ?? setup.settings, inspectionReport: setup.inspectionReport }));
    const errorCount = findings.filter((f) => f.severity === 'error').length;
    const result: FileResult = {
      path: entry.path,
      fatal: null,
      plan: setup.keepPlan ? document : null,
      findings,
      errorCount,
      warningCount: findings.length - errorCount,
      notes: readingNotes(document),
      counts,
    };
    return { kind: 'validated', result, counts };
  } catch (err) {
    if (err instanceof TimeLimitError) return { kind: 'fatal', path: entry.path, fatal: err.message };
    const message = err instanceof Error ? err.message : String(err);
    return { kind: 'fatal', path: entry.path, fatal: `internal error: ${message.split('\n')[0] ?? ''}`, stack: err instanceof Error ? err.stack : undefined };
  }
}

function countsOf(doc: PlanDocument): Counts {
  return { recommendations: doc.recommendations.length, actions: doc.recommendations.reduce((n, r) => n + r.actions.length, 0) };
}
