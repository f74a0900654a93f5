import type { z } from 'zod';
import type { InspectionReport } from '../model/inspection-report.js';
import type { PlanDocument } from '../model/plan.js';
import type { Severity } from '../model/result.js';

/** What a rule says about one problem it found: the message and where in the model it is. */
export interface Problem {
  message: string;
  /**
   * Path into the model: `recommendations[3].actions[1].owner`, or as segments
   * `['recommendations', 3, 'actions', 1, 'owner']`. The engine turns it into the rec number, the action
   * index and the document location.
   */
  path: string | ReadonlyArray<string | number>;
  /**
   * For a finding about a recommendation of the inspection report: that recommendation's number as the report
   * gives it (null when it has none), so that scripts need not read it out of the message.
   */
  reportRecommendation?: string | null;
  /**
   * 'warn' asks for this one problem to count as a warning even when the rule is configured as an error: the
   * milder tier of a rule that has two. The configured level still caps it; a rule never raises its own severity.
   */
  severity?: 'warn';
}

/**
 * Everything a rule may look at besides the plan, and the one way it speaks: `found`. (ESLint calls it
 * `context.report`; here "report" names the inspection report alone, as `--report` and `inspectionReport` do.)
 */
export interface RuleContext<Options> {
  options: Options;
  /** The inspection report's recommendations, when `--report` was given. */
  inspectionReport: InspectionReport | null;
  /** Record a problem; the engine makes it a finding with the rule id, the configured severity and the location. */
  found(problem: Problem): void;
}

/**
 * A rule's options: what it runs with when configuration gives none, and the schema that checks and
 * defaults the options a configuration gives. The schema is built from zod, passed in, so that runs with no
 * configured options never load zod (about 60 ms of start-up).
 */
export interface RuleOptions<Options> {
  defaults: Options;
  schema(zod: typeof z): z.ZodType<Options>;
}

/** One lint rule: data about it plus a check that only says what it found. */
export interface Rule<Options = Record<string, never>> {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** The options the rule takes; absent when it takes none. */
  options?: RuleOptions<Options>;
  check(doc: PlanDocument, ctx: RuleContext<Options>): void;
}

/** A rule of any option type, as the registry holds it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;
