import { load } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { ReportLine } from './lines.js';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'nav']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li',
  'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const HEADING = /^h[1-6]$/;

/** The marker a list item shows: "3." in an ordered list (honouring start, value and type a/A), "•" otherwise. */
function marker(li: Element): string {
  const list = li.parent as Element | null;
  if (list?.name !== 'ol') return '•';
  let n = Number(list.attribs.start ?? 1);
  for (const item of list.children) {
    if (item.type !== 'tag' || item.name !== 'li') continue;
    if (item.attribs.value !== undefined) n = Number(item.attribs.value);
    if (item === li) break;
    n++;
  }
  if (!Number.isFinite(n)) return '•';
  const type = list.attribs.type ?? '1';
  if (type === 'a' || type === 'A') return `${String.fromCharCode((type === 'a' ? 96 : 64) + n)}.`;
  return `${n}.`;
}

/** Whether an element holds only inline content, with its non-blank text inside one bold element. */
function allBold(el: Element): boolean {
  const kids = el.children.filter((c) => !(c.type === 'text' && c.data.trim() === ''));
  const only = kids[0];
  return kids.length === 1 && only !== undefined && only.type === 'tag' && /^(?:b|strong)$/.test(only.name);
}

/**
 * The lines of an HTML report: one per block (paragraph, heading, list item, cell), headings marked,
 * ordered-list items given the number the browser would show.
 */
export function htmlLines(html: string): ReportLine[] {
  const $ = load(html);
  const lines: ReportLine[] = [];
  let buffer = '';
  let bufferHeading = false;
  const flush = (): void => {
    const text = buffer.replace(/[\s\u00a0]+/g, ' ').trim();
    if (text !== '') lines.push({ text, heading: bufferHeading, paragraph: true });
    buffer = '';
    bufferHeading = false;
  };
  const visit = (node: AnyNode, heading: boolean): void => {
    if (node.type === 'text') {
      buffer += node.data;
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const el = node as Element;
    const name = node.type === 'root' ? 'body' : el.name;
    if (SKIP.has(name)) return;
    // Footnote marks would glue a number to the word before them.
    if (name === 'sup' && /^\s*[\d*†]+\s*$/.test($(el).text())) return;
    if (name === 'br') buffer += ' ';
    const block = BLOCK.has(name);
    if (block) flush();
    const isHeading = heading || HEADING.test(name) || ((name === 'p' || name === 'div') && allBold(el));
    if (name === 'li') buffer = `${marker(el)} `;
    if (block) bufferHeading = isHeading;
    for (const child of el.children) visit(child, isHeading);
    if (block) flush();
  };
  visit($.root()[0]!, false);
  flush();
  return lines;
}
