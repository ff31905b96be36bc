import type { Warning } from '../../engine';
import { rulesByDevice, type AddressGroup, type GroupedRule, type Grouping } from '../../grouping';
import { FIREWALL_VENDOR_LABELS, type Firewall, type Plan } from '../../plan';
import { MARGIN, MUTED, type Doc } from './doc';
import { plural, serviceList, wrapAtBoundaries, zoneNamer } from './ruleTable';

/*
 * The grouped rules per firewall device: for a plan with devices, a section per device (its name,
 * vendor and interfaces, then the rules it carries with the interface each enters and leaves by),
 * and a "No path" section for the rules between places no device joins. A rule keeps its number
 * on every device it passes, so each section reads against "Firewall rules" and "Address groups".
 */

const SIZE = 8.5;
const PAD = 3.5;
const NUMBER_WIDTH = 36;
const SERVICES_WIDTH = 100;
const INTERFACE_WIDTH = 90;
const INTERFACE_NAME_WIDTH = 160;
const INTERFACE_ZONE_WIDTH = 220;

/** The warning id of a pair of places no device joins (engine/warnings.ts). */
const NO_PATH_WARNING = 'no-firewall-path:';

/** A table's head and first row: a table that starts with less room below it starts on the next page. */
const TABLE_START_ROOM = 60;

/** `y`, when a table started there has room for its head and a row; else the top of a new page. */
function tableTop(doc: Doc, y: number): number {
  if (y + TABLE_START_ROOM <= doc.height - MARGIN - 10) return y;
  doc.pdf.addPage();
  return MARGIN;
}

/** Where the text of one cell may break, measured in the table's font. */
function wrapper(doc: Doc) {
  return (text: string | string[], width: number) =>
    wrapAtBoundaries(Array.isArray(text) ? text.join('\n') : text, width, (t) => doc.pdf.getTextWidth(t));
}

/** One side of a rule as the rule table prints it: its group, and under it its zone and what it holds. */
function sider(plan: Plan) {
  const zone = zoneNamer(plan);
  return (g: AddressGroup, zoneId: string | undefined) =>
    `${g.name}\n${zone(zoneId)}, ${g.hostIds.length === 1 ? g.addresses[0] : `${g.hostIds.length} hosts`}`;
}

/** A device's interfaces: what the device calls each, and the zone it faces ("(no zone)" for none). */
function interfaceTable(doc: Doc, plan: Plan, firewall: Firewall, top: number): number {
  if (firewall.interfaces.length === 0)
    return top + doc.text('No interfaces: this device joins no zones yet.', MARGIN, top, { colour: MUTED });
  const zone = zoneNamer(plan);
  const words = wrapper(doc);
  doc.gridTable(top, SIZE, PAD, {
    head: [['Interface', 'Zone']],
    body: firewall.interfaces.map((i) => [i.name, zone(i.zone)]),
    tableWidth: INTERFACE_NAME_WIDTH + INTERFACE_ZONE_WIDTH,
    styles: { valign: 'top' },
    columnStyles: {
      0: { cellWidth: INTERFACE_NAME_WIDTH, overflow: words, fontStyle: 'bold' },
      1: { cellWidth: INTERFACE_ZONE_WIDTH, overflow: words },
    },
  });
  return doc.lastTableEnd ?? top;
}

/**
 * Rules with their number, sides and services, and `extra` columns after them (the interfaces a
 * rule enters and leaves a device by), from `top`; returns where the table ended.
 */
function rulesTable(
  doc: Doc,
  plan: Plan,
  rows: { rule: GroupedRule; extra: string[] }[],
  extraHeads: string[],
  top: number,
): number {
  const side = sider(plan);
  const words = wrapper(doc);
  const fixed = NUMBER_WIDTH + SERVICES_WIDTH + extraHeads.length * INTERFACE_WIDTH;
  const nameWidth = (doc.width - 2 * MARGIN - fixed) / 2;
  doc.gridTable(top, SIZE, PAD, {
    head: [['Rule', 'Source', 'Destination', 'Services', ...extraHeads]],
    body: rows.map(({ rule: r, extra }) => [
      String(r.number),
      side(r.source, r.sourceZone),
      side(r.destination, r.destinationZone),
      serviceList(r),
      ...extra,
    ]),
    styles: { valign: 'top' },
    columnStyles: {
      0: { cellWidth: NUMBER_WIDTH, halign: 'right', fontStyle: 'bold' },
      1: { cellWidth: nameWidth, overflow: words },
      2: { cellWidth: nameWidth, overflow: words },
      3: { cellWidth: SERVICES_WIDTH, overflow: words },
      ...Object.fromEntries(
        extraHeads.map((_, i) => [4 + i, { cellWidth: INTERFACE_WIDTH, overflow: words }]),
      ),
    },
  });
  return doc.lastTableEnd ?? top;
}

/**
 * For a plan with firewall devices: one section per device, in plan order, and "No path" when some
 * rules pass no device, from `y` down (each section below the one before when its start fits).
 * Returns where the last ended; a plan without devices prints nothing and returns `y`.
 */
export function deviceSections(
  doc: Doc,
  plan: Plan,
  grouping: Grouping,
  warnings: readonly Warning[],
  y: number,
): number {
  if (!plan.firewalls?.length) return y;
  const { devices, noPath } = rulesByDevice(plan, grouping);
  let end = y;
  devices.forEach(({ firewall, rules }, i) => {
    // The heading, the interfaces and the start of the rules together, where they fit.
    const room = 64 + 16 * firewall.interfaces.length + (rules.length > 0 ? 14 + TABLE_START_ROOM : 0);
    const top = i === 0 ? y : doc.section(room, end);
    const vendor = FIREWALL_VENDOR_LABELS[firewall.vendor];
    const carried =
      rules.length === 0
        ? 'No rule of this request passes this device.'
        : `${plural(rules.length, 'rule')} of this request ${rules.length === 1 ? 'passes' : 'pass'} this device, with the numbers they have in \u201cFirewall rules\u201d; each enters the device by one interface and leaves by another.`;
    const start = doc.heading(`Firewall ${firewall.name}`, `Vendor: ${vendor}. ${carried}`, top);
    end = interfaceTable(doc, plan, firewall, start);
    if (rules.length > 0)
      end = rulesTable(
        doc,
        plan,
        rules.map(({ rule, hop }) => ({ rule, extra: [hop.from.name, hop.to.name] })),
        ['Enters by', 'Leaves by'],
        tableTop(doc, end + 14),
      );
  });
  if (noPath.length > 0) {
    const top = doc.section(160, end);
    const start = doc.heading(
      'No path',
      `${plural(noPath.length, 'rule')} of this request ${noPath.length === 1 ? 'joins' : 'join'} places no device of the plan joins: ${noPath.length === 1 ? 'it passes' : 'they pass'} no firewall the plan knows, and no device\u2019s section lists ${noPath.length === 1 ? 'it' : 'them'}.`,
      top,
    );
    let at = start;
    for (const w of warnings.filter((w) => w.id.startsWith(NO_PATH_WARNING)))
      at += doc.text(w.message, MARGIN, at, { maxWidth: doc.width - 2 * MARGIN }) + 4;
    end = rulesTable(
      doc,
      plan,
      noPath.map((rule) => ({ rule, extra: [] })),
      [],
      tableTop(doc, at + 6),
    );
  }
  return end;
}
