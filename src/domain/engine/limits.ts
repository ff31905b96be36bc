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

/** Why a plan is too large to open or to become, or nothing when it is within the limit. */
export function planSizeProblem(plan: Plan, catalog: readonly CatalogRule[] = CATALOG): Problem | undefined {
  const flows = estimateFlows(plan, catalog);
  if (flows <= MAX_FLOWS) return undefined;
  return {
    path: 'hosts',
    message:
      `this plan would need ${count.format(flows)} flows, more than the ${count.format(MAX_FLOWS)} ` +
      `Portolan can show and keep responsive. Split it into smaller plans (one per site or array).`,
  };
}
