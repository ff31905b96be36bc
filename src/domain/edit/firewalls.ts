import type { Firewall, FirewallInterface, FirewallVendor, Plan, Point } from '../plan';
import { nextId, withFirewalls } from './edit';

/*
 * Pure edits of the plan's firewall devices (see engine/paths.ts for what they change): each
 * returns a new plan. A plan left with no device drops the list, so it reads as one without.
 */

/** "FW-1", "FW-2", …: the first free, without regard to case. */
export function defaultFirewallName(plan: Pick<Plan, 'firewalls'>): string {
  const names = new Set((plan.firewalls ?? []).map((f) => f.name.toLowerCase()));
  for (let n = 1; ; n++) if (!names.has(`fw-${n}`)) return `FW-${n}`;
}

/** Adds a device at `position` (rounded), with no interface yet. */
export function addFirewall(
  plan: Plan,
  position: Point,
  vendor: FirewallVendor = 'other',
): { plan: Plan; firewall: Firewall } {
  const firewalls = plan.firewalls ?? [];
  const firewall: Firewall = {
    id: nextId(
      'fw',
      firewalls.map((f) => f.id),
    ),
    name: defaultFirewallName(plan),
    vendor,
    interfaces: [],
    position: { x: Math.round(position.x), y: Math.round(position.y) },
  };
  return { plan: withFirewalls(plan, [...firewalls, firewall]), firewall };
}

export type FirewallPatch = Partial<Pick<Firewall, 'name' | 'vendor' | 'position' | 'interfaces'>>;

/** Changes a device's name, vendor, position or interfaces; the plan itself when nothing changes. */
export function updateFirewall(plan: Plan, id: string, patch: FirewallPatch): Plan {
  let changed = false;
  const firewalls = (plan.firewalls ?? []).map((f) => {
    if (f.id !== id) return f;
    const next = { ...f, ...patch };
    if (JSON.stringify(next) === JSON.stringify(f)) return f;
    changed = true;
    return next;
  });
  return changed ? withFirewalls(plan, firewalls) : plan;
}

/** A name for a new interface facing `zone`, free on the device: "if1", "if2", … */
export function defaultInterfaceName(firewall: Pick<Firewall, 'interfaces'>): string {
  const names = new Set(firewall.interfaces.map((i) => i.name.toLowerCase()));
  for (let n = 1; ; n++) if (!names.has(`if${n}`)) return `if${n}`;
}

/** Adds an interface facing `zone` (undefined: the hosts in no zone), unless the device already faces it. */
export function addInterface(plan: Plan, id: string, zone: string | undefined, name?: string): Plan {
  const firewall = plan.firewalls?.find((f) => f.id === id);
  if (!firewall || firewall.interfaces.some((i) => i.zone === zone)) return plan;
  const iface: FirewallInterface = { name: name ?? defaultInterfaceName(firewall) };
  if (zone !== undefined) iface.zone = zone;
  return updateFirewall(plan, id, { interfaces: [...firewall.interfaces, iface] });
}

/** Changes the interface at `index` (its name, or the zone it faces). */
export function updateInterface(
  plan: Plan,
  id: string,
  index: number,
  patch: { name?: string; zone?: string | null },
): Plan {
  const firewall = plan.firewalls?.find((f) => f.id === id);
  const old = firewall?.interfaces[index];
  if (!firewall || !old) return plan;
  const next: FirewallInterface = { ...old };
  if (patch.name !== undefined) next.name = patch.name;
  if (patch.zone === null) delete next.zone;
  else if (patch.zone !== undefined) next.zone = patch.zone;
  return updateFirewall(plan, id, {
    interfaces: firewall.interfaces.map((i, k) => (k === index ? next : i)),
  });
}

export function removeInterface(plan: Plan, id: string, index: number): Plan {
  const firewall = plan.firewalls?.find((f) => f.id === id);
  if (!firewall || !firewall.interfaces[index]) return plan;
  return updateFirewall(plan, id, { interfaces: firewall.interfaces.filter((_, k) => k !== index) });
}
