import type { Document } from 'domhandler';
import { DomHandler, Parser } from 'htmlparser2';
import { ReadError } from '../errors.js';

/**
 * How deep elements may nest. Action plans, whether written by hand, saved from Word or made by mammoth,
 * nest a few dozen elements at most; past this an input is not a plan, and the parser's own stack work
 * would grow with the square of the depth.
 */
export const MAX_DEPTH = 256;

class TooDeep extends Error {}

/** Builds the DOM as htmlparser2 does, but gives up once elements nest deeper than MAX_DEPTH. */
class BoundedHandler extends DomHandler {
  override onopentag(name: string, attribs: Record<string, string>): void {
    if (this.tagStack.length > MAX_DEPTH) throw new TooDeep();
    super.onopentag(name, attribs);
  }
}

/** Parse HTML into a DOM (the tree cheerio works on), refusing markup nested deeper than MAX_DEPTH. */
export function parseHtml(html: string): Document {
  const handler = new BoundedHandler();
  const parser = new Parser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  try {
    parser.end(html);
  } catch (err) {
    if (err instanceof TooDeep) throw new ReadError(`HTML elements nested more than ${MAX_DEPTH} deep: not an action plan`);
    throw err;
  }
  return handler.root;
}
