import type { RowInput } from 'jspdf-autotable';
import type { AddressGroup, GroupedRule, Grouping } from '../../grouping';
import type { Plan } from '../../plan';
import { NO_ZONE } from '../rows';
import { MARGIN, MUTED, type Doc } from './doc';

/** The columns other than source and destination: rule number, services, justification. */
const FIXED_WIDTH = 36 + 100 + 250;

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

/** A zone's name by id; NO_ZONE for hosts in none. */
export function zoneNamer(plan: Plan): (id: string | undefined) => string {
  const zones = new Map(plan.zones.map((z) => [z.id, z.name]));
  return (id) => (id === undefined ? NO_ZONE : (zones.get(id) ?? id));
}

/** "tcp/80, tcp/443" */
export const serviceList = (rule: GroupedRule): string =>
  rule.services.map((s) => `${s.protocol}/${s.port}`).join(', ');

/** What a rule table's heading says: its title, the line under it, and what it says when empty. */
export interface RuleTableText {
  title: string;
  /** The line under the title, for this many rules carrying this many flows. */
  intro: (rules: number, flows: number) => string;
  none: string;
}

export const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** The firewall change request's table of rules. */
export const FIREWALL_RULES: RuleTableText = {
  title: 'Firewall rules',
  intro: (rules, flows) =>
    `${plural(rules, 'rule')} over address groups, carrying ${plural(flows, 'flow')} (listed in the appendix), in order of the zones they connect. Replies are assumed to be allowed by a stateful firewall.`,
  none: 'None: no flows are in the scope of this request.',
};

/**
 * The grouped rules, one row each, numbered, in zone-pair order, under a heading at `y`. A side
 * is its group's name, and under it the zone and either the one member's address or how many
 * members it has (listed in "Address groups"). Returns where the table ended on its last page.
 */
export function ruleTable(
  doc: Doc,
  plan: Plan,
  grouping: Grouping,
  text: RuleTableText = FIREWALL_RULES,
  y = MARGIN,
): number {
  const { rules } = grouping;
  const flows = rules.reduce((n, r) => n + r.flowIds.length, 0);
  const top = doc.heading(text.title, text.intro(rules.length, flows), y);
  if (rules.length === 0) return top + doc.text(text.none, MARGIN, top, { colour: MUTED });
  const zone = zoneNamer(plan);
  const side = (g: AddressGroup, zoneId: string | undefined) =>
    `${g.name}\n${zone(zoneId)}, ${g.hostIds.length === 1 ? g.addresses[0] : `${g.hostIds.length} hosts`}`;
  // Rules are numbered by zone pair already; each side names its zone, so no row needs a heading.
  const body: RowInput[] = rules.map((r) => [
    String(r.number),
    side(r.source, r.sourceZone),
    side(r.destination, r.destinationZone),
    serviceList(r),
    `${r.justification}\n${r.ruleIds.join(', ')}`,
  ]);
  const words = (text: string | string[], width: number) =>
    wrapAtBoundaries(Array.isArray(text) ? text.join('\n') : text, width, (t) => doc.pdf.getTextWidth(t));
  // Source and destination share what the fixed columns leave. Left to autotable, a long name
  // with no spaces counts as one word it tries to fit whole, squeezing the other name column.
  const nameWidth = (doc.width - 2 * MARGIN - FIXED_WIDTH) / 2;
  doc.gridTable(top, 8.5, 3.5, {
    head: [['Rule', 'Source', 'Destination', 'Services', 'Justification']],
    body,
    styles: { valign: 'top' },
    columnStyles: {
      0: { cellWidth: 36, halign: 'right', fontStyle: 'bold' },
      // Names and addresses wrap only between their parts (autotable wraps at spaces and then
      // anywhere, which cuts a name without spaces mid-word).
      1: { cellWidth: nameWidth, overflow: words },
      2: { cellWidth: nameWidth, overflow: words },
      3: { cellWidth: 100, overflow: words },
      4: { cellWidth: 250, overflow: words },
    },
  });
  return doc.lastTableEnd ?? top;
}
