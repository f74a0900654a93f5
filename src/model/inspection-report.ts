/** A recommendation of an inspection report: its number as printed, who it is addressed to, its words. */
export interface ReportRecommendation {
  number: string | null;
  addressee: string | null;
  text: string;
}

/**
 * An inspection report as plancheck reads it (`--report`): where it came from and its recommendations in
 * order. The reader makes it, the CLI hands it to the rules, and report-coverage compares the plan with it.
 */
export interface InspectionReport {
  path: string;
  recommendations: ReportRecommendation[];
}
