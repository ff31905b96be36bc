import type { jsPDF } from 'jspdf';
import { visibleText } from '../../text';

/** Portolan Sans as data URLs (fontData.ts); loaded with `loadFontData` when a plan needs it. */
export interface FontData {
  regular: string;
  bold: string;
}

export const loadFontData = (): Promise<FontData> => import('./fontData').then((m) => m.FONT_DATA);

/*
 * A change request prints in one of two ways. When every text is in Windows-1252 it uses the
 * built-in Helvetica and Courier: nothing to embed, so the PDF stays small and quick to make.
 * Otherwise it embeds Portolan Sans (fonts/README.md), which jsPDF subsets to the glyphs used.
 */

export const UNICODE_FAMILY = 'PortolanSans';

/** Sans for prose and names; mono for addresses, which keep Courier whenever it can print them. */
export type Face = 'sans' | 'mono';
export type Weight = 'normal' | 'bold';

/** A text as it goes to jsPDF, and the font to draw it in. */
export interface Setting {
  text: string;
  font: string;
  style: Weight;
}

export interface Typesetter {
  set(text: string, face: Face, bold: boolean): Setting;
  /** True once a text was beyond these fonts: the document must be made again with Unicode. */
  readonly missed: boolean;
}

/** Windows-1252 between 0x80 and 0x9F, which the built-in fonts also print. */
const CP1252_HIGH = new Set(
  '\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178',
);

const isWinAnsi = (c: string) => {
  const code = c.charCodeAt(0);
  return c === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_HIGH.has(c);
};

/** Line breaks as `\n` and tabs as spaces: jsPDF draws neither a `\r` nor a tab. */
function plainBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
}

/**
 * The text in Windows-1252, or undefined when it holds anything else. Arrows, which the zone pair
 * labels use, become ASCII ones, and the minus sign, which marks a service an upgrade removes, a
 * hyphen-minus.
 */
export function toWinAnsi(text: string): string | undefined {
  const out = plainBreaks(text)
    .replace(/\u2192/g, '->')
    .replace(/\u21d2/g, '=>')
    .replace(/\u2212/g, '-');
  for (const c of out) if (!isWinAnsi(c)) return undefined;
  return out;
}

/** Printable ASCII: every font here has it, and there is nothing to normalise. */
const PLAIN = /^[\x20-\x7e]*$/;

/** What every printed text goes through first: bidi controls made visible, composed characters. */
function normalise(text: string): string {
  return plainBreaks(visibleText(text).normalize('NFC'));
}

/** Whether every string inside `value` (a plan, its warnings) prints in Windows-1252. */
export function allWinAnsi(value: unknown): boolean {
  if (typeof value === 'string') return toWinAnsi(normalise(value)) !== undefined;
  if (Array.isArray(value)) return value.every(allWinAnsi);
  if (value && typeof value === 'object') return Object.values(value).every(allWinAnsi);
  return true;
}

class WinAnsiTypesetter implements Typesetter {
  missed = false;

  set(text: string, face: Face, bold: boolean): Setting {
    const out = PLAIN.test(text) ? text : toWinAnsi(normalise(text));
    if (out === undefined) this.missed = true;
    return {
      text: out ?? '',
      font: face === 'mono' ? 'courier' : 'helvetica',
      style: bold ? 'bold' : 'normal',
    };
  }
}

type CodeMap = Record<number, number | undefined>;

class UnicodeTypesetter implements Typesetter {
  readonly missed = false;

  constructor(
    private readonly regular: CodeMap,
    private readonly bold: CodeMap,
  ) {}

  /** A character's stand-in when the font lacks it: its Windows-1252 form if the font has that. */
  private standIn(c: string): string {
    const plain = toWinAnsi(c);
    return plain && [...plain].every((p) => this.regular[p.codePointAt(0)!]) ? plain : '\ufffd';
  }

  set(text: string, face: Face, bold: boolean): Setting {
    if (PLAIN.test(text))
      return { text, font: face === 'mono' ? 'courier' : UNICODE_FAMILY, style: bold ? 'bold' : 'normal' };
    const normal = normalise(text);
    const courier = face === 'mono' ? toWinAnsi(normal) : undefined;
    if (courier !== undefined) return { text: courier, font: 'courier', style: bold ? 'bold' : 'normal' };
    let out = '';
    let boldFits = bold;
    for (const c of normal) {
      // jsPDF would silently drop a character the font lacks (and all after a glyph 0): print its
      // Windows-1252 stand-in (the minus sign's hyphen), or show that something is there instead.
      // Characters beyond the BMP are never in the font's cmap.
      const shown = c === '\n' || this.regular[c.codePointAt(0)!] ? c : this.standIn(c);
      // The bold face has no CJK: such text is printed in the regular face rather than lost.
      if (boldFits && shown !== '\n' && !this.bold[shown.charCodeAt(0)]) boldFits = false;
      out += shown;
    }
    return { text: out, font: UNICODE_FAMILY, style: boldFits ? 'bold' : 'normal' };
  }
}

const base64 = (dataUrl: string) => dataUrl.slice(dataUrl.indexOf(',') + 1);

/** Adds Portolan Sans to the document and returns each weight's Unicode-to-glyph map. */
export function registerUnicodeFonts(pdf: jsPDF, fonts: FontData): { regular: CodeMap; bold: CodeMap } {
  const load = (file: string, data: string, style: Weight): CodeMap => {
    pdf.addFileToVFS(file, base64(data));
    pdf.addFont(file, UNICODE_FAMILY, style);
    pdf.setFont(UNICODE_FAMILY, style);
    return (pdf.getFont().metadata as { cmap: { unicode: { codeMap: CodeMap } } }).cmap.unicode.codeMap;
  };
  return {
    regular: load('PortolanSans-Regular.ttf', fonts.regular, 'normal'),
    bold: load('PortolanSans-Bold.ttf', fonts.bold, 'bold'),
  };
}

/** Windows-1252 with the built-in fonts, or Unicode with Portolan Sans when its data is given. */
export function typesetter(pdf: jsPDF, unicode?: FontData): Typesetter {
  if (!unicode) return new WinAnsiTypesetter();
  const { regular, bold } = registerUnicodeFonts(pdf, unicode);
  return new UnicodeTypesetter(regular, bold);
}
