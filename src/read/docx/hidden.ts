/** Where a run's properties switch hidden text on: `<w:vanish/>`, or with a value that is not false. */
const VANISH = /<w:vanish(?:\s+w:val="(?:true|1|on)")?\s*\/>/g;
const RUN_START = /<w:r[\s>]/g;
const RUN_END = '</w:r>';

/**
 * WordprocessingML with its hidden runs (`w:vanish` in a run's own properties) taken out: text that Word
 * neither shows nor prints is no part of the plan. A hidden paragraph mark (`w:vanish` in a paragraph's
 * properties) hides the paragraph itself once its text is all hidden. Text without `w:vanish` comes back
 * unchanged.
 */
export function withoutHiddenRuns(xml: string): string {
  if (!xml.includes('<w:vanish')) return xml;
  const cuts: Array<[number, number]> = [];
  for (const m of xml.matchAll(VANISH)) {
    const props = xml.lastIndexOf('<w:rPr>', m.index);
    if (props < 0 || xml.lastIndexOf('</w:rPr>', m.index) > props) continue;
    // The run's properties come first in the run: what stands just before them is the run's start tag.
    const start = xml.lastIndexOf('<', props - 1);
    if (start < 0 || !/^<w:r[\s>]/.test(xml.slice(start, props)) || (cuts.length > 0 && start < cuts.at(-1)![1])) continue;
    const end = runEnd(xml, start);
    if (end !== null) cuts.push([start, end]);
  }
  let out = '';
  let at = 0;
  for (const [start, end] of cuts) {
    out += xml.slice(at, start);
    at = end;
  }
  // A paragraph whose mark is hidden too, with no text left, is not there at all: not even an empty line.
  return (out + xml.slice(at)).replace(PARAGRAPH, (p) => (HIDDEN_MARK.test(p) && !p.includes('<w:t') ? '' : p));
}

const PARAGRAPH = /<w:p(?:\s[^>]*)?>(?:(?!<\/w:p>)[\s\S])*?<\/w:p>/g;
const HIDDEN_MARK = /<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<w:vanish(?:\s+w:val="(?:true|1|on)")?\s*\/>/;

/** The index just past the `</w:r>` that closes the run starting at `start` (a text box's runs nest inside). */
function runEnd(xml: string, start: number): number | null {
  let depth = 0;
  let at = start;
  for (;;) {
    RUN_START.lastIndex = at + 1;
    const open = RUN_START.exec(xml);
    const close = xml.indexOf(RUN_END, at + 1);
    if (close < 0) return null;
    if (open && open.index < close) {
      depth++;
      at = open.index;
    } else if (depth > 0) {
      depth--;
      at = close;
    } else return close + RUN_END.length;
  }
}
