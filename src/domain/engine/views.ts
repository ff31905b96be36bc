import { formatService, getRule, type CatalogRule } from '../catalog';
import type { Host, Plan } from '../plan';
import type { Flow } from './types';

/**
 * Shapes of the engine's output that the app draws and lists: flows grouped per host pair (one
 * canvas edge each) and table rows. Flows with their explanation (explainFlows) are in
 * explain.ts, which loads on demand with the side panel's details.
 */

/** How an upgrade changes a flow (see upgrade/): opened, closed, or left as it is. */
export type FlowChange = 'add' | 'remove' | 'keep';
/** How an upgrade changes an arrow: all its flows alike, or some of each. */
export type PairChange = FlowChange | 'mixed';

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
  /** Only while an upgrade is compared: what it does to this arrow (its label marks each service). */
  change?: PairChange;
  /** A `mixed` arrow some of whose services the upgrade removes: drawn with rose dashes over its line. */
  partlyRemoved?: boolean;
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
