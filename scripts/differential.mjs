// Read plans both ways and compare: writes plans of random layout as HTML pages (cells centred or set at the top,
// portrait or landscape, 8 to 11 points, actions as paragraphs, as bullets, or as bullets under a lead paragraph with
// the owners and dates lined up by a blank paragraph, rows long enough to break over pages), prints each with
// Chromium, and reads the page and its PDF with the built CLI. The HTML reader takes the table's cells as they are,
// so where the two readings differ, the PDF reader read the page otherwise than it was written. Needs `chromium`.
// With `--via libreoffice`, LibreOffice (`soffice`) turns each page into a Word document instead and prints that, as
// a plan drafted in a word processor is published: the Word document's reading and its PDF's are both compared with
// the page's.
// `--mix` adds other ways of writing owners and dates, other column titles and widths, a heading row and tables of one
// row per action, from a generator of their own, so that a seed's plan without it is as it was.
// `--more` (with what --mix adds) adds numbered lists, recommendations not agreed with "N/A" beside them, and actions
// with no owner.
//   node scripts/differential.mjs [--from N] [--count N] [--keep DIR] [--via chromium|libreoffice] [--mix] [--more]
// Each plan comes from its number (a seed), so `--from 35 --count 1` makes plan 35 again; exits 1 if any differs.
// The pages of fixtures/make/pages/ were found so.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { from: { type: 'string', default: '1' }, count: { type: 'string', default: '20' }, keep: { type: 'string' }, via: { type: 'string', default: 'chromium' }, mix: { type: 'boolean', default: false }, more: { type: 'boolean', default: false } } });
if (!['chromium', 'libreoffice'].includes(values.via)) throw new Error(`--via: chromium or libreoffice, not ${values.via}`);
const office = values.via === 'libreoffice';
const BIN = path.join(import.meta.dirname, '../bin/plancheck.js');
const dir = values.keep ?? mkdtempSync(path.join(tmpdir(), 'plancheck-differential-'));
mkdirSync(dir, { recursive: true });

const VERBS = ['Review', 'Improve', 'Audit', 'Publish', 'Deliver', 'Train', 'Report', 'Agree', 'Monitor', 'Introduce', 'Complete', 'Share'];
const OBJECTS = ['the quality of risk assessments', 'home visit rates', 'a practice note on safeguarding', 'the induction pack for new staff', 'monthly case audits', 'the duty rota', 'training on domestic abuse', 'the referral pathway to housing', 'a joint protocol with the police', 'performance data for each team', 'the sentence plan template', 'supervision records'];
const ENDS = ['', ' for all practitioners', ' in every team', ' with partner agencies', ' and report the results to the senior leadership team', ' each quarter', ' so that managers can act on them quickly'];
const OWNERS = ['Head of PDU', 'Deputy Head of PDU', 'SPOs', 'Senior Probation Officers', 'Quality Lead', 'Business Manager', 'Learning and Development Lead', 'Performance Manager', 'Regional Safeguarding Lead', 'Team Managers', 'Head of Operations'];
const DATES = ['March 2027', '31 May 2027', '30/06/2027', 'End of July 2027', 'September 2027', 'Quarterly from April 2027', 'Ongoing', 'Complete', '1st December 2027', 'Q3 2027/28', 'January 2028'];
const RECOMMENDATIONS = ['Improve the quality of assessments of risk of serious harm', 'Make sure that home visits take place where there are safeguarding concerns', 'Strengthen joint work with children’s social care', 'Ensure that all staff receive regular supervision', 'Review the management of cases transferred from other areas', 'Provide interpreters for every appointment where one is needed', 'Improve the recording of contact with partner agencies', 'Make sure that sentence plans are completed on time'];

// With --mix: more ways of writing owners and dates, other column titles and widths, heading rows, one table row per action.
const MORE_OWNERS = ['Head of PDU and Quality Lead', 'Senior Probation Officer (Courts)', 'Interim Head of Service', 'All SPOs', 'Contract Manager, CRS', 'Head of Public Protection / Deputy Director'];
const MORE_DATES = ['w/c 7 June 2027', 'By end of Q1 2027/28', '28.02.27', 'Mar-27', 'April 2027 and then monthly', 'Completed', '31/12/27', 'Autumn 2027'];
const TITLES = [
  ['1. Rec No', '2. Recommendation', '3. Agreed/ Partly Agreed/ Not Agreed', '4. Response Action Taken/Planned', '5. Responsible Owner', '6. Target Date'],
  ['No.', 'Recommendation', 'Agreed?', 'Action', 'Owner', 'Due date'],
  ['Rec', 'HMIP recommendation', 'Agreement', 'Actions taken or planned', 'Lead', 'Timescale'],
  ['Recommendation number', 'Recommendation', 'Agreed / Partly Agreed / Not Agreed', 'Response', 'Responsible person', 'Completion date'],
];
const WIDTHS = [null, [6, 22, 10, 38, 12, 12], [4, 18, 8, 50, 10, 10], [8, 20, 12, 30, 15, 15]];

/** The layout choices --mix adds, drawn from a generator of their own so that every plan's other choices stay as they were. */
function mixOf(seed) {
  let state = (seed * 7919 + 17) % 2147483648;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  return { random, pick, titles: pick(TITLES), widths: pick(WIDTHS), heading: random() < 0.4, rowPerAction: random() < 0.35 };
}

// With --more (which implies --mix): numbered lists, recommendations not agreed with a reason and "N/A" beside it, and
// actions with no owner (a blank paragraph holding the place), from a third generator of their own.
const REASONS = ['The PDU does not hold the budget for this work.', 'This is a matter for the regional commissioning team.', 'Staffing levels do not allow a dedicated post this year.'];

/** The choices --more adds, drawn so that a seed's --mix plan is otherwise as it was. */
function moreOf(seed) {
  let state = (seed * 104729 + 31) % 2147483648;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return { random, numbered: random() < 0.4 };
}

/** A plan's HTML page and its layout, made from `seed` alone. */
function plan(seed, attributes = false, mix = false, extra = false) {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const more = mix || extra ? mixOf(seed) : null;
  const odd = extra ? moreOf(seed) : null;
  const owner = () => (more && more.random() < 0.3 ? more.pick(MORE_OWNERS) : pick(OWNERS));
  const date = () => (more && more.random() < 0.3 ? more.pick(MORE_DATES) : pick(DATES));
  const sentence = () => `${pick(VERBS)} ${pick(OBJECTS)}${pick(ENDS)}.`;
  const count = 3 + Math.floor(random() * 6);
  const layout = { centred: random() < 0.5, landscape: random() < 0.5, size: pick([8, 9, 10, 11]), style: pick(['paragraphs', 'bullets', 'lead']) };
  const rows = [];
  // LibreOffice's HTML import keeps a table's and a cell's own attributes but not the page's CSS for them.
  const td = attributes ? ` valign="${layout.centred ? 'middle' : 'top'}"` : '';
  for (let i = 1; i <= count; i++) {
    const length = 1 + Math.floor(random() * 4);
    const agreement = pick(['Agreed', 'Agreed', 'Agreed', 'Partly Agreed']);
    const actions = Array.from({ length }, () => sentence() + (random() < 0.3 ? ` ${sentence()}` : ''));
    const ownerList = actions.map(owner).map((o) => (odd && odd.random() < 0.1 ? '&nbsp;' : o));
    const dateList = actions.map(date);
    let owners = ownerList.map((o) => `<p>${o}</p>`).join('');
    let dates = dateList.map((d) => `<p>${d}</p>`).join('');
    const tag = odd?.numbered ? 'ol' : 'ul';
    const list = `<${tag}>${actions.map((a) => `<li>${a}</li>`).join('')}</${tag}>`;
    let response = { paragraphs: actions.map((a) => `<p>${a}</p>`).join(''), bullets: list, lead: `<p>The PDU will:</p>${list}` }[layout.style];
    let agreed = agreement;
    if (odd && odd.random() < 0.12) {
      [agreed, response, owners, dates] = ['Not Agreed', `<p>Not agreed. ${REASONS[Math.floor(odd.random() * REASONS.length)]}</p>`, '<p>N/A</p>', '<p>N/A</p>'];
    }
    const pad = layout.style === 'lead' ? '<p>&nbsp;</p>' : '';
    const recommendation = pick(RECOMMENDATIONS);
    if (more && i === 1 && more.heading) rows.push(`<tr><td colspan="6"${td}><p><b>Test PDU should:</b></p></td></tr>`);
    if (more?.rowPerAction && layout.style === 'paragraphs' && agreed === agreement) {
      // One table row per action, the number, recommendation and agreement cells merged down the recommendation's rows.
      const span = actions.length > 1 ? ` rowspan="${actions.length}"` : '';
      actions.forEach((a, k) => {
        const lead = k === 0 ? [i, recommendation, agreement].map((cell) => `<td${span}${td}>${cell}</td>`).join('') : '';
        rows.push(`<tr>${lead}${[`<p>${a}</p>`, `<p>${ownerList[k]}</p>`, `<p>${dateList[k]}</p>`].map((cell) => `<td${td}>${cell}</td>`).join('')}</tr>`);
      });
      continue;
    }
    rows.push(`<tr>${[i, recommendation, agreed, response, agreed === agreement ? `${pad}${owners}` : owners, agreed === agreement ? `${pad}${dates}` : dates].map((cell) => `<td${td}>${cell}</td>`).join('')}</tr>`);
  }
  if (odd) layout.numbered = odd.numbered;
  if (more) Object.assign(layout, { titles: TITLES.indexOf(more.titles), widths: WIDTHS.indexOf(more.widths), heading: more.heading, rowPerAction: more.rowPerAction && layout.style === 'paragraphs' });
  const titles = more?.titles ?? TITLES[0];
  const cols = more?.widths ? `<colgroup>${more.widths.map((w) => `<col width="${w}%">`).join('')}</colgroup>` : '';
  const css = `@page { size: A4 ${layout.landscape ? 'landscape' : 'portrait'}; margin: 15mm; } body { font-family: Arial, 'Liberation Sans'; font-size: ${layout.size}pt; } table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #000; padding: 3pt; ${layout.centred ? '' : 'vertical-align: top;'} } p { margin: 0 0 5pt; } ul { margin: 0 0 5pt; padding-left: 14pt; } thead { display: table-header-group; }`;
  const html = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Plan</title><style>${css}</style></head><body>
<p><b>Action Plan Submitted:</b> 2 February 2027</p><p><b>A Response to the HMI Probation Inspection:</b> Test PDU</p><p><b>Report Published:</b> 1 December 2026</p>
<table${attributes ? ' border="1" cellpadding="4" cellspacing="0" width="100%"' : ''}>${cols}<thead><tr>${titles.map((t) => `<th>${t}</th>`).join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table></body></html>`;
  return { html, layout };
}

/** What a reading says of each recommendation and action. */
const shape = (doc) => doc.recommendations.map((r) => [r.number, r.text, r.agreementRaw, r.actions.map((a) => [a.text, a.owner, a.due?.raw ?? null])]);
const read = (file) => JSON.parse(execFileSync(process.execPath, [BIN, 'convert', file, '--format', 'json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));

/** Where `other` first reads otherwise than `page`, or -1 where they agree. */
function firstDifference(page, other) {
  const i = page.findIndex((rec, k) => JSON.stringify(rec) !== JSON.stringify(other[k]));
  return i < 0 && page.length !== other.length ? Math.min(page.length, other.length) : i;
}

/** Prints each plan of `seeds`, reads it every way and says where a reading departs from the page's; the count that do. */
function compare(seeds) {
  const made = seeds.map((seed) => {
    const { html, layout } = plan(seed, office, values.mix, values.more);
    const page = path.join(dir, `plan-${seed}.html`);
    writeFileSync(page, html);
    return { seed, layout, page };
  });
  if (office) {
    // One LibreOffice start per step for the whole batch: it takes seconds to start.
    const soffice = (to, out, files) => execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${path.join(dir, 'office-profile')}`, '--convert-to', to, '--outdir', out, ...files], { stdio: 'ignore', timeout: 600_000 });
    soffice('docx:MS Word 2007 XML', dir, made.map((m) => m.page));
    soffice('pdf', path.join(dir, 'pdf'), made.map((m) => m.page.replace(/\.html$/, '.docx')));
  }
  let differ = 0;
  for (const { seed, layout, page } of made) {
    const others = office
      ? { docx: page.replace(/\.html$/, '.docx'), pdf: path.join(dir, 'pdf', `plan-${seed}.pdf`) }
      : { pdf: page.replace(/\.html$/, '.pdf') };
    if (!office) execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${path.join(dir, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${others.pdf}`, page], { stdio: 'ignore', timeout: 60_000 });
    const fromPage = shape(read(page));
    const lines = [];
    for (const [kind, file] of Object.entries(others)) {
      let reading;
      try {
        reading = shape(read(file));
      } catch {
        lines.push(`  ${kind}: not read`);
        continue;
      }
      const k = firstDifference(fromPage, reading);
      if (k >= 0) lines.push(`  page: ${JSON.stringify(fromPage[k])}\n  ${kind}: ${JSON.stringify(reading[k])}`);
    }
    if (lines.length > 0) differ++;
    console.log(`plan ${seed}: ${lines.length > 0 ? 'DIFFERS' : 'same'} ${JSON.stringify(layout)}${lines.map((line) => `\n${line}`).join('')}`);
  }
  return differ;
}

const from = Number(values.from);
const count = Number(values.count);
let differ = 0;
try {
  differ = compare(Array.from({ length: count }, (_, k) => from + k));
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
console.log(`${differ} of ${count} plans read otherwise${office ? ' as Word documents or' : ''} from their PDF${values.keep ? ` (pages and PDFs in ${dir})` : ''}`);
process.exitCode = differ > 0 ? 1 : 0;
