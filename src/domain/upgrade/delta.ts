import {
  CATALOG,
  compareVersions,
  productName,
  versionLabel,
  type CatalogRule,
  type ProductVersion,
} from '../catalog';
import { deriveFlows, flowId } from '../engine';
import type { Derivation, Flow } from '../engine';
import { groupFlowsByPair, type FlowChange, type FlowPair } from '../engine';
import type { Plan } from '../plan';

/**
 * What an upgrade changes on the firewall: the plan's flows at the version it runs now (`from`)
 * against its flows at its product version (the target).
 *
 * A firewall passes a source, a destination and a service; it does not know which catalog rule
 * asked for them. So a flow is compared by its hosts, addresses, protocol and port, not by its
 * rule: a port that one rule stops needing but another still needs between the same addresses is
 * kept, never closed; and a rule to a named address (www.marshal.com) is not the rule to any
 * address on the same port.
 */

export type { FlowChange, PairChange } from '../engine';

export interface UpgradeDelta {
  from: ProductVersion;
  to: ProductVersion;
  /** The target's flows in their order (to add or to keep), then the current flows that go (to remove). */
  flows: Flow[];
  /** Each flow's change, by flow id. */
  change: ReadonlyMap<string, FlowChange>;
  added: Flow[];
  removed: Flow[];
  kept: Flow[];
  /** Ids of the flows (of either version) the architect excluded from the change request. */
  excluded: ReadonlySet<string>;
}

/** What a firewall rule passes: hosts, addresses and service, as one key (JSON keeps the parts apart). */
const passKey = (f: Flow) =>
  JSON.stringify([
    f.sourceHostId,
    f.destinationHostId,
    f.sourceAddress,
    f.destinationAddress,
    f.protocol,
    f.port,
  ]);

/**
 * The delta from `from` to the plan's product version. `target` is the plan's derivation when the
 * caller has it (the app's store does); local flows (one host) never reach a firewall and are
 * left out.
 */
export function upgradeDelta(
  plan: Plan,
  from: ProductVersion,
  target: Pick<Derivation, 'flows'> = deriveFlows(plan),
  catalog: readonly CatalogRule[] = CATALOG,
): UpgradeDelta {
  const current = deriveFlows({ ...plan, productVersion: from }, catalog).flows;
  const before = new Set(current.map(passKey));
  const after = new Set(target.flows.map(passKey));
  const change = new Map<string, FlowChange>();
  const added: Flow[] = [];
  const kept: Flow[] = [];
  const removed: Flow[] = [];
  for (const f of target.flows) {
    const keep = before.has(passKey(f));
    change.set(f.id, keep ? 'keep' : 'add');
    (keep ? kept : added).push(f);
  }
  for (const f of current) {
    if (after.has(passKey(f))) continue;
    change.set(f.id, 'remove');
    removed.push(f);
  }
  const excluded = new Set(
    (plan.exclusions ?? []).map((e) => flowId(e.rule, e.source, e.destination, e.protocol, e.port)),
  );
  return {
    from,
    to: plan.productVersion,
    flows: [...target.flows, ...removed],
    change,
    added,
    removed,
    kept,
    excluded,
  };
}

/**
 * The delta restricted to a change request's flows: crossing a firewall (or all of them), and
 * not excluded by the architect.
 */
export function deltaInScope(delta: UpgradeDelta, scope: { includeInternal: boolean }): UpgradeDelta {
  if (scope.includeInternal && delta.excluded.size === 0) return delta;
  const crossing = (flows: Flow[]) =>
    flows.filter((f) => (scope.includeInternal || f.crossesFirewall) && !delta.excluded.has(f.id));
  return {
    ...delta,
    flows: crossing(delta.flows),
    added: crossing(delta.added),
    removed: crossing(delta.removed),
    kept: crossing(delta.kept),
  };
}

/** "+3 to add, −1 to remove, 40 unchanged" */
export function deltaSummary(delta: Pick<UpgradeDelta, 'added' | 'removed' | 'kept'>): string {
  return `+${delta.added.length} to add, \u2212${delta.removed.length} to remove, ${delta.kept.length} unchanged`;
}

export { versionLabel };

/** "SEG 8.0 → 10.0", or "MailMarshal 7.1 → SEG 8.0" when the product's name changes too. */
export function versionStep(from: ProductVersion, to: ProductVersion): string {
  const same = productName(from) === productName(to);
  return `${versionLabel(from)} \u2192 ${same ? to : versionLabel(to)}`;
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** "SEG 8.0 → 10.0: 2 flows added, 2 removed" (or "no flow changes"). */
export function versionSwitchSummary(delta: UpgradeDelta): string {
  const { added, removed } = delta;
  const what =
    added.length === 0 && removed.length === 0
      ? 'no flow changes'
      : `${count(added.length, 'flow')} added, ${removed.length} removed`;
  return `${versionStep(delta.from, delta.to)}: ${what}`;
}

/** An upgrade goes to a later version; the comparison also works the other way (a rollback). */
export const isUpgrade = (delta: Pick<UpgradeDelta, 'from' | 'to'>) =>
  compareVersions(delta.from, delta.to) < 0;

export interface DeltaPair extends FlowPair {
  change: NonNullable<FlowPair['change']>;
}

const MARK: Record<FlowChange, string> = { add: '+', remove: '\u2212', keep: '' };

/**
 * The delta's flows as canvas arrows (one per host pair). Each service in the label carries its
 * mark: "+tcp/443" to add, "−tcp/19001" to remove, none when it stays. All flows of one service
 * between two hosts change alike (they are compared by hosts and service).
 */
export function deltaPairs(delta: UpgradeDelta): DeltaPair[] {
  return groupFlowsByPair(delta.flows).map((pair) => {
    const changes = pair.flows.map((f) => delta.change.get(f.id) ?? 'keep');
    const marked = new Map<string, string>();
    pair.flows.forEach((f, i) => {
      const service = `${f.protocol}/${f.port}`;
      if (!marked.has(service)) marked.set(service, `${MARK[changes[i]!]}${service}`);
    });
    const first = changes[0] ?? 'keep';
    const change = changes.every((c) => c === first) ? first : 'mixed';
    return {
      ...pair,
      label: [...marked.values()].join(', '),
      change,
      ...(change === 'mixed' && changes.includes('remove') ? { partlyRemoved: true } : {}),
    };
  });
}

/**
 * The arrows of the plan's diagram: one per host pair, marked with the upgrade's changes while one
 * is compared. The canvas, its routing worker, the diagram files and the PDF all draw these.
 */
export function diagramPairs(plan: Plan, target: Pick<Derivation, 'flows'> = deriveFlows(plan)): FlowPair[] {
  return plan.upgradeFrom === undefined
    ? groupFlowsByPair(target.flows)
    : deltaPairs(upgradeDelta(plan, plan.upgradeFrom, target));
}
