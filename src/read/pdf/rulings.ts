import type { Pdfjs } from './pdfjs.js';

/** A ruling line drawn on a page, in points from the top-left corner of the displayed page. */
export interface Rule {
  /** The fixed coordinate: y of a horizontal rule, x of a vertical one. */
  at: number;
  /** Where it starts and ends along its length. */
  from: number;
  to: number;
}

/** The ruling lines of one page. */
export interface Rulings {
  horizontal: Rule[];
  vertical: Rule[];
}

type Matrix = [number, number, number, number, number, number];

/** The thickest stroke or filled bar read as a line rather than a shaded box. */
const THIN = 3;
/** The shortest length worth keeping: a border of one cell at least. */
const SHORT = 8;

const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** The drawing ops of pdfjs 5's constructPath path data (DrawOPS). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/**
 * Read the ruling lines of a page from its operator list. Only paths are looked at: pdfjs 5 gives each
 * painted path as one constructPath op, `[paintOp, [pathData], minMax]`, whose data is a flat list of
 * drawing ops (0 moveTo x y, 1 lineTo x y, 2 curveTo six numbers, 3 quadraticCurveTo four, 4 closePath)
 * in user space; the transformation matrix is tracked through save, restore and transform. A filled
 * rectangle thin in one direction is a rule (how LibreOffice and Chromium draw borders), and so is each
 * straight axis-aligned segment of a stroked path.
 */
export function rulingsOf(ops: { fnArray: number[]; argsArray: unknown[] }, viewport: number[], lib: Pdfjs): Rulings {
  const { OPS } = lib;
  const fills = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const strokes = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const out: Rulings = { horizontal: [], vertical: [] };
  const stack: Matrix[] = [];
  let ctm = viewport.slice(0, 6) as Matrix;
  const add = (x1: number, y1: number, x2: number, y2: number, thick: number): void => {
    if (Math.abs(y2 - y1) <= thick && Math.abs(x2 - x1) >= SHORT) out.horizontal.push({ at: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) });
    else if (Math.abs(x2 - x1) <= thick && Math.abs(y2 - y1) >= SHORT) out.vertical.push({ at: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) });
  };
  ops.fnArray.forEach((fn, i) => {
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = times(ctm, ops.argsArray[i] as Matrix);
    else if (fn === OPS.constructPath) {
      const [paint, [data]] = ops.argsArray[i] as [number, [ArrayLike<number> | null]];
      if (!data || !(fills.has(paint) || strokes.has(paint))) return;
      const points = segments(data, ctm);
      if (fills.has(paint)) {
        for (const box of points.boxes) {
          const [x1, y1, x2, y2] = box;
          const w = Math.abs(x2 - x1);
          const h = Math.abs(y2 - y1);
          if (h <= THIN && w >= SHORT) out.horizontal.push({ at: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) });
          else if (w <= THIN && h >= SHORT) out.vertical.push({ at: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) });
        }
      }
      if (strokes.has(paint)) for (const [x1, y1, x2, y2] of points.lines) add(x1, y1, x2, y2, 0.5);
    }
  });
  return out;
}

/** x1, y1, x2, y2. */
type Quad = [number, number, number, number];

/** A path's straight segments and the bounding box of each closed subpath, in page coordinates. */

function segments(data: ArrayLike<number>, ctm: Matrix): { lines: Quad[]; boxes: Quad[] } {
  const lines: Quad[] = [];
  const boxes: Quad[] = [];
  let sub: Array<[number, number]> = [];
  let curved = false;
  const endSub = (): void => {
    if (sub.length >= 3 && !curved) {
      const xs = sub.map((p) => p[0]);
      const ys = sub.map((p) => p[1]);
      boxes.push([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
    }
    sub = [];
    curved = false;
  };
  for (let k = 0; k < data.length; ) {
    const op = data[k++]!;
    if (op === MOVE) {
      endSub();
      sub.push(apply(ctm, data[k]!, data[k + 1]!));
      k += 2;
    } else if (op === LINE) {
      const p = apply(ctm, data[k]!, data[k + 1]!);
      const q = sub.at(-1);
      if (q) lines.push([q[0], q[1], p[0], p[1]]);
      sub.push(p);
      k += 2;
    } else if (op === CURVE || op === QUAD) {
      const n = op === CURVE ? 6 : 4;
      curved = true;
      sub.push(apply(ctm, data[k + n - 2]!, data[k + n - 1]!));
      k += n;
    } else if (op === CLOSE) {
      const [first, last] = [sub[0], sub.at(-1)];
      if (first && last) lines.push([last[0], last[1], first[0], first[1]]);
      endSub();
    } else break;
  }
  endSub();
  return { lines, boxes };
}
