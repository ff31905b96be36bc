import type { RowInput } from 'jspdf-autotable';
import { zonePairLabel, type RequestRow } from '../rows';
import { INK, MARGIN, MONO, RULE_LINE, TEAL, type Doc } from './doc';

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
  doc.table({
    startY: top,
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
      1: { cellWidth: 'auto' },
      2: { cellWidth: 100, font: MONO },
      4: { cellWidth: 100, font: MONO },
      5: { cellWidth: 48 },
      6: { cellWidth: 40, halign: 'right' },
      7: { cellWidth: 170 },
    },
  });
}
