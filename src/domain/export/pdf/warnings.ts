import { INK, MARGIN, MUTED, RULE_LINE, TEAL, type Doc, type PdfInput } from './doc';

const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Advice' } as const;

/**
 * Where the plan goes against the vendor's advice, with the hosts concerned, from `y` down;
 * returns where it ended on its last page.
 */
export function warningsPage(doc: Doc, input: PdfInput, y = MARGIN): number {
  const { plan, derivation } = input;
  const top = doc.heading(
    'Warnings and advisories',
    'Where the plan goes against the vendor\u2019s advice or is incomplete.',
    y,
  );
  if (derivation.warnings.length === 0) {
    return (
      top +
      doc.text('None: the plan follows the vendor\u2019s advice as far as Portolan can tell.', MARGIN, top, {
        colour: MUTED,
      })
    );
  }
  const names = new Map(plan.hosts.map((h) => [h.id, h.name]));
  doc.table({
    startY: top,
    margin: { left: MARGIN, right: MARGIN, top: MARGIN, bottom: MARGIN + 10 },
    head: [['Severity', 'Finding', 'Hosts', 'Reference']],
    body: derivation.warnings.map((w) => [
      SEVERITY[w.severity],
      w.message,
      [...new Set(w.hostIds)].map((id) => names.get(id) ?? id).join(', '),
      w.reference ?? '',
    ]),
    showHead: 'everyPage',
    theme: 'grid',
    headStyles: { fillColor: TEAL },
    styles: { fontSize: 9, cellPadding: 4, textColor: INK, lineColor: RULE_LINE, lineWidth: 0.4 },
    columnStyles: { 0: { cellWidth: 60, fontStyle: 'bold' }, 2: { cellWidth: 160 }, 3: { cellWidth: 90 } },
  });
  return doc.lastTableEnd ?? top;
}
