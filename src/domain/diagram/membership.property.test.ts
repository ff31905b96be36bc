import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { host, testPlan, zone, type TestRect } from '../plan/plan.testing';
import type { Plan, Point, Zone } from '../plan';
import { cardInZone, cardOutsideZones, placeInZone, settleMembership, zoneAt } from './membership';

/*
 * Zone membership over random layouts: zones that never overlap (they may touch) and hosts near
 * and across their borders. Every expectation is plain arithmetic written here, not the code under
 * test: a host card is 200 × 72 at its position; it belongs to the zone whose box encloses it,
 * which means all four edges: left, right, top and bottom, borders included.
 */

const CARD_WIDTH = 200;
const CARD_HEIGHT = 72;

const boxOf = (z: Zone): TestRect => ({
  x: z.position!.x,
  y: z.position!.y,
  width: z.size!.width,
  height: z.size!.height,
});

/** The card at `p` lies inside `r`: each of its four edges checked on its own. */
function enclosedByHand(r: TestRect, p: Point): boolean {
  const leftInside = p.x >= r.x;
  const rightInside = p.x + CARD_WIDTH <= r.x + r.width;
  const topInside = p.y >= r.y;
  const bottomInside = p.y + CARD_HEIGHT <= r.y + r.height;
  return leftInside && rightInside && topInside && bottomInside;
}

/** Two boxes share some area (touching borders do not). */
function overlapByHand(a: TestRect, b: TestRect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const cardBox = (p: Point): TestRect => ({ x: p.x, y: p.y, width: CARD_WIDTH, height: CARD_HEIGHT });

/** What membership must look like: zoned cards inside their zone, others clear of every zone. */
function membershipProblems(plan: Plan): string[] {
  const problems: string[] = [];
  const boxes = new Map(plan.zones.map((z) => [z.id, boxOf(z)]));
  for (const h of plan.hosts) {
    const p = h.position!;
    if (h.zone) {
      const box = boxes.get(h.zone)!;
      if (!enclosedByHand(box, p)) problems.push(`${h.id} at ${p.x},${p.y} is not inside zone ${h.zone}`);
    } else {
      for (const [id, box] of boxes)
        if (overlapByHand(box, cardBox(p))) problems.push(`${h.id} is in no zone but overlaps ${id}`);
    }
  }
  plan.zones.forEach((a, i) =>
    plan.zones.slice(i + 1).forEach((b) => {
      if (overlapByHand(boxOf(a), boxOf(b))) problems.push(`zones ${a.id} and ${b.id} overlap`);
    }),
  );
  return problems;
}

/** Coordinates on a 10 px grid, so zones often touch and cards often sit exactly on a border. */
const step = (min: number, max: number) => fc.integer({ min: min / 10, max: max / 10 }).map((v) => v * 10);

/** Up to six zones, each at least the smallest a zone can be made, none overlapping another. */
const zonesArb: fc.Arbitrary<Zone[]> = fc
  .array(
    fc.record({
      x: step(-2000, 2000),
      y: step(-2000, 2000),
      width: step(220, 1000),
      height: step(130, 800),
      trust: fc.constantFrom('untrusted' as const, 'dmz' as const, 'trusted' as const),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((candidates) => {
    const kept: TestRect[] = [];
    const zones: Zone[] = [];
    for (const { trust, ...r } of candidates) {
      if (kept.some((k) => overlapByHand(k, r))) continue;
      kept.push(r);
      zones.push(zone(`z${zones.length}`, r, trust));
    }
    return zones;
  });

/**
 * Where a card goes, relative to a zone: flush with (or one pixel past) a border on either axis,
 * or anywhere in and around the zone.
 */
const offsetArb = fc.record({
  zoneIndex: fc.nat(5),
  x: fc.oneof(
    fc.record({ from: fc.constant('left' as const), by: fc.integer({ min: -2, max: 2 }) }),
    fc.record({ from: fc.constant('right' as const), by: fc.integer({ min: -2, max: 2 }) }),
    fc.record({ from: fc.constant('left' as const), by: fc.integer({ min: -260, max: 1060 }) }),
  ),
  y: fc.oneof(
    fc.record({ from: fc.constant('top' as const), by: fc.integer({ min: -2, max: 2 }) }),
    fc.record({ from: fc.constant('bottom' as const), by: fc.integer({ min: -2, max: 2 }) }),
    fc.record({ from: fc.constant('top' as const), by: fc.integer({ min: -120, max: 860 }) }),
  ),
});
type Offset = typeof offsetArb extends fc.Arbitrary<infer T> ? T : never;

function positionOf(zones: Zone[], o: Offset): Point {
  const r = boxOf(zones[o.zoneIndex % zones.length]!);
  return {
    x: o.x.from === 'left' ? r.x + o.x.by : r.x + r.width - CARD_WIDTH + o.x.by,
    y: o.y.from === 'top' ? r.y + o.y.by : r.y + r.height - CARD_HEIGHT + o.y.by,
  };
}

/** A layout: zones, and hosts placed by offsets, each in a zone (by index) or in none (-1). */
const layoutArb = fc
  .record({
    zones: zonesArb,
    hosts: fc.array(fc.record({ at: offsetArb, member: fc.integer({ min: -1, max: 5 }) }), {
      minLength: 1,
      maxLength: 8,
    }),
  })
  .map(({ zones, hosts }) =>
    testPlan({
      name: 'Membership',
      zones,
      hosts: hosts.map(({ at, member }, i) => {
        const zoneId = member < 0 ? undefined : zones[member % zones.length]!.id;
        return host(`h${i}`, ['processing-node'], {
          position: positionOf(zones, at),
          ...(zoneId ? { zone: zoneId } : {}),
        });
      }),
    }),
  );

describe('zone membership, over random layouts', () => {
  it('the layouts are as described: zones never overlap', () => {
    fc.assert(
      fc.property(zonesArb, (zones) => {
        zones.forEach((a, i) =>
          zones.slice(i + 1).forEach((b) => expect(overlapByHand(boxOf(a), boxOf(b))).toBe(false)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('a card is in a zone exactly when the zone box encloses it on all four edges', () => {
    fc.assert(
      fc.property(layoutArb, (plan) => {
        for (const h of plan.hosts)
          for (const z of plan.zones)
            expect(cardInZone(z, h.position!), `${h.id} in ${z.id}`).toBe(
              enclosedByHand(boxOf(z), h.position!),
            );
      }),
      { numRuns: 1000 },
    );
  });

  it('a card enclosed by a zone falls in that zone; one overlapping none is outside every zone', () => {
    fc.assert(
      fc.property(layoutArb, (plan) => {
        for (const h of plan.hosts) {
          const p = h.position!;
          const enclosing = plan.zones.filter((z) => enclosedByHand(boxOf(z), p));
          expect(enclosing.length).toBeLessThanOrEqual(1);
          if (enclosing[0]) expect(zoneAt(plan, p)?.id).toBe(enclosing[0].id);
          const clear = plan.zones.every((z) => !overlapByHand(boxOf(z), cardBox(p)));
          expect(cardOutsideZones(plan, p)).toBe(clear);
          if (clear) expect(zoneAt(plan, p)).toBeUndefined();
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('settling keeps every membership and puts each card where its membership says', () => {
    fc.assert(
      fc.property(layoutArb, (plan) => {
        const settled = settleMembership(plan);
        expect(settled.zones).toEqual(plan.zones);
        expect(settled.hosts.map((h) => [h.id, h.zone])).toEqual(plan.hosts.map((h) => [h.id, h.zone]));
        expect(membershipProblems(settled)).toEqual([]);
        // A card already where its membership says stays exactly where it was.
        plan.hosts.forEach((h, i) => {
          const p = h.position!;
          const fine = h.zone
            ? enclosedByHand(boxOf(plan.zones.find((z) => z.id === h.zone)!), p)
            : plan.zones.every((z) => !overlapByHand(boxOf(z), cardBox(p)));
          if (fine) expect(settled.hosts[i]!.position).toEqual(p);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('placing a host in a zone (or none) puts its card inside that zone (or outside all)', () => {
    fc.assert(
      fc.property(layoutArb, fc.nat(), fc.integer({ min: -1, max: 5 }), (layout, which, target) => {
        const plan = settleMembership(layout);
        const moved = plan.hosts[which % plan.hosts.length]!;
        const zoneId = target < 0 ? undefined : plan.zones[target % plan.zones.length]!.id;
        const next = placeInZone(plan, moved.id, zoneId);
        // A zone with no room that cannot grow without overlapping another leaves the plan as it was.
        if (next === plan) return;
        const placed = next.hosts.find((h) => h.id === moved.id)!;
        expect(placed.zone).toBe(zoneId);
        expect(membershipProblems(next)).toEqual([]);
        expect(next.hosts.map((h) => (h.id === moved.id ? zoneId : h.zone))).toEqual(
          plan.hosts.map((h) => (h.id === moved.id ? zoneId : h.zone)),
        );
      }),
      { numRuns: 500 },
    );
  });
});
