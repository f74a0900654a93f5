import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../../src/model/plan.js';
import { ReadError } from '../../../src/read/errors.js';
import { readPlan } from '../../../src/read/index.js';

const HEAD = '<tr><th>1. Rec No</th><th>2. Recommendation</th><th>3. Agreed/ Partly Agreed/ Not Agreed</th><th>4. Response Action Taken/Planned</th><th>5. Responsible Owner</th><th>6. Target Date</th></tr>';

const page = (body: string): string => `<!DOCTYPE html><html><head><title>ACTION PLAN: not this</title><style>p { color: red }</style></head><body>${body}</body></html>`;

async function read(html: string | Buffer): Promise<PlanDocument> {
  return (await readPlan({ path: 'plan.html', bytes: typeof html === 'string' ? Buffer.from(html) : html })).document;
}

async function failure(html: string | Buffer): Promise<ReadError> {
  const err = await read(html).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ReadError);
  return err as ReadError;
}

/** Actions as [text, owner, due raw] triples, for compact expectations. */
const actions = (doc: PlanDocument, i: number): Array<[string, string | null, string | null]> =>
  doc.recommendations[i]!.actions.map((a) => [a.text, a.owner, a.due?.raw ?? null]);

describe('HTML reader: finding the action-plan table', () => {
  it('maps columns in another order and under other names (Lead Officer, Ref No, Area requiring improvement, Timescale, Action Required)', async () => {
    const doc = await read(
      page(`<table>
        <tr><th>Lead Officer</th><th>Ref No</th><th>Area requiring improvement</th><th>Timescale</th><th>Action Required</th><th>Agreed?</th></tr>
        <tr><td>Head of PDU</td><td>1</td><td>Improve the quality of assessments.</td><td>June 2023</td><td>Run assessment workshops for all teams.</td><td>Agreed</td></tr>
      </table>`),
    );
    expect(doc.recommendations).toHaveLength(1);
    expect(doc.recommendations[0]).toMatchObject({ number: '1', text: 'Improve the quality of assessments.', agreement: 'agreed', response: 'Run assessment workshops for all teams.' });
    expect(actions(doc, 0)).toEqual([['Run assessment workshops for all teams.', 'Head of PDU', 'June 2023']]);
  });

  it.each([
    ['Rec No', 'Recommendation', 'Response', 'Owner', 'Deadline'],
    ['Ref No', 'Recommendation', 'Action Required', 'Responsible', 'Planned Completion Date'],
    ['Rec No', 'Area requiring improvement', 'Response', 'Lead Officer', 'Target Date'],
  ])('reads the header %s | %s | %s | %s | %s', async (number, rec, response, owner, due) => {
    const doc = await read(
      page(`<table><tr><td>${due}</td><td>${owner}</td><td>${response}</td><td>${rec}</td><td>${number}</td></tr>
        <tr><td>March 2024</td><td>SPOs</td><td>Audit ten cases a month.</td><td>Check the cases.</td><td>4</td></tr></table>`),
    );
    expect(doc.recommendations.map((r) => [r.number, r.text, r.agreement])).toEqual([['4', 'Check the cases.', null]]);
    expect(actions(doc, 0)).toEqual([['Audit ten cases a month.', 'SPOs', 'March 2024']]);
  });

  it('with no number column, takes a rec number that opens the recommendation text ("1.", "2)", "R3:") out of it', async () => {
    const doc = await read(
      page(`<table>
        <tr><th>Recommendation</th><th>Agreed?</th><th>Action</th><th>Owner</th><th>Target date</th></tr>
        <tr><td>1. Improve the timeliness of initial appointments.</td><td>Agreed</td><td>Book appointments before release.</td><td>Head of Resettlement</td><td>September 2027</td></tr>
        <tr><td>2) Strengthen work on housing.</td><td>Partly agreed</td><td>Agree a housing protocol.</td><td>Deputy Head of PDU</td><td>December 2027</td></tr>
        <tr><td>R3: Review 12 cases a month.</td><td>Agreed</td><td>Audit the cases.</td><td>SPOs</td><td>October 2027</td></tr>
        <tr><td>12 week reviews should be held in every case.</td><td>Agreed</td><td>Hold the reviews.</td><td>SPOs</td><td>November 2027</td></tr>
      </table>`),
    );
    expect(doc.recommendations.map((r) => [r.number, r.text])).toEqual([
      ['1', 'Improve the timeliness of initial appointments.'],
      ['2', 'Strengthen work on housing.'],
      ['3', 'Review 12 cases a month.'],
      // No full stop or bracket after the digits: they are the text's, and the number comes from the order.
      ['4', '12 week reviews should be held in every case.'],
    ]);
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['number-inferred']);
  });

  it('with a number column, leaves a number at the start of the recommendation text where it is', async () => {
    const doc = await read(
      page(`<table>${HEAD}
        <tr><td>1</td><td>2. Improve the timeliness of initial appointments.</td><td>Agreed</td><td>Book appointments before release.</td><td>Head of Resettlement</td><td>September 2027</td></tr>
        <tr><td></td><td>3. Strengthen work on housing.</td><td>Agreed</td><td>Agree a housing protocol.</td><td>Deputy Head of PDU</td><td>December 2027</td></tr>
      </table>`),
    );
    expect(doc.recommendations.map((r) => [r.number, r.text])).toEqual([
      ['1', '2. Improve the timeliness of initial appointments.'],
      ['2', '3. Strengthen work on housing.'],
    ]);
  });

  it('passes over the definitions table and a layout table to the plan table nested inside it', async () => {
    const doc = await read(
      page(`<table><tr><td>Agreed</td><td>All of the recommendation is agreed with.</td></tr><tr><td>Partly Agreed</td><td>Only part is agreed.</td></tr><tr><td>Not Agreed</td><td>None of it is agreed.</td></tr></table>
        <table class="layout"><tr><td><p>Layout</p><table>${HEAD}<tr><td>1</td><td>Do X.</td><td>Agreed</td><td>We will do X.</td><td>Head of PDU</td><td>May 2023</td></tr></table></td></tr></table>`),
    );
    expect(doc.recommendations.map((r) => r.text)).toEqual(['Do X.']);
  });

  it("a page without an action-plan table is refused with 'no action-plan table found'", async () => {
    expect((await failure(page('<p>Action Plan Submitted: 1st May 2023</p><p>No table here.</p>'))).message).toBe('no action-plan table found');
    const definitionsOnly = '<table><tr><th>Term</th><th>Definition</th></tr><tr><td>Agreed</td><td>All of it.</td></tr><tr><td>Not Agreed</td><td>None of it.</td></tr></table>';
    expect((await failure(page(definitionsOnly))).message).toBe('no action-plan table found');
    expect((await failure(page('<table><tr><td>a</td><td>b</td></tr></table>'))).message).toBe('no action-plan table found');
  });

  it('a header with no rows under it is refused', async () => {
    expect((await failure(page(`<table>${HEAD}</table>`))).message).toBe('the action-plan table has a header but no rows');
  });
});

describe('HTML reader: merged cells', () => {
  it('a rec merged down its one-row-per-action rows is one recommendation, its text read once', async () => {
    const doc = await read(
      page(`<table><thead>${HEAD}</thead><tbody>
        <tr><td rowspan="3">1</td><td rowspan="3">Improve home visits.</td><td rowspan="3">Agreed</td><td>Issue guidance.</td><td>Head of Operations</td><td>May 2023</td></tr>
        <tr><td>Visit every high-risk case.</td><td>Practitioners</td><td>July 2023</td></tr>
        <tr><td>Report visits monthly.</td><td>Performance Lead</td><td>August 2023</td></tr>
        <tr><td>2</td><td>Train staff.</td><td>Agreed</td><td>Run training.</td><td>L&amp;D Lead</td><td>June 2023</td></tr>
      </tbody></table>`),
    );
    expect(doc.recommendations.map((r) => [r.number, r.text, r.agreementRaw])).toEqual([
      ['1', 'Improve home visits.', 'Agreed'],
      ['2', 'Train staff.', 'Agreed'],
    ]);
    expect(actions(doc, 0)).toEqual([
      ['Issue guidance.', 'Head of Operations', 'May 2023'],
      ['Visit every high-risk case.', 'Practitioners', 'July 2023'],
      ['Report visits monthly.', 'Performance Lead', 'August 2023'],
    ]);
    expect(actions(doc, 1)).toEqual([['Run training.', 'L&D Lead', 'June 2023']]);
    expect(doc.recommendations[0]!.actions.map((a) => a.location)).toEqual([{ row: 2 }, { row: 3 }, { row: 4 }]);
    expect(doc.diagnostics).toEqual([]);
  });

  it('the same table with the merge dropped (empty cells below the rec) reads the same', async () => {
    const doc = await read(
      page(`<table>${HEAD}
        <tr><td>1</td><td>Improve home visits.</td><td>Agreed</td><td>Issue guidance.</td><td>Head of Operations</td><td>May 2023</td></tr>
        <tr><td></td><td></td><td></td><td>Visit every high-risk case.</td><td>Practitioners</td><td>July 2023</td></tr>
        <tr><td></td><td></td><td></td><td>Report visits monthly.</td><td>Performance Lead</td><td>August 2023</td></tr>
      </table>`),
    );
    expect(doc.recommendations).toHaveLength(1);
    expect(actions(doc, 0).map((a) => a[1])).toEqual(['Head of Operations', 'Practitioners', 'Performance Lead']);
  });

  it('an owner or date merged down several action rows names the owner or date of each', async () => {
    const doc = await read(
      page(`<table>${HEAD}
        <tr><td rowspan="2">1</td><td rowspan="2">Improve plans.</td><td rowspan="2">Agreed</td><td>Draft plans with the person.</td><td rowspan="2">SPOs</td><td>June 2023</td></tr>
        <tr><td>Publish a practice guide.</td><td>May 2023</td></tr>
      </table>`),
    );
    expect(actions(doc, 0)).toEqual([
      ['Draft plans with the person.', 'SPOs', 'June 2023'],
      ['Publish a practice guide.', 'SPOs', 'May 2023'],
    ]);
    expect(doc.recommendations[0]!.actions[1]!.location).toEqual({ row: 3 });
    expect(doc.diagnostics).toEqual([]);
  });

  it('a response merged down rows whose owners differ pairs the owners with its paragraphs', async () => {
    const doc = await read(
      page(`<table>${HEAD}
        <tr><td rowspan="2">1</td><td rowspan="2">Improve plans.</td><td rowspan="2">Agreed</td><td rowspan="2"><p>Draft plans with the person.</p><p>Publish a guide.</p></td><td>SPOs</td><td>June 2023</td></tr>
        <tr><td>Quality Lead</td><td>May 2023</td></tr>
      </table>`),
    );
    expect(actions(doc, 0)).toEqual([
      ['Draft plans with the person.', 'SPOs', 'June 2023'],
      ['Publish a guide.', 'Quality Lead', 'May 2023'],
    ]);
  });

  it('colspan: a cell spanning the table is a heading row, a cell spanning two columns belongs to the first', async () => {
    const doc = await read(
      page(`<table>${HEAD}
        <tr><td colspan="6"><b>Northamptonshire PDU should:</b></td></tr>
        <tr><td>1</td><td>Ensure staff are trained.</td><td>Agreed</td><td>Run training.</td><td colspan="2">Head of PDU</td></tr>
        <tr><td colspan="6">Section 2: Leadership</td></tr>
        <tr><td>2</td><td colspan="2">Improve supervision. Agreed</td><td>Supervise monthly.</td><td>SPOs</td><td>July 2023</td></tr>
      </table>`),
    );
    expect(doc.recommendations.map((r) => [r.number, r.addressee, r.text, r.agreement])).toEqual([
      ['1', 'Northamptonshire PDU', 'Ensure staff are trained.', 'agreed'],
      ['2', 'Northamptonshire PDU', 'Improve supervision. Agreed', null],
    ]);
    expect(actions(doc, 0)).toEqual([['Run training.', 'Head of PDU', null]]);
    expect(doc.diagnostics).toEqual([
      { message: "row 4 spans the table and names no addressee ('Section 2: Leadership'); ignored", location: { row: 4 }, code: 'spanning-row' },
    ]);
  });

  it('a row whose only text is an addressee heading is a heading row even without spanning', async () => {
    const doc = await read(
      page(`<table>${HEAD}
        <tr><td></td><td><strong>HM Prison and Probation Service should:</strong></td><td></td><td></td><td></td><td></td></tr>
        <tr><td>1</td><td>Fund more places.</td><td>Agreed</td><td>Commission places.</td><td>Director</td><td>2024</td></tr>
      </table>`),
    );
    expect(doc.recommendations.map((r) => [r.number, r.addressee])).toEqual([['1', 'HM Prison and Probation Service']]);
  });
});

describe('HTML reader: rows, pieces and places', () => {
  it('repeated header rows and a plan split into one table per page read as one table, rows numbered on through', async () => {
    const doc = await read(
      page(`<table><thead>${HEAD}</thead>
          <tr><td>1</td><td>Improve assessment.</td><td>Agreed</td><td><p>Run workshops for every team, covering</p></td><td>QDOs</td><td>June 2023</td></tr>
        </table>
        <p style="page-break-before: always"></p>
        <table>${HEAD}
          <tr><td></td><td></td><td></td><td><p>domestic abuse and safeguarding.</p><p>Audit twenty cases a month.</p></td><td>SPOs</td><td>July 2023</td></tr>
          ${HEAD}
          <tr><td>2</td><td>Improve supervision.</td><td>Agreed</td><td>Supervise every six weeks.</td><td>SPOs</td><td>May 2023</td></tr>
        </table>`),
    );
    expect(doc.recommendations.map((r) => r.number)).toEqual(['1', '2']);
    expect(actions(doc, 0)).toEqual([
      ['Run workshops for every team, covering domestic abuse and safeguarding.', 'QDOs', 'June 2023'],
      ['Audit twenty cases a month.', 'SPOs', 'July 2023'],
    ]);
    expect(doc.recommendations.map((r) => r.location)).toEqual([{ row: 2 }, { row: 6 }]);
    expect(doc.recommendations[0]!.actions[1]!.location).toEqual({ row: 4 });
  });

  it('a header repeated inside the table marks a page break: the row after it may finish the row before', async () => {
    const doc = await read(
      page(`<table>${HEAD}
        <tr><td>1</td><td>Improve assessment.</td><td>Agreed</td><td>Run workshops for every team, covering</td><td>QDOs</td><td>June 2023</td></tr>
        ${HEAD}
        <tr><td></td><td></td><td></td><td>domestic abuse and safeguarding.</td><td></td><td></td></tr>
      </table>`),
    );
    expect(actions(doc, 0)).toEqual([['Run workshops for every team, covering domestic abuse and safeguarding.', 'QDOs', 'June 2023']]);
    expect(doc.diagnostics).toEqual([]);
  });

  it('cuts cells at paragraphs, list items, <br> and typed bullets (•, -, ·, o)', async () => {
    const doc = await read(
      page(`<table>${HEAD}
        <tr><td>1</td><td>Improve contact.</td><td>Agreed</td>
          <td>We will improve contact by:<ul><li>evening sessions</li><li>text reminders</li></ul>Plain line one.<br>• bullet two<br>- dash three<br>·&nbsp;&nbsp;symbol four<br>o&nbsp;courier five • inline six</td>
          <td>A<br>B<br>C<br>D<br>E<br>F<br>G</td><td></td></tr>
      </table>`),
    );
    expect(doc.recommendations[0]!.actions.map((a) => [a.text, a.owner])).toEqual([
      ['evening sessions', 'A'],
      ['text reminders', 'B'],
      ['Plain line one.', 'C'],
      ['bullet two', 'D'],
      ['dash three', 'E'],
      ['symbol four', 'F'],
      ['courier five', 'G'],
      ['inline six', null],
    ]);
    expect(doc.recommendations[0]!.response).toBe(
      'We will improve contact by: evening sessions text reminders Plain line one. bullet two dash three symbol four courier five inline six',
    );
  });

  it("reads the list paragraphs of Word's 'Save as Web Page' HTML, whose bullets are Symbol-font text inside conditional comments", async () => {
    const item = (text: string, glyph = '·'): string =>
      `<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>${glyph}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>${text}<o:p></o:p></p>`;
    const doc = await read(
      page(`<table class=MsoTableGrid>${HEAD}
        <tr><td><p class=MsoNormal>1<o:p></o:p></p></td><td><p class=MsoNormal>Improve contact.<o:p></o:p></p></td><td><p class=MsoNormal>Agreed<o:p></o:p></p></td>
          <td>${item('Offer evening sessions.')}${item('Send text reminders.', '\uF0B7')}<p class=MsoNormal><o:p>&nbsp;</o:p></p></td>
          <td><p class=MsoNormal>Head of Operations<o:p></o:p></p><p class=MsoNormal>Hub Manager<o:p></o:p></p></td><td><p class=MsoNormal>July 2023</p><p class=MsoNormal>June 2023</p></td></tr>
      </table>`),
    );
    expect(actions(doc, 0)).toEqual([
      ['Offer evening sessions.', 'Head of Operations', 'July 2023'],
      ['Send text reminders.', 'Hub Manager', 'June 2023'],
    ]);
  });

  it('reads the metadata above the table, including a title row inside it, and ignores <head>, scripts and hidden text', async () => {
    const doc = await read(
      page(`<p>HM Prison &amp; Probation Service</p>
        <p><b>Action Plan Submitted:</b> 27<sup>th</sup> June 2022.</p>
        <p><b>A Response to the HM Inspectorate of Probation Inspection:</b></p>
        <p>Essex North, Probation Service &amp;<br>Northamptonshire, Probation Service</p>
        <script>document.write('Report Published: 1st January 2000')</script>
        <p style="display:none">Report Published: 2nd January 2000</p>
        <p><b>Report Published:</b> 17<sup>th</sup> May 2022.</p>
        <table><tr><td colspan="6">ACTION PLAN: Essex North</td></tr>${HEAD}
        <tr><td>1</td><td>Do X.</td><td>Agreed</td><td>We will do X.</td><td>Head of PDU</td><td>May 2023</td></tr></table>`),
    );
    expect(doc.plan).toEqual({
      title: 'Essex North',
      inspection: 'Essex North, Probation Service & Northamptonshire, Probation Service',
      submitted: '2022-06-27',
      reportPublished: '2022-05-17',
    });
    expect(doc.source).toMatchObject({ path: 'plan.html', format: 'html', pages: null });
    expect(doc.recommendations[0]!.location).toEqual({ row: 3 });
  });

  it('decodes a page that declares windows-1252, as pages saved from Word often do', async () => {
    const html = page(`<meta charset="windows-1252"><table>${HEAD}<tr><td>1</td><td>Use partners\x92 information.</td><td>Agreed</td><td>Ask the police \x93every time\x94.</td><td>SPOs</td><td>May 2023</td></tr></table>`);
    const doc = await read(Buffer.from(html, 'latin1'));
    expect(doc.recommendations[0]!.text).toBe('Use partners’ information.');
    expect(doc.recommendations[0]!.actions[0]!.text).toBe('Ask the police “every time”.');
    expect(doc.diagnostics).toEqual([]);
  });
});

describe('HTML reader: hostile input', () => {
  // Bounded time is the test's own time limit: a walk that went quadratic in the depth would run past it.
  it('100,000 nested <div>s are refused, without a stack overflow', async () => {
    const html = `${'<div>'.repeat(100_000)}<table>${HEAD}<tr><td>1</td><td>Do X.</td><td>Agreed</td><td>Y.</td><td>Z</td><td>May 2023</td></tr></table>${'</div>'.repeat(100_000)}`;
    expect((await failure(html)).message).toBe('HTML elements nested more than 256 deep: not an action plan');
  });

  it('unclosed inline tags and nested tables are refused the same way', async () => {
    expect((await failure(`<html><body><p>${'<b><i>'.repeat(50_000)}text`)).message).toMatch(/nested more than 256 deep/);
    expect((await failure('<table><tr><td>'.repeat(20_000))).message).toMatch(/nested more than 256 deep/);
  });

  it('refuses a file far larger than any plan', async () => {
    const huge = Buffer.concat([Buffer.from('<html><body><table>'), Buffer.alloc(21 * 1024 * 1024, 0x20)]);
    expect((await failure(huge)).message).toBe('HTML file too large to be an action plan (21 MB; the limit is 20 MB)');
  });

  it('a plan nested 200 elements deep is still read', async () => {
    const doc = await read(`${'<div>'.repeat(200)}<table>${HEAD}<tr><td>1</td><td>Do X.</td><td>Agreed</td><td>Y.</td><td>Z</td><td>May 2023</td></tr></table>`);
    expect(doc.recommendations.map((r) => r.text)).toEqual(['Do X.']);
  });

  it('absurd spans are clamped rather than allocated', async () => {
    const doc = await read(
      page(`<table>${HEAD}<tr><td rowspan="65534">1</td><td colspan="100000">Do X.</td></tr>${'<tr><td colspan="1000" rowspan="1000">x</td></tr>'.repeat(2000)}</table>`),
    );
    expect(doc.recommendations[0]!.number).toBe('1');
  });
});

describe('HTML reader: blank lines in owner and date cells hold their action’s place', () => {
  const row = (owners: string, dues: string): string =>
    page(`<table>${HEAD}<tr><td>1</td><td>Improve supervision.</td><td>Agreed</td><td><p>Train SPOs.</p><p>Audit cases.</p><p>Report to the board.</p></td><td>${owners}</td><td>${dues}</td></tr></table>`);

  it.each([
    ['empty paragraphs', '<p>Head of PDU</p><p></p><p>Deputy Head</p>', '<p>May 2024</p><p>June 2024</p><p>&nbsp;</p>'],
    ['a line left empty between two breaks', 'Head of PDU<br><br>Deputy Head', 'May 2024<br>June 2024<br><br>'],
  ])('%s: the action beside a blank has no owner, none borrowed', async (_name, owners, dues) => {
    const doc = await read(row(owners, dues));
    expect(actions(doc, 0)).toEqual([
      ['Train SPOs.', 'Head of PDU', 'May 2024'],
      ['Audit cases.', null, 'June 2024'],
      ['Report to the board.', 'Deputy Head', null],
    ]);
    expect(doc.recommendations[0]!.reading).toEqual({ strategy: 'paragraph', owners: 'one-to-one', dates: 'one-to-one' });
  });

  it('a lead-in before a list holds a slot of its own, beside which no owner stands', async () => {
    // One slot per paragraph of the response: the lead-in's, then one per item, the second item's left blank.
    const response = '<p>The PDU will:</p><ul><li>Train SPOs.</li><li>Audit cases.</li><li>Report to the board.</li></ul>';
    const doc = await read(
      page(`<table>${HEAD}<tr><td>1</td><td>Improve supervision.</td><td>Agreed</td><td>${response}</td><td><p>&nbsp;</p><p>Head of PDU</p><p>&nbsp;</p><p>Deputy Head</p></td><td><p>&nbsp;</p><p>May 2024</p><p>June 2024</p><p>July 2024</p></td></tr></table>`),
    );
    // Before: the blank slots were shared out among the three items alone, and the first item's went to the lead-in:
    // no owner for 'Train SPOs.', 'Head of PDU' for 'Audit cases.'.
    expect(actions(doc, 0)).toEqual([
      ['Train SPOs.', 'Head of PDU', 'May 2024'],
      ['Audit cases.', null, 'June 2024'],
      ['Report to the board.', 'Deputy Head', 'July 2024'],
    ]);
    expect(doc.recommendations[0]!.reading).toEqual({ strategy: 'paragraph-and-bullet', owners: 'by-position', dates: 'one-to-one' });
  });
});

describe('HTML reader: a column the template does not have', () => {
  it('is named in an extra-column note with the text of its cells, the rest of the row read as usual', async () => {
    const head = HEAD.replace('</tr>', '<th>7. Progress update (RAG)</th></tr>');
    const rows = [
      '<tr><td>1</td><td>Improve supervision</td><td>Agreed</td><td><p>Monthly supervision for all.</p></td><td>Head of PDU</td><td>July 2025</td><td>Green: on track</td></tr>',
      '<tr><td>2</td><td>Improve allocation</td><td>Agreed</td><td><p>Allocation audited monthly.</p></td><td>Operations Manager</td><td>June 2025</td><td></td></tr>',
      '<tr><td>3</td><td>Improve reports</td><td>Agreed</td><td><p>Reports checked.</p></td><td>SPOs</td><td>May 2025</td><td>Amber</td></tr>',
    ];
    const doc = await read(page(`<table>${head}${rows.join('')}</table>`));
    expect(doc.recommendations.map((r) => r.actions.map((a) => [a.text, a.owner, a.due?.raw]))).toEqual([
      [['Monthly supervision for all.', 'Head of PDU', 'July 2025']],
      [['Allocation audited monthly.', 'Operations Manager', 'June 2025']],
      [['Reports checked.', 'SPOs', 'May 2025']],
    ]);
    expect(doc.diagnostics).toEqual([
      {
        message: "column 7 ('7. Progress update (RAG)') is none of the template's: the text of its 2 cells is left out ('Green: on track; Amber')",
        location: { row: 2 },
        code: 'extra-column',
        data: { column: 7, title: '7. Progress update (RAG)', words: ['Green: on track', 'Amber'] },
      },
    ]);
  });
});
