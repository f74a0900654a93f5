import type { PlanDocument } from '../../model/plan.js';
import type { Finding, Severity } from '../../model/result.js';
import { ruleDocsUri } from '../common/docs-url.js';
import { attr, esc } from './escape.js';
import { placeLabel, targetId, type PlacedFinding } from './place.js';
import { locationText, severityLabel } from './text.js';
import { plural } from '../../util/plural.js';
import { compareNatural } from '../../util/natural-order.js';

const ICONS: Record<Severity, string> = {
  error:
    '<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="6.75" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M5.5 5.5l5 5M10.5 5.5l-5 5" stroke="currentColor" stroke-width="1.75" stroke-linecap="round"/></svg>',
  warn:
    '<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 1.75L15 14.25H1z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/><path d="M8 6.25v3.5" stroke="currentColor" stroke-width="1.75" stroke-linecap="round"/><circle cx="8" cy="11.9" r="1" fill="currentColor"/></svg>',
};

/** Options the finding renderers share. */
export interface FindingView {
  fileId: string;
  doc: PlanDocument | null;
  docsBaseUri: string | undefined;
}

/** A severity as an icon and a word, so colour is never the only cue. */
export function badge(severity: Severity): string {
  return `<span class="badge sev-${severity}">${ICONS[severity]}${severityLabel(severity)}</span>`;
}

/** The rule id, linked to its documentation page when a docs base was given. */
export function ruleRef(ruleId: string, docsBaseUri: string | undefined): string {
  if (!docsBaseUri || /^\s*(javascript|data|vbscript):/i.test(docsBaseUri)) return esc(ruleId);
  return `<a${attr('href', ruleDocsUri(ruleId, docsBaseUri))}>${esc(ruleId)}</a>`;
}

/** The findings that sit beside a row, action or the plan itself. */
export function findingsBeside(list: readonly PlacedFinding[] | undefined, view: FindingView): string {
  if (!list || list.length === 0) return '';
  const items = list.map((pf) => {
    const f = pf.finding;
    const where = locationText(f.location);
    const meta = [ruleRef(f.ruleId, view.docsBaseUri), where ? esc(where) : ''].filter(Boolean).join(' · ');
    return (
      `<li class="note finding sev-${f.severity}"${attr('id', `${view.fileId}-note-${pf.n}`)}>` +
      `${badge(f.severity)} <span class="msg">${esc(f.message)}</span> ` +
      `<span class="meta-line">${meta}</span></li>`
    );
  });
  return `<ul class="notes" aria-label="Findings">${items.join('')}</ul>`;
}

/** Every finding of a file in document order, each linking to the row or action it concerns. */
export function findingsTable(all: readonly PlacedFinding[], view: FindingView, title: string): string {
  const rows = all.map((pf) => {
    const f = pf.finding;
    return (
      `<tr class="finding sev-${f.severity}"${attr('id', `${view.fileId}-finding-${pf.n}`)}>` +
      `<td>${badge(f.severity)}</td>` +
      `<td class="where"><a${attr('href', `#${targetId(view.fileId, pf)}`)}>${esc(placeLabel(view.doc, pf))}</a></td>` +
      `<td>${esc(f.message)}</td>` +
      `<td class="rule">${ruleRef(f.ruleId, view.docsBaseUri)}</td>` +
      `<td class="loc">${esc(locationText(f.location)) || '<span class="none">unknown</span>'}</td></tr>`
    );
  });
  return (
    `<table class="findings"><caption>${esc(`${plural(all.length, 'finding')} in ${title}, in document order. ` +
      'Each link goes to the row or action the finding concerns.')}</caption>` +
    '<thead><tr><th scope="col">Severity</th><th scope="col">Where</th><th scope="col">What is wrong</th>' +
    '<th scope="col">Rule</th><th scope="col">In the document</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

/** Counts by severity as tiles, and by rule as a small table. */
export function summary(findings: readonly Finding[], view: FindingView, title: string): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const tiles =
    findings.length === 0
      ? `<li class="tile ok"><span class="n">0</span> findings</li>`
      : `<li class="tile sev-error"><span class="n">${errors}</span> ${errors === 1 ? 'Error' : 'Errors'}</li>` +
        `<li class="tile sev-warn"><span class="n">${warnings}</span> ${warnings === 1 ? 'Warning' : 'Warnings'}</li>`;
  const byRule = new Map<string, { error: number; warn: number }>();
  for (const f of findings) {
    const c = byRule.get(f.ruleId) ?? { error: 0, warn: 0 };
    c[f.severity]++;
    byRule.set(f.ruleId, c);
  }
  const ruleRows = [...byRule]
    .sort(([a, x], [b, y]) => y.error + y.warn - (x.error + x.warn) || compareNatural(a, b))
    .map(([id, c]) => `<tr><th scope="row">${ruleRef(id, view.docsBaseUri)}</th><td class="num">${c.error}</td><td class="num">${c.warn}</td></tr>`);
  const table =
    ruleRows.length === 0
      ? ''
      : `<table class="by-rule"><caption>${esc(`Findings by rule in ${title}`)}</caption>` +
        '<thead><tr><th scope="col">Rule</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Warnings</th></tr></thead>' +
        `<tbody>${ruleRows.join('')}</tbody></table>`;
  return `<div class="summary"><ul class="tiles" aria-label="${esc(`Findings by severity in ${title}`)}">${tiles}</ul>${table}</div>`;
}
