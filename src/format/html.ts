import path from 'node:path';
import type { PlanDocument } from '../model/plan.js';
import { STDIN_NAME, type FileResult, type ReadingNote } from '../model/result.js';
import { css } from './html/css.js';
import { attr, esc } from './html/escape.js';
import { findingsBeside, findingsTable, summary, type FindingView } from './html/findings.js';
import { placeFindings, planId } from './html/place.js';
import { filterScript, filterScriptCsp } from './html/script.js';
import { planTable } from './html/table.js';
import { formatName, locationText, longDate, longTimestamp } from './html/text.js';
import { countProblems, notesOf } from './common/counts.js';
import { plural } from '../util/plural.js';

/** What the HTML report needs besides the results. */
export interface HtmlOptions {
  /** File paths are shown relative to this directory. */
  cwd: string;
  /** When the report was made (ISO timestamp); shown in the header, left out when absent so output is reproducible. */
  generatedAt?: string;
  /** Base of the rule docs: rule ids link to `<docsBaseUri>/<rule-id>.md`. No links when absent. */
  docsBaseUri?: string;
}

/**
 * One self-contained HTML page: a section per file with its metadata, a summary by severity and by rule, the
 * findings list, the plan's table with every finding beside the row and action it concerns, and the reader's
 * repairs as reading notes apart from the findings. Nothing is
 * fetched from the network and every piece of document text is escaped.
 */
export function formatHtml(results: FileResult[], options: HtmlOptions): string {
  const { errors, warnings, unreadable: fatal } = countProblems(results);
  const titles = results.map(fileTitle);
  const heading = results.length === 1 ? `Action plan check: ${titles[0] ?? ''}` : `Action plan check: ${plural(results.length, 'plan')}`;
  const totals = [plural(errors, 'error'), plural(warnings, 'warning')];
  if (fatal > 0) totals.push(`${plural(fatal, 'file')} could not be read`);
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src ${filterScriptCsp}; img-src data:; base-uri 'none'; form-action 'none'`;

  const sections = results.map((r, i) => fileSection(r, i, results.length, titles[i] ?? r.path, options));
  const body = results.length === 0 ? '<p>No files were checked.</p>' : sections.join('\n');
  return `<!doctype html>
<html lang="en-GB" data-show="all">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy"${attr('content', csp)}>
<meta name="generator" content="plancheck">
<title>${esc(`${heading} — ${totals.join(', ')}`)}</title>
<style>${css}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the findings</a>
<header class="banner"><div class="wrap">
<p class="brand">plancheck report</p>
<h1>${esc(heading)}</h1>
<p class="totals"><strong>${esc(totals.join(' · '))}</strong> found by checking each action plan against the rules of the HMPPS action plan template</p>
${options.generatedAt ? `<p class="generated">Generated <time${attr('datetime', options.generatedAt)}>${esc(longTimestamp(options.generatedAt))}</time></p>` : ''}
</div></header>
${results.length > 1 ? fileNav(results, titles) : ''}
${filterForm(errors, warnings)}
<main id="main" tabindex="-1"><div class="wrap">
${body}
</div></main>
<footer class="foot"><div class="wrap"><p>Made by plancheck from the documents as read. Check a finding against the document itself before acting on it: the location shown with each finding says where to look.</p></div></footer>
<script>${filterScript}</script>
</body>
</html>
`;
}

function fileTitle(r: FileResult): string {
  return r.plan?.plan.title ?? path.basename(r.path);
}

function displayPath(p: string, cwd: string): string {
  if (p === STDIN_NAME) return 'standard input';
  const rel = path.relative(cwd, path.resolve(cwd, p));
  return rel === '' ? p : rel;
}

function fileNav(results: FileResult[], titles: string[]): string {
  const items = results.map((r, i) => {
    const state = r.fatal !== null ? 'could not be read' : `${plural(r.errorCount, 'error')}, ${plural(r.warningCount, 'warning')}`;
    return `<li><a${attr('href', `#f${i + 1}`)}>${esc(titles[i] ?? r.path)}</a> — ${esc(state)}</li>`;
  });
  return `<nav class="files" aria-labelledby="files-h"><div class="wrap"><p class="nav-title" id="files-h">Plans in this report</p><ol>${items.join('')}</ol></div></nav>`;
}

function filterForm(errors: number, warnings: number): string {
  const option = (value: string, label: string, checked = false): string =>
    `<label><input type="radio" name="severity"${attr('value', value)}${checked ? ' checked' : ''}>${esc(label)}</label>`;
  return (
    `<form class="filter" id="severity-filter" hidden${attr('data-errors', errors)}${attr('data-warnings', warnings)}><div class="wrap">` +
    '<fieldset><legend>Show</legend>' +
    option('all', `All findings (${errors + warnings})`, true) +
    option('error', `Errors only (${errors})`) +
    option('warn', `Warnings only (${warnings})`) +
    '</fieldset>' +
    `<p class="status" id="filter-status" role="status" aria-live="polite">${esc(`Showing all ${plural(errors + warnings, 'finding')}`)}</p>` +
    '</div></form>'
  );
}

function fileSection(r: FileResult, index: number, total: number, title: string, options: HtmlOptions): string {
  const fileId = `f${index + 1}`;
  const kicker = `${r.plan ? 'Action plan' : 'File'}${total > 1 ? ` ${index + 1} of ${total}` : ''}`;
  const shownPath = displayPath(r.path, options.cwd);
  const open = `<section class="file"${attr('id', fileId)}${attr('aria-labelledby', `${fileId}-h`)}>`;
  const h2 = `<p class="kicker">${esc(kicker)}</p><h2${attr('id', `${fileId}-h`)}>${esc(title)}</h2>`;
  if (r.fatal !== null || !r.plan) {
    return (
      `${open}${h2}<div class="fatal" role="note"><p><strong>This file could not be read, so it was not checked.</strong></p>` +
      `<p>Reason: ${esc(r.fatal ?? 'no plan was read from it')}</p><p>File: <span class="path">${esc(shownPath)}</span></p></div></section>`
    );
  }
  const doc = r.plan;
  const placement = placeFindings(doc, r.findings);
  const view: FindingView = { fileId, doc, docsBaseUri: options.docsBaseUri };
  const parts = [open, h2, metadata(doc, shownPath), summary(r.findings, view, title)];
  if (r.findings.length === 0) {
    parts.push('<p class="clean">No problems found: every rule passed for this plan.</p>');
  } else {
    parts.push(`<h3${attr('id', `${fileId}-list`)}>Findings</h3>`, findingsTable(placement.all, view, title));
  }
  if (placement.plan.length > 0) {
    parts.push(
      `<div class="plan-level"${attr('id', planId(fileId))} tabindex="-1"><h3>Findings about the plan as a whole</h3>` +
        `${findingsBeside(placement.plan, view)}</div>`,
    );
  }
  parts.push(`<h3${attr('id', `${fileId}-table`)}>The plan’s table</h3>`);
  parts.push(
    doc.recommendations.length === 0
      ? '<p class="none">No recommendation rows were found in this document.</p>'
      : planTable(doc.recommendations, placement, view, title),
  );
  parts.push(readingNotes(notesOf(r), fileId), '</section>');
  return parts.join('\n');
}

function metadata(doc: PlanDocument, shownPath: string): string {
  const { plan, source } = doc;
  const date = (iso: string | null): string =>
    iso ? `<time${attr('datetime', iso)}>${esc(longDate(iso))}</time>` : '<span class="none">not found in the document</span>';
  const pages = source.pages ? `, ${plural(source.pages, 'page')}` : '';
  const item = (term: string, value: string): string => `<div><dt>${esc(term)}</dt><dd>${value}</dd></div>`;
  return (
    (plan.inspection ? `<p class="inspection">${esc(`Response to the HMI Probation inspection of ${plan.inspection}`)}</p>` : '') +
    '<dl class="meta">' +
    item('Action plan submitted', date(plan.submitted)) +
    item('Inspection report published', date(plan.reportPublished)) +
    item('Recommendations', esc(String(doc.recommendations.length))) +
    item('Source', `<span class="path">${esc(shownPath)}</span> (${esc(formatName(source.format) + pages)})`) +
    '</dl>'
  );
}

/**
 * The reader's repairs, apart from the findings and in none of the counts: real plans are messy, and these are the
 * places where numbers were inferred, rows joined or lines dropped.
 */
function readingNotes(notes: readonly ReadingNote[], fileId: string): string {
  if (notes.length === 0) return '';
  const items = notes.map((n) => {
    const meta = [locationText(n.location), n.code ?? ''].filter(Boolean).join(' · ');
    return `<li>${esc(n.message)}${meta ? ` <span class="meta-line">${esc(meta)}</span>` : ''}</li>`;
  });
  return (
    `<section class="reading-notes"${attr('aria-labelledby', `${fileId}-notes-h`)}><h3${attr('id', `${fileId}-notes-h`)}>${esc(`Reading notes (${notes.length})`)}</h3>` +
    '<p>How plancheck repaired this document while reading it. These are not problems of the plan and are not counted among the findings; worth a glance if a row above looks wrong.</p>' +
    `<ul>${items.join('')}</ul></section>`
  );
}
