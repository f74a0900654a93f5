import type { TextItem } from './items.js';

/** What pdfjs's getAnnotations gives for a form field, as far as it is read here. */
interface RawAnnotation {
  subtype?: string;
  fieldType?: string;
  fieldValue?: unknown;
  rect?: number[];
  multiLine?: boolean;
  hidden?: boolean;
  defaultAppearanceData?: { fontSize?: number };
}

/** The size text is set at in a field that leaves it to the viewer ("auto", 0). */
const AUTO_SIZE = 10;
/** How wide a character is, on average, as a share of the font size: a field's value has no measured width. */
const CHAR_WIDTH = 0.5;

/** A point of the page's user space in the displayed page's coordinates. */
const apply = (m: number[], x: number, y: number): [number, number] => [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!];

/**
 * The values typed into a page's text form fields (AcroForm widgets), as text items placed in the field's
 * rectangle, so that an owner or a date typed into a form lands in the cell the field sits in. A
 * multi-line value gives one item a line, from the top of the field; a single line is centred in it, as
 * viewers draw it. Fields with no value, hidden, or turned on the page are left out.
 */
export function fieldItems(annotations: readonly unknown[], viewport: number[]): TextItem[] {
  const out: TextItem[] = [];
  for (const a of annotations as RawAnnotation[]) {
    if (a.subtype !== 'Widget' || a.fieldType !== 'Tx' || a.hidden || typeof a.fieldValue !== 'string' || !a.rect || a.rect.length !== 4) continue;
    const lines = a.fieldValue.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    const [x1, y1, x2, y2] = a.rect as [number, number, number, number];
    const corners = [apply(viewport, x1, y1), apply(viewport, x2, y2)];
    const [left, right] = [Math.min(corners[0]![0], corners[1]![0]), Math.max(corners[0]![0], corners[1]![0])];
    const [top, bottom] = [Math.min(corners[0]![1], corners[1]![1]), Math.max(corners[0]![1], corners[1]![1])];
    if (![left, right, top, bottom].every(Number.isFinite) || right <= left) continue;
    const size = a.defaultAppearanceData?.fontSize || Math.min(AUTO_SIZE, (bottom - top) * 0.7) || AUTO_SIZE;
    const x = left + 2;
    lines.forEach((text, i) => {
      const baseline = a.multiLine || lines.length > 1 ? top + 2 + size * (0.8 + 1.15 * i) : (top + bottom) / 2 + size * 0.3;
      out.push({ text, x, right: Math.min(right, x + text.length * size * CHAR_WIDTH), baseline, size, font: 'form-field', block: null, listed: false, label: false });
    });
  }
  return out;
}
