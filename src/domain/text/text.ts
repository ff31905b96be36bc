/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) reorder
 * the text around them without being seen, so "SEG-\u202Eeton" can pass for another name. Every
 * place that shows a name (canvas, tables, CSV, PDF) prints them as a visible `<U+202E>` instead.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function hasBidiControls(text: string): boolean {
  BIDI_CONTROLS.lastIndex = 0;
  return BIDI_CONTROLS.test(text);
}

/** The text with each bidirectional control replaced by `<U+XXXX>`. */
export function visibleText(text: string): string {
  return text.replace(
    BIDI_CONTROLS,
    (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}
