import { RULE_IDS, formatServices, getRule } from '../../catalog';
import { ruleNotes, ruleText } from '../../catalog/texts';
import type { RequestRow } from '../rows';
import { INK, MARGIN, RULE_LINE, TEAL, type Doc, type PdfInput } from './doc';

/** Each catalog rule behind the request: why it is needed and where the vendor says so. */
export function appendix(doc: Doc, input: PdfInput, rows: RequestRow[]): void {
  const top = doc.heading(
    'Appendix: rules used',
    'Each catalog rule behind this request, why it is needed, and its source.',
  );
  const inRequest = new Set(rows.map((r) => r.rule));
  const used = RULE_IDS.filter((id) => inRequest.has(id));
  doc.table({
    startY: top,
    margin: { left: MARGIN, right: MARGIN, top: MARGIN, bottom: MARGIN + 10 },
    head: [['Rule', 'Services', 'When', 'Why', 'Source']],
    body: used.map((id) => {
      const rule = getRule(id);
      const text = ruleText(id);
      const notes = ruleNotes(id, input.plan.productVersion).map((n) => n.text);
      return [
        `${rule.title}\n(${rule.id})`,
        formatServices(rule.services),
        text.condition,
        [text.explanation, ...notes].join('\n\n'),
        rule.source.citation,
      ];
    }),
    showHead: 'everyPage',
    theme: 'grid',
    headStyles: { fillColor: TEAL },
    styles: {
      fontSize: 9,
      cellPadding: 5,
      textColor: INK,
      lineColor: RULE_LINE,
      lineWidth: 0.4,
      valign: 'top',
    },
    columnStyles: {
      // Wide enough for the longest rule id in bold DejaVu Sans, which runs wider than Helvetica.
      0: { cellWidth: 140, fontStyle: 'bold' },
      1: { cellWidth: 80 },
      2: { cellWidth: 120 },
      4: { cellWidth: 80 },
    },
  });
}
