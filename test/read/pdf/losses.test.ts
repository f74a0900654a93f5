import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../../src/model/plan.js';
import { plancheck } from '../../cli/run.js';
import { withoutLocations } from '../without-locations.js';

/**
 * fixtures/pdf/losses/: layouts in which the PDF reader once dropped text without a word (issue 13), read
 * through the built CLI. Each case checks what the page shows, counted by hand from the plan's source
 * (fixtures/make/plans/parallel.mjs, as fixtures/make/losses.mjs lays it out).
 */
const FILES = [
  'unrepeated-header.pdf',
  'unrepeated-header-portrait.pdf',
  'unrepeated-header-lists.pdf',
  'second-header.pdf',
  'equal-columns.pdf',
  'side-by-side.pdf',
  'extra-column.pdf',
  'form-fields.pdf',
  'tight-paragraphs.pdf',
  'python-docx.pdf',
  'python-docx-rows.pdf',
  'python-docx-borderless.pdf',
  'python-docx-second.pdf',
  'not-applicable.pdf',
  'prefixed-numbers.pdf',
  'renamed-titles.pdf',
  'break-lead-bullets.pdf',
  'break-between-sentences.pdf',
  'break-owner-cut.pdf',
  'tight-cells.pdf',
  'break-after-lead-in.pdf',
  'word-broken-dates.pdf',
  'word-row-cut-date.pdf',
  'word-row-cut-owner.pdf',
  'word-narrow-number.pdf',
  'word-centred-rows.pdf',
  'word-run-into-agreement.pdf',
  'word-broken-titles.pdf',
  'word-broken-owner.pdf',
  'word-row-cut-sentences.pdf',
  'word-merged-centred.pdf',
  'word-row-cut-agreement.pdf',
  'word-row-cut-item.pdf',
  'word-row-at-foot.pdf',
  'word-merged-owners.pdf',
  'word-item-over-page.pdf',
  'word-agreement-cut-centred.pdf',
  'word-numbered-list.pdf',
  'word-date-cut-by-page.pdf',
  'chromium-indented-lists.pdf',
  'chromium-centred-lead-in.pdf',
  'chromium-centred-lead-in-text.pdf',
  'chromium-stacked-owners.pdf',
  'chromium-merged-centred.pdf',
  'word-year-cut.pdf',
].map((file) => `fixtures/pdf/losses/${file}`);
/** Every case converted by one run of the CLI, one plan per line (JSON Lines), on first use. */
let converted: Map<string, PlanDocument> | undefined;
const convert = (file: string): PlanDocument => {
  if (!converted) {
    const run = plancheck(['convert', '--format', 'jsonl', ...FILES]);
    // Nothing on standard error but the summary: no file failed.
    expect(run.stderr).toMatch(/^Converted 45 files: \d+ recommendations, \d+ actions, 0 failed in \d+\.\d s\n$/);
    expect(run.code).toBe(0);
    const docs = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as PlanDocument);
    converted = new Map(docs.map((doc) => [doc.source.path, doc]));
  }
  const doc = converted.get(`fixtures/pdf/losses/${file}`);
  expect(doc, file).toBeDefined();
  return doc as PlanDocument;
};
const lost = (doc: PlanDocument) => doc.diagnostics.filter((d) => d.code === 'text-lost');

describe('PDF layouts that once lost text', () => {
  it('a header row LibreOffice broke over the first page end is no recommendation, and nothing after it is lost', { timeout: 60_000 }, () => {
    const doc = convert('unrepeated-header.pdf');
    expect(lost(doc)).toEqual([]);
    // Before: the rest of the header ("Partly Agreed/ Not Agreed", "No", "Owner", "Date") made a recommendation
    // 1 of its own, every other number was lost with it, and 'Owner' and 'Date' were dropped.
    expect(doc.recommendations.map((r) => [r.number, r.agreementRaw])).toEqual([
      ['1', 'Agreed'],
      ['2', 'Agreed'],
      ['3', 'Agreed'],
      ['4', 'Partly Agreed'],
      ['5', 'Agreed'],
      ['6', 'Agreed'],
      ['7', 'Agreed'],
      ['8', 'Agreed'],
      ['9', 'Agreed'],
      ['10', 'Agreed'],
    ]);
    expect(doc.recommendations[0]!.text).toMatch(/^Improve the quality of assessment and planning, so that the risk of serious harm/);
    expect(doc.diagnostics.filter((d) => d.code === 'number-inferred')).toEqual([]);
    // LibreOffice centres the cells of a row that fits on its page: the rec number stands halfway down, and the
    // response's first paragraphs above it (rec 3 on page 5, rec 4 at the top of page 6, rec 8 below the end of
    // rec 7 on page 10) had gone to the row before, with the first lines of the rec text. The rest of a date
    // the page cut, centred in what is left of its row ("Six-monthly from June" / "2023", rec 10), had been a
    // date of its own. Now every recommendation reads as the plan was written.
    const expected = JSON.parse(readFileSync(join(import.meta.dirname, '../../../fixtures/plans/parallel.expected.json'), 'utf8')) as Pick<PlanDocument, 'recommendations'>;
    doc.recommendations.forEach((r, i) => expect(withoutLocations(r), `recommendation ${i + 1}`).toEqual(expected.recommendations[i]));
    expect(doc.diagnostics).toEqual([]);
  });

  it('the same plan portrait: the rest of a row cut by a page end, centred in what is left of the row, finishes its owner', { timeout: 60_000 }, () => {
    const doc = convert('unrepeated-header-portrait.pdf');
    // Before: rec 5's owner "Head of PDU and" (foot of page 4) and "Commissioned Services Manager" (halfway down
    // page 5) were two owners, and "three-" / "month" broken at a hyphen made the check name "month" and "three",
    // found elsewhere, as lost.
    expect(lost(doc)).toEqual([]);
    const expected = JSON.parse(readFileSync(join(import.meta.dirname, '../../../fixtures/plans/parallel.expected.json'), 'utf8')) as Pick<PlanDocument, 'recommendations'>;
    doc.recommendations.forEach((r, i) => expect(withoutLocations(r), `recommendation ${i + 1}`).toEqual(expected.recommendations[i]));
    expect(doc.diagnostics).toEqual([]);
  });

  it('lists under lead paragraphs, printed by LibreOffice with no header to repeat: each row gets its own text, centred or cut by a page end', { timeout: 60_000 }, () => {
    // The lead-bullets plan as unrepeated-header.pdf lays out the parallel one. Before: the first row was a fragment
    // with no number, and the text above each later number went to the row before it.
    const doc = convert('unrepeated-header-lists.pdf');
    expect(lost(doc)).toEqual([]);
    const expected = JSON.parse(readFileSync(join(import.meta.dirname, '../../../fixtures/plans/lead-bullets.expected.json'), 'utf8')) as Pick<PlanDocument, 'recommendations'>;
    expect(doc.recommendations).toHaveLength(8);
    for (const i of [0, 1, 2, 3, 4, 5, 6, 7]) expect(withoutLocations(doc.recommendations[i]), `recommendation ${i + 1}`).toEqual(expected.recommendations[i]);
    // Rec 5's first line runs so close to "Agreed" that pdfjs gives the two as one item ("… to allocate cases Agreed").
    // Before: all of it went to the recommendation column, and rec 5 had no agreement. It is now cut where, by the
    // widths of its letters, "Agreed" starts at the agreement column's start.
    expect([doc.recommendations[4]!.text, doc.recommendations[4]!.agreement]).toEqual(['Reduce the time taken to allocate cases after sentence', 'agreed']);
  });

  it('a second table under the first, with the header again, is read as more recommendations, not as one called "2. Recommendation"', { timeout: 60_000 }, () => {
    const doc = convert('second-header.pdf');
    expect(lost(doc)).toEqual([]);
    expect(
      doc.recommendations.map((r) => [r.number, r.agreementRaw, r.text.split(' ').slice(0, 4).join(' '), r.actions.map((a) => [a.owner, a.due?.raw])]),
    ).toEqual([
      ['1', 'Agreed', 'Improve the quality of', [['Head of PDU and Quality Development Officers', '30th June 2023']]],
      ['2', 'Agreed', 'Make sure that management', [['Deputy Head of PDU', 'May 2023']]],
      ['3', 'Agreed', 'Ensure that all practitioners', [['Head of PDU', 'June 2023']]],
      ['4', 'Partly Agreed', 'Provide a full range', [['Interventions Manager', 'April 2023']]],
    ]);
  });

  it('a heading row that fits inside the number column of a table of equal columns names the addressee', { timeout: 60_000 }, () => {
    // Before: "Eastmoor PDU should:" was a stray number cell, its words lost, and no recommendation had an addressee.
    const doc = convert('equal-columns.pdf');
    expect(lost(doc)).toEqual([]);
    expect(doc.diagnostics).toEqual([]);
    expect(doc.recommendations.map((r) => [r.number, r.addressee, r.actions.map((a) => [a.owner, a.due?.raw])])).toEqual([
      ['1', 'Eastmoor PDU', [['Head of PDU and Quality Development Officers', '30th June 2023']]],
      ['2', 'Eastmoor PDU', [['Deputy Head of PDU', 'May 2023']]],
      ['3', 'Eastmoor PDU', [['Head of PDU', 'June 2023']]],
    ]);
  });

  it('two tables side by side under a doubled header are read, the left one first', { timeout: 60_000 }, () => {
    const doc = convert('side-by-side.pdf');
    expect(lost(doc)).toEqual([]);
    // Before: the right table's recommendations 3 and 4 were not read, and nothing said so.
    expect(doc.recommendations.map((r) => [r.number, r.agreementRaw, r.text.split(' ').slice(0, 4).join(' '), r.actions.map((a) => [a.owner, a.due?.raw])])).toEqual([
      ['1', 'Agreed', 'Improve the quality of', [['Head of PDU and Quality Development Officers', '30th June 2023']]],
      ['2', 'Agreed', 'Make sure that management', [['Deputy Head of PDU', 'May 2023']]],
      ['3', 'Agreed', 'Ensure that all practitioners', [['Head of PDU', 'June 2023']]],
      ['4', 'Partly Agreed', 'Provide a full range', [['Interventions Manager', 'April 2023']]],
    ]);
  });

  it('cells centred in their rows, a two-line agreement at the top of the last row, and "N/A" for a not-agreed owner and date', { timeout: 60_000 }, () => {
    const doc = convert('not-applicable.pdf');
    // Before: the last row's first line ("Recruitment is set nationally") went to the row above, and so, working
    // up, did the row above's last line and so on; and the "N/A" target date, read as no date, was named as lost.
    expect(lost(doc)).toEqual([]);
    // As written in fixtures/make/losses.mjs (harrowgateRows), the "1.1" … numbers left out.
    expect(doc.recommendations.map((r) => [r.number, r.agreementRaw, r.actions.map((a) => [a.text, a.owner, a.due?.raw ?? null])])).toEqual([
      ['1', 'Agreed', [
        ['All practitioners will complete the refreshed risk assessment training.', 'Learning and Development Lead', '30/06/2027'],
        ['SPOs will audit five cases per practitioner each quarter and feed back in supervision.', 'SPOs', 'Quarterly from April 2027'],
        ['The PDU quality lead will report audit results to the senior leadership team.', 'Quality Lead', 'September 2027'],
      ]],
      ['2', 'Agreed', [['A weekly report of cases without a sentence plan will go to each team manager, who will follow up with practitioners.', 'Head of PDU', 'End of March 2027']]],
      ['3', 'Partly Agreed', [
        ['The estates budget for 2027/28 is fully committed, so a new building cannot be funded. The PDU will instead hold weekly reporting sessions in the Eastfield community hub.', 'Head of Operations', 'Q2 2027'],
      ]],
      ['4', 'Not Agreed', [["Recruitment is set nationally through the workforce plan and is outside the PDU's control.", 'N/A', null]]],
    ]);
    // Checked, the plan has one warning (the quarter is no month) and nothing that fails it.
    const run = plancheck(['validate', 'fixtures/pdf/losses/not-applicable.pdf', '--format', 'json']);
    expect(run.code).toBe(0);
    const findings = (JSON.parse(run.stdout) as { files: Array<{ findings: Array<{ ruleId: string; severity: string }> }> }).files[0]!.findings;
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['due-time-bound', 'warn']]);
  });

  it('rec numbers with a prefix ("R1", "Rec 2", "R 4"), a list under a lead paragraph lined up by blank paragraphs', { timeout: 60_000 }, () => {
    const doc = convert('prefixed-numbers.pdf');
    // Before: every "Rec" was named as lost, and "R1", "R3" and "R 4" were unreadable numbers, inferred from order
    // and named as lost too.
    expect(lost(doc)).toEqual([]);
    expect(doc.diagnostics).toEqual([]);
    // As written in fixtures/make/losses.mjs (fenlandRows): the lead paragraph is no action, the blank paragraphs
    // no owner or date.
    expect(doc.recommendations.map((r) => [r.number, r.refs, r.agreementRaw, r.actions.map((a) => [a.text, a.owner, a.due?.raw ?? null, a.due?.date ?? null])])).toEqual([
      ['1', [], 'Agreed', [
        ['Issue a practice note on home visits to all staff', 'Head of PDU', '28.02.27', '2027-02-28'],
        ['Add a home visit check to the SPO case audit tool', 'Senior Probation Officers', 'Mar-27', '2027-03'],
        ['Report home visit rates to the PDU performance meeting each month', 'Performance Lead', 'Monthly from April 2027', '2027-04'],
      ]],
      ['2', [], 'Partly Agreed', [
        ['Recording standards are set by the national case management system and cannot be changed locally. Practitioners will be reminded of the existing standards in team meetings.', 'Deputy Head of PDU / Team Managers', 'w/c 7 June 2027', '2027-06-07'],
      ]],
      ['3', [], 'Not Agreed', [['Interventions budgets are allocated by the commissioning strategy for the whole region; the PDU has no control over them.', '-', null, null]]],
      ['4', [], 'Agreed', [
        ['All staff will complete the neurodiversity e-learning module.', 'Learning and Development Lead', 'By end of Q1 2027/28', '2027-06'],
        ['Two face-to-face sessions will be run for case administrators.', 'Business Manager', 'Complete', null],
      ]],
    ]);
    const run = plancheck(['validate', 'fixtures/pdf/losses/prefixed-numbers.pdf']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('✔ fixtures/pdf/losses/prefixed-numbers.pdf: no problems — 4 recommendations, 7 actions\n');
  });

  it('column titles in other words, the first wrapped ("Recommendation" / "number"): every number and text read', { timeout: 60_000 }, () => {
    const doc = convert('renamed-titles.pdf');
    // Before: the header ended with its first line, so "number" was a row of its own, every number was inferred
    // from order, and the recommendations' 41 words were lost.
    expect(lost(doc)).toEqual([]);
    expect(doc.diagnostics).toEqual([]);
    // As written in fixtures/make/losses.mjs (trentsideRows).
    expect(doc.recommendations.map((r) => [r.number, r.text, r.agreementRaw, r.actions.map((a) => [a.text, a.owner, a.due?.raw ?? null])])).toEqual([
      ['1', 'Trentside PDU should improve how it manages the risk posed by people on probation who are subject to MAPPA', 'Agreed', [
        ['MAPPA level 2 and 3 cases will be reviewed by an SPO before each meeting.', 'SPOs', 'Immediately and ongoing'],
        ['A MAPPA champion will be named in each team.', 'Team Managers', '30 April 2027'],
      ]],
      ['2', 'Trentside PDU should make sure that all staff have an annual appraisal', 'Agreed', [
        ['Appraisals will be completed for all staff and recorded on the HR system.', 'Head of PDU', '31 May 2027'],
      ]],
      ['3', 'HMPPS should provide Trentside PDU with its own approved premises', 'Not agreed', [
        ['Approved premises are commissioned for the whole region according to need, and there are no plans for a new site. Trentside cases will keep access to the two approved premises in the region.', 'Regional Probation Director', null],
      ]],
    ]);
  });

  /** What a reading says of each recommendation and action. */
  const shape = (doc: PlanDocument) => doc.recommendations.map((r) => [r.number, r.text, r.agreementRaw, r.actions.map((a) => [a.text, a.owner, a.due?.raw ?? null])]);
  /** The pages of fixtures/make/pages/, read as HTML by one run of the CLI, on first use. */
  let pages: Map<string, PlanDocument> | undefined;
  const page = (name: string): PlanDocument => {
    if (!pages) {
      const names = ['break-lead-bullets', 'break-between-sentences', 'break-owner-cut', 'tight-cells', 'break-after-lead-in', 'word-broken-dates', 'word-row-cut-date', 'word-row-cut-owner', 'word-narrow-number', 'word-centred-rows', 'word-run-into-agreement', 'word-broken-titles', 'word-broken-owner', 'word-row-cut-sentences', 'word-merged-centred', 'word-row-cut-agreement', 'word-row-cut-item', 'word-row-at-foot', 'word-merged-owners', 'word-item-over-page', 'word-agreement-cut-centred', 'word-numbered-list', 'word-date-cut-by-page', 'chromium-indented-lists', 'chromium-centred-lead-in', 'chromium-centred-lead-in-text', 'chromium-stacked-owners', 'chromium-merged-centred', 'word-year-cut'];
      const run = plancheck(['convert', '--format', 'jsonl', ...names.map((n) => `fixtures/make/pages/${n}.html`)]);
      expect(run.code).toBe(0);
      const docs = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as PlanDocument);
      pages = new Map(names.map((n, i) => [n, docs[i]!]));
    }
    return pages.get(name)!;
  };

  /** A fixture PDF of a page of fixtures/make/pages/, read with nothing lost or repaired, and as its page reads. */
  const readsAsPage = (name: string): PlanDocument => {
    const doc = convert(`${name}.pdf`);
    expect(doc.diagnostics).toEqual([]);
    expect(shape(doc)).toEqual(shape(page(name)));
    return doc;
  };

  describe('rows Chromium breaks over a page, read as the page they were printed from reads', () => {
    it('a lead paragraph\'s list cut after its third item, whose third and fourth owners are on the next page', { timeout: 60_000 }, () => {
      // Before: the rules leave the first page open at its foot, but the owner level with the list item at the top
      // of the next made it a new row; the first three items were then one action with two owners and three of the
      // four dates, and 'Q3 2027/28' was lost.
      const doc = readsAsPage('break-lead-bullets');
      // Rec 6 as the page has it, checked by hand.
      expect(doc.recommendations[5]!.actions.map((a) => [a.owner, a.due?.raw])).toEqual([
        ['Senior Probation Officers', 'Q3 2027/28'],
        ['Regional Safeguarding Lead', 'January 2028'],
        ['Business Manager', 'Q3 2027/28'],
        ['Quality Lead', '30/06/2027'],
      ]);
    });

    it('a paragraph cut between two of its sentences', { timeout: 60_000 }, () => {
      // Before: the two halves were two actions, five for rec 7's four owners and dates, and the owner at the top of
      // the page was joined to the one before it ('Performance Manager Deputy Head of PDU').
      const doc = readsAsPage('break-between-sentences');
      expect(doc.recommendations[6]!.actions.map((a) => [a.text.slice(0, 30), a.owner, a.due?.raw])).toEqual([
        ['Audit a practice note on safeg', 'Performance Manager', 'September 2027'],
        ['Share training on domestic abu', 'Senior Probation Officers', '30/06/2027'],
        ['Improve the sentence plan temp', 'Performance Manager', 'Complete'],
        ['Improve the induction pack for', 'Deputy Head of PDU', 'Q3 2027/28'],
      ]);
      expect(doc.recommendations[6]!.actions[2]!.text).toBe('Improve the sentence plan template so that managers can act on them quickly. Introduce the duty rota and report the results to the senior leadership team.');
    });

    it('a paragraph cut between two of its sentences, its owner cut with it and its date not', { timeout: 60_000 }, () => {
      // Before: the owners counted four ("Learning and Development" / "Lead" apart), as many as the paragraphs read
      // apart, so the owner was left in two and the halves were two actions, the last with no date. The owners and
      // the dates can both come to three, the paragraphs joined across the break: the owner is now joined.
      const doc = readsAsPage('break-owner-cut');
      expect(doc.recommendations[6]!.actions.map((a) => [a.text, a.owner, a.due?.raw])).toEqual([
        ['Report a practice note on safeguarding so that managers can act on them quickly. Review the induction pack for new staff with partner agencies.', 'Learning and Development Lead', 'Ongoing'],
        ['Audit the referral pathway to housing for all practitioners.', 'Senior Probation Officers', 'By end of Q1 2027/28'],
        ['Report the sentence plan template.', 'All SPOs', '30/06/2027'],
      ]);
    });

    it('narrow cells whose text comes within a font size of the next cell\'s, centred in their rows', { timeout: 60_000 }, () => {
      // Before: "… and report", "Deputy Head" and "31 May", a font size apart less a little, ran into one fragment across
      // two column starts, which was taken for a note across the table: it started a row, and rec 4's lead-in and first
      // item went to rec 3. Items that cross no column start themselves are cells, not a note.
      const doc = readsAsPage('tight-cells');
      expect(doc.recommendations[3]!.actions.map((a) => [a.text, a.owner, a.due?.raw])).toEqual([
        ['Review supervision records in every team.', 'Deputy Head of PDU', '31 May 2027'],
        ['Publish the duty rota and report the results to the senior leadership team.', 'Quality Lead', 'March 2027'],
        ['Share the referral pathway to housing so that managers can act on them quickly.', 'Deputy Head of PDU', 'January 2028'],
        ['Improve the induction pack for new staff each quarter. Introduce training on domestic abuse so that managers can act on them quickly.', 'Contract Manager, CRS', 'March 2027'],
      ]);
    });

    it('a row broken over a page right after its lead-in, its list on the next', { timeout: 60_000 }, () => {
      // Before: the list's first item at the top of the page, its bullet a shape, was taken for the rest of "The PDU
      // will:" (which nearly fills its narrow column), not for a list item, and the lead-in joined it. A lead-in that
      // ends on a colon is whole.
      const doc = readsAsPage('break-after-lead-in');
      expect(doc.recommendations[2]!.actions.map((a) => [a.text, a.owner])).toEqual([
        ['Train monthly case audits with partner agencies.', 'Learning and Development Lead'],
        ['Introduce training on domestic abuse so that managers can act on them quickly.', 'All SPOs'],
        ['Agree supervision records and report the results to the senior leadership team. Review the referral pathway to housing each quarter.', 'Head of Operations'],
      ]);
    });
  });

  describe('pages saved as Word documents and printed by LibreOffice, read as the page reads', () => {
    it('target dates broken inside a word in their narrow column', { timeout: 60_000 }, () => {
      // Before: "Septembe" / "r 2027" and "30/06/202" / "7" were read with a space between the halves, so three
      // actions had no date the rules could read.
      const doc = readsAsPage('word-broken-dates');
      // As the page has them, checked by hand.
      expect(doc.recommendations.map((r) => r.actions.map((a) => a.due?.date ?? a.due?.raw))).toEqual([
        ['2027-09', 'Complete', '2027-12'],
        ['2027-03', '2027-07'],
        ['Ongoing', '2027-06-30', '2027-09', '2027-09'],
      ]);
    });

    it('a row cut by the page, each part closed by a rule, with its last date cut too', { timeout: 60_000 }, () => {
      // Before: with the rules read, the rest of rec 5 at the top of page 2 was a row of its own, so "Quarterly from"
      // (foot of page 1) and "April 2027" were two dates, and the second action had both "September 2027" and the first half.
      const doc = readsAsPage('word-row-cut-date');
      expect(doc.recommendations[4]!.actions.map((a) => [a.text.slice(0, 30), a.owner, a.due?.raw])).toEqual([
        ['Agree supervision records so t', 'Deputy Head of PDU', 'Complete'],
        ['Publish the induction pack for', 'Quality Lead', 'September 2027'],
        ['Train supervision records with', 'Head of PDU', 'Quarterly from April 2027'],
      ]);
    });

    it('a second owner at the top of the next page, level with the rest of the first action', { timeout: 60_000 }, () => {
      // Before: the owner beside "partner agencies." (the rest of the first action) went to the first action, which had
      // one already (owner-count), the second action had none, and the owner was named as lost (text-lost).
      const doc = readsAsPage('word-row-cut-owner');
      expect(doc.recommendations[4]!.actions.map((a) => [a.text, a.owner, a.due?.raw])).toEqual([
        ['Complete training on domestic abuse with partner agencies.', 'SPOs', 'End of July 2027'],
        ['Monitor a joint protocol with the police.', 'SPOs', 'End of July 2027'],
      ]);
    });

    it('a number column so narrow that its title comes within a font size of the next', { timeout: 60_000 }, () => {
      // Before: "Rec" and "2. Recommendation", 8.2 points apart in 11-point text, were one header cell, which named the
      // recommendation column alone; so the numbers were read into the recommendations' text ("Improve the quality of
      // 1 assessments …").
      const doc = readsAsPage('word-narrow-number');
      expect(doc.recommendations.map((r) => [r.number, r.text])).toEqual([
        ['1', 'Improve the quality of assessments of risk of serious harm'],
        ['2', 'Provide interpreters for every appointment where one is needed'],
        ['3', 'Improve the quality of assessments of risk of serious harm'],
      ]);
    });

    it('rows centred in their cells, one with a recommendation taller than its other cells', { timeout: 60_000 }, () => {
      // Before: the start of rec 7, settled first, was one of two line tops a point apart, and rec 6's end was taken
      // from the other, rec 7's own first line; so rec 6 seemed to start higher than it does, and its text went to rec 5
      // ('Make sure … concerns Review the management …'), rec 6 having none. Nothing was lost, so nothing was said.
      const doc = readsAsPage('word-centred-rows');
      expect(doc.recommendations.slice(4, 6).map((r) => [r.number, r.text, r.agreementRaw])).toEqual([
        ['5', 'Make sure that home visits take place where there are safeguarding concerns', 'Agreed'],
        ['6', 'Review the management of cases transferred from other areas', 'Partly Agreed'],
      ]);
    });

    it('a recommendation whose first line runs so close to "Agreed" that the two are one run of text', { timeout: 60_000 }, () => {
      // Before: rec 5's text was 'Ensure that all staff receive regular Agreed supervision', and it had no agreement.
      const doc = readsAsPage('word-run-into-agreement');
      expect([doc.recommendations[4]!.text, doc.recommendations[4]!.agreement]).toEqual(['Ensure that all staff receive regular supervision', 'agreed']);
    });
  });

  describe('plans of other titles and layouts saved as Word documents and printed by LibreOffice, read as the page reads', () => {
    it('column titles broken inside a word in narrow, centred header cells ("Re" / "c", "Agreeme" / "nt")', { timeout: 60_000 }, () => {
      // Before: the header was found from its second line, where "Actions taken or planned", "Lead" and "Timescale"
      // stand, without "Re" / "c" and "Agreeme" / "nt" above: no agreement column, no row starts, and every
      // recommendation's text ran into the first's. A band a line or two higher that names more columns is now the
      // header, and "Rec" alone titles the number column.
      const doc = readsAsPage('word-broken-titles');
      expect(doc.recommendations.map((r) => [r.number, r.agreementRaw])).toEqual([
        ['1', 'Agreed'],
        ['2', 'Partly Agreed'],
        ['3', 'Agreed'],
        ['4', 'Agreed'],
        ['5', 'Agreed'],
        ['6', 'Partly Agreed'],
      ]);
    });

    it('an owner\'s word broken in a narrow column ("Safeguardin" / "g Lead")', { timeout: 60_000 }, () => {
      const doc = readsAsPage('word-broken-owner');
      expect(doc.recommendations[0]!.actions.map((a) => a.owner)).toEqual(['Team Managers', 'Head of PDU', 'Regional Safeguarding Lead']);
    });

    it('a row cut by the page between two sentences of an action, its rest centred in what is left of the row', { timeout: 60_000 }, () => {
      // Before: the halves were two actions, and the owner and date centred beside them went to the second, leaving
      // the first with neither and the last with no date.
      const doc = readsAsPage('word-row-cut-sentences');
      expect(doc.recommendations[3]!.actions.map((a) => [a.text, a.owner, a.due?.raw])).toEqual([
        ['Audit the duty rota each quarter.', 'All SPOs', 'End of July 2027'],
        ['Report the sentence plan template so that managers can act on them quickly. Improve supervision records and report the results to the senior leadership team.', 'Team Managers', 'Q3 2027/28'],
        ['Train the sentence plan template with partner agencies. Publish the sentence plan template and report the results to the senior leadership team.', 'Team Managers', 'By end of Q1 2027/28'],
      ]);
    });

    it('one row per action, the merged number, recommendation and agreement cells centred across their rows', { timeout: 60_000 }, () => {
      // Before: the rule between two actions cut the merged cells' text too, so rec 1's first action had no number
      // (a fragment before the first recommendation) and its text was cut in two.
      const doc = readsAsPage('word-merged-centred');
      expect(doc.recommendations.map((r) => [r.number, r.text, r.actions.length])).toEqual([
        ['1', 'Make sure that home visits take place where there are safeguarding concerns', 2],
        ['2', 'Provide interpreters for every appointment where one is needed', 1],
        ['3', 'Make sure that home visits take place where there are safeguarding concerns', 1],
        ['4', 'Improve the recording of contact with partner agencies', 1],
        ['5', 'Strengthen joint work with children’s social care', 2],
      ]);
    });

    it('an agreement cut by the page ("Partly" / "Agreed")', { timeout: 60_000 }, () => {
      // Before: "Agreed" at the top of the next page started a recommendation of its own, numbered 5 again by inference.
      const doc = readsAsPage('word-row-cut-agreement');
      expect(doc.recommendations.map((r) => r.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
      expect([doc.recommendations[4]!.text, doc.recommendations[4]!.agreement, doc.recommendations[4]!.actions.length]).toEqual(['Ensure that all staff receive regular supervision', 'partly-agreed', 4]);
    });

    it('a list item cut by the page, its rest set in with no bullet at the top of the next', { timeout: 60_000 }, () => {
      // Before: the rest ("Audit home visit rates.") started a row of its own and went with the next item, and the
      // owners beside it were shared out wrongly ('Deputy Head of PDU Learning and Development Lead').
      const doc = readsAsPage('word-row-cut-item');
      expect(doc.recommendations[4]!.actions.map((a) => [a.text, a.owner, a.due?.raw])).toEqual([
        ['Share the sentence plan template with partner agencies.', 'Senior Probation Officer (Courts)', 'January 2028'],
        ['Train the induction pack for new staff in every team.', 'Deputy Head of PDU', 'By end of Q1 2027/28'],
        ['Monitor supervision records each quarter. Audit home visit rates.', 'Learning and Development Lead', 'Complete'],
        ['Train a practice note on safeguarding for all practitioners.', 'SPOs', '31 May 2027'],
      ]);
    });

    it('a row cut by the page after its first line, which stands alone at the foot of the page', { timeout: 60_000 }, () => {
      // Before: that line ("6  Review the  Agreed  The PDU will:") was taken for a footer and left out, without a word,
      // and the rest of rec 6 went to rec 5. A line of three cells or more, one a bare number or an agreement, is no footer.
      const doc = readsAsPage('word-row-at-foot');
      expect(doc.recommendations.map((r) => r.number)).toEqual(['1', '2', '3', '4', '5', '6']);
      expect([doc.recommendations[5]!.text, doc.recommendations[5]!.agreementRaw, doc.recommendations[5]!.actions.length]).toEqual(['Review the management of cases transferred from other areas', 'Agreed', 4]);
    });

    it('owners of one row per action on several lines, cut by the page, or run into their dates', { timeout: 60_000 }, () => {
      // Before: 'Learning and Development; Lead' (a line that names no one alone, "Lead", was a second owner),
      // 'Senior Probation; Officer (Courts)' (cut by the page), 'Business Manager Complete' with no date (one run of
      // text over the column start, which the estimate put a fraction of a point before it), and, since that run was
      // the owner column's widest line, every owner of rec 7 cut at its line ends.
      const doc = readsAsPage('word-merged-owners');
      const owners = (i: number) => doc.recommendations[i]!.actions.map((a) => [a.owner, a.due?.raw]);
      expect(owners(0)).toEqual([
        ['Learning and Development Lead', '1st December 2027'],
        ['Quality Lead', 'March 2027'],
      ]);
      expect(owners(2)[0]).toEqual(['Business Manager', 'Complete']);
      expect(owners(3)).toEqual([['Senior Probation Officer (Courts)', 'September 2027']]);
      expect(owners(6)).toEqual([
        ['Head of Public Protection / Deputy Director', 'Completed'],
        ['Head of PDU and Quality Lead', 'End of July 2027'],
        ['Head of PDU', 'Mar-27'],
      ]);
    });

    it('a list item cut by the page in a row whose cells are set at the top', { timeout: 60_000 }, () => {
      // Before: the rest of the third item ("Complete the duty rota each quarter.", set in with no bullet at the top of
      // page 2) went with the fourth; the owners and dates paired as well either way.
      const doc = readsAsPage('word-item-over-page');
      expect(doc.recommendations[2]!.actions.map((a) => [a.text, a.owner])).toEqual([
        ['Train performance data for each team so that managers can act on them quickly.', 'Business Manager'],
        ['Agree the referral pathway to housing in every team.', 'Head of PDU and Quality Lead'],
        ['Audit the referral pathway to housing for all practitioners. Complete the duty rota each quarter.', 'Deputy Head of PDU'],
        ['Share home visit rates with partner agencies.', 'Business Manager'],
      ]);
    });

    it('an agreement cut by the page, its rest centred lower in what is left of the row', { timeout: 60_000 }, () => {
      // Before: "Agreed" and "on time", centred below the rest of the response at the top of page 2, started a
      // recommendation of their own, numbered 7 again by inference, and rec 7's third action went with them. A part
      // with no number, before any numbered one on the page, that finishes the open row's agreement is its rest.
      const doc = readsAsPage('word-agreement-cut-centred');
      expect(doc.recommendations.map((r) => r.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
      expect([doc.recommendations[6]!.text, doc.recommendations[6]!.agreementRaw, doc.recommendations[6]!.actions.map((a) => a.owner)]).toEqual([
        'Make sure that sentence plans are completed on time',
        'Partly Agreed',
        ['All SPOs', 'Deputy Head of PDU', 'Regional Safeguarding Lead'],
      ]);
    });

    it('actions in numbered lists', { timeout: 60_000 }, () => {
      // Before: LibreOffice sets each item's number as text ("1. Complete …"), which no bullet rule knew: the items of
      // a response ran together into fewer actions than owners ("… in every team. 2. Review …").
      const doc = readsAsPage('word-numbered-list');
      expect(doc.recommendations[1]!.actions.map((a) => [a.text, a.owner])).toEqual([
        ['Complete the induction pack for new staff in every team.', 'Senior Probation Officers'],
        ['Review the quality of risk assessments for all practitioners. Deliver home visit rates and report the results to the senior leadership team.', 'SPOs'],
        ['Report the quality of risk assessments so that managers can act on them quickly.', 'Team Managers'],
        ['Improve a practice note on safeguarding with partner agencies.', 'Regional Safeguarding Lead'],
      ]);
    });

    it('a target date broken inside its word by the page ("30/06/202" / "7")', { timeout: 60_000 }, () => {
      // Before: joined across the page break with a space, as the halves of an owner are: '30/06/202 7', no date.
      const doc = readsAsPage('word-date-cut-by-page');
      expect(doc.recommendations[5]!.actions.map((a) => a.due?.date)).toEqual(['2027-06-30', '2027-06-30', '2028-01']);
    });

    it('a target date broken where its first part is a date of its own ("30/06/20" / "27")', { timeout: 60_000 }, () => {
      // Before: '30/06/20' was 30 June 2020 and '27' nothing, so rec 3 had three dates and a stray number for four
      // list items, and read as one action of four owners.
      const doc = readsAsPage('word-year-cut');
      expect(doc.recommendations[2]!.actions.map((a) => a.due?.date)).toEqual(['2027-05-31', '2027-06-30', '2028-01', '2027-06-30']);
    });
  });

  describe('a lead-in above its list, in rows whose cells are centred', () => {
    // The owners and dates stand level with the list's items, so the row was cut into a part per item, and the lead-in,
    // above the rec number, made a part of its own: a row with no number, the rest of the recommendation before.
    it('alone above the number', { timeout: 60_000 }, () => {
      // Before: Not Agreed rec 2 had a second action 'The PDU will:', and rec 3's response no lead-in.
      const doc = readsAsPage('chromium-centred-lead-in');
      expect(doc.recommendations[1]!.actions.map((a) => [a.text, a.owner])).toEqual([['Staffing levels do not allow a dedicated post this year.', 'N/A']]);
      expect(doc.recommendations[2]!.response).toMatch(/^The PDU will: Introduce supervision records/);
      // Owners: a blank slot beside the lead-in, one beside the second item (the page's source, checked by hand).
      expect(doc.recommendations[2]!.actions.map((a) => [a.text.split(' ').slice(0, 3).join(' '), a.owner, a.due?.raw])).toEqual([
        ['Introduce supervision records', 'Regional Safeguarding Lead', 'w/c 7 June 2027'],
        ['Train the sentence', null, 'Autumn 2027'],
        ['Introduce home visit', 'Team Managers', 'Q3 2027/28'],
      ]);
    });

    it('beside the first line of the recommendation text, above the number', { timeout: 60_000 }, () => {
      // Before: rec 7's text and lead-in went to rec 6 ('… where one is needed Make sure that sentence plans are
      // completed on time', a fourth action 'The PDU will:').
      const doc = readsAsPage('chromium-centred-lead-in-text');
      expect(doc.recommendations.slice(5, 7).map((r) => [r.number, r.text, r.actions.length])).toEqual([
        ['6', 'Provide interpreters for every appointment where one is needed', 3],
        ['7', 'Make sure that sentence plans are completed on time', 1],
      ]);
    });
  });

  describe('owners stacked one paragraph under another, a blank paragraph where an action has none', () => {
    it('the blank paragraphs are restored from the gaps they leave, whole paragraph steps', { timeout: 60_000 }, () => {
      // Rec 8: a lead-in and four items; the owner cell holds a blank paragraph beside the lead-in, 'Regional
      // Safeguarding Lead', a blank one, 'Head of PDU', 'Senior Probation Officers' (the page's source, checked by
      // hand). Before: the three owners went to the first three items in order, and the fourth had none.
      const doc = readsAsPage('chromium-stacked-owners');
      expect(doc.recommendations[7]!.actions.map((a) => [a.text.split(' ').slice(0, 3).join(' '), a.owner, a.due?.raw])).toEqual([
        ['Monitor monthly case', 'Regional Safeguarding Lead', '28.02.27'],
        ['Audit the sentence', null, 'Quarterly from April 2027'],
        ['Introduce the quality', 'Head of PDU', 'Quarterly from April 2027'],
        ['Improve the induction', 'Senior Probation Officers', '31 May 2027'],
      ]);
    });
  });

  describe('one row per action under merged cells centred across the rows', () => {
    it('the rows above the rec number are the recommendation\'s own', { timeout: 60_000 }, () => {
      // Rec 1's merged cells span four action rows; its number stands beside the third. Before: the first action's
      // row, above the number and first in the table, was a recommendation of its own with no number and no text.
      const doc = readsAsPage('chromium-merged-centred');
      expect(doc.recommendations[0]!.number).toBe('1');
      expect(doc.recommendations[0]!.actions.map((a) => [a.text.split(' ').slice(0, 3).join(' '), a.owner, a.due?.raw])).toEqual([
        ['Monitor the induction', 'Head of Operations', '31 May 2027'],
        ['Audit supervision records', 'Business Manager', 'September 2027'],
        ['Improve the sentence', 'Performance Manager', '30/06/2027'],
        ['Review the referral', 'Team Managers', 'September 2027'],
      ]);
    });
  });

  describe('columns found from centred header titles', () => {
    it('a column whose only paragraph starts left of the numbered lists in its other rows', { timeout: 60_000 }, () => {
      // Before: the column was taken to start where the lists' numbers did, so rec 1's Not Agreed reason, the only
      // paragraph, fell to the agreement column ('Not agreed. Staffing levels … this year. Not Agreed'), with no
      // response and no action.
      const doc = readsAsPage('chromium-indented-lists');
      expect(doc.recommendations.map((r) => [r.number, r.agreementRaw, r.response?.split('.')[0], r.actions.length])).toEqual([
        ['1', 'Not Agreed', 'Not agreed', 1],
        ['2', 'Agreed', 'Complete the quality of risk assessments', 3],
        ['3', 'Agreed', 'Review the induction pack for new staff each quarter', 4],
      ]);
    });
  });

  it('a column the template does not have: its words are named as lost, and validate fails on them', { timeout: 60_000 }, () => {
    const doc = convert('extra-column.pdf');
    expect(doc.recommendations.map((r) => r.number)).toEqual(['1', '2']);
    const [diag, ...more] = lost(doc);
    expect(more).toEqual([]);
    expect(diag?.location).toEqual({ page: 1 });
    // "Delayed by staff vacancies" and "On track: first workshops held in May": 11 words, counted by hand.
    const words = (diag?.data?.['words'] ?? []) as string[];
    expect(diag?.data?.['page']).toBe(1);
    expect(words).toHaveLength(11);
    for (const word of ['Delayed', 'staff', 'vacancies', 'track:', 'first', 'held', 'May']) expect(words).toContain(word);
    const run = plancheck(['validate', 'fixtures/pdf/losses/extra-column.pdf', '--format', 'json']);
    expect(run.code).toBe(1);
    const findings = (JSON.parse(run.stdout) as { files: Array<{ findings: Array<{ ruleId: string; severity: string; location: unknown }> }> }).files[0]!.findings;
    expect(findings.filter((f) => f.ruleId === 'read-complete')).toEqual([expect.objectContaining({ severity: 'error', location: { page: 1 } })]);
  });

  it('owners and dates typed into form fields are read as the text of the cells they sit in', { timeout: 60_000 }, () => {
    const doc = convert('form-fields.pdf');
    expect(lost(doc)).toEqual([]);
    expect(doc.recommendations.map((r) => [r.number, r.agreementRaw, r.actions.map((a) => [a.text, a.owner, a.due?.raw])])).toEqual([
      ['1', 'Agreed', [['The PDU will run risk of harm workshops for all practitioners.', 'Head of PDU', 'June 2023']]],
      ['2', 'Agreed', [['SPOs will audit five cases per team each month.', 'Senior Probation Officers', 'Monthly from April 2023']]],
      ['3', 'Partly Agreed', [['A workload tool will be introduced; more staff cannot be afforded this year.', 'Deputy Head of PDU', 'September 2023']]],
    ]);
    // Before: six errors, "has no responsible owner" and "has no target date" for each action.
    const run = plancheck(['validate', 'fixtures/pdf/losses/form-fields.pdf', '--no-color']);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 0, stdout: '✔ fixtures/pdf/losses/form-fields.pdf: no problems — 3 recommendations, 3 actions\n' });
  });

  it('paragraphs set with no space between: dates told apart by what they say, owners and actions by how many the row holds', { timeout: 60_000 }, () => {
    // The parallel plan with no spacing around paragraphs (python-docx's default), printed by LibreOffice.
    const doc = convert('tight-paragraphs.pdf');
    expect(lost(doc)).toEqual([]);
    const expected = JSON.parse(readFileSync(join(import.meta.dirname, '../../../fixtures/plans/parallel.expected.json'), 'utf8')) as Pick<PlanDocument, 'recommendations'>;
    // Before: "30th June 2023 April 2023; Q2 2023/24 31st July 2023 Ongoing" was one date, and its row had 3 for 6
    // actions; then "Head of PDU SPOs" (rec 3) and "Deputy Head of PDU Performance and Information Lead Head of PDU"
    // (rec 2) were one owner each. The dates and the response say how many owners there are, and the owners part
    // where the next one's first word would have fitted on the line before, or at the only places they can.
    // Recs 6, 8 and 9 have owners whose every line is full ("Director of Probation" / "Digital Services" / "Eastmoor
    // Hub" / "Manager" / …): they ran together ("Director of Probation Digital Services Eastmoor Hub Manager"), and
    // now part where their wording plainly ends one title and starts the next. Recs 5, 7 and 10 (each cut by a
    // page end) read one action fewer than their owners and dates give (two fewer in rec 10): actions ending on a
    // full line ran together ("… has taken place." / "The PDU will agree …"), and the surplus owners and dates went
    // to one action. Where the owners and dates both give one per action, the response now parts after a full stop
    // at a line's end, when there are just as many such places as actions missing.
    expect(doc.recommendations).toHaveLength(10);
    doc.recommendations.forEach((r, i) => expect(withoutLocations(r), `recommendation ${i + 1}`).toEqual(expected.recommendations[i]));
    expect(doc.diagnostics).toEqual([]);
  });

  it('a python-docx table printed by LibreOffice: actions set with no space between are told apart by the dates beside them', { timeout: 60_000 }, () => {
    // fixtures/make/python-docx-plan.py: actions with no closing full stop, one a paragraph of one full line
    // ("Two workshops …" / "Sentence plans …" ran together before), checked against the PDF by hand.
    const doc = convert('python-docx.pdf');
    expect(lost(doc)).toEqual([]);
    const read = (i: number) => doc.recommendations[i]!.actions.map((a) => [a.text, a.due?.raw]);
    expect(read(0)).toEqual([
      ['Every sentence plan will be checked by an SPO within ten working days of allocation, and returned to the practitioner where objectives are missing', '31/03/2025'],
      ['A practice guide on writing objectives with the person on probation will be issued to all staff', 'End of June 2025'],
      ['Two workshops on sentence planning will be run for newly qualified officers', 'Q3 2025/26'],
      ['Sentence plans will be reviewed at each formal supervision', 'Ongoing'],
      ['An audit of fifty plans will measure the change, and its results will be shared with the regional quality board', 'Completed May 2025'],
    ]);
    expect(read(1)).toEqual([
      ['The reception area will be redesigned so that no interview takes place in the open office', 'September 2025'],
      ['a room booking system will be introduced for the three interview rooms', '1st October 2025'],
      ['Staff will be reminded of the policy at the next all-staff meeting', 'Complete'],
    ]);
    // Owners whose every line is full: where one ends is in the words alone. "Estates" / "Manager" / "Office Manager" /
    // "Head of PDU" was one owner for three actions (an owner-count warning), and rec 1's "Senior" / "Probation" /
    // "Officers" / "Quality" / … / "Partner" one for its first three; a line ending on a role word ("Manager",
    // "Officers") ends a title, one standing alone ("Manager") does not start one.
    const owners = (i: number) => doc.recommendations[i]!.actions.map((a) => a.owner);
    expect(owners(0)).toEqual(['Senior Probation Officers', 'Quality Development Officer', 'Learning and Development Business Partner', 'SPOs', 'Head of Quality, Kestrel PDU']);
    expect(owners(1)).toEqual(['Estates Manager', 'Office Manager', 'Head of PDU']);
    // Rec 3, cut by the page end: "A named safeguarding lead will attend" / "each strategy meeting …" (page 2), owners
    // "Safeguarding" / "Lead and" / "Deputy Head of" (page 2) / "PDU", dates "Monthly" / "July 2025" / "30" (page 2) /
    // "November" / "2025". Before: three actions for four, "Monthly July 2025" one date and "… held instead" / "Joint
    // training …" one action. "Monthly" standing alone is a whole date, as "Ongoing" is; an owner joined across the
    // page break keeps its lines, so it is still counted and parted; the response parts at the one place it can when
    // its owners and dates both give four.
    expect(doc.recommendations[2]!.actions.map((a) => [a.text, a.owner, a.due?.raw, a.location])).toEqual([
      ['Information-sharing requests will be sent on the day of allocation for every case with children in the household', 'Case Administrators', 'From April 2025', { page: 1 }],
      ['A named safeguarding lead will attend each strategy meeting held by the local authority', 'Safeguarding Lead and Deputy Head of PDU', 'Monthly', { page: 1 }],
      ['Co-location of a social worker in the office is not agreed, for affordability reasons, but a monthly joint surgery will be held instead', 'Head of PDU', 'July 2025', { page: 2 }],
      ['Joint training on the risk of harm to children will be offered to both teams', 'Regional Safeguarding Manager', '30 November 2025', { page: 2 }],
    ]);
    expect(doc.recommendations[2]!.reading).toEqual({ strategy: 'paragraph', owners: 'one-to-one', dates: 'one-to-one' });
    expect(doc.diagnostics).toEqual([]);
  });

  it('a python-docx table of one row per action, rec cells merged down its rows: rows whose text runs together are cut at the ruling lines', { timeout: 60_000 }, () => {
    // fixtures/make/python-docx-plan.py --row-per-action, printed by LibreOffice, read against the PDF by hand. Nothing
    // on the page but the rules between rows parts "… held instead" from "Joint training …" (rec 3, page 2), or
    // "Quality" / "Development" / "Officer" from "Learning and" / "Development" / "Business" / "Partner" (rec 1).
    // Before: those two actions were one, with owners "Head of PDU; Regional Safeguarding Manager", and rec 1's
    // third action had no owner, its owner joined to the second's.
    const doc = convert('python-docx-rows.pdf');
    expect(lost(doc)).toEqual([]);
    expect(doc.diagnostics).toEqual([]);
    expect(rowsRead(doc)).toEqual(ROWS_AS_WRITTEN);
    expect(doc.recommendations[2]!.actions.map((a) => a.text)).toEqual(REC_3_ACTIONS);
  });

  it('the same table with no borders: rows whose text runs together are cut where their cells start', { timeout: 60_000 }, () => {
    // python-docx's default table style draws no rules: where the owner and the date of the next row both start level
    // with a line of an action ("Regional" / "30" beside "Joint training …"), a row starts there, and an owner running
    // on past where the next row starts ("… Officer" / "Learning and …", beside "Two workshops …") is cut there. At the
    // top of page 2, "Staff will be reminded …" beside "Head of PDU" and "Complete" is a new row: the date cannot carry
    // on "1st October 2025", the owner's words plainly part from "Office Manager", and the action starts with a
    // capital. Before: rec 1's third action had no owner (its owner was joined to the second's), rec 3's last two
    // actions were one, and rec 2's last was joined to the one before it, with owners "Office Manager; Head of PDU"
    // and dates "1st October 2025; Complete".
    const doc = convert('python-docx-borderless.pdf');
    expect(lost(doc)).toEqual([]);
    expect(doc.diagnostics).toEqual([]);
    expect(rowsRead(doc)).toEqual(ROWS_AS_WRITTEN);
    expect(doc.recommendations[2]!.actions.map((a) => a.text)).toEqual(REC_3_ACTIONS);
  });
});

describe('a second python-docx plan, with no space between paragraphs', () => {
  it('reads as written: owners parted by their wording, dates that stand alone ("Ongoing", "Monthly") ended there', { timeout: 60_000 }, () => {
    // fixtures/make/python-docx-plan.py --second-plan, one row per recommendation, printed by LibreOffice; rec 3 runs
    // over the page end. Before: "Ongoing" / "September" / "2025" was one date (a month after "Ongoing" was taken
    // for the date it was done, as after "Completed"), so rec 2's first two actions and their owners ("Senior Victim
    // Liaison Officer IT Business Partner") were one.
    const doc = convert('python-docx-second.pdf');
    expect(lost(doc)).toEqual([]);
    expect(doc.diagnostics).toEqual([]);
    expect(doc.recommendations.map((r) => [r.number, r.agreement, r.actions.map((a) => [a.text, a.owner, a.due?.raw])])).toEqual([
      ['1', 'agreed', [
        ['Court team managers will review every report that is late and agree a plan with its author', 'Court Team Managers', 'June 2025'],
        ['A new template for short format reports will be issued', 'Head of Courts and Partnerships', 'Monthly'],
        ['Report writers will be given protected time on two days each week', 'Regional Probation Director', 'Quarterly'],
        ['Performance will be reviewed at each regional performance board meeting', 'Regional Performance Lead', '31 March 2026'],
      ]],
      ['2', 'partly-agreed', [
        ['Victim liaison officers will contact every eligible victim within forty days of sentence', 'Senior Victim Liaison Officer', 'Ongoing'],
        ['A shared mailbox will be set up for referrals from the courts', 'IT Business Partner', 'September 2025'],
        ['Extra staff for the victim unit cannot be afforded this year, but the caseload will be reviewed', 'Deputy Head of Public Protection', 'April 2026'],
      ]],
      ['3', 'agreed', [
        ['Every case will have a home visit within ten days of allocation', 'Probation Practitioners', 'From May 2025'],
        ['The domestic abuse lead will audit ten cases a month', 'Domestic Abuse Lead', 'Weekly'],
        ['Police information will be checked before every home visit', 'Police Liaison Officer and Senior Probation Officer', '30 June 2025'],
        ['Findings will be shared with the local safeguarding partnership', 'Head of PDU', 'Annually'],
        ['Training on professional curiosity will be given to all staff', 'Learning and Development Manager', 'Complete'],
      ]],
    ]);
  });
});

/** The number, text, reading and actions (first three words, owner, date) of each recommendation read. */
const rowsRead = (doc: PlanDocument) =>
  doc.recommendations.map((r) => [r.number, r.text, r.reading?.strategy, r.actions.map((a) => [a.text.split(' ').slice(0, 3).join(' '), a.owner, a.due?.raw])]);

/** fixtures/make/python-docx-plan.py --row-per-action as written, in the form of rowsRead. */
const ROWS_AS_WRITTEN = [
  ['1', 'Improve the quality of sentence plans, so that they address the factors linked to reoffending', 'row-per-action', [
    ['Every sentence plan', 'Senior Probation Officers', '31/03/2025'],
    ['A practice guide', 'Quality Development Officer', 'End of June 2025'],
    ['Two workshops on', 'Learning and Development Business Partner', 'Q3 2025/26'],
    ['Sentence plans will', 'SPOs', 'Ongoing'],
    ['An audit of', 'Head of Quality, Kestrel PDU', 'Completed May 2025'],
  ]],
  ['2', 'Make sure that people on probation are seen in private interview rooms', 'row-per-action', [
    ['The reception area', 'Estates Manager', 'September 2025'],
    ['a room booking', 'Office Manager', '1st October 2025'],
    ['Staff will be', 'Head of PDU', 'Complete'],
  ]],
  ['3', 'Strengthen joint work with children’s social care where there are safeguarding concerns', 'row-per-action', [
    ['Information-sharing requests will', 'Case Administrators', 'From April 2025'],
    ['A named safeguarding', 'Safeguarding Lead and Deputy Head of PDU', 'Monthly'],
    ['Co-location of a', 'Head of PDU', 'July 2025'],
    ['Joint training on', 'Regional Safeguarding Manager', '30 November 2025'],
  ]],
];

/** Rec 3's actions in full, as written. */
const REC_3_ACTIONS = [
  'Information-sharing requests will be sent on the day of allocation for every case with children in the household',
  'A named safeguarding lead will attend each strategy meeting held by the local authority',
  'Co-location of a social worker in the office is not agreed, for affordability reasons, but a monthly joint surgery will be held instead',
  'Joint training on the risk of harm to children will be offered to both teams',
];
