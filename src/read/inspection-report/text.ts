import { decodeEntities } from '../text/entities.js';
import type { ReportLine } from './lines.js';

const ATX_HEADING = /^\s{0,3}#{1,6}\s+/;
const LIST_MARKER = /^\s*(?:\d{1,3}[.)]|\(\d{1,3}\)|[-*+•])\s+/;
const RULE = /^\s*(?:[-*_]\s*){3,}$/;

/** Inline markdown and HTML fragments to plain text: footnote marks dropped, links to their words. */
function inlinePlain(text: string): string {
  return decodeEntities(
    text
      .replace(/<sup\b[^>]*>[\s\S]*?<\/sup>/gi, '')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\*\*|__/g, '')
      .replace(/\\([*_#[\]()\\.-])/g, '$1'),
  )
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** A line that is bold from end to end ("**Dame Glenys Stacey**", "<b>Foreword</b>") reads as a heading. */
function wholeLineBold(raw: string): boolean {
  const t = raw.trim();
  return /^\*\*[^*]+\*\*:?$/.test(t) || /^<(b|strong)>(?:(?!<\/?\1>).)+<\/\1>:?$/i.test(t);
}

/**
 * The lines of a report exported to markdown-ish text: `#` headings and whole-line bold as headings, a blank
 * line, a rule or a list marker starting a paragraph, other lines carrying on the one before.
 */
export function textLines(source: string): ReportLine[] {
  const lines: ReportLine[] = [];
  let paragraph = true;
  for (const raw of source.split(/\r\n?|\n/)) {
    if (raw.trim() === '' || RULE.test(raw)) {
      paragraph = true;
      continue;
    }
    const heading = ATX_HEADING.test(raw) || wholeLineBold(raw);
    const text = inlinePlain(raw.replace(ATX_HEADING, '').replace(/\t+/g, ' '));
    if (text === '') continue;
    lines.push({ text, heading, paragraph: paragraph || heading || LIST_MARKER.test(raw) });
    paragraph = heading;
  }
  return lines;
}
