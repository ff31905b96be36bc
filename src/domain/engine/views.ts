import { describeRange, formatService, getRule, inRange, type CatalogRule, type RuleNote } from '../catalog';
import type { Host, Plan } from '../plan';
import type { Flow } from './types';

/**
 * Shapes of the engine's output that the app draws and lists: flows grouped per host pair (one
 * canvas edge each), and flows with their explanation.
 */

export interface FlowPair {
  /** `sourceHostId` and `destinationHostId` of every flow in it. */
  source: string;
  target: string;
  flows: Flow[];
  /** "tcp/80, tcp/443": each service once, in order of first appearance. */
  label: string;
  crossesFirewall: boolean;
  /** True when flows also go the other way between the same two hosts. */
  hasReverse: boolean;
}

/**
 * A key for an ordered host pair. The source id is length-prefixed, so no two pairs share a key
 * whatever characters ids hold ("a→b" + "c" and "a" + "b→c" differ).
 */
export const pairKey = (source: string, target: string) => `${source.length}:${source}\u2192${target}`;

export function groupFlowsByPair(flows: readonly Flow[]): FlowPair[] {
  const pairs = new Map<string, FlowPair>();
  for (const f of flows) {
    const key = pairKey(f.sourceHostId, f.destinationHostId);
    let pair = pairs.get(key);
    if (!pair) {
      pair = {
        source: f.sourceHostId,
        target: f.destinationHostId,
        flows: [],
        label: '',
        crossesFirewall: f.crossesFirewall,
        hasReverse: false,
      };
      pairs.set(key, pair);
    }
    pair.flows.push(f);
  }
  for (const pair of pairs.values()) {
    pair.label = [...new Set(pair.flows.map((f) => `${f.protocol}/${f.port}`))].join(', ');
    pair.hasReverse = pairs.has(pairKey(pair.target, pair.source));
  }
  return [...pairs.values()];
}

export interface FlowExplanation {
  rule: CatalogRule;
  /** Services of this rule between these hosts, e.g. "tcp/80, tcp/443". */
  services: string;
  /** The versions the rule applies to for these roles, e.g. "6.5 and later". */
  versions: string;
  /** Notes that hold at the plan's version. */
  notes: RuleNote[];
  flows: Flow[];
}

/**
 * Explains the flows between two hosts, one entry per catalog rule, at the plan's version.
 */
export function explainFlows(plan: Plan, flows: readonly Flow[]): FlowExplanation[] {
  const byRule = new Map<string, Flow[]>();
  for (const f of flows) {
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  return [...byRule.values()].map((ruleFlows) => {
    const first = ruleFlows[0]!;
    const rule = getRule(first.ruleId);
    const ranges = rule.endpoints
      .filter(
        (ep) => first.sourceRoles.includes(ep.source) && first.destinationRoles.includes(ep.destination),
      )
      .map((ep) => describeRange(ep.versions));
    return {
      rule,
      services: [...new Set(ruleFlows.map((f) => formatService(f)))].join(', '),
      versions: [...new Set(ranges)].join('; '),
      notes: rule.notes.filter((n) => !n.versions || inRange(plan.productVersion, n.versions)),
      flows: ruleFlows,
    };
  });
}

export interface FlowRow {
  flow: Flow;
  source: Host;
  destination: Host;
  sourceZone: string;
  destinationZone: string;
  service: string;
  rule: CatalogRule;
}

/** Flows with their hosts, zone names and rule, ready for a table or an export. */
export function flowRows(plan: Plan, flows: readonly Flow[]): FlowRow[] {
  const hosts = new Map(plan.hosts.map((h) => [h.id, h]));
  const zones = new Map(plan.zones.map((z) => [z.id, z.name]));
  const zoneName = (h: Host) => (h.zone ? (zones.get(h.zone) ?? '') : '');
  const rows: FlowRow[] = [];
  for (const flow of flows) {
    const source = hosts.get(flow.sourceHostId);
    const destination = hosts.get(flow.destinationHostId);
    if (!source || !destination) continue;
    rows.push({
      flow,
      source,
      destination,
      sourceZone: zoneName(source),
      destinationZone: zoneName(destination),
      service: formatService(flow),
      rule: getRule(flow.ruleId),
    });
  }
  return rows;
}
