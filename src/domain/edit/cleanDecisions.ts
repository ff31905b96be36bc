import type { CounterpartRole, Host, Plan } from '../plan';

/** Whether a host can be in an array: a processing node or a web components host. */
export const canBeInArray = (host: Host): boolean =>
  host.roles.includes('processing-node') || host.roles.includes('web-components');

/**
 * Drops every decision that names a host no longer there or no longer fit for it: an array whose
 * Array Manager is gone, or held by a host no longer a node or web components; a counterpart gone
 * or without the role; an exclusion of a flow between hosts gone. The same plan when none does.
 */
export function cleanDecisions(plan: Plan): Plan {
  const byId = new Map(plan.hosts.map((h) => [h.id, h]));
  const has = (id: string, role: string) =>
    byId.get(id)?.roles.includes(role as Host['roles'][number]) ?? false;
  let hostsChanged = false;
  const hosts = plan.hosts.map((h) => {
    let next = h;
    if (h.array !== undefined && (!has(h.array, 'array-manager') || !canBeInArray(h))) {
      next = { ...next };
      delete next.array;
    }
    if (h.uses) {
      const uses: Host['uses'] = {};
      let usesChanged = false;
      for (const [role, ids] of Object.entries(h.uses) as [CounterpartRole, string[]][]) {
        const kept = ids.filter((id) => has(id, role));
        if (kept.length !== ids.length) usesChanged = true;
        // Choosing none of the hosts left is no choice: back to every host of the role.
        if (kept.length > 0) uses[role] = kept;
        else usesChanged = true;
      }
      if (usesChanged) {
        next = { ...next, uses };
        if (Object.keys(uses).length === 0) delete next.uses;
      }
    }
    if (next !== h) hostsChanged = true;
    return next;
  });
  const exclusions = plan.exclusions?.filter((e) => byId.has(e.source) && byId.has(e.destination));
  const exclusionsChanged = exclusions !== undefined && exclusions.length !== plan.exclusions!.length;
  if (!hostsChanged && !exclusionsChanged) return plan;
  const next: Plan = { ...plan, hosts };
  if (exclusionsChanged) {
    if (exclusions.length > 0) next.exclusions = exclusions;
    else delete next.exclusions;
  }
  return next;
}
