import type { Action, Recommendation } from '../../model/plan.js';
import { attr, esc } from './escape.js';
import { findingsBeside, type FindingView } from './findings.js';
import { actionId, hitClasses, recId, type PlacedFinding, type Placement } from './place.js';
import { agreementLabel, longDate } from './text.js';
import { plural } from '../../util/plural.js';

const COLUMNS = [
  ['c-no', 'Rec'],
  ['c-rec', 'Recommendation'],
  ['c-agr', 'Agreement'],
  ['c-act', 'Response: action taken or planned'],
  ['c-own', 'Responsible owner'],
  ['c-due', 'Target date'],
] as const;

/** The plan's table as read, one row group per recommendation, with each finding beside what it concerns. */
export function planTable(recs: readonly Recommendation[], placement: Placement, view: FindingView, title: string): string {
  const actions = recs.reduce((n, r) => n + r.actions.length, 0);
  const caption =
    `The action plan table of ${title} as plancheck read it: ${plural(recs.length, 'recommendation')}, ` +
    `${plural(actions, 'action')}. Findings are shown under the recommendation or action they concern.`;
  const head = COLUMNS.map(([cls, label]) => `<th scope="col" class="${cls}">${esc(label)}</th>`).join('');
  const bodies = recs.map((rec, i) => recBody(rec, i, placement, view));
  return (
    `<table class="plan"><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead>` +
    `${bodies.join('')}</table>`
  );
}

function recBody(rec: Recommendation, i: number, placement: Placement, view: FindingView): string {
  const recFindings = placement.recs.get(i) ?? [];
  const actionFindings = rec.actions.map((_, j) => placement.actions.get(`${i}:${j}`) ?? []);
  const span = Math.max(rec.actions.length, 1);
  const rowspan = span > 1 ? attr('rowspan', span) : '';
  const onField = (field: string): PlacedFinding[] => recFindings.filter((pf) => pf.field === field);
  const cls = (base: string, ...extra: string[]): string => attr('class', [base, ...extra].join(' '));

  const number =
    `<th scope="rowgroup"${rowspan}${cls('c-no', ...hitClasses(onField('number'), 'hit'), ...hitClasses(onField('number'), 'flag'))}>` +
    '<div class="stick">' +
    (rec.number ? esc(rec.number) : '<span class="none">none</span>') +
    (rec.refs.length ? `<span class="refs">${esc(rec.refs.join(', '))}</span>` : '') +
    '</div></th>';
  const text =
    `<td${rowspan}${cls('c-rec', ...hitClasses(recFindings, 'hit'))} data-label="Recommendation">` +
    (rec.addressee ? `<span class="addressee">${esc(`To: ${rec.addressee}`)}</span>` : '') +
    `<p class="rec-text">${rec.text ? esc(rec.text) : '<span class="none">No recommendation text</span>'}</p>` +
    extraResponse(rec) +
    findingsBeside(recFindings, view) +
    '</td>';
  const agreementHits = onField('agreement');
  const agreement =
    `<td${rowspan}${cls('c-agr', ...hitClasses(agreementHits, 'hit'), ...hitClasses(agreementHits, 'flag'))} data-label="Agreement">` +
    agreementCell(rec) +
    '</td>';
  const recCells = number + text + agreement;

  if (rec.actions.length === 0) {
    const missing = onField('actions');
    const row =
      `<tr${cls('action', ...hitClasses(missing, 'hit'))}>${recCells}` +
      `<td${cls('c-act', ...hitClasses(missing, 'flag'))} data-label="Response">` +
      (rec.response ? `<span class="act-no">Response (no separate actions)</span>${esc(rec.response)}` : '<span class="none">No actions given</span>') +
      '</td><td class="c-own" data-label="Responsible owner"><span class="none">—</span></td>' +
      '<td class="c-due" data-label="Target date"><span class="none">—</span></td></tr>';
    return `<tbody${attr('id', recId(view.fileId, i))}${cls('rec', ...hitClasses(recFindings, 'hit'))}>${row}</tbody>`;
  }

  const rows = rec.actions.map((action, j) => {
    const found = actionFindings[j] ?? [];
    return actionRow(action, i, j, found, view, j === 0 ? recCells : '', rec.actions.length);
  });
  const all = [...recFindings, ...actionFindings.flat()];
  return `<tbody${attr('id', recId(view.fileId, i))}${cls('rec', ...hitClasses(all, 'hit'))}>${rows.join('')}</tbody>`;
}

function actionRow(action: Action, i: number, j: number, found: PlacedFinding[], view: FindingView, lead: string, total: number): string {
  const on = (field: string): PlacedFinding[] => found.filter((pf) => pf.field === field);
  const flag = (field: string, base: string): string => attr('class', [base, ...hitClasses(on(field), 'flag')].join(' '));
  const rowHits = hitClasses(found, 'hit');
  const label = total > 1 ? `<span class="act-no">Action ${j + 1} of ${total}</span>` : '';
  return (
    `<tr${attr('id', actionId(view.fileId, i, j))}${attr('class', ['action', ...rowHits].join(' '))}>${lead}` +
    `<td${attr('class', 'c-act')} data-label="Action">` +
    `${label}${action.text ? esc(action.text) : '<span class="none">No action text</span>'}${findingsBeside(found, view)}</td>` +
    `<td${flag('owner', 'c-own')} data-label="Responsible owner">${action.owner ? esc(action.owner) : '<span class="none">None given</span>'}</td>` +
    `<td${flag('due', 'c-due')} data-label="Target date">${dueCell(action)}</td></tr>`
  );
}

function agreementCell(rec: Recommendation): string {
  if (rec.agreement) {
    const label = agreementLabel(rec.agreement);
    const raw = rec.agreementRaw && rec.agreementRaw.trim().toLowerCase() !== label.toLowerCase() ? rec.agreementRaw : null;
    return `<strong>${esc(label)}</strong>${raw ? `<span class="due-status">${esc(`written “${raw}”`)}</span>` : ''}`;
  }
  if (rec.agreementRaw) return `${esc(rec.agreementRaw)}<span class="due-status">not a marking the template allows</span>`;
  return '<span class="none">Not stated</span>';
}

function dueCell(action: Action): string {
  const due = action.due;
  if (!due) return '<span class="none">None given</span>';
  const shown = due.date ? `<time${attr('datetime', due.date)}>${esc(due.raw)}</time>` : esc(due.raw);
  const note =
    due.status === 'complete' ? (/complete/i.test(due.raw) ? '' : 'Complete')
    : due.status === 'ongoing' ? (/ongoing/i.test(due.raw) ? 'No date given' : 'Ongoing, no date')
    : due.status === 'unknown' ? 'Not a date plancheck can read'
    : due.date && longDate(due.date) !== due.raw ? longDate(due.date)
    : '';
  return shown + (note ? `<span class="due-status">${esc(note)}</span>` : '');
}

/** How much of the response may lie outside its actions (joining words, a stray heading) before it is shown whole. */
const EXTRA_CHARS = 20;

/**
 * The response as written, when it says more than its actions do (a Partly Agreed reason often lives there).
 * The actions are looked for in order, each near where the last one ended, so that the cost is linear in the
 * text: a row of 150,000 actions once took minutes when each action was searched for in the whole response.
 */
function extraResponse(rec: Recommendation): string {
  if (rec.actions.length === 0 || !rec.response) return '';
  const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
  const response = squash(rec.response);
  let extra = 0;
  let at = 0;
  for (const action of rec.actions) {
    if (extra >= EXTRA_CHARS) break;
    const text = squash(action.text);
    if (text === '') continue;
    // Only a match within what is left of the allowance counts: one further on means the response says more.
    const found = response.slice(at, at + EXTRA_CHARS - extra + text.length).indexOf(text);
    if (found < 0) continue;
    extra += squash(response.slice(at, at + found)).length;
    at += found + text.length;
  }
  extra += squash(response.slice(at)).length;
  if (extra < EXTRA_CHARS) return '';
  return `<details class="response"><summary>Whole response as written</summary><p>${esc(response)}</p></details>`;
}
