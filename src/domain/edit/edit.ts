import { DEFAULT_PRODUCT_VERSION, ROLES, type RoleId } from '../catalog';
import { cleanDecisions } from './cleanDecisions';
import {
  DEFAULT_ZONE_SIZE,
  freeZoneSpot,
  hostPosition,
  joinAt,
  landsIn,
  newZoneOverlap,
  placeInZone,
  rectOf,
  resizeLimit,
  settleMembership,
  unlessUnchanged,
  withZone,
  zoneAfterMove,
  zoneAt,
  zoneRect,
} from '../diagram';
import {
  CURRENT_PLAN_VERSION,
  NAME_MAX,
  PLAN_FORMAT,
  type Firewall,
  type Host,
  type Plan,
  type Point,
  type Size,
  type Trust,
  type Zone,
} from '../plan';

/**
 * Pure edits of a plan. Each returns a new plan and leaves the old one untouched, so the app can
 * keep old plans for undo. A host's `zone` is the truth and every edit keeps the picture true to
 * it (see membership.ts): a zoned card lies inside its zone's box, a card in no zone outside all.
 */

export function emptyPlan(name = 'Untitled plan'): Plan {
  return {
    format: PLAN_FORMAT,
    version: CURRENT_PLAN_VERSION,
    name,
    productVersion: DEFAULT_PRODUCT_VERSION,
    zones: [],
    hosts: [],
  };
}

/**
 * True when the plan holds anything a person made: hosts, zones, a name of their own, or any
 * change-request text. Only a plan without any of these may be replaced without a way back.
 */
export function hasUserContent(plan: Plan): boolean {
  if (plan.hosts.length > 0 || plan.zones.length > 0) return true;
  if (plan.name.trim() !== emptyPlan().name) return true;
  const cr = plan.changeRequest;
  if (!cr) return false;
  return [cr.title, cr.requester, cr.ticket, cr.window, cr.notes, cr.objectPrefix].some(
    (t) => (t ?? '').trim() !== '',
  );
}

export function nextId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** "SEG-NODE01", "SEG-NODE02", …; "Internet", "Internet 2", … */
export function defaultHostName(plan: Plan, role: RoleId): string {
  const names = new Set(plan.hosts.map((h) => h.name.toLowerCase()));
  const stem = ROLES[role].nameStem;
  if (role === 'internet') {
    if (!names.has(stem.toLowerCase())) return stem;
    for (let n = 2; ; n++) if (!names.has(`${stem} ${n}`.toLowerCase())) return `${stem} ${n}`;
  }
  for (let n = 1; ; n++) {
    const name = `${stem}${String(n).padStart(2, '0')}`;
    if (!names.has(name.toLowerCase())) return name;
  }
}

function defaultZoneName(plan: Plan): string {
  const names = new Set(plan.zones.map((z) => z.name.toLowerCase()));
  for (let n = 1; ; n++) if (!names.has(`zone ${n}`)) return `Zone ${n}`;
}

/** Adds a host at `position`, in the zone under its anchor (its card clamped inside), or in none. */
export function addHost(plan: Plan, role: RoleId, position: Point): { plan: Plan; host: Host } {
  const at = round(position);
  const host: Host = {
    id: nextId(
      'h',
      plan.hosts.map((h) => h.id),
    ),
    name: defaultHostName(plan, role),
    roles: [role],
    position: at,
  };
  const next = settleMembership({ ...plan, hosts: [...plan.hosts, joinAt(host, zoneAt(plan, at), at)] });
  return { plan: next, host: next.hosts[next.hosts.length - 1]! };
}

/** A free spot near `position`, so hosts added one after another do not stack exactly. */
export function freeSpot(plan: Plan, position: Point): Point {
  const p = { x: Math.round(position.x), y: Math.round(position.y) };
  const occupied = (q: Point) =>
    plan.hosts.some(
      (h) => h.position && Math.abs(h.position.x - q.x) < 24 && Math.abs(h.position.y - q.y) < 24,
    );
  for (let i = 0; i < 50 && occupied(p); i++) {
    p.x += 28;
    p.y += 28;
  }
  return p;
}

export type HostPatch = Partial<Pick<Host, 'name' | 'roles' | 'address' | 'zone'>>;

/**
 * Updates a host. `address: undefined` or `zone: undefined` in the patch removes the field. A new
 * zone moves the card into it (see placeInZone); no zone moves it just outside every zone.
 */
export function updateHost(plan: Plan, id: string, patch: HostPatch): Plan {
  const { zone, ...rest } = patch;
  const old = plan.hosts.find((h) => h.id === id);
  const next: Plan = {
    ...plan,
    hosts: plan.hosts.map((h) => {
      if (h.id !== id) return h;
      const updated: Host = { ...h, ...rest };
      if ('address' in patch && !patch.address) delete updated.address;
      return updated;
    }),
  };
  // A host that loses a role loses the decisions that needed it.
  if (patch.roles) return updateHost(cleanDecisions(next), id, { ...('zone' in patch ? { zone } : {}) });
  if (!old || !('zone' in patch) || (zone || undefined) === old.zone) return next;
  const placed = placeInZone(next, id, zone || undefined);
  // A zone change that could not be made (the zone is full and boxed in) changes nothing.
  return placed === next && Object.keys(rest).length === 0 ? plan : placed;
}

/** Removes hosts, and every decision that names them (see cleanDecisions). */
export function removeHosts(plan: Plan, ids: ReadonlySet<string>): Plan {
  return cleanDecisions({ ...plan, hosts: plan.hosts.filter((h) => !ids.has(h.id)) });
}

/**
 * What is wrong with a name for a new zone, in words, or undefined when it will do: a new zone is
 * not given the name of one the plan has, so the panels, the CSV and the firewall objects tell them
 * apart (a rename in the zone's panel may still make two alike).
 */
export function zoneNameProblem(plan: Plan, name: string): string | undefined {
  const value = name.trim();
  if (!value) return 'Give the zone a name.';
  if (value.length > NAME_MAX) return `A zone's name has at most ${NAME_MAX} characters.`;
  const taken = plan.zones.find((z) => z.name.trim().toLowerCase() === value.toLowerCase());
  return taken ? `A zone is already called “${taken.name}”.` : undefined;
}

/**
 * Adds a zone of the default size at the free spot nearest `position` (over no zone and no card),
 * named `name` when given, else "Zone N".
 */
export function addZone(
  plan: Plan,
  position: Point,
  trust: Trust = 'trusted',
  name?: string,
): { plan: Plan; zone: Zone } {
  const zone: Zone = {
    id: nextId(
      'z',
      plan.zones.map((z) => z.id),
    ),
    name: name?.trim() || defaultZoneName(plan),
    trust,
    position: freeZoneSpot(plan, position, DEFAULT_ZONE_SIZE),
    size: { ...DEFAULT_ZONE_SIZE },
  };
  return { plan: { ...plan, zones: [...plan.zones, zone] }, zone };
}

export function updateZone(plan: Plan, id: string, patch: Partial<Pick<Zone, 'name' | 'trust'>>): Plan {
  return { ...plan, zones: plan.zones.map((z) => (z.id === id ? { ...z, ...patch } : z)) };
}

/**
 * Removes zones. Their hosts are in no zone now and their cards stay where they are, unless the
 * anchor lies in another zone: then they join it, clamped inside.
 */
export function removeZones(plan: Plan, ids: ReadonlySet<string>): Plan {
  const after: Plan = { ...plan, zones: plan.zones.filter((z) => !ids.has(z.id)) };
  const hosts = plan.hosts.map((h, i) => {
    if (!h.zone || !ids.has(h.zone)) return h;
    const p = hostPosition(h, i);
    const below = zoneAt(after, p);
    return below ? joinAt(h, below, p) : withZone(h, undefined);
  });
  // An interface facing a removed zone faces nothing: it goes with the zone.
  return dropInterfacesOf(settleMembership({ ...after, hosts }), ids);
}

export interface Move {
  id: string;
  position: Point;
}

/**
 * Moves hosts and zones to new positions (both given absolute), as a drag or a keyboard step
 * does. A moved host joins the zone its anchor moved into, leaves its zone when the anchor left
 * it, and otherwise stays (see zoneAfterMove); a zoned card is clamped inside its zone. A moved
 * zone carries its members unless they are moved too, and takes in the hosts its box now lands
 * on. Returns `plan` itself when everything ends where it was (a step clamped back).
 */
export function moveItems(plan: Plan, moves: readonly Move[]): Plan {
  const hostMoves = new Map<string, Point>();
  const zoneMoves = new Map<string, Point>();
  const zoneIds = new Set(plan.zones.map((z) => z.id));
  for (const m of moves) (zoneIds.has(m.id) ? zoneMoves : hostMoves).set(m.id, round(m.position));

  const movedFrom = new Map<string, Zone>();
  const zones = plan.zones.map((z) => {
    const to = zoneMoves.get(z.id);
    if (!to) return z;
    movedFrom.set(z.id, z);
    return { ...z, position: to };
  });
  // A zone is never dropped onto another (see newZoneOverlap): the move is refused as a whole.
  const still = { ...plan, zones: plan.zones.filter((z) => !movedFrom.has(z.id)) };
  for (const z of zones) {
    if (movedFrom.has(z.id) && newZoneOverlap(still, movedFrom.get(z.id)!, rectOf(z))) return plan;
  }
  const after: Plan = { ...plan, zones };
  const zoneById = new Map(zones.map((z) => [z.id, z]));
  const moved = zones.filter((z) => movedFrom.has(z.id));

  const hosts = plan.hosts.map((h, i) => {
    const from = hostPosition(h, i);
    const to = hostMoves.get(h.id);
    if (to) {
      const zoneId = zoneAfterMove(after, h, from, to);
      const zone = zoneId ? zoneById.get(zoneId) : undefined;
      // A dangling zone id stays as it is, for the plan checks to report.
      return zoneId && !zone ? { ...h, position: to } : joinAt(h, zone, to);
    }
    const carrier = h.zone ? movedFrom.get(h.zone) : undefined;
    if (carrier) {
      const old = zoneRect(carrier).position;
      const now = zoneById.get(carrier.id)!.position!;
      if (old.x === now.x && old.y === now.y) return h;
      return { ...h, position: { x: from.x + now.x - old.x, y: from.y + now.y - old.y } };
    }
    const landed = moved.find((z) => z.id !== h.zone && landsIn(after, z, movedFrom.get(z.id)!, from));
    return landed ? joinAt(h, landed, from) : h;
  });
  return unlessUnchanged(plan, settleMembership({ ...after, hosts }));
}

/**
 * Resizes a zone (its top-left corner may move too). The zone cannot shrink past its members'
 * cards, so none leaves; hosts whose anchor the new box now covers join it, clamped inside.
 */
export function resizeZone(plan: Plan, id: string, position: Point, size: Size): Plan {
  const index = plan.zones.findIndex((z) => z.id === id);
  const before = plan.zones[index];
  if (!before) return plan;
  const at = round(position);
  const box = resizeLimit(plan, before, {
    ...at,
    width: Math.round(size.width),
    height: Math.round(size.height),
  });
  const zone: Zone = {
    ...before,
    position: { x: box.x, y: box.y },
    size: { width: box.width, height: box.height },
  };
  // Nor grown over another zone.
  if (newZoneOverlap(plan, before, rectOf(zone))) return plan;
  const after: Plan = { ...plan, zones: plan.zones.map((z, i) => (i === index ? zone : z)) };
  const hosts = plan.hosts.map((h, i) => {
    if (h.zone === id) return h;
    const p = hostPosition(h, i);
    return landsIn(after, zone, before, p) ? joinAt(h, zone, p) : h;
  });
  return unlessUnchanged(plan, settleMembership({ ...after, hosts }));
}

const round = (p: Point): Point => ({ x: Math.round(p.x), y: Math.round(p.y) });

/** The plan with this device list; a plan left with no device drops the list, so it reads as one without. */
export const withFirewalls = (plan: Plan, firewalls: Firewall[]): Plan => {
  const next: Plan = { ...plan, firewalls };
  if (firewalls.length === 0) delete next.firewalls;
  return next;
};

/** Drops the interfaces that face zones no longer in the plan (after zones are removed). */
export function dropInterfacesOf(plan: Plan, zones: ReadonlySet<string>): Plan {
  if (!plan.firewalls?.some((f) => f.interfaces.some((i) => i.zone !== undefined && zones.has(i.zone))))
    return plan;
  return withFirewalls(
    plan,
    plan.firewalls.map((f) =>
      f.interfaces.some((i) => i.zone !== undefined && zones.has(i.zone))
        ? { ...f, interfaces: f.interfaces.filter((i) => i.zone === undefined || !zones.has(i.zone)) }
        : f,
    ),
  );
}

/** Removes the devices (their interfaces go with them). */
export function removeFirewalls(plan: Plan, ids: ReadonlySet<string>): Plan {
  if (!plan.firewalls?.some((f) => ids.has(f.id))) return plan;
  return withFirewalls(
    plan,
    plan.firewalls.filter((f) => !ids.has(f.id)),
  );
}
