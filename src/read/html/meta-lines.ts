import type { AnyNode, Element } from 'domhandler';
import { BLOCKS, walk } from './walk.js';

/**
 * The text before an element as lines, for the metadata reader: each block its own paragraph (a blank line
 * after it), a `<br>` ending a line within one.
 */
export function linesBefore(root: AnyNode, stop: Element): string[] {
  const lines: string[] = [];
  let line = '';
  const endLine = (): void => {
    const text = line.replace(/[\s\u00a0]+/g, ' ').trim();
    if (text !== '') lines.push(text);
    line = '';
  };
  const endParagraph = (): void => {
    endLine();
    if (lines.length > 0 && lines.at(-1) !== '') lines.push('');
  };
  for (const step of walk(root)) {
    if (step.kind === 'text') {
      line += step.text;
      continue;
    }
    if (step.el === stop) break;
    if (step.el.name === 'br') {
      if (step.kind === 'enter') endLine();
    } else if (BLOCKS.has(step.el.name)) endParagraph();
  }
  endParagraph();
  return lines;
}

/** The cells of some table rows as paragraphs, for a title or date that sits in a row above the header. */
export function cellLines(texts: readonly string[]): string[] {
  return texts.filter((t) => t !== '').flatMap((t) => [t, '']);
}
