import { RULE_IDS, formatServices, getRule } from '../../catalog';
import { ruleNotes, ruleText } from '../../catalog';
import type { Flow } from '../../engine';
import type { Grouping } from '../../grouping';
import type { Plan } from '../../plan';
import { requestRows, type RequestRow } from '../rows';
import { INK, MARGIN, RULE_LINE, TEAL, type Doc, type PdfInput } from './doc';
import { listTable } from './fastGrid';

/** The flow list's columns other than source and destination. */
const FLOW_FIXED_WIDTH = 30 + 100 + 100 + 60 + 110;

/** Each catalog rule behind the request: why it is needed and where the vendor says so. */
export function appendix(doc: Doc, input: PdfInput, rows: RequestRow[]): number {
  const top = doc.heading(
    'Appendix: catalog rules used',
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
  return doc.lastTableEnd ?? top;
}

/** A flow list's title, and the line under it for this many flows. */
export interface FlowListText {
  title: string;
  intro: (flows: number) => string;
}

const ALL_FLOWS: FlowListText = {
  title: 'Appendix: flows',
  intro: (n) =>
    `The ${n} flow${n === 1 ? '' : 's'} the rules carry, one line each: the rules expanded, no more and no fewer.`,
};

/**
 * Every flow of the request, one line each, under the number of the grouped rule that carries it:
 * the audit trail behind the rules, in rule order and within a rule in the per-flow order.
 */
export function flowList(
  doc: Doc,
  plan: Plan,
  grouping: Grouping,
  flows: readonly Flow[],
  y: number,
  text: FlowListText = ALL_FLOWS,
): number {
  const byId = new Map(flows.map((f) => [f.id, f]));
  const carried: [number, RequestRow][] = grouping.rules.flatMap((r) =>
    requestRows(
      plan,
      r.flowIds.flatMap((id) => byId.get(id) ?? []),
    ).map((row): [number, RequestRow] => [r.number, row]),
  );
  const top = doc.heading(text.title, text.intro(carried.length), y);
  const nameWidth = (doc.width - 2 * MARGIN - FLOW_FIXED_WIDTH) / 2;
  // Small and tight: this is the long list, read by looking a flow up. Thousands of rows: drawn
  // by listTable, which draws them as gridTable would, in a fraction of the time.
  return listTable(
    doc,
    top,
    7.5,
    { top: 1.5, bottom: 1.5, left: 3, right: 3 },
    [
      { head: 'Rule', width: 30, align: 'right' },
      { head: 'Source', width: nameWidth, boundaries: true },
      { head: 'Source address', width: 100, face: 'mono', boundaries: true },
      { head: 'Destination', width: nameWidth, boundaries: true },
      { head: 'Destination address', width: 100, face: 'mono', boundaries: true },
      { head: 'Service', width: 60 },
      { head: 'Catalog rule', width: 110, boundaries: true },
    ],
    carried.map(([number, r]) => [
      String(number),
      r.source,
      r.sourceAddress || '(no address)',
      r.destination,
      r.destinationAddress || '(no address)',
      `${r.protocol}/${r.port}`,
      r.rule,
    ]),
  );
}
