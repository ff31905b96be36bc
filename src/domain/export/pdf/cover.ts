import { productName } from '../../catalog';
import type { GroupedRule, Grouping } from '../../grouping';
import { objectPrefix } from '../../plan';
import { zonePairLabel, type RequestRow } from '../rows';
import { INK, MARGIN, MUTED, TEAL, formatDate, type Doc, type PdfInput } from './doc';
import { zoneNamer } from './ruleTable';

/** What a cover says besides the plan's notes: its kind, title, details and a table per zone pair. */
export interface CoverContent {
  kicker: string;
  title: string;
  details: [string, string][];
  pairs: { head: string[]; body: string[][] };
}

/** The scope of the request, in words. */
export const scopeText = (scope: PdfInput['scope']) =>
  scope.includeInternal
    ? 'All flows between hosts, including those inside a zone'
    : 'Flows that cross a firewall (between zones, or to hosts in no zone)';

/** The cover's line for the flows the architect left out of the request; none when none are. */
export const excludedDetail = (n: number): [string, string][] =>
  n > 0 ? [['Excluded flows', `${n} (listed in their own section)`]] : [];

/**
 * The change request's details and its rules and flows per zone pair, in rule order. `excluded`:
 * how many flows in scope the architect left out.
 */
export function requestCover(
  input: PdfInput,
  rows: RequestRow[],
  grouping: Grouping,
  excluded = 0,
): CoverContent {
  const { plan, derivation, scope, date } = input;
  const cr = plan.changeRequest ?? {};
  const crossing = rows.filter((r) => r.crossesFirewall).length;
  const pairs = new Map<string, [rules: number, flows: number]>();
  for (const [label, r] of pairLabels(plan, grouping)) {
    const [rules, flows] = pairs.get(label) ?? [0, 0];
    pairs.set(label, [rules + 1, flows + r.flowIds.length]);
  }
  return {
    kicker: 'FIREWALL CHANGE REQUEST',
    title: cr.title?.trim() || `Firewall rules for ${plan.name}`,
    details: [
      ['Plan', plan.name],
      ['Product', `${productName(plan.productVersion)} ${plan.productVersion}`],
      ...requesterDetails(input),
      ['Date', formatDate(date)],
      ['Scope', scopeText(scope)],
      ['Rules in this request', `${grouping.rules.length} over ${grouping.groups.length} address groups`],
      ['Flows they carry', `${rows.length} (${crossing} through a firewall)`],
      ...excludedDetail(excluded),
      ['Hosts / zones', `${plan.hosts.length} hosts in ${plan.zones.length} zones`],
      ['Warnings', String(derivation.warnings.length)],
    ],
    pairs: {
      head: ['Zone pair', 'Rules', 'Flows'],
      body: [...pairs].map(([k, [rules, flows]]) => [k, String(rules), String(flows)]),
    },
  };
}

/** Requester, ticket and change window, as the change request gives them. */
export function requesterDetails({ plan }: PdfInput): [string, string][] {
  const cr = plan.changeRequest ?? {};
  return [
    ['Requester', cr.requester?.trim() || '-'],
    ['Ticket / reference', cr.ticket?.trim() || '-'],
    ['Change window', cr.window?.trim() || '-'],
    // The firewall team finds every object the configuration files create by it.
    ['Object prefix', objectPrefix(plan)],
  ];
}

/** Each rule with the label of the zone pair it connects ("DMZ → Internal network"). */
export function pairLabels(plan: PdfInput['plan'], grouping: Grouping): [string, GroupedRule][] {
  const zone = zoneNamer(plan);
  return grouping.rules.map((r) => [
    zonePairLabel({ sourceZone: zone(r.sourceZone), destinationZone: zone(r.destinationZone) }),
    r,
  ]);
}

/** Page 1: what is asked, by whom and when, a table per zone pair, and the requester's notes. */
export function cover(doc: Doc, input: PdfInput, content: CoverContent): void {
  const cr = input.plan.changeRequest ?? {};
  const { pdf, width } = doc;
  pdf.setFillColor(...TEAL);
  pdf.rect(0, 0, width, 8, 'F');
  doc.text(content.kicker, MARGIN, MARGIN, { size: 10, bold: true, colour: TEAL });
  let y = MARGIN + 18;
  y += doc.text(content.title, MARGIN, y, {
    size: 24,
    bold: true,
    maxWidth: width - 2 * MARGIN,
  });
  y += 8;
  doc.table({
    startY: y + 6,
    margin: { left: MARGIN, right: width / 2 },
    body: content.details,
    theme: 'plain',
    styles: { fontSize: 10, cellPadding: { top: 3, bottom: 3, left: 0, right: 8 }, textColor: INK },
    columnStyles: { 0: { fontStyle: 'bold', cellWidth: 130, textColor: MUTED } },
  });
  const detailsEnd = doc.lastTableEnd ?? y;

  // Count columns as wide as their heading, and no narrower than a few digits.
  const countWidth = (head: string) => Math.max(45, doc.textWidth(head, { size: 9, bold: true }) + 12);
  doc.table({
    startY: y + 6,
    margin: { left: width / 2 + 20, right: MARGIN },
    head: [content.pairs.head],
    body: content.pairs.body,
    theme: 'striped',
    headStyles: { fillColor: TEAL },
    styles: { fontSize: 9, cellPadding: 4 },
    columnStyles: Object.fromEntries(
      content.pairs.head.slice(1).map((h, i) => [i + 1, { halign: 'right', cellWidth: countWidth(h) }]),
    ),
  });
  // Before the notes, which may run on to the next page.
  doc.text(
    'Source of the port requirements: Trustwave knowledge-base article 10905.',
    MARGIN,
    doc.height - MARGIN - 20,
    { size: 9, colour: MUTED },
  );
  if (cr.notes?.trim()) {
    const last = Math.max(doc.lastTableEnd ?? y, detailsEnd);
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
