import { describe, expect, it } from 'vitest';
import { htmlLines } from '../../../src/read/inspection-report/html.js';
import { findRecommendations } from '../../../src/read/inspection-report/lines.js';
import { textItemsToLines } from '../../../src/read/inspection-report/pdf.js';
import { textLines } from '../../../src/read/inspection-report/text.js';

const fromText = (text: string) => findRecommendations(textLines(text));
const fromHtml = (html: string) => findRecommendations(htmlLines(html));

describe('finding the recommendations in a text report', () => {
  it('skips the contents entry and prose that mentions recommendations, and reads the section itself', () => {
    const text = [
      'Contents',
      'Recommendations ..... 10',
      'Background 11',
      '',
      'Our recommendations are set out below.',
      '',
      '## Recommendations',
      '',
      'We make two recommendations.',
      '',
      '**Kent PDU should:**',
      '',
      '1. improve the quality of risk assessments; and',
      '2. review cases every six months.',
      '',
      '## Background',
      '',
      '1. Kent is large.',
    ].join('\n');
    expect(fromText(text)).toEqual([
      { number: '1', addressee: 'Kent PDU', text: 'improve the quality of risk assessments' },
      { number: '2', addressee: 'Kent PDU', text: 'review cases every six months.' },
    ]);
  });

  it('numbers a bulleted list in order', () => {
    const text = 'Recommendations\n\nThe Probation Service should:\n\n- train all staff\n- audit ten cases a month\n\nAnnex';
    expect(fromText(text)).toEqual([
      { number: '1', addressee: 'The Probation Service', text: 'train all staff' },
      { number: '2', addressee: 'The Probation Service', text: 'audit ten cases a month' },
    ]);
  });

  it('reads "Recommendation 1:" and lettered items, and keeps numbers that restart under a new addressee', () => {
    const text = [
      'Summary of recommendations',
      '',
      'Recommendation 1: ensure that plans are reviewed',
      'Recommendation 2: publish the results',
      '',
      'HM Prison and Probation Service should:',
      '',
      'a) fund more places',
      'b) report on progress',
      '',
      'Recommendation 1: Ensure the estate is safe',
    ].join('\n');
    expect(fromText(text)).toEqual([
      { number: '1', addressee: null, text: 'ensure that plans are reviewed' },
      { number: '2', addressee: null, text: 'publish the results' },
      { number: 'a', addressee: 'HM Prison and Probation Service', text: 'fund more places' },
      { number: 'b', addressee: 'HM Prison and Probation Service', text: 'report on progress' },
    ]);
  });

  it('joins wrapped lines and a page break, and ends the list at a numbered heading in another style', () => {
    const text = [
      '3. Recommendations',
      '',
      'The region should:',
      '(1) make sure that every',
      'Victim Contact Scheme case is',
      '',
      'Page 4 of 9',
      '',
      'offered the service',
      '(2) keep records',
      '',
      '4. Background',
      '',
      'The region is large.',
    ].join('\n');
    expect(fromText(text)).toEqual([
      { number: '1', addressee: 'The region', text: 'make sure that every Victim Contact Scheme case is offered the service' },
      { number: '2', addressee: 'The region', text: 'keep records' },
    ]);
  });

  it('passes over a recommendations heading with no list under it', () => {
    const text = '# Recommendations from last time\n\nMost were met.\n\n# Background\n\nText.\n\n# Recommendations\n\n1. do this\n2. do that';
    expect(fromText(text).map((r) => r.text)).toEqual(['do this', 'do that']);
  });

  it('finds nothing in a document without a recommendations section', () => {
    expect(fromText('# Findings\n\n1. staff were kind\n2. offices were clean')).toEqual([]);
  });
});

describe('HTML report lines', () => {
  it('numbers ordered lists as a browser shows them: start, value, type="a"; footnote marks dropped', () => {
    const html = `<h2>Recommendations</h2>
      <p><strong>Westshire PDU should:</strong></p>
      <ol start="2"><li value="4"><p>train staff<sup>3</sup></p></li><li>audit cases</li></ol>
      <p><b>HM Prison and Probation Service should:</b></p>
      <ol type="a"><li>fund places</li></ol>
      <h2>Background</h2><p>Text.</p>`;
    expect(fromHtml(html)).toEqual([
      { number: '4', addressee: 'Westshire PDU', text: 'train staff' },
      { number: '5', addressee: 'Westshire PDU', text: 'audit cases' },
      { number: 'a', addressee: 'HM Prison and Probation Service', text: 'fund places' },
    ]);
  });

  it('marks headings and bold paragraphs as headings, everything else as plain paragraphs', () => {
    expect(htmlLines('<body><h3>Title</h3><p><b>Bold</b></p><p>Plain <b>part</b></p><ul><li>One</li></ul></body>')).toEqual([
      { text: 'Title', heading: true, paragraph: true },
      { text: 'Bold', heading: true, paragraph: true },
      { text: 'Plain part', heading: false, paragraph: true },
      { text: '• One', heading: false, paragraph: true },
    ]);
  });
});

describe('PDF text items into lines', () => {
  const item = (str: string, x: number, y: number, width: number, size = 11) => ({ str, transform: [size, 0, 0, size, x, y], width });

  it('joins a word split at a ligature without a space, and words apart with one', () => {
    const lines = textItemsToLines([item('support sta', 93, 500, 60), item('ff', 153, 500, 8), item('to work', 165, 500, 40)]);
    expect(lines.map((l) => l.text)).toEqual(['support staff to work']);
  });

  it('keeps a small footer on the same baseline apart from the body line; lines run top to bottom, then left to right', () => {
    const lines = textItemsToLines([
      item('structured interventions', 93, 70.9, 130),
      item('Inspection of Westshire', 57, 70.9, 90, 8),
      item('make sure that', 93, 85.9, 80),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['make sure that', 'Inspection of Westshire', 'structured interventions']);
  });
});
