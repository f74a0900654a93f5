import type { InspectionReport } from '../model/inspection-report.js';
import type { ReadInput } from '../read/index.js';
import { rules } from '../rules/index.js';
import type { AnyRule } from '../rules/types.js';

/** Reads the inspection report given with `--report`; throws a ReadError when it cannot. */
export type InspectionReportLoader = (input: ReadInput) => Promise<InspectionReport>;

/** The parts of plancheck the CLI is wired to, replaceable in tests. */
export interface CliServices {
  /** Every rule, in the order `plancheck rules` lists them. */
  rules: readonly AnyRule[];
  /** How `--report FILE` is read. While it is absent, `--report` is a usage error. */
  loadInspectionReport?: InspectionReportLoader;
}

/** What the installed CLI runs with. */
export const defaultServices: CliServices = {
  rules,
  loadInspectionReport: async (input) => (await import('../read/inspection-report/index.js')).readInspectionReport(input),
};
