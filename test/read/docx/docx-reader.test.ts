import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { zip } from '../../../fixtures/make/lib/zip.mjs';
import type { PlanDocument } from '../../../src/model/plan.js';
import { ReadError } from '../../../src/read/errors.js';
import { readPlan } from '../../../src/read/index.js';
import { checkWordZip } from '../../../src/read/docx/guard.js';

const plans = join(import.meta.dirname, '../../../fixtures/plans');
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

const p = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (body: string, props = ''): string => `<w:tc><w:tcPr>${props}</w:tcPr>${body}</w:tc>`;
const documentXml = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;

/** A Word file with the given document.xml body; extra parts are added as given. */
const docx = (body: string, extra: Parameters<typeof zip>[0] = []): Buffer =>
  zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: '_rels/.rels', data: RELS }, { name: 'word/document.xml', data: documentXml(body) }, ...extra]);

async function read(bytes: Buffer, path = 'plan.docx'): Promise<PlanDocument> {
  return (await readPlan({ path, bytes })).document;
}

async function failure(bytes: Buffer): Promise<string> {
  const err = await read(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ReadError);
  return (err as ReadError).message;
}

const HEADER = ['1. Rec No', '2. Recommendation', '3. Agreed/ Partly Agreed/ Not Agreed', '4. Response Action Taken/Planned', '5. Responsible Owner', '6. Target Date'];

describe('Word reader', () => {
  it('reads a Word table with a repeated header row, a heading row across the grid and rec cells merged down their action rows', async () => {
    const merged = (text: string, first: boolean): string => tc(first ? p(text) : '<w:p/>', first ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>');
    const body = [
      p('Action Plan Submitted: 5th July 2023'),
      p('A Response to the HMI Probation Inspection: Wexley PDU'),
      p('Report Published: 7th June 2023'),
      p('ACTION PLAN: Wexley'),
      '<w:tbl><w:tblGrid>',
      '<w:gridCol w:w="800"/>'.repeat(6),
      '</w:tblGrid>',
      `<w:tr><w:trPr><w:tblHeader/></w:trPr>${HEADER.map((h) => tc(p(h))).join('')}</w:tr>`,
      `<w:tr>${tc(p('Wexley PDU should:'), '<w:gridSpan w:val="6"/>')}</w:tr>`,
      `<w:tr>${merged('1', true)}${merged('Improve home visits.', true)}${merged('Agreed', true)}${tc(p('Issue guidance.'))}${tc(p('Head of Operations'))}${tc(p('May 2023'))}</w:tr>`,
      `<w:tr>${merged('', false)}${merged('', false)}${merged('', false)}${tc(p('Report visits monthly.'))}${tc(p('Performance Lead'))}${tc(p('Complete'))}</w:tr>`,
      '</w:tbl>',
      p(''),
    ].join('');
    const doc = await read(docx(body));
    expect(doc.source).toMatchObject({ path: 'plan.docx', format: 'docx', pages: null });
    expect(doc.plan).toEqual({ title: 'Wexley', inspection: 'Wexley PDU', submitted: '2023-07-05', reportPublished: '2023-06-07' });
    expect(doc.recommendations).toEqual([
      {
        number: '1',
        refs: [],
        addressee: 'Wexley PDU',
        text: 'Improve home visits.',
        agreement: 'agreed',
        agreementRaw: 'Agreed',
        response: 'Issue guidance. Report visits monthly.',
        actions: [
          { text: 'Issue guidance.', owner: 'Head of Operations', due: { raw: 'May 2023', date: '2023-05', status: 'planned' }, location: { row: 3 } },
          { text: 'Report visits monthly.', owner: 'Performance Lead', due: { raw: 'Complete', date: null, status: 'complete' }, location: { row: 4 } },
        ],
        reading: { strategy: 'row-per-action', owners: 'one-to-one', dates: 'one-to-one' },
        location: { row: 3 },
      },
    ]);
    expect(doc.diagnostics).toEqual([]);
  });

  it('relies on mammoth turning vertical merges into rowspan and the repeated header row into <thead>', async () => {
    const { value } = await mammoth.convertToHtml({ buffer: readFileSync(join(plans, 'row-per-action.docx')) });
    expect(value).toContain('<thead><tr><th><p><strong>1. Rec No</strong></p></th>');
    expect(value).toContain('<td rowspan="3"><p>1</p></td>');
    expect(value).toContain('<td colspan="6"><p><strong>Wexley PDU should:</strong></p></td>');
  });

  it('refuses a Word file with no action-plan table', async () => {
    expect(await failure(docx(p('Just a letter.')))).toBe('no action-plan table found');
  });
});

describe('Word reader: damaged and hostile files', () => {
  it('a file that starts like a zip but is not one is damaged', async () => {
    expect(await failure(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(500, 7)]))).toBe(
      'damaged Word file: no zip central directory found (the file is cut short or is not a zip)',
    );
  });

  it('a Word file cut short is damaged', async () => {
    const whole = readFileSync(join(plans, 'parallel.docx'));
    expect(await failure(whole.subarray(0, Math.floor(whole.length / 2)))).toBe('damaged Word file: no zip central directory found (the file is cut short or is not a zip)');
  });

  it('a Word file whose document.xml data is corrupt is damaged', async () => {
    const good = docx(p('x'));
    const bad = Buffer.from(good);
    const at = bad.indexOf('word/document.xml') + 'word/document.xml'.length;
    bad.fill(0xff, at, at + 40);
    expect(await failure(bad)).toMatch(/^damaged Word file: word\/document\.xml: /);
  });

  it("a zip with no word/document.xml is 'not a Word document'", async () => {
    expect(await failure(zip([{ name: 'hello.txt', data: 'hello' }]))).toBe('not a Word document: no word/document.xml');
  });

  it('refuses an entry that declares a huge size, before inflating anything', async () => {
    const bomb = zip([{ name: 'word/document.xml', data: 'tiny', store: true, declaredSize: 4_000_000_000 }]);
    expect(await failure(bomb)).toBe('word/document.xml expands to more than 10 MB: refusing a possible zip bomb');
  });

  it('refuses a deflated document.xml of 64 MB of zeros, honestly declared', async () => {
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const bomb = zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'word/document.xml', data: zeros }]);
    expect(bomb.length).toBeLessThan(200_000);
    expect(await failure(bomb)).toBe('word/document.xml expands to more than 10 MB: refusing a possible zip bomb');
  });

  it('gives pictures more room than XML: a 20 MB image passes the check, a 20 MB document.xml does not', () => {
    const picture = Buffer.alloc(20 * 1024 * 1024);
    const withImage = zip([{ name: 'word/document.xml', data: p('x') }, { name: 'word/media/image1.png', data: picture }]);
    expect(checkWordZip(withImage).map((e) => e.name)).toEqual(['word/document.xml', 'word/media/image1.png']);
    const bigXml = zip([{ name: 'word/document.xml', data: picture }]);
    expect(() => checkWordZip(bigXml)).toThrow('word/document.xml expands to more than 10 MB: refusing a possible zip bomb');
  });

  it('refuses an entry that expands past the size it declares, stopping there', async () => {
    const zeros = Buffer.alloc(32 * 1024 * 1024);
    const bomb = zip([{ name: 'word/document.xml', data: zeros, declaredSize: 1000 }]);
    expect(await failure(bomb)).toBe('word/document.xml expands to more than the 1000 bytes its zip entry declares: refusing a possible zip bomb');
    expect(deflateRawSync(zeros).length).toBeLessThan(100_000);
  });

  it('refuses parts that together expand past 200 MB', async () => {
    const parts = Array.from({ length: 5 }, (_, i) => ({ name: `word/media/image${i}.png`, data: 'x', store: true, declaredSize: 45 * 1024 * 1024 }));
    expect(await failure(docx(p('x'), parts))).toBe("the Word file's parts expand to more than 200 MB in all: refusing a possible zip bomb");
  });

  it('a Word file of tables nested thousands deep fails with a reason, not a crash', async () => {
    const cell = (inner: string): string => `<w:tbl><w:tr><w:tc>${inner}<w:p/></w:tc></w:tr></w:tbl>`;
    let body = p('deep');
    for (let i = 0; i < 3000; i++) body = cell(body);
    const message = await failure(docx(body));
    expect(message).toMatch(/^(damaged Word file: its content is nested too deeply to read|HTML elements nested more than 256 deep: not an action plan)$/);
  });
});
