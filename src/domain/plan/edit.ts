import { DEFAULT_PRODUCT_VERSION, ROLES, type RoleId } from '../catalog';
import {
  CURRENT_PLAN_VERSION,
  PLAN_FORMAT,
  type Host,
  type Plan,
  type Point,
  type Size,
  type Trust,
  type Zone,
} from './types';

/**
 * Pure edits of a plan. Each returns a new plan and leaves the old one untouched, so the app can
 * keep old plans for undo. Zone membership follows geometry: a host belongs to the smallest zone
 * whose area holds its anchor point.
 */

/** Size of a host card on the canvas; the anchor is a point inside its top part. */
export const HOST_SIZE: Size = { width: 200, height: 72 };
export const DEFAULT_ZONE_SIZE: Size = { width: 440, height: 300 };
const ANCHOR = { x: HOST_SIZE.width / 2, y: 28 };

/** Where a host is drawn: its own position, or a simple grid slot when it has none (imported files). */
export function hostPosition(host: Host, index: number): Point {
  return host.position ?? { x: (index % 5) * (HOST_SIZE.width + 60), y: Math.floor(index / 5) * 140 };
}

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
  return [cr.title, cr.requester, cr.ticket, cr.window, cr.notes].some((t) => (t ?? '').trim() !== '');
}

function nextId(prefix: string, taken: Iterable<string>): string {
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

/** Where a zone is drawn; a zone without geometry (a hand-written file) gets the default box. */
export function zoneRect(zone: Zone): { position: Point; size: Size } {
  return { position: zone.position ?? { x: 0, y: 0 }, size: zone.size ?? DEFAULT_ZONE_SIZE };
}

function contains(zone: Zone, p: Point): boolean {
  const { position, size } = zoneRect(zone);
  return (
    p.x >= position.x &&
    p.x <= position.x + size.width &&
    p.y >= position.y &&
    p.y <= position.y + size.height
  );
}

const anchorOf = (h: Host) =>
  h.position ? { x: h.position.x + ANCHOR.x, y: h.position.y + ANCHOR.y } : undefined;

/**
 * Hosts a change to one zone can concern: its members, and hosts under its area before or after
 * the change. Other hosts keep their zone, even one chosen by hand in the side panel.
 */
function touchedBy(before: Zone | undefined, after: Zone | undefined, hosts: readonly Host[]): Set<string> {
  const ids = new Set<string>();
  for (const h of hosts) {
    const a = anchorOf(h);
    if (
      (after && h.zone === after.id) ||
      (a && ((before && contains(before, a)) || (after && contains(after, a))))
    ) {
      ids.add(h.id);
    }
  }
  return ids;
}

/** The zone a host placed at `position` falls in: the smallest one holding its anchor. */
export function zoneAt(plan: Plan, position: Point): Zone | undefined {
  const anchor = { x: position.x + ANCHOR.x, y: position.y + ANCHOR.y };
  let best: Zone | undefined;
  for (const zone of plan.zones) {
    if (!contains(zone, anchor)) continue;
    if (!best || area(zone) < area(best)) best = zone;
  }
  return best;
}

const area = (z: Zone) => zoneRect(z).size.width * zoneRect(z).size.height;

function withZone(host: Host, zone: Zone | undefined): Host {
  if (host.zone === zone?.id) return host;
  const { zone: _old, ...rest } = host;
  return zone ? { ...rest, zone: zone.id } : rest;
}

/** Puts the given hosts in whichever zone their position now falls in. */
function reassign(plan: Plan, hostIds: ReadonlySet<string>): Plan {
  let changed = false;
  const hosts = plan.hosts.map((h) => {
    if (!hostIds.has(h.id) || !h.position) return h;
    const next = withZone(h, zoneAt(plan, h.position));
    changed ||= next !== h;
    return next;
  });
  return changed ? { ...plan, hosts } : plan;
}

export function addHost(plan: Plan, role: RoleId, position: Point): { plan: Plan; host: Host } {
  const host: Host = {
    id: nextId(
      'h',
      plan.hosts.map((h) => h.id),
    ),
    name: defaultHostName(plan, role),
    roles: [role],
    position: { x: Math.round(position.x), y: Math.round(position.y) },
  };
  const zone = zoneAt(plan, host.position!);
  const placed = zone ? { ...host, zone: zone.id } : host;
  return { plan: { ...plan, hosts: [...plan.hosts, placed] }, host: placed };
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

/** Updates a host. `address: undefined` or `zone: undefined` in the patch removes the field. */
export function updateHost(plan: Plan, id: string, patch: HostPatch): Plan {
  return {
    ...plan,
    hosts: plan.hosts.map((h) => {
      if (h.id !== id) return h;
      const next: Host = { ...h, ...patch };
      if ('address' in patch && !patch.address) delete next.address;
      if ('zone' in patch && !patch.zone) delete next.zone;
      return next;
    }),
  };
}

export function removeHosts(plan: Plan, ids: ReadonlySet<string>): Plan {
  return { ...plan, hosts: plan.hosts.filter((h) => !ids.has(h.id)) };
}

export function addZone(plan: Plan, position: Point, trust: Trust = 'trusted'): { plan: Plan; zone: Zone } {
  const zone: Zone = {
    id: nextId(
      'z',
      plan.zones.map((z) => z.id),
    ),
    name: defaultZoneName(plan),
    trust,
    position: { x: Math.round(position.x), y: Math.round(position.y) },
    size: { ...DEFAULT_ZONE_SIZE },
  };
  const next = { ...plan, zones: [...plan.zones, zone] };
  return { plan: reassign(next, touchedBy(undefined, zone, plan.hosts)), zone };
}

export function updateZone(plan: Plan, id: string, patch: Partial<Pick<Zone, 'name' | 'trust'>>): Plan {
  return { ...plan, zones: plan.zones.map((z) => (z.id === id ? { ...z, ...patch } : z)) };
}

/** Removes zones; their hosts stay where they are, in no zone (or in a zone beneath). */
export function removeZones(plan: Plan, ids: ReadonlySet<string>): Plan {
  const orphans = new Set(plan.hosts.filter((h) => h.zone && ids.has(h.zone)).map((h) => h.id));
  const next: Plan = {
    ...plan,
    zones: plan.zones.filter((z) => !ids.has(z.id)),
    hosts: plan.hosts.map((h) => (orphans.has(h.id) ? withZone(h, undefined) : h)),
  };
  return reassign(next, orphans);
}

export interface Move {
  id: string;
  position: Point;
}

/**
 * Moves hosts and zones to new positions (both given absolute). A moved zone carries its hosts
 * along unless they are moved too; afterwards every host that moved, or sits in a moved zone's
 * area, is put in the zone it now falls in.
 */
export function moveItems(plan: Plan, moves: readonly Move[]): Plan {
  const hostMoves = new Map<string, Point>();
  const zoneMoves = new Map<string, Point>();
  const zoneIds = new Set(plan.zones.map((z) => z.id));
  for (const m of moves) (zoneIds.has(m.id) ? zoneMoves : hostMoves).set(m.id, round(m.position));

  const zones = plan.zones.map((z) => {
    const to = zoneMoves.get(z.id);
    return to ? { ...z, position: to } : z;
  });
  const affected = new Set<string>();
  const hosts = plan.hosts.map((h) => {
    const to = hostMoves.get(h.id);
    if (to) {
      affected.add(h.id);
      return { ...h, position: to };
    }
    const zone = h.zone ? plan.zones.find((z) => z.id === h.zone) : undefined;
    const zoneTo = zone ? zoneMoves.get(zone.id) : undefined;
    if (zone?.position && zoneTo && h.position) {
      return {
        ...h,
        position: {
          x: h.position.x + zoneTo.x - zone.position.x,
          y: h.position.y + zoneTo.y - zone.position.y,
        },
      };
    }
    return h;
  });
  const next = { ...plan, zones, hosts };
  zones.forEach((z, i) => {
    if (zoneMoves.has(z.id)) for (const id of touchedBy(plan.zones[i], z, hosts)) affected.add(id);
  });
  return reassign(next, affected);
}

/** Resizes a zone (its top-left corner may move too), then settles membership of the hosts around it. */
export function resizeZone(plan: Plan, id: string, position: Point, size: Size): Plan {
  const before = plan.zones.find((z) => z.id === id);
  if (!before) return plan;
  const after: Zone = {
    ...before,
    position: round(position),
    size: { width: Math.round(size.width), height: Math.round(size.height) },
  };
  const next: Plan = { ...plan, zones: plan.zones.map((z) => (z.id === id ? after : z)) };
  return reassign(next, touchedBy(before, after, plan.hosts));
}

const round = (p: Point): Point => ({ x: Math.round(p.x), y: Math.round(p.y) });
