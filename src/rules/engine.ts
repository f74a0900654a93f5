import type { Location, PlanDocument } from '../model/plan.js';
import { formatPath, parsePath, pathPrefixes } from '../model/path.js';
import type { Finding, Severity } from '../model/result.js';
import type { SourceMap } from '../model/source-map.js';
import { defaultSetting, type RuleSetting } from './settings.js';
import type { AnyRule, Problem, RuleContext } from './types.js';
import { compareNatural } from '../util/natural-order.js';

/** What the engine needs besides the plan. */
export interface EngineOptions {
  rules: readonly AnyRule[];
  /** Each rule's setting; a rule not in the map runs with its defaults. */
  settings: ReadonlyMap<string, RuleSetting>;
  inspectionReport?: RuleContext<unknown>['inspectionReport'];
}

/** Run every enabled rule on one plan and return its findings in document order. */
export function runRules(doc: PlanDocument, sourceMap: SourceMap, opts: EngineOptions): Finding[] {
  const findings: Finding[] = [];
  for (const rule of opts.rules) {
    const { level, options } = opts.settings.get(rule.id) ?? defaultSetting(rule);
    if (level === 'off') continue;
    const found = (p: Problem): void => {
      findings.push(toFinding(doc, sourceMap, rule.id, level, p));
    };
    try {
      rule.check(doc, { options, inspectionReport: opts.inspectionReport ?? null, found });
    } catch (err) {
      // A broken rule must not take the whole run down: it becomes a finding of its own.
      const reason = err instanceof Error ? err.message : String(err);
      findings.push(toFinding(doc, sourceMap, rule.id, 'error', { message: `Rule failed: ${reason}`, path: '' }));
    }
  }
  return findings.sort(compareFindings);
}

function toFinding(doc: PlanDocument, sourceMap: SourceMap, ruleId: string, severity: Severity, r: Problem): Finding {
  const segments = typeof r.path === 'string' ? parsePath(r.path) : [...r.path];
  let recommendation: string | null = null;
  let action: number | null = null;
  if (segments[0] === 'recommendations' && typeof segments[1] === 'number') {
    recommendation = doc.recommendations[segments[1]]?.number ?? null;
    if (segments[2] === 'actions' && typeof segments[3] === 'number') action = segments[3] + 1;
  }
  const finding: Finding = {
    ruleId,
    // A problem may ask for the milder tier; it can lower the configured level, never raise it.
    severity: r.severity === 'warn' ? 'warn' : severity,
    message: r.message,
    recommendation,
    action,
    location: locate(doc, sourceMap, segments),
    path: formatPath(segments),
  };
  if (r.reportRecommendation !== undefined) finding.reportRecommendation = r.reportRecommendation;
  return finding;
}

/** The most precise known location of a model path: the source map first, then the nearest model location. */
export function locate(doc: PlanDocument, sourceMap: SourceMap, segments: ReadonlyArray<string | number>): Location {
  for (const prefix of pathPrefixes(segments)) {
    const hit = sourceMap.get(prefix);
    if (hit) return hit;
  }
  if (segments[0] === 'recommendations' && typeof segments[1] === 'number') {
    const rec = doc.recommendations[segments[1]];
    if (rec) {
      if (segments[2] === 'actions' && typeof segments[3] === 'number') {
        const act = rec.actions[segments[3]];
        if (act) return act.location;
      }
      return rec.location;
    }
  }
  // A finding about a reader's diagnostic (a rule that reports what the reader could not do) is where it is.
  if (segments[0] === 'diagnostics' && typeof segments[1] === 'number') return doc.diagnostics[segments[1]]?.location ?? {};
  return {};
}

/** Where a location falls in the document, to put findings and notes in document order. */
export function position(loc: Location): number {
  return loc.page ?? loc.line ?? loc.row ?? 0;
}

/** Findings in document order; at one place, by path (recommendations[2] before recommendations[10]), then by rule. */
function compareFindings(a: Finding, b: Finding): number {
  return position(a.location) - position(b.location) || compareNatural(a.path, b.path) || compareNatural(a.ruleId, b.ruleId);
}
