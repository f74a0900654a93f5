import type { AnyNode, Element } from 'domhandler';

/** Elements whose content is never shown as document text. */
const SKIPPED = new Set(['head', 'script', 'style', 'template', 'noscript', 'title', 'svg', 'math', 'object', 'iframe', 'select', 'option']);

/** Elements that start a new line of text where they open and where they close. */
export const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** True for a DOM element (as opposed to text, comments and the document). */
export function isElement(node: AnyNode | null | undefined): node is Element {
  return node?.type === 'tag' || node?.type === 'script' || node?.type === 'style';
}

/** True when an element and its content are not shown: skipped tags, `hidden`, or an inline `display: none`. */
export function isHidden(el: Element): boolean {
  if (SKIPPED.has(el.name) || el.attribs.hidden !== undefined) return true;
  const style = el.attribs.style;
  return style !== undefined && /(?:^|;)\s*(?:display\s*:\s*none|mso-hide\s*:\s*all)\b/i.test(style);
}

/** One step of a walk: a text node, or an element being entered or left. */
export type Step = { kind: 'text'; text: string } | { kind: 'enter' | 'leave'; el: Element };

/**
 * Walk a subtree in document order without recursion (documents may nest deeply), skipping what is not
 * shown. `into` decides whether to descend into an element; when it says no, the element is neither entered
 * nor left.
 */
export function* walk(root: AnyNode, into: (el: Element) => boolean = () => true): Generator<Step> {
  const stack: Array<{ node: AnyNode; leaving: boolean }> = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (node.type === 'text') {
      yield { kind: 'text', text: node.data };
      continue;
    }
    if (isElement(node)) {
      if (leaving) {
        yield { kind: 'leave', el: node };
        continue;
      }
      if (isHidden(node) || !into(node)) continue;
      yield { kind: 'enter', el: node };
      stack.push({ node, leaving: true });
    } else if (node.type !== 'root') continue;
    const children = 'children' in node ? node.children : [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, leaving: false });
  }
}

/** Every element of a subtree in document order, without recursion. */
export function* elements(root: AnyNode): Generator<Element> {
  for (const step of walk(root)) if (step.kind === 'enter') yield step.el;
}
