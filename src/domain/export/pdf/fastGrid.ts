import { BIDI, INK, MARGIN, RULE_LINE, TEAL, type Doc } from './doc';
import type { Face, Weight } from './fonts';
import { wrapAtBoundaries } from './ruleTable';

/*
 * A table for the long lists (a line per flow), drawn as Doc.gridTable draws its tables: the teal
 * head with white bold text on every page, grid lines in RULE_LINE, a row that does not fit moved
 * to the next page whole (split only when taller than a page). Columns have fixed widths, so
 * nothing is measured but the texts themselves, once per distinct text, and the grid is stroked
 * once per page instead of a rectangle per cell. Autotable spends seconds on a list of thousands
 * of rows, most of it on cell objects and on measuring every cell.
 */

export interface ListColumn {
  head: string;
  width: number;
  /** 'mono' for addresses: Courier whenever the text prints in it. */
  face?: Face;
  bold?: boolean;
  /** The body's alignment; the head is always left-aligned, as in gridTable. */
  align?: 'left' | 'right';
  /** True to break only between the parts of names and addresses (wrapAtBoundaries); else at spaces. */
  boundaries?: boolean;
}

export interface CellPadding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A cell's text as it is drawn: its lines, its font, and (right-aligned) each line's width. */
interface Laid {
  lines: string[];
  font: string;
  style: Weight;
  widths?: number[];
}

/** Autotable's first baseline is (2 - this) × the font size below a cell's padding. */
const PHYSICAL_LINE_HEIGHT = 1.15;

/**
 * Draws the table from `top` (on the next page when its head does not fit there) and returns
 * where it ended on its last page, which is also the Doc's `lastTableEnd`.
 */
export function listTable(
  doc: Doc,
  top: number,
  size: number,
  padding: CellPadding,
  columns: readonly ListColumn[],
  body: Iterable<readonly string[]>,
): number {
  const { pdf } = doc;
  const saved = {
    font: pdf.getFont(),
    size: pdf.getFontSize(),
    text: pdf.getTextColor(),
    draw: pdf.getDrawColor(),
    line: pdf.getLineWidth(),
  };
  const lineHeight = size * pdf.getLineHeightFactor();
  const padV = padding.top + padding.bottom;
  const padH = padding.left + padding.right;
  // Where autotable puts the first baseline below a cell's top.
  const firstBaseline = padding.top + size * (2 - PHYSICAL_LINE_HEIGHT);
  const left = MARGIN;
  const xs: number[] = [];
  let right = left;
  for (const c of columns) {
    xs.push(right);
    right += c.width;
  }
  const pageBottom = doc.height - (MARGIN + 10);
  pdf.setFontSize(size);

  let fontKey = '';
  const useFont = (font: string, style: Weight) => {
    const key = `${font}\u0000${style}`;
    if (key === fontKey) return;
    pdf.setFont(font, style);
    fontKey = key;
  };

  /** The text of one cell set and wrapped as gridTable's cells are. */
  const lay = (raw: string, column: ListColumn, face: Face, bold: boolean, boundaries: boolean): Laid => {
    const set = doc.typeset(raw.replace(/\r\n?/g, '\n'), face, bold);
    useFont(set.font, set.style);
    const space = column.width - padH;
    const lines = boundaries
      ? wrapAtBoundaries(set.text, space, (t) => pdf.getTextWidth(t))
      : // As autotable's 'linebreak', which allows one point more for rounding.
        (pdf.splitTextToSize(set.text, space + 1 / pdf.internal.scaleFactor, { fontSize: size }) as string[]);
    const laid: Laid = { lines, font: set.font, style: set.style };
    if (column.align === 'right') laid.widths = lines.map((l) => pdf.getStringUnitWidth(l) * size);
    return laid;
  };

  // A list repeats its names, addresses and services: each distinct text is set once per column.
  const caches = columns.map(() => new Map<string, Laid>());
  const cell = (raw: string, i: number): Laid => {
    const cache = caches[i]!;
    let laid = cache.get(raw);
    if (!laid) {
      const c = columns[i]!;
      laid = lay(raw, c, c.face ?? 'sans', c.bold ?? false, c.boundaries ?? false);
      cache.set(raw, laid);
    }
    return laid;
  };

  // The head is set as gridTable sets it: bold sans, left-aligned, wrapped at spaces.
  const head = columns.map((c) => lay(c.head, { ...c, align: 'left' }, 'sans', true, false));
  const heightOf = (cells: readonly Laid[]) =>
    cells.reduce((h, c) => Math.max(h, c.lines.length * lineHeight + padV), 0);
  const headHeight = heightOf(head);
  // The tallest row a page holds below the head; one taller is split, as autotable does.
  const pageRoom = pageBottom - MARGIN - headHeight;

  /** Draws the cells' lines from `y`: all of them, or those from `from` up to `to`. */
  const drawCells = (cells: readonly Laid[], y: number, from = 0, to = Infinity) => {
    cells.forEach((c, i) => {
      const lines = from === 0 && to >= c.lines.length ? c.lines : c.lines.slice(from, to);
      if (lines.length === 0) return;
      useFont(c.font, c.style);
      const baseline = y + firstBaseline;
      if (c.widths) {
        const edge = xs[i]! + columns[i]!.width - padding.right;
        lines.forEach((line, n) => {
          pdf.text(line, edge - c.widths![from + n]!, baseline + n * lineHeight, BIDI);
        });
      } else pdf.text(lines, xs[i]! + padding.left, baseline, BIDI);
    });
  };

  // The current page's rows, drawn once the page is full: the grid first, the text over it, as
  // gridTable draws each cell's border before its text.
  let edges: number[] = [];
  let rows: { cells: Laid[]; y: number; from: number; to: number }[] = [];
  const startPage = (y: number) => {
    edges = [y, y + headHeight];
    rows = [];
    return y + headHeight;
  };
  const finishPage = () => {
    const first = edges[0]!;
    const last = edges[edges.length - 1]!;
    pdf.setFillColor(...TEAL);
    pdf.rect(left, first, right - left, headHeight, 'F');
    pdf.setDrawColor(...RULE_LINE);
    pdf.setLineWidth(0.4);
    pdf.rect(left, first, right - left, last - first, 'S');
    for (let i = 1; i < edges.length - 1; i++) {
      pdf.moveTo(left, edges[i]!);
      pdf.lineTo(right, edges[i]!);
    }
    for (let i = 1; i < xs.length; i++) {
      pdf.moveTo(xs[i]!, first);
      pdf.lineTo(xs[i]!, last);
    }
    pdf.stroke();
    pdf.setTextColor(255, 255, 255);
    drawCells(head, first);
    pdf.setTextColor(...INK);
    for (const r of rows) drawCells(r.cells, r.y, r.from, r.to);
  };
  const toNextPage = () => {
    const page = pdf.getCurrentPageInfo().pageNumber;
    if (page < pdf.getNumberOfPages()) pdf.setPage(page + 1);
    else pdf.addPage();
  };
  const nextPage = () => {
    finishPage();
    toNextPage();
    return startPage(MARGIN);
  };

  let y = top;
  if (top + MARGIN + 10 + headHeight > doc.height) {
    toNextPage();
    y = MARGIN;
  }
  y = startPage(y);

  const minRow = lineHeight + padV;
  for (const row of body) {
    const cells = columns.map((_, i) => cell(row[i] ?? '', i));
    const height = heightOf(cells);
    if (height > pageBottom - y && (height <= pageRoom || !(minRow < pageBottom - y))) y = nextPage();
    if (height <= pageBottom - y) {
      rows.push({ cells, y, from: 0, to: Infinity });
      y += height;
      edges.push(y);
      continue;
    }
    // Taller than a page: as many lines as fit on each page, the rest on the next.
    let from = 0;
    const most = Math.max(...cells.map((c) => c.lines.length));
    while (from < most) {
      const fit = Math.max(1, Math.floor((pageBottom - y - padV) / lineHeight));
      const part = cells.reduce(
        (h, c) => Math.max(h, Math.min(Math.max(c.lines.length - from, 0), fit) * lineHeight + padV),
        0,
      );
      rows.push({ cells, y, from, to: from + fit });
      y += Math.min(part, pageBottom - y);
      edges.push(y);
      from += fit;
      if (from < most) y = nextPage();
    }
  }
  finishPage();

  pdf.setFont(saved.font.fontName, saved.font.fontStyle);
  pdf.setFontSize(saved.size);
  pdf.setTextColor(saved.text);
  pdf.setDrawColor(saved.draw);
  pdf.setLineWidth(saved.line);
  doc.tableEnded(y);
  return y;
}
