import type { Firewall, FirewallInterface, Plan } from '../plan';

/*
 * Which firewall devices a flow passes. Zones are the places, devices the ways between them: a
 * device joins every two zones it has an interface in. A flow from zone A to zone B passes the
 * devices of the shortest way from A to B (fewest devices; on a tie, devices and interfaces in
 * plan order), entering each on the interface facing the zone it comes from and leaving on the one
 * facing the zone it goes to. Hosts in no zone are one more place, reached only by an interface
 * without a zone. Between two places no device joins there is no path: the flows stay in the
 * change request, under "no path", and a warning names the two places.
 *
 * A plan without devices has no paths at all: every crossing flow goes to one unnamed firewall,
 * as before devices existed.
 */

/** One device on a path: where the flow enters it and where it leaves. */
export interface Hop {
  firewall: Firewall;
  from: FirewallInterface;
  to: FirewallInterface;
}

/** The place of hosts in no zone, among zone ids (which are never empty). */
const NO_ZONE = '';
const place = (zone: string | undefined) => zone ?? NO_ZONE;

export interface FirewallPaths {
  /** Whether the plan has devices. Without, `between` is never asked: one unnamed firewall. */
  readonly devices: boolean;
  /**
   * The hops from one zone to another (zone ids; undefined: no zone), or undefined when no
   * device joins them. The same zone (not no zone) needs no device: an empty path.
   */
  between(sourceZone: string | undefined, destinationZone: string | undefined): readonly Hop[] | undefined;
}

/** The plan's devices as ways between zones, with each path worked out once when first asked. */
export function firewallPaths(plan: Pick<Plan, 'firewalls'>): FirewallPaths {
  const firewalls = plan.firewalls ?? [];
  // Place → the hops that leave it, in plan order of device, then of the interface entered.
  const ways = new Map<string, Hop[]>();
  for (const firewall of firewalls)
    for (const from of firewall.interfaces)
      for (const to of firewall.interfaces) {
        if (from === to || place(from.zone) === place(to.zone)) continue;
        const list = ways.get(place(from.zone));
        const hop = { firewall, from, to };
        if (list) list.push(hop);
        else ways.set(place(from.zone), [hop]);
      }
  const known = new Map<string, readonly Hop[] | undefined>();
  return {
    devices: firewalls.length > 0,
    between(sourceZone, destinationZone) {
      const a = place(sourceZone);
      const b = place(destinationZone);
      if (a === b) return a === NO_ZONE ? undefined : [];
      const key = `${a.length}:${a}>${b}`;
      if (known.has(key)) return known.get(key);
      const path = shortest(ways, a, b);
      known.set(key, path);
      return path;
    },
  };
}

/** Breadth first from `a`: the first way found to each place is one of the fewest devices. */
function shortest(ways: ReadonlyMap<string, Hop[]>, a: string, b: string): Hop[] | undefined {
  const reachedBy = new Map<string, Hop | null>([[a, null]]);
  let frontier = [a];
  while (frontier.length > 0 && !reachedBy.has(b)) {
    const next: string[] = [];
    for (const at of frontier)
      for (const hop of ways.get(at) ?? []) {
        const to = place(hop.to.zone);
        if (reachedBy.has(to)) continue;
        reachedBy.set(to, hop);
        next.push(to);
      }
    frontier = next;
  }
  if (!reachedBy.has(b)) return undefined;
  const hops: Hop[] = [];
  for (let hop = reachedBy.get(b); hop; hop = reachedBy.get(place(hop.from.zone))) hops.unshift(hop);
  return hops;
}

/** What the flow table, the CSV and an arrow say for a path with no device on it. */
export const NO_PATH = '(no path)';

/** "FW-EDGE > FW-CORE", or "(no path)". */
export const pathLabel = (hops: readonly Hop[] | undefined) =>
  hops === undefined ? NO_PATH : hops.map((h) => h.firewall.name).join(' > ');
