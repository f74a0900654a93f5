import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { Action, PlanDocument, Recommendation } from '../../src/model/plan.js';
import { STDIN_NAME, type FileResult, type Finding } from '../../src/model/result.js';
import { readPlan } from '../../src/read/index.js';
import { formatHtml } from '../../src/format/html.js';
import { contrastPairs, palette } from '../../src/format/html/css.js';
import { runRules } from '../../src/rules/engine.js';
import { rules } from '../../src/rules/index.js';

const XSS = '<script>alert(1)</script>';
const ATTR_XSS = '"><img src=x onerror=alert(2)>';

function action(text: string, owner: string | null = 'Head of Operations', line = 10): Action {
  return { text, owner, due: { raw: 'June 2020', date: '2020-06', status: 'planned' }, location: { line } };
}

function rec(number: string, actions: Action[], over: Partial<Recommendation> = {}): Recommendation {
  return {
    number,
    refs: [],
    addressee: null,
    text: `Recommendation text ${number}`,
    agreement: 'agreed',
    agreementRaw: 'Agreed',
    response: actions.map((a) => a.text).join(' '),
    actions,
    location: { line: 5 },
    ...over,
  };
}

function doc(recommendations: Recommendation[], over: Partial<PlanDocument['plan']> = {}): PlanDocument {
  return {
    schemaVersion: 1,
    source: { path: 'plan.txt', format: 'text', sha256: '0'.repeat(64), pages: null },
    plan: { title: 'Essex North', inspection: 'Essex North PDU', submitted: '2022-06-15', reportPublished: '2022-05-03', ...over },
    recommendations,
    diagnostics: [],
  };
}

function finding(ruleId: string, severity: Finding['severity'], message: string, path: string, recommendation: string | null = null, act: number | null = null): Finding {
  return { ruleId, severity, message, recommendation, action: act, location: { line: 12 }, path };
}

function result(plan: PlanDocument | null, findings: Finding[], filePath = '/work/plans/essex.txt', fatal: string | null = null): FileResult {
  const errorCount = findings.filter((f) => f.severity === 'error').length;
  return { path: filePath, fatal, plan, findings, errorCount, warningCount: findings.length - errorCount };
}

function render(results: FileResult[], options: Partial<Parameters<typeof formatHtml>[1]> = {}): { html: string; $: CheerioAPI } {
  const html = formatHtml(results, { cwd: '/work', ...options });
  return { html, $: load(html) };
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The words of an element as a reader meets them: separate elements' texts kept apart by a space. */
function words($: CheerioAPI, selector: string): string {
  const out: string[] = [];
  const walk = (nodes: ReturnType<CheerioAPI>): void => {
    nodes.contents().each((_, node) => {
      if (node.type === 'text') out.push(node.data);
      else walk($(node));
    });
  };
  walk($(selector));
  return out.map((t) => t.trim()).filter(Boolean).join(' ');
}

/** Four recommendations; rec 4 has two actions, the second with no owner. */
function fourRecs(): PlanDocument {
  return doc([
    rec('1', [action('Audit allocation')]),
    rec('2', [action('Train managers')]),
    rec('3', [action('Review supervision')]),
    rec('4', [action('Set up a working group'), action('Brief all staff', null)]),
  ]);
}

describe('formatHtml: escaping', () => {
  it('escapes document text in element content and attributes, so no markup from the plan survives', () => {
    const plan = doc(
      [
        rec(XSS, [{ text: XSS, owner: XSS, due: { raw: XSS, date: ATTR_XSS, status: 'planned' }, location: { line: 3 } }], {
          text: XSS,
          addressee: XSS,
          agreement: null,
          agreementRaw: XSS,
          refs: [XSS],
        }),
      ],
      { title: XSS, inspection: XSS, submitted: ATTR_XSS },
    );
    plan.diagnostics.push({ message: XSS, location: { line: 1 } });
    const f = finding(XSS, 'error', XSS, 'recommendations[0].actions[0].owner', XSS, 1);
    const noted: FileResult = { ...result(plan, [f], `/work/${XSS}.txt`), notes: [{ code: XSS, message: XSS, recommendation: XSS, location: { line: 1 } }] };
    const { html, $ } = render([noted, result(null, [], `/work/${ATTR_XSS}.pdf`, XSS)], {
      generatedAt: ATTR_XSS,
      docsBaseUri: `https://example.org/${ATTR_XSS}`,
    });

    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect($('script')).toHaveLength(1);
    expect($('img')).toHaveLength(0);
    expect($('[onerror]')).toHaveLength(0);
    // The words themselves still reach the reader, decoded.
    expect($('h2').first().text()).toBe(XSS);
    expect($('#f1-rec-1 .rec-text').text()).toBe(XSS);
    expect($('#f1-rec-1-action-1 td.c-own').text()).toBe(XSS);
    expect($('#f1-rec-1-action-1 .note .msg').text()).toBe(XSS);
    expect($('#f1 dl.meta .path').text()).toBe(`${XSS}.txt`);
    expect($('#f2 .fatal').text()).toContain(`Reason: ${XSS}`);
    expect($('#f1 section.reading-notes li').text()).toBe(`${XSS} line 1 · ${XSS}`);
    expect($('time').first().attr('datetime')).toBe(ATTR_XSS);
    expect($('#f1-rec-1-action-1 td.c-due time').attr('datetime')).toBe(ATTR_XSS);
    expect($('table.by-rule a').attr('href')).toBe(`https://example.org/${ATTR_XSS}/${encodeURIComponent(XSS)}.md`);
  });

  it('gives no link to a docs base that is a script URL', () => {
    const f = finding('action-owner', 'error', 'Action 2 has no owner', 'recommendations[3].actions[1].owner', '4', 2);
    const { $ } = render([result(fourRecs(), [f])], { docsBaseUri: 'javascript:alert(1)//' });
    expect($('a[href^="javascript"]')).toHaveLength(0);
    expect($('table.by-rule tbody th').text()).toBe('action-owner');
  });

  it('allows only its own script by hash, and loads nothing from anywhere', () => {
    const { html, $ } = render([result(fourRecs(), [])]);
    const script = $('script').html() ?? '';
    const hash = createHash('sha256').update(script).digest('base64');
    expect($('meta[http-equiv="Content-Security-Policy"]').attr('content')).toBe(
      `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`,
    );
    expect($('link, img, iframe, object, embed, script[src]')).toHaveLength(0);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/@import|url\(/);
  });
});

describe('formatHtml: findings beside what they concern', () => {
  const findings = [
    finding('plan-metadata', 'warn', 'The report-published date is missing', 'plan.reportPublished'),
    finding('agreement-stated', 'error', 'Recommendation 2 is not marked', 'recommendations[1].agreement', '2'),
    finding('action-owner', 'error', 'Action 2 of recommendation 4 has no responsible owner', 'recommendations[3].actions[1].owner', '4', 2),
    finding('vague-action', 'warn', "Action 1 of recommendation 4 rests on 'explore'", 'recommendations[3].actions[0].text', '4', 1),
  ];

  it('puts an action finding inside the row of that action and nowhere else in the table', () => {
    const { $ } = render([result(fourRecs(), findings)]);
    expect(squash($('#f1-rec-4-action-2 td.c-act .note').text())).toBe(
      'Error Action 2 of recommendation 4 has no responsible owner action-owner · line 12',
    );
    expect($('#f1-rec-4-action-1 td.c-act .note .msg').text()).toBe("Action 1 of recommendation 4 rests on 'explore'");
    expect($('#f1-rec-4-action-2 td.c-own').attr('class')).toBe('c-own flag-error');
    expect($('#f1-rec-4-action-2 td.c-own').text()).toBe('None given');
    expect($('#f1-rec-4-action-2').attr('class')).toBe('action hit-error');
    expect($('table.plan .note')).toHaveLength(3);
  });

  it('puts a recommendation finding in that recommendation and flags the cell it names', () => {
    const { $ } = render([result(fourRecs(), findings)]);
    expect($('#f1-rec-2 td.c-rec .note .msg').text()).toBe('Recommendation 2 is not marked');
    expect($('#f1-rec-2 td.c-agr').attr('class')).toBe('c-agr hit-error flag-error');
    expect($('#f1-rec-1 .note, #f1-rec-3 .note')).toHaveLength(0);
  });

  it('shows plan-level findings in their own section above the table', () => {
    const { html, $ } = render([result(fourRecs(), findings)]);
    expect($('#f1-plan .note .msg').text()).toBe('The report-published date is missing');
    expect(html.indexOf('id="f1-plan"')).toBeLessThan(html.indexOf('<table class="plan"'));
  });

  it('lists every finding in document order, each linking to an element that exists', () => {
    const { $ } = render([result(fourRecs(), findings)]);
    const rows = $('table.findings tbody tr')
      .toArray()
      .map((tr) => [$(tr).find('td').eq(0).text(), $(tr).find('.where a').attr('href'), $(tr).find('.where').text(), $(tr).find('td').eq(4).text()]);
    expect(rows).toEqual([
      ['Warning', '#f1-plan', 'Whole plan', 'line 12'],
      ['Error', '#f1-rec-2', 'Rec 2', 'line 12'],
      ['Error', '#f1-rec-4-action-2', 'Rec 4, action 2', 'line 12'],
      ['Warning', '#f1-rec-4-action-1', 'Rec 4, action 1', 'line 12'],
    ]);
    for (const [, href] of rows) expect($(href!)).toHaveLength(1);
    const ids = $('[id]').toArray().map((el) => $(el).attr('id'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('falls back to the rec number and action index when a finding has no usable path', () => {
    const f = finding('action-due', 'error', 'Action 1 of recommendation 3 has no target date', '', '3', 1);
    const { $ } = render([result(fourRecs(), [f])]);
    expect($('#f1-rec-3-action-1 .note .msg').text()).toBe('Action 1 of recommendation 3 has no target date');
  });

  it('shows the location of each finding as page, line or table row', () => {
    const at = (location: Finding['location'], p: string): Finding => ({ ...finding('action-due', 'error', 'No date', p, '1', 1), location });
    const { $ } = render([
      result(fourRecs(), [at({ page: 3 }, 'recommendations[0].actions[0].due'), at({ row: 7 }, 'recommendations[1].actions[0].due'), at({}, 'recommendations[2].actions[0].due')]),
    ]);
    expect($('table.findings td.loc').toArray().map((td) => $(td).text())).toEqual(['page 3', 'table row 7', 'unknown']);
    expect($('#f1-rec-1-action-1 .note .meta-line').text()).toBe('action-due · page 3');
  });
});

describe('formatHtml: reading notes', () => {
  const notes: FileResult['notes'] = [
    { code: 'number-inferred', message: "rec 1: number 't i' unreadable; 1 inferred from order", recommendation: '1', location: { line: 10 } },
    { code: 'stray-cell', message: "line 30 holds only '1'; dropped as a page number or footer", recommendation: null, location: { line: 30 } },
  ];
  const warning = finding('due-time-bound', 'warn', "The target date 'Ongoing' of action 1 of recommendation 2 is not time-bound: give a month or a day", 'recommendations[1].actions[0].due', '2', 1);

  it('shows the reader’s repairs in a section of their own after the plan’s table, apart from the findings and out of every count', () => {
    const { $ } = render([{ ...result(fourRecs(), [warning]), notes }]);
    const section = $('#f1 section.reading-notes');
    expect(section).toHaveLength(1);
    expect(section.find('h3').text()).toBe('Reading notes (2)');
    expect(section.find('li').map((_, li) => $(li).text()).get()).toEqual([
      "rec 1: number 't i' unreadable; 1 inferred from order line 10 · number-inferred",
      "line 30 holds only '1'; dropped as a page number or footer line 30 · stray-cell",
    ]);
    // After the table, outside it, and nothing in it is a finding the severity filter would count or hide.
    expect($('#f1 table.plan ~ section.reading-notes')).toHaveLength(1);
    expect(section.find('.finding, .badge')).toHaveLength(0);
    // The counts are the one warning's alone.
    expect($('title').text()).toBe('Action plan check: Essex North — 0 errors, 1 warning');
    expect($('#f1 .tiles').text()).toBe('0 Errors1 Warning');
    expect($('#severity-filter').attr('data-warnings')).toBe('1');
    expect($('.finding')).toHaveLength(2);
  });

  it('has no notes section for a plan read without repairs', () => {
    const { $ } = render([{ ...result(fourRecs(), [warning]), notes: [] }]);
    expect($('section.reading-notes')).toHaveLength(0);
  });
});

describe('formatHtml: summaries and files', () => {
  it('counts findings by severity and by rule', () => {
    const findings = [
      finding('action-owner', 'error', 'a', 'recommendations[0].actions[0].owner', '1', 1),
      finding('action-owner', 'error', 'b', 'recommendations[1].actions[0].owner', '2', 1),
      finding('vague-action', 'warn', 'c', 'recommendations[1].actions[0].text', '2', 1),
    ];
    const { $ } = render([result(fourRecs(), findings)]);
    expect($('#f1 .tile').toArray().map((el) => squash($(el).text()))).toEqual(['2 Errors', '1 Warning']);
    expect($('#f1 table.by-rule tbody tr').toArray().map((tr) => $(tr).children().toArray().map((c) => $(c).text()).join(' '))).toEqual(['action-owner 2 0', 'vague-action 0 1']);
    expect(squash($('header .totals strong').text())).toBe('2 errors · 1 warning');
    expect($('#severity-filter label').toArray().map((el) => $(el).text())).toEqual(['All findings (3)', 'Errors only (2)', 'Warnings only (1)']);
  });

  it('gives one section with an h2 per file, under one h1, and shows why a file could not be read', () => {
    const { $ } = render([
      result(fourRecs(), [finding('action-owner', 'error', 'x', 'recommendations[3].actions[1].owner', '4', 2)]),
      result(doc([rec('1', [action('Act')])], { title: 'Northamptonshire' }), [], '/work/plans/north.txt'),
      result(null, [], '/work/plans/scan.pdf', 'no text layer: the PDF is a scan'),
    ]);
    expect($('h1').text()).toBe('Action plan check: 3 plans');
    expect($('section.file').toArray().map((s) => $(s).attr('id'))).toEqual(['f1', 'f2', 'f3']);
    expect($('h2').toArray().map((h) => $(h).text())).toEqual(['Essex North', 'Northamptonshire', 'scan.pdf']);
    expect($('#f2 .clean').text()).toBe('No problems found: every rule passed for this plan.');
    expect(words($, '#f3 .fatal')).toBe('This file could not be read, so it was not checked. Reason: no text layer: the PDF is a scan File: plans/scan.pdf');
    expect($('#f3 table')).toHaveLength(0);
    expect($('nav.files li').toArray().map((li) => squash($(li).text()))).toEqual([
      'Essex North — 1 error, 0 warnings',
      'Northamptonshire — 0 errors, 0 warnings',
      'scan.pdf — could not be read',
    ]);
    expect(squash($('header .totals strong').text())).toBe('1 error · 0 warnings · 1 file could not be read');
  });

  it('heads the file with the plan’s title, inspection and dates', () => {
    const { $ } = render([result(fourRecs(), [])], { generatedAt: '2026-03-02T09:30:00Z' });
    expect($('h1').text()).toBe('Action plan check: Essex North');
    expect($('#f1 .inspection').text()).toBe('Response to the HMI Probation inspection of Essex North PDU');
    expect($('#f1 dl.meta > div').toArray().map((_, i) => words($, `#f1 dl.meta > div:nth-child(${i + 1})`))).toEqual([
      'Action plan submitted 15 June 2022',
      'Inspection report published 3 May 2022',
      'Recommendations 4',
      'Source plans/essex.txt (text export)',
    ]);
    expect($('.generated').text()).toBe('Generated 2 March 2026, 09:30 UTC');
  });

  it('is the same for the same input, and shows standard input by name', () => {
    const a = formatHtml([result(fourRecs(), [], STDIN_NAME)], { cwd: '/work' });
    expect(formatHtml([result(fourRecs(), [], STDIN_NAME)], { cwd: '/work' })).toBe(a);
    expect(load(a)('#f1 dl.meta .path').text()).toBe('standard input');
    expect(load(a)('.generated')).toHaveLength(0);
  });

  it('builds an accessible table: caption, column headers, a row-group header per recommendation', () => {
    const { $ } = render([result(fourRecs(), [])]);
    expect($('table.plan caption').text()).toBe(
      'The action plan table of Essex North as plancheck read it: 4 recommendations, 5 actions. Findings are shown under the recommendation or action they concern.',
    );
    expect($('table.plan thead th').toArray().map((th) => `${$(th).attr('scope')}:${$(th).text()}`)).toEqual([
      'col:Rec', 'col:Recommendation', 'col:Agreement', 'col:Response: action taken or planned', 'col:Responsible owner', 'col:Target date',
    ]);
    expect($('#f1-rec-4 th[scope="rowgroup"]').attr('rowspan')).toBe('2');
    expect($('main#main')).toHaveLength(1);
    expect($('#severity-filter input[type="radio"][name="severity"]')).toHaveLength(3);
    expect($('#severity-filter').attr('hidden')).toBe('hidden');
  });

  it('says when no file was given', () => {
    expect(render([]).$('main').text().trim()).toBe('No files were checked.');
  });
});

describe('formatHtml: the whole response, shown when it says more than its actions', () => {
  const shown = (response: string, actions: Action[]): boolean =>
    render([result(doc([rec('1', actions, { response })]), [])]).$('details.response').length === 1;
  const acts = [action('Audit allocation across the region'), action('Train every manager in the new process')];

  it.each([
    ['the actions alone, in order', 'Audit allocation across the region Train every manager in the new process', false],
    ['the actions with a few joining words', 'Agreed. Audit allocation across the region; and Train every manager in the new process', false],
    ['a reason before the actions', 'Partly agreed: the policy on allocation is set nationally. Audit allocation across the region Train every manager in the new process', true],
    ['a reason after the actions', 'Audit allocation across the region Train every manager in the new process. The rest cannot be afforded this year', true],
    ['text other than the actions', 'A review of the whole service will report to the board in the autumn', true],
  ])('%s: %s', (_name, response, expected) => expect(shown(response, acts)).toBe(expected));
});

describe('palette', () => {
  const luminance = (hex: string): number => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  it.each(contrastPairs.map(([fg, bg]) => [fg, bg]))('%s on %s has a contrast of at least 4.5:1', (fg, bg) => {
    const [a, b] = [luminance(palette[fg]), luminance(palette[bg])];
    expect((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });
});

const SEED = path.resolve(import.meta.dirname, '../../fixtures/text/001-dlnr.txt');

describe('formatHtml on seed 001', () => {
  it('shows each finding inside the element of its recommendation or action', async () => {
    const parsed = await readPlan({ path: 'fixtures/text/001-dlnr.txt', bytes: readFileSync(SEED) });
    const findings = runRules(parsed.document, parsed.sourceMap, { rules, settings: new Map() });
    expect(findings.length).toBeGreaterThan(0);
    const { $ } = render([result(parsed.document, findings, path.resolve('fixtures/text/001-dlnr.txt'))]);
    for (const f of findings) {
      const m = /^recommendations\[(\d+)\](?:\.actions\[(\d+)\])?/.exec(f.path);
      const id = !m ? 'f1-plan' : m[2] === undefined ? `f1-rec-${Number(m[1]) + 1}` : `f1-rec-${Number(m[1]) + 1}-action-${Number(m[2]) + 1}`;
      const msgs = $(`#${id} .note .msg`).toArray().map((el) => $(el).text());
      expect(msgs, `${f.ruleId} at ${f.path} inside #${id}`).toContain(f.message);
    }
    expect($('table.plan .note').length + $('#f1-plan .note').length).toBe(findings.length);

    // Checked by hand against the seed: rec 3's seventh action and rec 4's second have empty owner and date cells.
    const cell = (id: string): string => squash($(`#${id} td.c-act`).text());
    expect(squash($('#f1-rec-3 .rec-text').text())).toContain('Provide a mechanism for organisational and individual staff learning');
    expect(cell('f1-rec-3-action-7')).toContain('It will provide leads from the CRC to participate in the NPS Effective Practice forum');
    expect(cell('f1-rec-3-action-7')).toContain('Action 7 of recommendation 3 has no responsible owner');
    expect(cell('f1-rec-3-action-7')).toContain('Action 7 of recommendation 3 has no target date');
    expect(cell('f1-rec-4-action-2')).toContain('Setting a focus for the review to consider what information needs to be communicated');
    expect(cell('f1-rec-4-action-2')).toContain('Action 2 of recommendation 4 has no responsible owner');
    expect(cell('f1-rec-4-action-1')).not.toContain('has no responsible owner');
  });
});
