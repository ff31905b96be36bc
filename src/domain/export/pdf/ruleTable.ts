import type { RowInput } from 'jspdf-autotable';
import { zonePairLabel, type RequestRow } from '../rows';
import { INK, MARGIN, MONO, RULE_LINE, TEAL, type Doc } from './doc';

/** The columns other than source and destination: #, the two addresses, protocol, port, rule. */
const FIXED_WIDTH = 28 + 100 + 100 + 48 + 40 + 170;

/** Where a host name, FQDN or address may break: after a space, dot, hyphen, underscore, slash or colon. */
const BREAK_AFTER = /(?<=[ .\-_/:])/;

/**
 * Lines of `text` no wider than `width`, broken only after BREAK_AFTER characters, so
 * "mail-relay-01.corp.example.com" never splits as "mail-rel" + "ay-01…". A piece wider than
 * the whole column is the one thing broken mid-word, as nothing else fits.
 */
export function wrapAtBoundaries(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const piece of paragraph.split(BREAK_AFTER)) {
      if (line && measure((line + piece).trimEnd()) > width) {
        lines.push(line.trimEnd());
        line = '';
      }
      line += piece;
      // Only a piece wider than the column on its own gets here too wide: cut it by characters.
      while (measure(line.trimEnd()) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && measure(line.slice(0, cut)) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** The rules themselves, one line each, grouped under a heading per zone pair. */
export function ruleTable(doc: Doc, rows: RequestRow[]): void {
  const top = doc.heading(
    'Firewall rules',
    `${rows.length} rules, grouped by the zones they connect. Each rule allows one protocol and port from the source to the destination; replies to permitted connections are assumed to be allowed by a stateful firewall.`,
  );
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(zonePairLabel(r), (counts.get(zonePairLabel(r)) ?? 0) + 1);
  const body: RowInput[] = [];
  let group = '';
  rows.forEach((r, i) => {
    const label = zonePairLabel(r);
    if (label !== group) {
      group = label;
      const count = counts.get(label) ?? 0;
      body.push([
        {
          content: `${label}  (${count} rule${count === 1 ? '' : 's'})`,
          colSpan: 8,
          styles: { fontStyle: 'bold', fillColor: [226, 232, 240], textColor: INK, halign: 'left' },
        },
      ]);
    }
    body.push([
      String(i + 1),
      r.source,
      r.sourceAddress || '(no address)',
      r.destination,
      r.destinationAddress || '(no address)',
      r.protocol,
      String(r.port),
      `${r.ruleTitle} (${r.rule})`,
    ]);
  });
  const words = (text: string | string[], width: number) =>
    wrapAtBoundaries(Array.isArray(text) ? text.join('\n') : text, width, (t) => doc.pdf.getTextWidth(t));
  // Source and destination share what the fixed columns leave. Left to autotable, a long name
  // with no spaces counts as one word it tries to fit whole, squeezing the other name column.
  const nameWidth = (doc.width - 2 * MARGIN - FIXED_WIDTH) / 2;
  doc.table({
    startY: top,
    // A rule is read across its row: a row is never split over two pages.
    rowPageBreak: 'avoid',
    margin: { left: MARGIN, right: MARGIN, top: MARGIN, bottom: MARGIN + 10 },
    head: [
      ['#', 'Source', 'Source address', 'Destination', 'Destination address', 'Protocol', 'Port', 'Rule'],
    ],
    body,
    showHead: 'everyPage',
    theme: 'grid',
    headStyles: { fillColor: TEAL, textColor: [255, 255, 255], fontStyle: 'bold' },
    styles: {
      fontSize: 8.5,
      cellPadding: 3.5,
      lineColor: RULE_LINE,
      lineWidth: 0.4,
      textColor: INK,
      overflow: 'linebreak',
    },
    columnStyles: {
      0: { cellWidth: 28, halign: 'right' },
      // Names and addresses wrap only between their parts (autotable wraps at spaces and then
      // anywhere, which cuts a name without spaces mid-word).
      1: { cellWidth: nameWidth, overflow: words },
      2: { cellWidth: 100, font: MONO, overflow: words },
      3: { cellWidth: nameWidth, overflow: words },
      4: { cellWidth: 100, font: MONO, overflow: words },
      5: { cellWidth: 48 },
      6: { cellWidth: 40, halign: 'right' },
      7: { cellWidth: 170 },
    },
  });
}
