import { CATALOG, inRange, type CatalogRule, type RoleId } from '../catalog';
import type { Problem } from '../problems';
import type { Plan } from '../plan';

/**
 * The most flows a plan may need. Flows grow with the square of the hosts (every node talks to
 * every DNS server, …): a 7 KB share link of 500 hosts can ask for 46,000, and drawing and listing
 * those froze the page for half a minute. The 1,000-host estate of the benchmarks needs 15,650;
 * this leaves room above it while every view stays responsive. README.md states it.
 */
export const MAX_FLOWS = 20_000;

/**
 * The most hosts and zones a plan may have, whatever its flows: every card is drawn and every edit
 * checks each card against each zone. 10,000 admin workstations and no Array Manager need no flow
 * at all, yet opening them froze the page for 5 s and typing a name took 3.5 s. Twice the
 * 1,000-host estate of the benchmarks; far more zones than any SEG deployment has. README.md
 * states them. (The plan format's own bounds, plan/schema.ts, are wider: they bound a file's size.)
 */
export const MAX_PLAN_HOSTS = 2_000;
export const MAX_PLAN_ZONES = 200;

/**
 * How many flows deriving the plan would produce, at most, counted from role sizes alone: for
 * each rule that holds at the plan's version, sources × destinations × services. It never
 * under-counts (co-located roles merge and one-host pairs become local flows, so the real number
 * can be lower) and costs one pass over the hosts, so it can run before every change.
 */
export function estimateFlows(plan: Plan, catalog: readonly CatalogRule[] = CATALOG): number {
  const perRole = new Map<RoleId, number>();
  for (const host of plan.hosts) {
    for (const role of host.roles) perRole.set(role, (perRole.get(role) ?? 0) + 1);
  }
  let total = 0;
  for (const rule of catalog) {
    for (const endpoint of rule.endpoints) {
      if (!inRange(plan.productVersion, endpoint.versions)) continue;
      total +=
        (perRole.get(endpoint.source) ?? 0) * (perRole.get(endpoint.destination) ?? 0) * rule.services.length;
    }
  }
  return total;
}

const count = new Intl.NumberFormat('en');

const SPLIT = 'Split it into smaller plans (one per site or array).';

/**
 * Why a plan is too large to open or to become, or nothing when it is within the limits. Counted
 * before anything is derived or drawn, in one pass over the hosts.
 */
export function planSizeProblem(plan: Plan, catalog: readonly CatalogRule[] = CATALOG): Problem | undefined {
  if (plan.hosts.length > MAX_PLAN_HOSTS)
    return {
      path: 'hosts',
      message:
        `this plan has ${count.format(plan.hosts.length)} hosts, more than the ${count.format(MAX_PLAN_HOSTS)} ` +
        `Portolan can show and keep responsive. ${SPLIT}`,
    };
  if (plan.zones.length > MAX_PLAN_ZONES)
    return {
      path: 'zones',
      message:
        `this plan has ${count.format(plan.zones.length)} zones, more than the ${count.format(MAX_PLAN_ZONES)} ` +
        `Portolan can show and keep responsive. ${SPLIT}`,
    };
  const flows = estimateFlows(plan, catalog);
  if (flows <= MAX_FLOWS) return undefined;
  return {
    path: 'hosts',
    message:
      `this plan would need ${count.format(flows)} flows, more than the ${count.format(MAX_FLOWS)} ` +
      `Portolan can show and keep responsive. ${SPLIT}`,
  };
}
