import type { InspectionReport } from '../../model/inspection-report.js';
import type { PlanDocument } from '../../model/plan.js';
import type { FileResult } from '../../model/result.js';
import { runRules } from '../../rules/engine.js';
import { readingNotes } from '../../rules/notes.js';
import type { RuleSetting } from '../../rules/settings.js';
import type { AnyRule } from '../../rules/types.js';
import type { InputEntry } from '../inputs.js';
import { loadInput } from '../load.js';
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

/** One file to process; standard input arrives already read, since a worker cannot read the parent's stdin. */
export interface Task {
  entry: InputEntry;
  stdin?: Uint8Array;
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

/** Read one file and check or serialize it; never throws, so one bad file never stops the others. */
export async function runTask(setup: TaskSetup, rules: readonly AnyRule[], task: Task): Promise<TaskResult> {
  const { entry } = task;
  try {
    const loaded = await loadInput(entry, { stdin: task.stdin === undefined ? undefined : once(task.stdin) });
    if ('fatal' in loaded) return { kind: 'fatal', path: loaded.path, fatal: loaded.fatal, stack: loaded.stack, noPlan: loaded.noPlan };
    const { document, sourceMap } = loaded.parsed;
    const counts = countsOf(document);
    if (setup.command === 'convert') {
      return { kind: 'converted', path: entry.path, text: await serializeModel(document, setup.format), counts };
    }
    const findings = runRules(document, sourceMap, { rules, settings: task.settings ?? setup.settings, inspectionReport: setup.inspectionReport });
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
    const message = err instanceof Error ? err.message : String(err);
    return { kind: 'fatal', path: entry.path, fatal: `internal error: ${message.split('\n')[0] ?? ''}`, stack: err instanceof Error ? err.stack : undefined };
  }
}

function countsOf(doc: PlanDocument): Counts {
  return { recommendations: doc.recommendations.length, actions: doc.recommendations.reduce((n, r) => n + r.actions.length, 0) };
}

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}
