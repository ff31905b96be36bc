import { ROLES, RULE_IDS, getRule, type Protocol, type RuleId } from '../catalog';
import { firewallPaths, pathLabel, type Flow } from '../engine';
import type { Host, Plan } from '../plan';

export { fileStem, requestFlows, type RequestScope } from './scope';

/** One line of a firewall change request: the CSV's row and the PDF table's row. */
export interface RequestRow {
  source: string;
  sourceAddress: string;
  sourceZone: string;
  destination: string;
  destinationAddress: string;
  destinationZone: string;
  protocol: Protocol;
  port: number;
  rule: RuleId;
  ruleTitle: string;
  crossesFirewall: boolean;
  sourceRoles: string;
  destinationRoles: string;
  /** The source document behind the rule. */
  reference: string;
  /**
   * Only when the plan has firewall devices: the devices the flow passes ("FW-EDGE > FW-CORE"),
   * "(no path)" when no device joins its zones, empty for a flow inside one zone.
   */
  firewalls?: string;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const RULE_ORDER = new Map<RuleId, number>(RULE_IDS.map((id, i) => [id, i]));

/** Zone names sort alphabetically, with "no zone" after every named zone. */
function compareZone(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  return collator.compare(a, b);
}

/**
 * Rows in a stable order: by zone pair (so rows for one firewall sit together), then source and
 * destination host, protocol, port and catalog order of the rule.
 */
export function requestRows(plan: Plan, flows: readonly Flow[]): RequestRow[] {
  const hosts = new Map<string, Host>(plan.hosts.map((h) => [h.id, h]));
  const zones = new Map(plan.zones.map((z) => [z.id, z.name]));
  const zoneOf = (h: Host) => (h.zone ? (zones.get(h.zone) ?? '') : '');
  const paths = firewallPaths(plan);
  const rows: RequestRow[] = [];
  for (const f of flows) {
    const src = hosts.get(f.sourceHostId);
    const dst = hosts.get(f.destinationHostId);
    if (!src || !dst) continue;
    const rule = getRule(f.ruleId);
    const row: RequestRow = {
      source: src.name,
      sourceAddress: f.sourceAddress,
      sourceZone: zoneOf(src),
      destination: dst.name,
      destinationAddress: f.destinationAddress,
      destinationZone: zoneOf(dst),
      protocol: f.protocol,
      port: f.port,
      rule: f.ruleId,
      ruleTitle: rule.title,
      crossesFirewall: f.crossesFirewall,
      sourceRoles: f.sourceRoles.map((r) => ROLES[r].label).join('; '),
      destinationRoles: f.destinationRoles.map((r) => ROLES[r].label).join('; '),
      reference: rule.source.citation,
    };
    if (paths.devices)
      row.firewalls = f.crossesFirewall ? pathLabel(paths.between(src.zone, dst.zone)) : '';
    rows.push(row);
  }
  return rows.sort(
    (a, b) =>
      compareZone(a.sourceZone, b.sourceZone) ||
      compareZone(a.destinationZone, b.destinationZone) ||
      collator.compare(a.source, b.source) ||
      collator.compare(a.destination, b.destination) ||
      collator.compare(a.protocol, b.protocol) ||
      a.port - b.port ||
      (RULE_ORDER.get(a.rule) ?? 0) - (RULE_ORDER.get(b.rule) ?? 0),
  );
}

export const NO_ZONE = '(no zone)';

/** "DMZ → Internal network" */
export function zonePairLabel(row: Pick<RequestRow, 'sourceZone' | 'destinationZone'>): string {
  return `${row.sourceZone || NO_ZONE} \u2192 ${row.destinationZone || NO_ZONE}`;
}
