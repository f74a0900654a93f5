import type { PlanDocument, Recommendation } from '../../model/plan.js';
import { parsePath } from '../../model/path.js';
import type { Finding, Severity } from '../../model/result.js';

/** A finding with the place in the page it belongs to. */
export interface PlacedFinding {
  finding: Finding;
  /** 1-based order of the finding in its file, for its own id. */
  n: number;
  /** 0-based index of the recommendation in the model, or null for a plan-level finding. */
  rec: number | null;
  /** 0-based index of the action inside the recommendation, or null. */
  action: number | null;
  /** The field the finding points at (`owner`, `due`, `agreement` …), or null for the whole row. */
  field: string | null;
}

/** A file's findings sorted into the plan, its recommendations and their actions. */
export interface Placement {
  all: PlacedFinding[];
  plan: PlacedFinding[];
  /** Recommendation-level findings, keyed by recommendation index. */
  recs: Map<number, PlacedFinding[]>;
  /** Action-level findings, keyed by `rec:action` indexes. */
  actions: Map<string, PlacedFinding[]>;
}

/** The anchor id of a recommendation's rows: ids count rows of the table from 1, whatever the rec is numbered. */
export function recId(fileId: string, rec: number): string {
  return `${fileId}-rec-${rec + 1}`;
}

/** The anchor id of one action's row. */
export function actionId(fileId: string, rec: number, action: number): string {
  return `${recId(fileId, rec)}-action-${action + 1}`;
}

/** The anchor id of the plan-level findings section. */
export function planId(fileId: string): string {
  return `${fileId}-plan`;
}

/** Where a placed finding's link goes. */
export function targetId(fileId: string, pf: PlacedFinding): string {
  if (pf.rec === null) return planId(fileId);
  return pf.action === null ? recId(fileId, pf.rec) : actionId(fileId, pf.rec, pf.action);
}

/** `Rec 4`, `Rec 4, action 2`, `Row 5 (no rec number)`, or `Whole plan`, for the list of findings. */
export function placeLabel(doc: PlanDocument | null, pf: PlacedFinding): string {
  if (pf.rec === null) return 'Whole plan';
  const rec = doc?.recommendations[pf.rec];
  const head = recLabel(rec, pf.rec);
  return pf.action === null ? head : `${head}, action ${pf.action + 1}`;
}

/** `Rec 4`, or the row's position when the document gives no number. */
export function recLabel(rec: Recommendation | undefined, index: number): string {
  return rec?.number ? `Rec ${rec.number}` : `Row ${index + 1} (no rec number)`;
}

/**
 * Sort findings by the model path they point at; a finding without a usable path falls back to its rec number and
 * action index, and otherwise counts as plan-level.
 */
export function placeFindings(doc: PlanDocument | null, findings: readonly Finding[]): Placement {
  const placement: Placement = { all: [], plan: [], recs: new Map(), actions: new Map() };
  findings.forEach((finding, i) => {
    const pf = locate(doc, finding, i + 1);
    placement.all.push(pf);
    if (pf.rec === null) placement.plan.push(pf);
    else if (pf.action === null) push(placement.recs, pf.rec, pf);
    else push(placement.actions, `${pf.rec}:${pf.action}`, pf);
  });
  return placement;
}

function locate(doc: PlanDocument | null, finding: Finding, n: number): PlacedFinding {
  const none: PlacedFinding = { finding, n, rec: null, action: null, field: null };
  if (!doc) return none;
  const seg = parsePath(finding.path);
  if (seg[0] === 'recommendations' && typeof seg[1] === 'number') {
    const rec = doc.recommendations[seg[1]];
    if (!rec) return none;
    if (seg[2] === 'actions' && typeof seg[3] === 'number' && rec.actions[seg[3]]) {
      return { finding, n, rec: seg[1], action: seg[3], field: typeof seg[4] === 'string' ? seg[4] : null };
    }
    return { finding, n, rec: seg[1], action: null, field: typeof seg[2] === 'string' ? seg[2] : null };
  }
  if (finding.recommendation === null) return none;
  const index = doc.recommendations.findIndex((r) => r.number === finding.recommendation);
  if (index < 0) return none;
  const action = finding.action !== null && doc.recommendations[index]?.actions[finding.action - 1] ? finding.action - 1 : null;
  return { finding, n, rec: index, action, field: null };
}

function push<K>(map: Map<K, PlacedFinding[]>, key: K, pf: PlacedFinding): void {
  const list = map.get(key);
  if (list) list.push(pf);
  else map.set(key, [pf]);
}

/** The severities present in a list of findings, as the classes that highlight a cell or row. */
export function hitClasses(list: readonly PlacedFinding[] | undefined, prefix: 'hit' | 'flag'): string[] {
  const seen = new Set<Severity>((list ?? []).map((pf) => pf.finding.severity));
  return (['error', 'warn'] as const).filter((s) => seen.has(s)).map((s) => `${prefix}-${s}`);
}
