import { ZONE_MIN_SIZE, type Host, type Plan, type Point, type Size, type Zone } from '../plan';

/**
 * Zone membership. A host's `zone` is the truth, and the picture must agree with it: a zoned
 * host's card lies fully inside its zone's box, a host in no zone lies outside every box. The
 * edits in edit.ts keep this so; `settleMembership` restores it on any plan.
 */

/** Size of a host card on the canvas; the anchor is a point inside its top part. */
export const HOST_SIZE: Size = { width: 200, height: 72 };
export const DEFAULT_ZONE_SIZE: Size = { width: 440, height: 300 };
const ANCHOR: Point = { x: HOST_SIZE.width / 2, y: 28 };

/** Room a zone keeps above its cards for its name and trust label. */
export const ZONE_HEADER = 44;
/** Room between a zone's border and the cards placed inside it, and around a card pushed out. */
const PAD = 10;
/** Room between cards placed automatically. */
const CARD_GAP = 16;
/** Room kept around a zone placed automatically. */
const ZONE_GAP = 24;
/** Row (or column) step of the search for a free slot inside a zone. */
const SCAN_STEP = 8;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a host is drawn: its own position, or a simple grid slot when it has none (imported files). */
export function hostPosition(host: Host, index: number): Point {
  return host.position ?? { x: (index % 5) * (HOST_SIZE.width + 60), y: Math.floor(index / 5) * 140 };
}

/** Where a zone is drawn; a zone without geometry (a hand-written file) gets the default box. */
export function zoneRect(zone: Zone): { position: Point; size: Size } {
  return { position: zone.position ?? { x: 0, y: 0 }, size: zone.size ?? DEFAULT_ZONE_SIZE };
}

export const rectOf = (zone: Zone): Rect => {
  const { position, size } = zoneRect(zone);
  return { x: position.x, y: position.y, width: size.width, height: size.height };
};
const cardAt = (p: Point): Rect => ({ x: p.x, y: p.y, ...HOST_SIZE });
const anchorAt = (p: Point): Point => ({ x: p.x + ANCHOR.x, y: p.y + ANCHOR.y });
const right = (r: Rect) => r.x + r.width;
const bottom = (r: Rect) => r.y + r.height;
const inflate = (r: Rect, by: number): Rect => ({
  x: r.x - by,
  y: r.y - by,
  width: r.width + 2 * by,
  height: r.height + 2 * by,
});

/** Border points count as inside, as they always have for the anchor. */
const holds = (r: Rect, p: Point) => p.x >= r.x && p.x <= right(r) && p.y >= r.y && p.y <= bottom(r);
const encloses = (outer: Rect, inner: Rect) =>
  inner.x >= outer.x && right(inner) <= right(outer) && inner.y >= outer.y && bottom(inner) <= bottom(outer);
/** Overlap with an area; boxes that only touch do not overlap. */
const overlaps = (a: Rect, b: Rect) => a.x < right(b) && b.x < right(a) && a.y < bottom(b) && b.y < bottom(a);

/** The zone a host placed at `position` falls in: the smallest one holding its anchor. */
export function zoneAt(plan: Plan, position: Point): Zone | undefined {
  const anchor = anchorAt(position);
  let best: Zone | undefined;
  let bestArea = Infinity;
  for (const zone of plan.zones) {
    const r = rectOf(zone);
    if (!holds(r, anchor)) continue;
    if (r.width * r.height < bestArea) {
      best = zone;
      bestArea = r.width * r.height;
    }
  }
  return best;
}

/** True when a card at `position` lies fully inside the zone's box. */
export function cardInZone(zone: Zone, position: Point): boolean {
  return encloses(rectOf(zone), cardAt(position));
}

/** True when a card at `position` overlaps no zone's box. */
export function cardOutsideZones(plan: Plan, position: Point): boolean {
  const card = cardAt(position);
  return plan.zones.every((z) => !overlaps(rectOf(z), card));
}

export function withZone(host: Host, zoneId: string | undefined): Host {
  if (host.zone === zoneId) return host;
  const { zone: _old, ...rest } = host;
  return zoneId ? { ...rest, zone: zoneId } : rest;
}

function clampAxis(v: number, start: number, length: number, card: number, before: number, after: number) {
  let lo = start + before;
  let hi = start + length - card - after;
  // A zone too tight for the margins still holds the card edge to edge.
  if (lo > hi) {
    lo = start;
    hi = start + length - card;
  }
  if (lo > hi) return start;
  return Math.min(Math.max(v, lo), hi);
}

/** The nearest spot to `p` inside the zone, below its header and clear of its border. */
function clampInto(zone: Rect, p: Point): Point {
  return {
    x: clampAxis(p.x, zone.x, zone.width, HOST_SIZE.width, PAD, PAD),
    y: clampAxis(p.y, zone.y, zone.height, HOST_SIZE.height, ZONE_HEADER, PAD),
  };
}

/** Puts a host in a zone (or none) at `p`; inside a zone the card is clamped into its box. */
export function joinAt(host: Host, zone: Zone | undefined, p: Point): Host {
  const position = zone ? clampInto(rectOf(zone), p) : p;
  const next = withZone(host, zone?.id);
  return next.position && samePoint(next.position, position) ? next : { ...next, position };
}

const samePoint = (a: Point | undefined, b: Point | undefined) =>
  a === b || (!!a && !!b && a.x === b.x && a.y === b.y);
const sameSize = (a: Size | undefined, b: Size | undefined) =>
  a === b || (!!a && !!b && a.width === b.width && a.height === b.height);

/**
 * `next`, or `before` itself when no host or zone differs in membership or geometry, so a move
 * clamped back to where it started is no edit at all (no undo step, no re-derivation).
 */
export function unlessUnchanged(before: Plan, next: Plan): Plan {
  if (next === before) return before;
  if (next.hosts.length !== before.hosts.length || next.zones.length !== before.zones.length) return next;
  const hostsSame = next.hosts.every((h, i) => {
    const b = before.hosts[i]!;
    return h === b || (h.id === b.id && h.zone === b.zone && samePoint(h.position, b.position));
  });
  const zonesSame = next.zones.every((z, i) => {
    const b = before.zones[i]!;
    return z === b || (z.id === b.id && samePoint(z.position, b.position) && sameSize(z.size, b.size));
  });
  return hostsSame && zonesSame ? before : next;
}

/**
 * The free spot nearest to `near` for a box of `size` that overlaps none of `obstacles`.
 * Candidates are `near` and the spots flush against an obstacle's side, tried nearest first; when
 * none nearby is free, the spot right of everything is. Deterministic.
 */
function nearestFree(near: Point, size: Size, obstacles: readonly Rect[]): Point {
  const free = (p: Point) => {
    const box = { ...p, ...size };
    return obstacles.every((o) => !overlaps(o, box));
  };
  if (free(near)) return near;
  // Only the closest edges matter; this keeps the search small on large plans.
  const closest = (values: number[], from: number) =>
    [...new Set(values)].sort((a, b) => Math.abs(a - from) - Math.abs(b - from) || a - b).slice(0, 40);
  const xs = closest([near.x, ...obstacles.flatMap((o) => [o.x - size.width, right(o)])], near.x);
  const ys = closest([near.y, ...obstacles.flatMap((o) => [o.y - size.height, bottom(o)])], near.y);
  const candidates = xs.flatMap((x) => ys.map((y) => ({ x, y })));
  const distance = (p: Point) => (p.x - near.x) ** 2 + (p.y - near.y) ** 2;
  candidates.sort((a, b) => distance(a) - distance(b) || a.y - b.y || a.x - b.x);
  const found = candidates.find(free);
  return found ?? { x: Math.max(...obstacles.map(right)), y: near.y };
}

const cardsOf = (plan: Plan, except?: string): Rect[] =>
  plan.hosts.flatMap((h, i) => (h.id === except ? [] : [cardAt(hostPosition(h, i))]));

/** A spot near `near` where a zone of `size` overlaps no zone and no host card (with a gap). */
export function freeZoneSpot(plan: Plan, near: Point, size: Size): Point {
  const obstacles = [...plan.zones.map(rectOf), ...cardsOf(plan)].map((r) => inflate(r, ZONE_GAP));
  return nearestFree({ x: Math.round(near.x), y: Math.round(near.y) }, size, obstacles);
}

/**
 * The nearest spot to `p` where a card overlaps no zone (nor, given `cards`, another card). A
 * card pushed back out (settling) may sit flush against a zone, so a keyboard step into a zone's
 * border comes back to where it was; a card placed out of its zone keeps a margin.
 */
function outsideZones(zones: readonly Rect[], p: Point, cards?: readonly Rect[]): Point {
  if (!cards) return nearestFree(p, HOST_SIZE, zones);
  return nearestFree(p, HOST_SIZE, [
    ...zones.map((r) => inflate(r, PAD)),
    ...cards.map((r) => inflate(r, CARD_GAP)),
  ]);
}

/**
 * The first free slot for a card, row by row from the top-left of `area` (the card's top-left
 * range: x in [x, x + width], y in [y, y + height]); `height` may be Infinity, then a slot is
 * always found. Columns first instead when `byColumn`.
 */
function firstSlot(area: Rect, obstacles: readonly Rect[], byColumn = false): Point | undefined {
  const blocker = (p: Point) => obstacles.find((o) => overlaps(o, cardAt(p)));
  const lastOuter = byColumn ? right(area) : bottom(area);
  const lastInner = byColumn ? bottom(area) : right(area);
  const outerStart = byColumn ? area.x : area.y;
  const innerStart = byColumn ? area.y : area.x;
  const limit = Math.max(...obstacles.map((o) => (byColumn ? right(o) : bottom(o))), outerStart);
  for (let outer = outerStart; outer <= lastOuter; outer += SCAN_STEP) {
    let inner = innerStart;
    while (inner <= lastInner) {
      const p = byColumn ? { x: outer, y: inner } : { x: inner, y: outer };
      const hit = blocker(p);
      if (!hit) return p;
      inner = byColumn ? bottom(hit) : right(hit);
    }
    // Past every obstacle the next step is free; jump there instead of stepping through nothing.
    if (outer > limit) break;
  }
  return undefined;
}

/** The inner area of a zone: where a card's top-left may go. */
const innerArea = (r: Rect): Rect => ({
  x: r.x + PAD,
  y: r.y + ZONE_HEADER,
  width: r.width - 2 * PAD - HOST_SIZE.width,
  height: r.height - ZONE_HEADER - PAD - HOST_SIZE.height,
});

/** How many zones a box crosses the border of (overlaps without either holding the other). */
function crossings(zones: readonly Zone[], self: string, r: Rect): number {
  return zones.filter((z) => {
    if (z.id === self) return false;
    const o = rectOf(z);
    return overlaps(o, r) && !encloses(o, r) && !encloses(r, o);
  }).length;
}

/**
 * Moves a host into a zone (or out of every zone, with `undefined`) and its card with it: into
 * the first free slot inside the zone, below its header and clear of other cards; when the zone
 * has no room it grows downwards or rightwards just enough, whichever crosses no other zone (or
 * fewer, or adds less area). Out of every zone, the card goes to the free spot nearest its old
 * one. An unknown zone id leaves the plan unchanged.
 */
export function placeInZone(plan: Plan, hostId: string, zoneId: string | undefined): Plan {
  const index = plan.hosts.findIndex((h) => h.id === hostId);
  const host = plan.hosts[index];
  if (!host) return plan;
  const from = hostPosition(host, index);
  const zoneIndex = zoneId === undefined ? -1 : plan.zones.findIndex((z) => z.id === zoneId);
  const zone = plan.zones[zoneIndex];
  if (zoneId !== undefined && !zone) return plan;
  const put = (h: Host, zones = plan.zones) =>
    settleMembership({ ...plan, zones, hosts: plan.hosts.map((x, i) => (i === index ? h : x)) });

  if (!zone) {
    if (host.zone === undefined && cardOutsideZones(plan, from)) return plan;
    const spot = outsideZones(plan.zones.map(rectOf), from, cardsOf(plan, hostId));
    return put({ ...withZone(host, undefined), position: spot });
  }
  if (host.zone === zone.id && cardInZone(zone, from)) return plan;

  const given = rectOf(zone);
  const box = {
    ...given,
    width: Math.max(given.width, ZONE_MIN_SIZE.width),
    height: Math.max(given.height, ZONE_MIN_SIZE.height),
  };
  // Other cards, and zones drawn over this one (a zone nested inside it), are in the way.
  const obstacles = [
    ...cardsOf(plan, hostId).map((r) => inflate(r, CARD_GAP)),
    ...plan.zones
      .filter((z) => z.id !== zone.id && !encloses(rectOf(z), box))
      .map((z) => inflate(rectOf(z), PAD)),
  ];
  const inner = innerArea(box);
  let slot = firstSlot(inner, obstacles);
  let size = { width: box.width, height: box.height };
  if (!slot) {
    const down = firstSlot({ ...inner, height: Infinity }, obstacles)!;
    const across = firstSlot({ ...inner, width: Infinity }, obstacles, true)!;
    const grownDown = { ...box, height: down.y + HOST_SIZE.height + PAD - box.y };
    const grownAcross = { ...box, width: across.x + HOST_SIZE.width + PAD - box.x };
    const before = crossings(plan.zones, zone.id, given);
    const cost = (r: Rect) => [crossings(plan.zones, zone.id, r) > before ? 1 : 0, r.width * r.height];
    const [a, b] = [cost(grownDown), cost(grownAcross)];
    const useDown = a[0]! < b[0]! || (a[0] === b[0] && a[1]! <= b[1]!);
    slot = useDown ? down : across;
    const grown = useDown ? grownDown : grownAcross;
    size = { width: grown.width, height: grown.height };
  }
  // A zone full on every side cannot grow over another zone (zones never overlap): the host
  // stays where it is, and the caller says why.
  if (newZoneOverlap(plan, zone, { x: box.x, y: box.y, ...size })) return plan;
  const zones =
    sameSize(size, zone.size) && zone.position
      ? plan.zones
      : plan.zones.map((z, i) => (i === zoneIndex ? { ...z, position: { x: box.x, y: box.y }, size } : z));
  return put({ ...withZone(host, zone.id), position: slot }, zones);
}

/**
 * Makes the picture agree with membership on any plan (after an import, undo or edit): a zone
 * smaller than a card grows to hold one; a zoned card outside its zone's box is clamped into
 * it; a card in no zone that overlaps a zone is pushed just outside. Membership never changes,
 * and other positions are kept. Returns `plan` itself when nothing needed fixing.
 */
export function settleMembership(plan: Plan): Plan {
  const memberZones = new Set(plan.hosts.map((h) => h.zone));
  let zonesChanged = false;
  const zones = plan.zones.map((z) => {
    const r = rectOf(z);
    if (!memberZones.has(z.id) || (r.width >= HOST_SIZE.width && r.height >= HOST_SIZE.height)) return z;
    zonesChanged = true;
    return {
      ...z,
      position: { x: r.x, y: r.y },
      size: {
        width: Math.max(r.width, ZONE_MIN_SIZE.width),
        height: Math.max(r.height, ZONE_MIN_SIZE.height),
      },
    };
  });
  const boxes = new Map(zones.map((z) => [z.id, rectOf(z)]));
  const all = [...boxes.values()];
  let hostsChanged = false;
  const hosts = plan.hosts.map((h, i) => {
    const p = hostPosition(h, i);
    const card = cardAt(p);
    let to: Point | undefined;
    if (h.zone) {
      // A zone id the plan does not hold is for the plan checks to report, not to guess at.
      const box = boxes.get(h.zone);
      if (box && !encloses(box, card)) to = clampInto(box, p);
    } else if (all.some((r) => overlaps(r, card))) {
      to = outsideZones(all, p);
    }
    if (!to) return h;
    hostsChanged = true;
    return { ...h, position: to };
  });
  if (!zonesChanged && !hostsChanged) return plan;
  return { ...plan, zones: zonesChanged ? zones : plan.zones, hosts: hostsChanged ? hosts : plan.hosts };
}

/**
 * The zone a host moved from `from` to `to` belongs to. Membership changes only when the anchor
 * really crosses a border: out of its zone's box, or into a smaller zone it was not over
 * before. A move that keeps the anchor where it was relative to every zone (a keyboard step
 * along a border) keeps the zone.
 */
export function zoneAfterMove(plan: Plan, host: Host, from: Point, to: Point): string | undefined {
  const target = zoneAt(plan, to);
  const current = host.zone ? plan.zones.find((z) => z.id === host.zone) : undefined;
  // A zone id the plan does not hold is for the plan checks to report, not to guess at.
  if (host.zone && !current) return host.zone;
  if (current && holds(rectOf(current), anchorAt(to))) {
    if (target && target.id !== current.id && zoneAt(plan, from)?.id !== target.id) return target.id;
    return current.id;
  }
  return target?.id;
}

/**
 * True when a host at `p`, not a member of `zone`, is taken in by it after the zone moved or
 * was resized from `before`: its anchor was outside the old box, is inside the new one, and no
 * smaller zone holds it.
 */
export function landsIn(plan: Plan, zone: Zone, before: Zone, p: Point): boolean {
  const a = anchorAt(p);
  return !holds(rectOf(before), a) && holds(rectOf(zone), a) && zoneAt(plan, p)?.id === zone.id;
}

/** The box around the cards of a zone's members. */
function memberBounds(plan: Plan, zoneId: string): Rect | undefined {
  const cards = plan.hosts.flatMap((h, i) => (h.zone === zoneId ? [cardAt(hostPosition(h, i))] : []));
  if (cards.length === 0) return undefined;
  const x = Math.min(...cards.map((c) => c.x));
  const y = Math.min(...cards.map((c) => c.y));
  return {
    x,
    y,
    width: Math.max(...cards.map(right)) - x,
    height: Math.max(...cards.map(bottom)) - y,
  };
}

/**
 * The box a zone may be resized to: the requested one, widened where it would cut into a
 * member's card (keeping the margins, but never past where the zone already was).
 */
export function resizeLimit(plan: Plan, zone: Zone, requested: Rect): Rect {
  const members = memberBounds(plan, zone.id);
  if (!members) return requested;
  const old = rectOf(zone);
  const x = Math.min(requested.x, Math.max(members.x - PAD, old.x));
  const y = Math.min(requested.y, Math.max(members.y - ZONE_HEADER, old.y));
  const r = Math.max(right(requested), Math.min(right(members) + PAD, right(old)));
  const b = Math.max(bottom(requested), Math.min(bottom(members) + PAD, bottom(old)));
  return { x, y, width: r - x, height: b - y };
}

/**
 * The first zone that `zone`, drawn at `rect`, would newly overlap: zones never overlap, or a card
 * could be drawn inside a zone it is not in. A zone already overlapping another (an old file)
 * may still move or change while it overlaps no further one.
 */
export function newZoneOverlap(plan: Plan, zone: Zone, rect: Rect): Zone | undefined {
  const was = rectOf(zone);
  return plan.zones.find((other) => {
    if (other.id === zone.id) return false;
    const box = rectOf(other);
    return overlaps(rect, box) && !overlaps(was, box);
  });
}
