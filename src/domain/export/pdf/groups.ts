import type { GroupedRule, Grouping } from '../../grouping';
import type { Plan } from '../../plan';
import { MARGIN, MONO, type Doc } from './doc';
import { wrapAtBoundaries, zoneNamer } from './ruleTable';

const SIZE = 8.5;
const PAD = 3.5;
/** Group, zone, addresses and rules; the members take what is left. */
const GROUP_WIDTH = 185;
const ZONE_WIDTH = 100;
const ADDRESS_WIDTH = 140;
const RULES_WIDTH = 90;

/**
 * The address groups the rules use: each group's name, its zone, its members by host name and,
 * beside each member on the same line, the address to put in the firewall object. Returns where
 * the table ended on its last page. `ruleLabel` names a rule in "Used in rules" (its number).
 */
export function groupsSection(
  doc: Doc,
  plan: Plan,
  grouping: Grouping,
  y: number,
  ruleLabel: (rule: GroupedRule) => string = (r) => String(r.number),
): number {
  const top = doc.heading(
    'Address groups',
    'The members of each group the rules name, and the address of each member, in the same order.',
    y,
  );
  const hosts = new Map(plan.hosts.map((h) => [h.id, h.name]));
  const zone = zoneNamer(plan);
  const usedIn = new Map<string, string[]>();
  for (const r of grouping.rules)
    for (const g of new Set([r.source.key, r.destination.key]))
      usedIn.set(g, [...(usedIn.get(g) ?? []), ruleLabel(r)]);
  const memberWidth = doc.width - 2 * MARGIN - GROUP_WIDTH - ZONE_WIDTH - ADDRESS_WIDTH - RULES_WIDTH;
  const wrap = (text: string, width: number, face: 'sans' | 'mono') =>
    wrapAtBoundaries(text, width - 2 * PAD, (t) => doc.textWidth(t, { size: SIZE, face }));
  const body = grouping.groups.map((g) => {
    // A member and its address start on the same line: the shorter of the two is padded with
    // empty lines to the height of the longer.
    const names: string[] = [];
    const addresses: string[] = [];
    g.hostIds.forEach((id, i) => {
      const name = wrap(hosts.get(id) ?? id, memberWidth, 'sans');
      const address = wrap(g.addresses[i] || '(no address)', ADDRESS_WIDTH, 'mono');
      const lines = Math.max(name.length, address.length);
      names.push(...name, ...Array<string>(lines - name.length).fill(''));
      addresses.push(...address, ...Array<string>(lines - address.length).fill(''));
    });
    return [
      g.name,
      zone(g.zone),
      names.join('\n'),
      addresses.join('\n'),
      (usedIn.get(g.key) ?? []).join(', '),
    ];
  });
  const words = (text: string | string[], width: number) =>
    wrapAtBoundaries(Array.isArray(text) ? text.join('\n') : text, width, (t) => doc.pdf.getTextWidth(t));
  // Already wrapped, line for line with the other column: kept as they are.
  const asIs = (text: string | string[]) => (Array.isArray(text) ? text : text.split('\n'));
  doc.gridTable(top, SIZE, PAD, {
    head: [['Group', 'Zone', 'Members', 'Addresses', 'Used in rules']],
    body,
    styles: { valign: 'top' },
    columnStyles: {
      0: { cellWidth: GROUP_WIDTH, overflow: words, fontStyle: 'bold' },
      1: { cellWidth: ZONE_WIDTH, overflow: words },
      2: { cellWidth: memberWidth, overflow: asIs },
      3: { cellWidth: ADDRESS_WIDTH, font: MONO, overflow: asIs },
      4: { cellWidth: RULES_WIDTH, overflow: words },
    },
  });
  return doc.lastTableEnd ?? top;
}
