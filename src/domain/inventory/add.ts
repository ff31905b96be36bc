import { HOST_SIZE, ZONE_HEADER, hostPosition, rectOf } from '../diagram';
import { nextId } from '../edit';
import type { Host, Plan, Point, Zone } from '../plan';
import type { InventoryPreview } from './parse';

/*
 * Adds an inventory's hosts to the plan in one step, laid out: each zone's new cards in rows under
 * the cards it already has (the zone grows, and what lies below it moves down by as much, so no
 * zone comes to overlap another), new zones side by side under the whole drawing, and hosts in no
 * zone in rows under those.
 */

const PAD = 24;
const GAP = { x: 60, y: 40 };
const ZONE_GAP = 64;
const PER_ROW = 4;

const cellWidth = HOST_SIZE.width + GAP.x;
const cellHeight = HOST_SIZE.height + GAP.y;

/** Positions for `count` cards in rows of `perRow` from `origin`. */
function grid(count: number, origin: Point, perRow: number): Point[] {
  return Array.from({ length: count }, (_, i) => ({
    x: origin.x + (i % perRow) * cellWidth,
    y: origin.y + Math.floor(i / perRow) * cellHeight,
  }));
}

const rowsFor = (count: number, perRow: number) => Math.ceil(count / perRow);

/** The lowest point of the drawing: zones and cards. */
function bottomOf(plan: Plan): number {
  let bottom = -Infinity;
  for (const z of plan.zones) {
    const r = rectOf(z);
    bottom = Math.max(bottom, r.y + r.height);
  }
  plan.hosts.forEach((h, i) => (bottom = Math.max(bottom, hostPosition(h, i).y + HOST_SIZE.height)));
  return Number.isFinite(bottom) ? bottom : 0;
}

function leftOf(plan: Plan): number {
  let left = Infinity;
  for (const z of plan.zones) left = Math.min(left, rectOf(z).x);
  plan.hosts.forEach((h, i) => (left = Math.min(left, hostPosition(h, i).x)));
  return Number.isFinite(left) ? left : 0;
}

/**
 * Moves down by `by` every zone whose top is at or below `from`, with its cards, and every card in
 * no zone whose top is; cards of a zone that stays, stay.
 */
function pushDown(plan: Plan, from: number, by: number, except: string): Plan {
  if (by <= 0) return plan;
  const moved = new Set(plan.zones.filter((z) => z.id !== except && rectOf(z).y >= from).map((z) => z.id));
  const zones = plan.zones.map((z) => {
    const r = rectOf(z);
    return moved.has(z.id) ? { ...z, position: { x: r.x, y: r.y + by } } : z;
  });
  const hosts = plan.hosts.map((h, i) => {
    const at = hostPosition(h, i);
    const goes = h.zone === undefined ? at.y >= from : moved.has(h.zone);
    return goes ? { ...h, position: { x: at.x, y: at.y + by } } : h;
  });
  return { ...plan, zones, hosts };
}

/** The plan with the preview's hosts (and new zones) added and placed. */
export function addInventory(plan: Plan, preview: InventoryPreview): Plan {
  if (preview.hosts.length === 0) return plan;
  let next: Plan = plan;
  // New zones get ids now, so hosts can name them.
  const zoneIds = new Map(plan.zones.map((z) => [z.name.trim().toLowerCase(), z.id]));
  const made: Zone[] = [];
  for (const { name, trust } of preview.newZones) {
    const id = nextId('z', [...plan.zones.map((z) => z.id), ...made.map((z) => z.id)]);
    made.push({ id, name, trust });
    zoneIds.set(name.trim().toLowerCase(), id);
  }
  const takenIds = plan.hosts.map((h) => h.id);
  const hosts: Host[] = preview.hosts.map((h) => {
    const id = nextId('h', takenIds);
    takenIds.push(id);
    const zone = h.zone === undefined ? undefined : zoneIds.get(h.zone.trim().toLowerCase());
    return {
      id,
      name: h.name,
      roles: h.roles,
      ...(h.address ? { address: h.address } : {}),
      ...(zone ? { zone } : {}),
    };
  });
  const byZone = new Map<string | undefined, Host[]>();
  for (const h of hosts) byZone.set(h.zone, [...(byZone.get(h.zone) ?? []), h]);
  const placed = new Map<string, Point>();

  // Existing zones: new cards in rows under their cards; the zone grows and pushes down what is below.
  for (const zone of plan.zones) {
    const adding = byZone.get(zone.id);
    if (!adding) continue;
    const current = next.zones.find((z) => z.id === zone.id)!;
    const r = rectOf(current);
    const perRow = Math.max(1, Math.floor((r.width - 2 * PAD + GAP.x) / cellWidth));
    let top = r.y + ZONE_HEADER;
    next.hosts.forEach((h, i) => {
      if (h.zone === zone.id) top = Math.max(top, hostPosition(h, i).y + HOST_SIZE.height + GAP.y);
    });
    grid(adding.length, { x: r.x + PAD, y: top }, perRow).forEach((p, i) => placed.set(adding[i]!.id, p));
    const needed = top + rowsFor(adding.length, perRow) * cellHeight - GAP.y + PAD - r.y;
    const grow = needed - r.height;
    if (grow > 0) {
      next = pushDown(next, r.y + r.height, grow, zone.id);
      next = {
        ...next,
        zones: next.zones.map((z) =>
          z.id === zone.id ? { ...z, size: { width: r.width, height: needed } } : z,
        ),
      };
    }
  }

  // New zones side by side under the drawing, each sized to its cards.
  let x = plan.zones.length || plan.hosts.length ? leftOf(next) : 0;
  let y = plan.zones.length || plan.hosts.length ? bottomOf(next) + ZONE_GAP : 0;
  let rowHeight = 0;
  const zoned: Zone[] = [];
  for (const zone of made) {
    const adding = byZone.get(zone.id) ?? [];
    const perRow = Math.min(PER_ROW, Math.max(1, adding.length));
    const size = {
      width: perRow * cellWidth - GAP.x + 2 * PAD,
      height: ZONE_HEADER + rowsFor(adding.length, perRow) * cellHeight - GAP.y + PAD,
    };
    // Rows of zones about as wide as four zones of four cards.
    if (zoned.length && x + size.width > leftOf(next) + 4 * (PER_ROW * cellWidth + 2 * PAD)) {
      x = leftOf(next);
      y += rowHeight + ZONE_GAP;
      rowHeight = 0;
    }
    zoned.push({ ...zone, position: { x, y }, size });
    grid(adding.length, { x: x + PAD, y: y + ZONE_HEADER }, perRow).forEach((p, i) =>
      placed.set(adding[i]!.id, p),
    );
    x += size.width + ZONE_GAP;
    rowHeight = Math.max(rowHeight, size.height);
  }
  const afterZones = zoned.length ? y + rowHeight + ZONE_GAP : y;

  // Hosts in no zone: rows under everything.
  const loose = byZone.get(undefined) ?? [];
  grid(loose.length, { x: leftOf(next), y: afterZones }, 2 * PER_ROW).forEach((p, i) =>
    placed.set(loose[i]!.id, p),
  );

  return {
    ...next,
    zones: [...next.zones, ...zoned],
    hosts: [...next.hosts, ...hosts.map((h) => ({ ...h, position: placed.get(h.id)! }))],
  };
}
