import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlan } from '../../../src/read/index.js';
import { loadPdf } from '../../../src/read/pdf/load.js';
import { readTable } from '../../../src/read/pdf/table.js';
import { isHeading, type SourceRow } from '../../../src/read/source-row.js';

const dir = join(import.meta.dirname, '../../../fixtures/pdf');
const read = async (file: string) => (await readPlan({ path: file, bytes: readFileSync(join(dir, file)) })).document;
const rowsOf = async (file: string) => readTable(await loadPdf(readFileSync(join(dir, file)))).table.rows;
const BOTH = (plan: string): string[] => [`${plan}.pdf`, `${plan}.chromium.pdf`];

describe('PDF reader: the hard cases of a rebuilt table, stated outright', () => {
  it.each([...BOTH('wessex-stacked'), ...BOTH('derwent-row-per-action'), ...BOTH('avon-unruled')])('%s: the header, on every page, is not a row', async (file) => {
    const rows = await rowsOf(file);
    const text = rows.flatMap((r) => (isHeading(r) ? [r.heading] : Object.values(r.cells).flat().map((p) => p!.text))).join(' | ');
    expect(text).not.toMatch(/Response Action|Taken\/Planned|Responsible|Target Date|Rec No|Agreed ?\/ Partly|Recommendati on/);
  });

  it.each(BOTH('wessex-stacked'))('%s: the first row of each later page follows a break; every piece has its page and place', async (file) => {
    const rows = (await rowsOf(file)).filter((r): r is SourceRow => !isHeading(r));
    const firstOnPage = new Map<number, SourceRow>();
    for (const row of rows) if (!firstOnPage.has(row.location.page!)) firstOnPage.set(row.location.page!, row);
    expect([...firstOnPage.keys()]).toEqual([1, 2, 3]);
    expect([...firstOnPage.values()].map((r) => r.afterBreak)).toEqual([false, true, true]);
    expect(rows.filter((r) => r.afterBreak)).toHaveLength(2);
    for (const row of rows) {
      for (const piece of Object.values(row.cells).flat()) {
        expect(piece!.location.page).toBe(row.location.page);
        expect(piece!.top).toBeLessThan(piece!.bottom!);
      }
    }
  });

  it('wessex (LibreOffice): a paragraph cut by the page break is joined back into one action', async () => {
    const doc = await read('wessex-stacked.pdf');
    const action = doc.recommendations[2]!.actions[4]!;
    expect(action.text).toMatch(/and the board will decide whether further action is needed\.$/);
    expect(action.location.page).toBe(2);
    expect(doc.recommendations[2]!.actions[5]!.location.page).toBe(3);
  });

  it.each(BOTH('wessex-stacked'))('%s: an owner wrapped over three lines is one owner; two short owners are two', async (file) => {
    const doc = await read(file);
    expect(doc.recommendations[0]!.actions.map((a) => a.owner)).toEqual(['Head of PDU', 'Senior Probation Officers', 'Head of PDU and Head of Public Protection, Wessex Region']);
    expect(doc.recommendations[1]!.actions.map((a) => a.owner)).toEqual(['Head of PDU', 'Deputy Head of PDU']);
    expect(doc.recommendations[0]!.actions[1]!.due?.raw).toBe('Monthly from April 2023');
  });

  it('avon (LibreOffice): an owner cut in two by the page break is joined, so owners still pair one to one', async () => {
    const rows = (await rowsOf('avon-unruled.pdf')).filter((r): r is SourceRow => !isHeading(r));
    const owners = rows.map((r) => (r.cells.owner ?? []).map((p) => `${p.location.page}:${p.text}`));
    expect(owners.flat()).toContain('1:Senior Probation Officers');
    expect(owners.flat().some((o) => o.endsWith(':Officers'))).toBe(false);
    const doc = await read('avon-unruled.pdf');
    expect(doc.recommendations[1]!.actions.map((a) => a.owner)).toEqual(['Court Team Manager', 'Case Administration Manager', 'Senior Probation Officers', 'Regional Performance Lead']);
  });

  it.each(BOTH('avon-unruled'))('%s: without ruling lines, owners placed beside their actions pair by position', async (file) => {
    const doc = await read(file);
    const rec = doc.recommendations[0]!;
    expect(rec.actions.map((a) => [a.owner, a.due?.raw])).toEqual([
      ['Head of Interventions', 'March 2025'],
      [null, 'Monthly from April 2025'],
      ['Regional Commissioning Lead', 'June 2025'],
    ]);
  });

  it.each(BOTH('avon-unruled'))('%s: a note under the table and the annex after it are not part of the last row', async (file) => {
    const doc = await read(file);
    expect(doc.source.pages).toBe(3);
    expect(JSON.stringify(doc)).not.toMatch(/Signed on behalf|Annex A|HMPPS means/);
    expect(doc.diagnostics).toEqual([]);
    expect(doc.recommendations.at(-1)!.actions.at(-1)!.text).toMatch(/learn from one another\.$/);
  });

  it.each(BOTH('derwent-row-per-action'))('%s: heading rows across the table name the addressee; merged rec cells keep one row per action', async (file) => {
    const rows = await rowsOf(file);
    expect(rows.filter(isHeading).map((h) => [h.heading, h.location.page])).toEqual([
      ['Derwent PDU', 1],
      ['HM Prison and Probation Service', 2],
    ]);
    const doc = await read(file);
    expect(doc.recommendations.map((r) => [r.number, r.refs, r.addressee])).toEqual([
      ['1', [], 'Derwent PDU'],
      ['2', [], 'Derwent PDU'],
      ['3', ['SW 2'], 'HM Prison and Probation Service'],
      ['4', [], 'HM Prison and Probation Service'],
    ]);
    // The row cut by the page break is one action, both its paragraphs, with the row's one owner.
    expect(doc.recommendations[1]!.actions.map((a) => a.owner)).toEqual([null, 'Head of Public Protection']);
    expect(doc.recommendations[1]!.reading).toEqual({ strategy: 'row-per-action', owners: 'one-to-one', dates: 'one-to-one' });
  });

  it('wessex (rotated): pages stored turned a quarter and shown upright by /Rotate read like the others', async () => {
    expect(readFileSync(join(dir, 'wessex-stacked.rotated.pdf')).includes('/Rotate 270')).toBe(true);
    const [rotated, upright] = await Promise.all([read('wessex-stacked.rotated.pdf'), read('wessex-stacked.chromium.pdf')]);
    expect(rotated.recommendations).toEqual(upright.recommendations);
  });

  it('derwent (LibreOffice): a column title broken inside a word ("Recommendati" / "on") is still found', async () => {
    const doc = await read('derwent-row-per-action.pdf');
    expect(doc.recommendations[0]!.text).toBe('Ensure that every case receives a thorough assessment of risk of harm at the start of the order.');
  });
});
