import { getRule } from '../catalog';
import { NO_PATH, firewallPaths } from '../engine';
import { crossesZones, groupFlows, type GroupedRule, type Grouping } from '../grouping';
import type { Plan } from '../plan';
import { visibleText } from '../text';
import { csvLine, neutralise } from './csv';
import { fileStem, requestFlows } from './rows';
import type { QuickExporter } from './types';

/** The first twelve columns are fixed by contract; more may follow. */
export const GROUPED_CSV_COLUMNS = [
  'Rule',
  'Source Zone',
  'Source Group',
  'Sources',
  'Source Addresses',
  'Destination Zone',
  'Destination Group',
  'Destinations',
  'Destination Addresses',
  'Services',
  'Action',
  'Justification',
  'Catalog Rules',
  'Flows',
  'Reference',
] as const;

/**
 * Added after GROUPED_CSV_COLUMNS when the plan has firewall devices: the device a row's rule is on
 * ("(no path)" when no device joins its zones, empty for a rule inside one zone), and the
 * interfaces by which it enters and leaves that device.
 */
export const DEVICE_CSV_COLUMNS = ['Device', 'Ingress interface', 'Egress interface'] as const;

/**
 * One grouped rule's cells, in GROUPED_CSV_COLUMNS order, before quoting (and before the guard
 * every cell gets). Members are listed by
 * name with their addresses in the same order, joined by "; "; names from the plan show
 * bidirectional controls as visible code points, as in the per-flow CSV.
 */
export function groupedCells(plan: Plan, rule: GroupedRule): string[] {
  const hosts = new Map(plan.hosts.map((h) => [h.id, h.name]));
  const zones = new Map(plan.zones.map((z) => [z.id, z.name]));
  const zone = (id: string | undefined) => (id ? visibleText(zones.get(id) ?? '') : '');
  // Each member after the first is guarded on its own: a list split at "; " (pasted into an object
  // editor, read by a spreadsheet that splits on semicolons) must not start a formula either. The
  // first is guarded with the cell, as in the per-flow CSV.
  const list = (items: readonly string[]) => items.map((x, i) => (i === 0 ? x : neutralise(x))).join('; ');
  const names = (ids: readonly string[]) => list(ids.map((id) => visibleText(hosts.get(id) ?? id)));
  const addresses = (items: readonly string[]) => list(items.map(visibleText));
  const citations = [...new Set(rule.ruleIds.map((id) => getRule(id).source.citation))];
  return [
    String(rule.number),
    zone(rule.sourceZone),
    rule.source.name,
    names(rule.source.hostIds),
    addresses(rule.source.addresses),
    zone(rule.destinationZone),
    rule.destination.name,
    names(rule.destination.hostIds),
    addresses(rule.destination.addresses),
    rule.services.map((s) => `${s.protocol}/${s.port}`).join('; '),
    'Allow',
    rule.justification,
    rule.ruleIds.join('; '),
    String(rule.flowIds.length),
    citations.join('; '),
  ];
}

/**
 * The device cells of one grouped rule: one row's worth per device its path passes, in path order
 * (a rule is the same rule on each); one "(no path)" row when no device joins its zones; one empty
 * row for a rule inside one zone, which passes no device.
 */
function deviceCells(rule: GroupedRule, paths: ReturnType<typeof firewallPaths>): string[][] {
  if (!crossesZones(rule)) return [['', '', '']];
  const hops = paths.between(rule.sourceZone, rule.destinationZone);
  if (hops === undefined) return [[NO_PATH, '', '']];
  return hops.map((h) => [visibleText(h.firewall.name), h.from.name, h.to.name]);
}

/**
 * The grouped rules as CSV: UTF-8 with a byte-order mark, CRLF line ends, one header row. A plan
 * with firewall devices gets DEVICE_CSV_COLUMNS after the others and one row per rule and device.
 */
export function toGroupedCsv(plan: Plan, grouping: Grouping): string {
  const lines = [];
  if (plan.firewalls?.length) {
    const paths = firewallPaths(plan);
    lines.push(csvLine([...GROUPED_CSV_COLUMNS, ...DEVICE_CSV_COLUMNS]));
    for (const r of grouping.rules) {
      const cells = groupedCells(plan, r);
      for (const device of deviceCells(r, paths)) lines.push(csvLine([...cells, ...device]));
    }
  } else {
    lines.push(csvLine(GROUPED_CSV_COLUMNS), ...grouping.rules.map((r) => csvLine(groupedCells(plan, r))));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * `<plan name>-firewall-rules.csv`: one row per grouped rule of the flows in scope (per rule and
 * device when the plan has devices).
 */
export const exportGroupedCsv: QuickExporter = ({ plan, derivation, scope }) => ({
  filename: `${fileStem(plan.name)}-firewall-rules.csv`,
  mime: 'text/csv;charset=utf-8',
  data: toGroupedCsv(plan, groupFlows(plan, requestFlows(derivation, scope))),
});
