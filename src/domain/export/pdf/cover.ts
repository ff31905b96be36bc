import { productName } from '../../catalog';
import type { Grouping } from '../../grouping';
import { zonePairLabel, type RequestRow } from '../rows';
import { INK, MARGIN, MUTED, TEAL, formatDate, type Doc, type PdfInput } from './doc';
import { zoneNamer } from './ruleTable';

/** Page 1: what is asked, by whom and when, rules and flows per zone pair, and the requester's notes. */
export function cover(doc: Doc, input: PdfInput, rows: RequestRow[], grouping: Grouping): void {
  const { plan, derivation, scope, date } = input;
  const cr = plan.changeRequest ?? {};
  const { pdf, width } = doc;
  pdf.setFillColor(...TEAL);
  pdf.rect(0, 0, width, 8, 'F');
  doc.text('FIREWALL CHANGE REQUEST', MARGIN, MARGIN, { size: 10, bold: true, colour: TEAL });
  let y = MARGIN + 18;
  y += doc.text(cr.title?.trim() || `Firewall rules for ${plan.name}`, MARGIN, y, {
    size: 24,
    bold: true,
    maxWidth: width - 2 * MARGIN,
  });
  y += 8;
  const crossing = rows.filter((r) => r.crossesFirewall).length;
  const details: [string, string][] = [
    ['Plan', plan.name],
    ['Product', `${productName(plan.productVersion)} ${plan.productVersion}`],
    ['Requester', cr.requester?.trim() || '-'],
    ['Ticket / reference', cr.ticket?.trim() || '-'],
    ['Change window', cr.window?.trim() || '-'],
    ['Date', formatDate(date)],
    [
      'Scope',
      scope.includeInternal
        ? 'All flows between hosts, including those inside a zone'
        : 'Flows that cross a firewall (between zones, or to hosts in no zone)',
    ],
    ['Rules in this request', `${grouping.rules.length} over ${grouping.groups.length} address groups`],
    ['Flows they carry', `${rows.length} (${crossing} through a firewall)`],
    ['Hosts / zones', `${plan.hosts.length} hosts in ${plan.zones.length} zones`],
    ['Warnings', String(derivation.warnings.length)],
  ];
  doc.table({
    startY: y + 6,
    margin: { left: MARGIN, right: width / 2 },
    body: details,
    theme: 'plain',
    styles: { fontSize: 10, cellPadding: { top: 3, bottom: 3, left: 0, right: 8 }, textColor: INK },
    columnStyles: { 0: { fontStyle: 'bold', cellWidth: 130, textColor: MUTED } },
  });

  // Rules and flows per zone pair, at a glance, in rule order.
  const zone = zoneNamer(plan);
  const pairs = new Map<string, [rules: number, flows: number]>();
  for (const r of grouping.rules) {
    const label = zonePairLabel({ sourceZone: zone(r.sourceZone), destinationZone: zone(r.destinationZone) });
    const [rules, flows] = pairs.get(label) ?? [0, 0];
    pairs.set(label, [rules + 1, flows + r.flowIds.length]);
  }
  doc.table({
    startY: y + 6,
    margin: { left: width / 2 + 20, right: MARGIN },
    head: [['Zone pair', 'Rules', 'Flows']],
    body: [...pairs].map(([k, [rules, flows]]) => [k, String(rules), String(flows)]),
    theme: 'striped',
    headStyles: { fillColor: TEAL },
    styles: { fontSize: 9, cellPadding: 4 },
    columnStyles: { 1: { halign: 'right', cellWidth: 45 }, 2: { halign: 'right', cellWidth: 45 } },
  });
  // Before the notes, which may run on to the next page.
  doc.text(
    'Source of the port requirements: Trustwave knowledge-base article 10905.',
    MARGIN,
    doc.height - MARGIN - 20,
    { size: 9, colour: MUTED },
  );
  if (cr.notes?.trim()) {
    const last = doc.lastTableEnd ?? y;
    // A table cell, so long notes break across pages instead of running off the cover.
    doc.table({
      startY: Math.max(last, y + 200) + 16,
      margin: { left: MARGIN, right: MARGIN, top: MARGIN, bottom: MARGIN + 30 },
      head: [['Notes']],
      body: [[cr.notes.trim()]],
      theme: 'plain',
      headStyles: {
        fontSize: 11,
        fontStyle: 'bold',
        textColor: INK,
        cellPadding: { top: 0, bottom: 4, left: 0, right: 0 },
      },
      styles: { fontSize: 10, textColor: INK, cellPadding: { top: 0, bottom: 0, left: 0, right: 0 } },
    });
  }
}
