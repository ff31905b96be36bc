import { jsPDF } from 'jspdf';
import { autoTable, type MarginPaddingInput, type TextOptions, type UserOptions } from 'jspdf-autotable';
import type { Derivation } from '../../engine';
import type { Plan } from '../../plan';
import type { RequestScope } from '../rows';
import type { DiagramView } from '../types';
import { typesetter, type Face, type FontData, type Setting, type Typesetter } from './fonts';

export type Paper = 'a4' | 'letter';

export interface PdfInput {
  plan: Plan;
  derivation: Derivation;
  scope: RequestScope;
  paper: Paper;
  /** When the document is made (passed in so tests can fix it). */
  date: Date;
  /** The picture the canvas shows, for the diagram page (absent: host by host). */
  view?: DiagramView;
  /** Told how far the build is (percent done of 100), between its parts. */
  progress?: (done: number, of: number) => void;
}

export type RGB = [number, number, number];
export const INK: RGB = [15, 23, 42];
export const MUTED: RGB = [71, 85, 105];
export const TEAL: RGB = [15, 118, 110];
export const ORANGE: RGB = [234, 88, 12];
export const GREY: RGB = [148, 163, 184];
export const RULE_LINE: RGB = [203, 213, 225];
export const MARGIN = 40;

/** The column font that marks monospaced cells (addresses) in a table. */
export const MONO = 'courier';

/**
 * Text is stored in logical order; jsPDF draws glyphs left to right, so its bidi step must turn
 * each line into visual order (right-to-left runs reversed, brackets mirrored), with the line's
 * direction taken from its first strong character. jsPDF's own default treats input as visual.
 */
export const BIDI: TextOptions = {
  isInputVisual: false,
  isOutputVisual: true,
  isOutputRtl: false,
  isSymmetricSwapping: true,
};

/** The local calendar date, YYYY-MM-DD. */
export function formatDate(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  face?: Face;
  colour?: RGB;
  align?: 'left' | 'right' | 'center';
  maxWidth?: number;
}

/** A landscape page and the one way text reaches it, so every string is set in a font that has it. */
export class Doc {
  readonly pdf: jsPDF;
  readonly width: number;
  readonly height: number;
  private readonly fonts: Typesetter;
  private tableEnd: number | undefined;

  /** With `unicode` font data the document prints any script; without, Windows-1252 only. */
  constructor(paper: Paper, unicode?: FontData) {
    this.pdf = new jsPDF({ orientation: 'landscape', unit: 'pt', format: paper, compress: true });
    this.width = this.pdf.internal.pageSize.getWidth();
    this.height = this.pdf.internal.pageSize.getHeight();
    this.fonts = typesetter(this.pdf, unicode);
  }

  /** True when some text needed a font this document does not have. */
  get missedText(): boolean {
    return this.fonts.missed;
  }

  /** The font `text` prints in, and the string to draw: for text drawn by hand, as in a table. */
  typeset(text: string, face: Face, bold: boolean): Setting {
    return this.fonts.set(text, face, bold);
  }

  /** Selects the font and size for `text` and returns the string to draw. */
  private use(text: string, style: TextStyle): string {
    const set = this.fonts.set(text, style.face ?? 'sans', style.bold ?? false);
    this.pdf.setFont(set.font, set.style);
    this.pdf.setFontSize(style.size ?? 10);
    return set.text;
  }

  /** Draws text from its top-left corner; returns the height it took. */
  text(text: string, x: number, y: number, style: TextStyle = {}): number {
    const { pdf } = this;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return 0;
    const shown = this.use(text, style);
    pdf.setTextColor(...(style.colour ?? INK));
    const lines = style.maxWidth ? (pdf.splitTextToSize(shown, style.maxWidth) as string[]) : [shown];
    pdf.text(lines, x, y, { align: style.align ?? 'left', baseline: 'top', ...BIDI });
    return lines.length * (style.size ?? 10) * 1.25;
  }

  textWidth(text: string, style: TextStyle = {}): number {
    return this.pdf.getTextWidth(this.use(text, style));
  }

  /** A section title (and a line under it) at `y`; returns where the section's content starts. */
  heading(title: string, subtitle?: string, y = MARGIN): number {
    this.text(title, MARGIN, y, { size: 18, bold: true });
    if (!subtitle) return y + 32;
    const lines = this.text(subtitle, MARGIN, y + 24, {
      size: 10,
      colour: MUTED,
      maxWidth: this.width - 2 * MARGIN,
    });
    // A subtitle that wraps pushes the content down, by as much as its lines take.
    return Math.max(y + 48, y + 24 + lines + 11);
  }

  /**
   * Where a new section starts: below `end` (where the section before ended on the current
   * page), when at least `room` points are left under it; otherwise at the top of a new page.
   */
  section(room: number, end: number): number {
    if (end + 36 + room <= this.height - MARGIN - 10) return end + 36;
    this.pdf.addPage();
    return MARGIN;
  }

  /**
   * A table of the change request (rules, groups, flows), starting at `top`: grid lines, the teal
   * head on every page, rows never split over two pages. `size` and `padding` set its density;
   * `options` add the head, body and columns.
   */
  gridTable(top: number, size: number, padding: MarginPaddingInput, options: UserOptions): void {
    this.table({
      startY: top,
      // A row is read across: it is never split over two pages.
      rowPageBreak: 'avoid',
      margin: { left: MARGIN, right: MARGIN, top: MARGIN, bottom: MARGIN + 10 },
      showHead: 'everyPage',
      theme: 'grid',
      headStyles: { fillColor: TEAL, textColor: [255, 255, 255], fontStyle: 'bold' },
      ...options,
      styles: {
        fontSize: size,
        cellPadding: padding,
        lineColor: RULE_LINE,
        lineWidth: 0.4,
        textColor: INK,
        overflow: 'linebreak',
        ...options.styles,
      },
    });
  }

  /** An autoTable whose every cell, head included, is set like `text` is. */
  table(options: UserOptions): void {
    autoTable(this.pdf, {
      ...options,
      styles: { ...options.styles, textOptions: BIDI },
      didParseCell: ({ cell }) => {
        const face = cell.styles.font === MONO ? 'mono' : 'sans';
        const set = this.fonts.set(cell.text.join('\n'), face, cell.styles.fontStyle === 'bold');
        cell.text = set.text.split('\n');
        cell.styles.font = set.font;
        cell.styles.fontStyle = set.style;
      },
    });
    this.tableEnded((this.pdf as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY);
  }

  /** Records where a table ended, for `lastTableEnd`. */
  tableEnded(y: number): void {
    this.tableEnd = y;
  }

  /** Where the last table ended on its page. */
  get lastTableEnd(): number | undefined {
    return this.tableEnd;
  }
}
