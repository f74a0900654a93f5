import type { Location, PlanDocument } from './plan.js';

/** The levels a rule can be set to, in config and in `--rule`: off disables the rule. */
export const RULE_LEVELS = ['off', 'warn', 'error'] as const;

/** A configured rule level. */
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** How seriously a finding counts: errors fail the run, warnings count against --max-warnings. */
export type Severity = Exclude<RuleLevel, 'off'>;

/** One problem a rule found, placed in the model and in the source document. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The rec number, or null for plan-level findings. */
  recommendation: string | null;
  /** 1-based index of the action inside the recommendation, or null. */
  action: number | null;
  location: Location;
  /** Path into the model, such as recommendations[3].actions[1].owner. */
  path: string;
  /** The inspection report's number of the recommendation the finding is about (report-coverage), when there is one. */
  reportRecommendation?: string | null;
}

/**
 * A repair the reader made to the document (a number inferred from order, a footer dropped from the table),
 * shown apart from the findings: it is not a problem of the plan, and never counts as an error or a warning.
 */
export interface ReadingNote {
  /** The diagnostic's code, such as `number-inferred`, or null when it has none. */
  code: string | null;
  message: string;
  /** The rec number of the recommendation the repair concerns, or null. */
  recommendation: string | null;
  location: Location;
}

/** The path a result read from standard input (`-`) has, for every formatter and the CLI alike. */
export const STDIN_NAME = '<stdin>';

/** What plancheck concluded about one input file. */
export interface FileResult {
  /** The input as shown to the user, relative to the working directory, or STDIN_NAME. */
  path: string;
  /** The one-line reason the file could not be read, or null. */
  fatal: string | null;
  plan: PlanDocument | null;
  findings: Finding[];
  errorCount: number;
  warningCount: number;
  /** The reader's repairs, in document order; absent when the file was not read, empty under --quiet. */
  notes?: ReadingNote[];
  /** How much of the plan was read, for formats that say so of a clean plan; absent when it was not read. */
  counts?: { recommendations: number; actions: number };
}
