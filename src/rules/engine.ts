import type { Location, PlanDocument } from '../model/plan.js';
import { formatPath, parsePath, pathPrefixes } from '../model/path.js';
import type { Finding, RuleLevel, Severity } from '../model/result.js';
import type { SourceMap } from '../model/source-map.js';
import type { AnyRule, RuleContext, RuleReport } from './types.js';

/** A rule's configured level and its options, already validated against the rule's schema. */
export interface RuleSetting {
  level: RuleLevel;
  options: unknown;
}

/** What the engine needs besides the plan. */
export interface EngineOptions {
  rules: readonly AnyRule[];
  settings: ReadonlyMap<string, RuleSetting>;
  inspectionReport?: RuleContext<unknown>['inspectionReport'];
}

/** What a rule runs with when no config gives it options. */
export function defaultOptions(rule: AnyRule): unknown {
  return rule.options?.defaults ?? {};
}

/** Run every enabled rule on one plan and return its findings in document order. */
export function runRules(doc: PlanDocument, sourceMap: SourceMap, opts: EngineOptions): Finding[] {
  const findings: Finding[] = [];
  for (const rule of opts.rules) {
    const setting = opts.settings.get(rule.id);
    const level = setting?.level ?? rule.defaultSeverity;
    if (level === 'off') continue;
    const options = setting ? setting.options : defaultOptions(rule);
    const report = (r: RuleReport): void => {
      findings.push(toFinding(doc, sourceMap, rule.id, level, r));
    };
    try {
      rule.check(doc, { options, inspectionReport: opts.inspectionReport ?? null, report });
    } catch (err) {
      // A broken rule must not take the whole run down: it becomes a finding of its own.
      const reason = err instanceof Error ? err.message : String(err);
      findings.push(toFinding(doc, sourceMap, rule.id, 'error', { message: `Rule failed: ${reason}`, path: '' }));
    }
  }
  return findings.sort(compareFindings);
}

function toFinding(doc: PlanDocument, sourceMap: SourceMap, ruleId: string, severity: Severity, r: RuleReport): Finding {
  const segments = typeof r.path === 'string' ? parsePath(r.path) : [...r.path];
  let recommendation: string | null = null;
  let action: number | null = null;
  if (segments[0] === 'recommendations' && typeof segments[1] === 'number') {
    recommendation = doc.recommendations[segments[1]]?.number ?? null;
    if (segments[2] === 'actions' && typeof segments[3] === 'number') action = segments[3] + 1;
  }
  const finding: Finding = {
    ruleId,
    // A report may ask for the milder tier; it can lower the configured level, never raise it.
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

function position(loc: Location): number {
  return loc.page ?? loc.line ?? loc.row ?? 0;
}

function compareFindings(a: Finding, b: Finding): number {
  return position(a.location) - position(b.location) || a.path.localeCompare(b.path, 'en', { numeric: true }) || a.ruleId.localeCompare(b.ruleId);
}
