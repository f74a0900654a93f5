import type { FileResult, Severity } from '../model/result.js';

/** How much colour a formatter may use: 0 none, 1 the 16 basic colours, 2 256 colours, 3 truecolor (chalk's levels). */
export type ColorLevel = 0 | 1 | 2 | 3;

/** What a formatter may say about a rule: for SARIF rule descriptors, links to the rule's docs page. */
export interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** The rule's docs page relative to the package root: `docs/rules/<id>.md`. */
  docs: string;
}

/** What the CLI tells every `validate` formatter besides the results. */
export interface FormatOptions {
  /** Directory the run started in; result paths are already relative to it. */
  cwd: string;
  /** Colour level decided once by the CLI; formatters never look at the terminal themselves. */
  color: ColorLevel;
  /** Every known rule, in registry order. */
  rules: readonly RuleInfo[];
  /** When the run happened (ISO timestamp), for formats that record it. */
  generatedAt?: string;
  /** `--quiet`: errors only, so a plan with warnings alone is not to be called clean. */
  quiet?: boolean;
}

/** A `validate` formatter: a pure function from results to the text the CLI prints. */
export type Formatter = (results: FileResult[], options: FormatOptions) => string;
