import type { Plan } from '../plan';

/**
 * Whether two plans give the same flows and warnings: everything deriving reads is equal, and
 * only what it never reads (where cards and zones are drawn, the plan's name, the change-request
 * text) may differ. Moving cards, a layout or an undo of one then reuses the flows already
 * derived, and the canvas keeps its arrow objects.
 */
export function sameFlowInputs(a: Plan, b: Plan): boolean {
  if (a === b) return true;
  if (a.productVersion !== b.productVersion) return false;
  // The architect's decisions are replaced, never edited in place: compared by identity.
  if (a.features !== b.features || a.exclusions !== b.exclusions) return false;
  if (a.zones.length !== b.zones.length || a.hosts.length !== b.hosts.length) return false;
  for (let i = 0; i < a.zones.length; i++) {
    const x = a.zones[i]!;
    const y = b.zones[i]!;
    if (x !== y && (x.id !== y.id || x.name !== y.name || x.trust !== y.trust)) return false;
  }
  for (let i = 0; i < a.hosts.length; i++) {
    const x = a.hosts[i]!;
    const y = b.hosts[i]!;
    if (x === y) continue;
    if (x.id !== y.id || x.name !== y.name || x.zone !== y.zone || x.address !== y.address) return false;
    if (x.roles.length !== y.roles.length || x.roles.some((r, j) => r !== y.roles[j])) return false;
    if (x.array !== y.array || x.uses !== y.uses) return false;
  }
  // The devices decide which places no device joins (a warning); where their cards sit does not.
  const fa = a.firewalls ?? [];
  const fb = b.firewalls ?? [];
  if (fa.length !== fb.length) return false;
  for (let i = 0; i < fa.length; i++) {
    const x = fa[i]!;
    const y = fb[i]!;
    if (x === y || x.interfaces === y.interfaces) continue;
    if (x.interfaces.length !== y.interfaces.length) return false;
    if (x.interfaces.some((f, j) => f.zone !== y.interfaces[j]!.zone)) return false;
  }
  return true;
}
