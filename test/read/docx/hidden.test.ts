import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../../src/model/plan.js';
import { withoutHiddenRuns } from '../../../src/read/docx/hidden.js';
import { plancheck } from '../../cli/run.js';
import { withoutLocations } from '../without-locations.js';

const t = (text: string): string => `<w:t xml:space="preserve">${text}</w:t>`;
const shown = (text: string): string => `<w:r><w:rPr><w:b/></w:rPr>${t(text)}</w:r>`;
const hidden = (text: string, vanish = '<w:vanish/>'): string => `<w:r w:rsidR="00A1"><w:rPr><w:i/>${vanish}</w:rPr>${t(text)}</w:r>`;

describe('hidden Word text', () => {
  it('takes out runs marked hidden, and keeps the rest as it was', () => {
    const xml = `<w:p>${shown('Seen. ')}${hidden('Not seen.')}${shown(' Seen again.')}</w:p>`;
    expect(withoutHiddenRuns(xml)).toBe(`<w:p>${shown('Seen. ')}${shown(' Seen again.')}</w:p>`);
    expect(withoutHiddenRuns(`<w:p>${hidden('x', '<w:vanish w:val="true"/>')}${hidden('y', '<w:vanish w:val="1"/>')}</w:p>`)).toBe('<w:p></w:p>');
  });

  it('keeps a run whose vanish is switched off, and text with no vanish at all, unchanged', () => {
    const off = `<w:p>${hidden('Shown after all.', '<w:vanish w:val="false"/>')}${hidden('And this.', '<w:vanish w:val="0"/>')}</w:p>`;
    expect(withoutHiddenRuns(off)).toBe(off);
    const plain = `<w:p>${shown('Plain.')}</w:p>`;
    expect(withoutHiddenRuns(plain)).toBe(plain);
  });

  it('keeps a paragraph whose mark alone is hidden; drops it when its text is all hidden too', () => {
    const mark = '<w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>';
    expect(withoutHiddenRuns(`<w:p>${mark}${shown('Kept.')}</w:p>`)).toBe(`<w:p>${mark}${shown('Kept.')}</w:p>`);
    expect(withoutHiddenRuns(`<w:p>${shown('A')}</w:p><w:p>${mark}${hidden('Gone')}</w:p><w:p>${shown('B')}</w:p>`)).toBe(`<w:p>${shown('A')}</w:p><w:p>${shown('B')}</w:p>`);
  });

  it('takes a hidden run out whole, text boxes inside it and all', () => {
    const box = `<w:r><w:rPr><w:vanish/></w:rPr><w:drawing><w:txbxContent><w:p>${shown('inner')}</w:p></w:txbxContent></w:drawing></w:r>`;
    expect(withoutHiddenRuns(`<w:p>${box}${shown('after')}</w:p>`)).toBe(`<w:p>${shown('after')}</w:p>`);
  });

  it('reads a Word plan with hidden text as the plan without it, through the CLI', { timeout: 60_000 }, () => {
    // fixtures/docx/hidden-text.docx is the borderless plan with a hidden sentence after its first action and a
    // hidden paragraph in each of the first row's owner and date cells (fixtures/make/losses.mjs).
    const run = plancheck(['convert', 'fixtures/docx/hidden-text.docx']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as PlanDocument;
    const expected = JSON.parse(readFileSync(join(import.meta.dirname, '../../../fixtures/plans/borderless.expected.json'), 'utf8')) as Pick<PlanDocument, 'plan' | 'recommendations' | 'diagnostics'>;
    expect(doc.plan).toEqual(expected.plan);
    expect(withoutLocations(doc.recommendations)).toEqual(expected.recommendations);
    expect(withoutLocations(doc.diagnostics)).toEqual(expected.diagnostics ?? []);
    expect(run.stdout).not.toMatch(/Draft note|Interim Head of PDU/);
  });
});
