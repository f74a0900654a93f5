import type { Action, Diagnostic, Due, PlanDocument, Recommendation } from '../../src/model/plan.js';

/** A target date: `due('June 2019', '2019-06')` is planned; give the status for anything else. */
export function due(raw: string, date: string | null = null, status: Due['status'] = date ? 'planned' : 'unknown'): Due {
  return { raw, date, status };
}

/** An action that passes every rule unless overridden: an owner, a date in June 2019, firm wording. */
export function action(overrides: Partial<Action> = {}): Action {
  return {
    text: 'Deliver briefings to all practitioners on the new guidance',
    owner: 'Head of Public Protection',
    due: due('June 2019', '2019-06'),
    location: {},
    ...overrides,
  };
}

/** A recommendation that passes every rule unless overridden: numbered, Agreed, with one good action. */
export function rec(overrides: Partial<Recommendation> = {}): Recommendation {
  return {
    number: '1',
    refs: [],
    addressee: null,
    text: 'The division should ensure that risk assessments are completed on time',
    agreement: 'agreed',
    agreementRaw: 'Agreed',
    response: 'Agreed. Briefings will be delivered to all practitioners.',
    actions: [action()],
    reading: { strategy: 'paragraph', owners: 'one-to-one', dates: 'one-to-one' },
    location: {},
    ...overrides,
  };
}

/** Recommendations numbered 1, 2, 3 … in order, each otherwise as `rec()` gives it, with `overrides[i]` applied. */
export function recs(count: number, overrides: Record<number, Partial<Recommendation>> = {}): Recommendation[] {
  return Array.from({ length: count }, (_, i) => rec({ number: String(i + 1), ...overrides[i] }));
}

/** What `plan()` may override: the header, the rows and the reader's diagnostics. */
export interface PlanOverrides {
  plan?: Partial<PlanDocument['plan']>;
  recommendations?: Recommendation[];
  diagnostics?: Diagnostic[];
}

/** A whole plan document, submitted 30 May 2019, with one good recommendation unless overridden. */
export function plan(overrides: PlanOverrides = {}): PlanDocument {
  return {
    schemaVersion: 1,
    source: { path: 'plan.txt', format: 'text', sha256: '0'.repeat(64), pages: null },
    plan: {
      title: 'London NPS',
      inspection: 'National Probation Service, London Division',
      submitted: '2019-05-30',
      reportPublished: '2019-05-22',
      ...overrides.plan,
    },
    recommendations: overrides.recommendations ?? [rec()],
    diagnostics: overrides.diagnostics ?? [],
  };
}

/** A reader diagnostic about one recommendation, with the structured facts it carries when given. */
export function diagnostic(code: string, recIndex: number, message: string, data?: Record<string, unknown>): Diagnostic {
  return { code, path: `recommendations[${recIndex}]`, message, location: {}, ...(data ? { data } : {}) };
}
