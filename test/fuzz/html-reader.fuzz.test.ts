import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { readHtml } from '../../src/read/html/index.js';
import { byteDamage, commonMutations, mutate, readsCleanly, RUNS, type Mutation } from './mutate.js';

const plans = join(import.meta.dirname, '../../fixtures/plans');
/** The HTML fixture plans, and the HTML that mammoth makes of the Word ones (another shape of table). */
const seeds: string[] = readdirSync(plans)
  .filter((f) => f.endsWith('.html'))
  .map((f) => readFileSync(join(plans, f), 'utf8'));

beforeAll(async () => {
  for (const f of readdirSync(plans).filter((name) => name.endsWith('.docx'))) {
    seeds.push((await mammoth.convertToHtml({ buffer: readFileSync(join(plans, f)) })).value);
  }
});

const read = (html: string | Uint8Array) => (): ReturnType<typeof readHtml> =>
  readHtml({ path: 'fuzz.html', bytes: typeof html === 'string' ? Buffer.from(html) : html });

/** Markup as tokens: each tag, and the text between tags. */
const tokens = (html: string): string[] => html.split(/(<[^<>]*>)/).filter((t) => t !== '');

/** Mutations that know about tables: cells shuffled within their rows, spans made absurd, tags cut in half. */
const tableMutations: Array<fc.Arbitrary<Mutation>> = [
  fc.nat().map((n) => (ts: string[]) => {
    // Shuffle the cells of every k-th row, as tokens between a <tr> and its </tr>.
    const out: string[] = [];
    let row: string[] | null = null;
    let rows = 0;
    for (const t of ts) {
      if (/^<tr\b/i.test(t)) row = [];
      if (row === null) {
        out.push(t);
        continue;
      }
      row.push(t);
      if (/^<\/tr>/i.test(t)) {
        const cells = row.join('').split(/(?=<t[dh]\b)/i);
        const head = cells.shift() ?? '';
        if (rows++ % (1 + (n % 3)) === 0) cells.sort((a, b) => ((a.length * 31 + n) % 7) - ((b.length * 31 + n) % 7));
        out.push(head, ...cells);
        row = null;
      }
    }
    return row ? [...out, ...row] : out;
  }),
  fc.tuple(fc.nat(), fc.constantFrom('0', '-1', '1000', '65535', '2147483648', 'x', '', '1.5', '3')).map(([n, value]) => (ts: string[]) =>
    ts.map((t, i) => (/^<t[dh]\b/i.test(t) && i % (1 + (n % 4)) === 0 ? t.replace(/^<(t[dh])\b/i, `<$1 ${n % 2 ? 'rowspan' : 'colspan'}="${value}"`) : t)),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (ts: string[]) => ts.map((t, i) => (t.startsWith('<') && i % (2 + (a % 9)) === 0 ? t.slice(0, 1 + (b % t.length)) : t))),
  fc.nat().map((n) => (ts: string[]) => ts.filter((t, i) => !(/^<\/(td|th|tr|table|p|li|ul)>/i.test(t) && i % (1 + (n % 3)) === 0))),
  fc.nat().map((n) => (ts: string[]) => ts.map((t, i) => (i % (5 + (n % 11)) === 0 && !t.startsWith('<') ? `${t}<table><tr><td>${t}` : t))),
];
const htmlMutation = fc.oneof(...commonMutations, ...tableMutations);

/** Words and fragments that plans are made of, and that the reader looks for. */
const WORDS = fc.constantFrom(
  'Rec No', 'Recommendation', 'Agreed/ Partly Agreed/ Not Agreed', 'Response Action Taken/Planned', 'Responsible Owner', 'Target Date',
  'Agreed', 'Partly Agreed', 'Not Agreed', '1', '2', '12', '3 SW 2', 't i', 'June 2019', '30/05/2019', 'Complete', 'Ongoing', 'TBC', 'Head of PDU',
  '• first • second', '- a dash item', 'Northamptonshire PDU should:', 'Action Plan Submitted: 30 May 2019', 'The PDU will review cases.',
  '&amp;', '&lt;', '&#0;', '&#x110000;', '\u00a0', ' ', '',
);

const HEADER_ROW = '<tr><th>Rec No</th><th>Recommendation</th><th>Agreed/ Partly Agreed/ Not Agreed</th><th>Response Action Taken/Planned</th><th>Responsible Owner</th><th>Target Date</th></tr>';

const ATTRS = fc.constantFrom('', '', '', ' rowspan="2"', ' colspan="3"', ' rowspan="0"', ' colspan="999"', ' rowspan="-4"', ' hidden', ' style="display:none"');

/** The content of a cell: text, paragraphs, list items, line breaks, now and then a table of its own. */
const cellContent: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: WORDS },
      { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom('p', 'li', 'b', 'span', 'div'), WORDS, fc.boolean()).map(([tag, text, close]) => `<${tag}>${text}${close ? `</${tag}>` : ''}`) },
      { weight: 1, arbitrary: fc.constantFrom('<br>', '<ul>', '</ul>', '<table><tr><td>inner</td></tr></table>', HEADER_ROW) },
    ),
    { maxLength: 5 },
  )
  .map((parts) => parts.join(''));

/** Rows of one to eight cells, some left unclosed, as hand-made and broken tables have them. */
const rows: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.array(fc.tuple(fc.constantFrom('td', 'td', 'th'), ATTRS, cellContent, fc.boolean()), { minLength: 1, maxLength: 8 }),
      fc.boolean(),
    ).map(([cells, close]) => `<tr>${cells.map(([tag, attrs, content, shut]) => `<${tag}${attrs}>${content}${shut ? `</${tag}>` : ''}`).join('')}${close ? '</tr>' : ''}`),
    { maxLength: 12 },
  )
  .map((rs) => rs.join(''));

/** Markup nested at random from the same pieces: tables inside anything, anything inside tables. */
const markup: fc.Arbitrary<string> = fc.letrec<{ node: string; nodes: string[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    WORDS,
    fc.constant(HEADER_ROW),
    fc
      .tuple(
        fc.constantFrom('table', 'thead', 'tbody', 'tr', 'td', 'th', 'p', 'ul', 'ol', 'li', 'div', 'span', 'b', 'br', 'h2', 'script', 'style', 'template'),
        ATTRS,
        tie('nodes'),
        fc.boolean(),
      )
      .map(([tag, attrs, children, close]) => `<${tag}${attrs}>${children.join('')}${close ? `</${tag}>` : ''}`),
  ),
  nodes: fc.array(tie('node'), { maxLength: 6 }),
})).nodes.map((ns) => ns.join(''));

describe('HTML reader under random and mutated input', { timeout: 120_000 }, () => {
  it('has seeds from HTML and from Word', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(6);
  });

  it('never throws anything but a ReadError on random markup made of plan pieces', async () => {
    await fc.assert(fc.asyncProperty(markup, (html) => readsCleanly(read(html))), { numRuns: RUNS });
  });

  it('never throws anything but a ReadError on random rows under the template header', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('', '<thead>'), rows, fc.boolean(), (head, body, close) =>
        readsCleanly(read(`<table>${head}${HEADER_ROW}${head ? '</thead>' : ''}${body}${close ? '</table>' : ''}`)),
      ),
      { numRuns: RUNS },
    );
  });

  it('never throws anything but a ReadError on mutated seeds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(htmlMutation, { minLength: 1, maxLength: 3 }), (i, ms) =>
        readsCleanly(read(mutate(seeds[i % seeds.length]!, tokens, '', ms))),
      ),
      { numRuns: RUNS },
    );
  });

  it('never throws anything but a ReadError on seeds with damaged bytes, or on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), byteDamage, (i, damage) => readsCleanly(read(damage(Buffer.from(seeds[i % seeds.length]!))))),
      { numRuns: Math.ceil(RUNS / 2) },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('', '<table>', '\xef\xbb\xbf<table>', '<meta charset="windows-1252"><table>'), fc.uint8Array({ maxLength: 600 }), (prefix, bytes) =>
        readsCleanly(read(Buffer.concat([Buffer.from(prefix, 'latin1'), bytes]))),
      ),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});
