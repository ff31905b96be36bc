import { describe, expect, it } from 'vitest';
import { addHost, addZone, moveItems, removeZones, resizeZone, updateHost } from '../edit';
import { DMZ_RELAY, SINGLE_SERVER } from '../plan';
import { assertInvariant, cardsOverlap, invariantProblems, zonesOverlap } from './invariant.testing';
import type { Host, Plan, Zone } from '../plan';
import { testPlan } from '../plan/plan.testing';
import { freeZoneSpot, placeInZone, settleMembership } from './membership';

// Zone boxes are 440×300 unless said otherwise; a card is 200×72. Inside a zone a card's top-left
// is kept 10 px from the sides and bottom and 44 px from the top (the header), so in zone A at
// (0,0) it may go from x 10 to 230 and from y 44 to 218.
const zone = (
  id: string,
  name: string,
  trust: Zone['trust'],
  x: number,
  y: number,
  w = 440,
  h = 300,
): Zone => ({
  id,
  name,
  trust,
  position: { x, y },
  size: { width: w, height: h },
});
const host = (id: string, name: string, x: number, y: number, zoneId?: string): Host => ({
  id,
  name,
  roles: ['processing-node'],
  position: { x, y },
  ...(zoneId ? { zone: zoneId } : {}),
});
const planOf = (zones: Zone[], hosts: Host[]): Plan => testPlan({ name: 'T', zones, hosts });

/** Zone A (DMZ) at (0,0), zone B (LAN) at (600,0); two nodes in A, one host in no zone below A. */
const base = (): Plan =>
  planOf(
    [zone('A', 'DMZ', 'dmz', 0, 0), zone('B', 'LAN', 'trusted', 600, 0)],
    [
      host('n1', 'SEG-NODE01', 20, 60, 'A'),
      host('n2', 'SEG-NODE02', 230, 60, 'A'),
      host('n3', 'DNS01', 0, 400),
    ],
  );

/** Big (0,0) 1000×1000 holding Small (100,100) 300×200. */
const nested = (hosts: Host[]): Plan =>
  planOf(
    [zone('big', 'Big', 'trusted', 0, 0, 1000, 1000), zone('small', 'Small', 'dmz', 100, 100, 300, 200)],
    hosts,
  );

const hostOf = (plan: Plan, id: string) => plan.hosts.find((h) => h.id === id)!;
const zoneOf = (plan: Plan, id: string) => plan.zones.find((z) => z.id === id)!;

describe('the invariant helper', () => {
  it('sees a card sticking out of its zone and a zoneless card over a zone', () => {
    const plan = planOf(
      [zone('A', 'A', 'dmz', 0, 0)],
      [host('in', 'In', 300, 10, 'A'), host('out', 'Out', 439, 0)],
    );
    expect(invariantProblems(plan)).toEqual([
      'in sticks out of its zone A',
      'out is in no zone but overlaps zone A',
    ]);
    assertInvariant(base());
  });
});

describe('changing a host’s zone in the side panel', () => {
  it('moves the card into free space inside the new zone', () => {
    const next = updateHost(base(), 'n1', { zone: 'B' });
    expect(hostOf(next, 'n1')).toMatchObject({ zone: 'B', position: { x: 610, y: 44 } });
    assertInvariant(next);
  });

  it('places it clear of the cards already there', () => {
    let plan = updateHost(base(), 'n1', { zone: 'B' });
    plan = updateHost(plan, 'n2', { zone: 'B' });
    // Right of n1 (610..810) with a 16 px gap; B's last spot for a card is x 830.
    expect(hostOf(plan, 'n2').position).toEqual({ x: 826, y: 44 });
    expect(cardsOverlap(hostOf(plan, 'n1').position!, hostOf(plan, 'n2').position!)).toBe(false);
    assertInvariant(plan);
  });

  it('grows a full zone downwards just enough', () => {
    // C is as small as a zone holding one card can be, and holds one.
    const plan = planOf(
      [zone('A', 'DMZ', 'dmz', 0, 0), zone('C', 'Mail', 'trusted', 600, 0, 220, 126)],
      [host('n1', 'SEG-NODE01', 20, 60, 'A'), host('m', 'EXCH01', 610, 44, 'C')],
    );
    const next = updateHost(plan, 'n1', { zone: 'C' });
    // Below m's card (44..116) and a 16 px gap, on the 8 px rows from 44: y 132; bottom margin 10.
    expect(hostOf(next, 'n1')).toMatchObject({ zone: 'C', position: { x: 610, y: 132 } });
    expect(zoneOf(next, 'C')).toMatchObject({
      position: { x: 600, y: 0 },
      size: { width: 220, height: 214 },
    });
    assertInvariant(next);
  });

  it('grows rightwards instead when growing down would run into another zone', () => {
    const plan = planOf(
      [
        zone('A', 'DMZ', 'dmz', 0, 0),
        zone('C', 'Mail', 'trusted', 600, 0, 220, 126),
        zone('D', 'Below', 'trusted', 600, 150),
      ],
      [host('n1', 'SEG-NODE01', 20, 60, 'A'), host('m', 'EXCH01', 610, 44, 'C')],
    );
    const next = updateHost(plan, 'n1', { zone: 'C' });
    expect(hostOf(next, 'n1')).toMatchObject({ zone: 'C', position: { x: 826, y: 44 } });
    expect(zoneOf(next, 'C').size).toEqual({ width: 436, height: 126 });
    expect(zonesOverlap(next, 'C', 'D')).toBe(false);
    assertInvariant(next);
  });

  it('does not grow a full zone over another: the host stays where it was', () => {
    const plan = planOf(
      [
        zone('A', 'DMZ', 'dmz', 0, 0),
        zone('C', 'Mail', 'trusted', 600, 0, 220, 126),
        zone('D', 'Below', 'trusted', 600, 150, 240, 300),
        zone('E', 'Right', 'trusted', 850, 0, 200, 200),
      ],
      [host('n1', 'SEG-NODE01', 20, 60, 'A'), host('m', 'EXCH01', 610, 44, 'C')],
    );
    // C holds one card; growing down runs into D, growing right into E.
    expect(updateHost(plan, 'n1', { zone: 'C' })).toBe(plan);
  });

  it('moves the card just outside every zone for “no zone”, near where it was', () => {
    const next = updateHost(base(), 'n1', { zone: undefined });
    // Straight up out of A (and its 10 px margin) is the shortest way out.
    expect(hostOf(next, 'n1')).toEqual({
      id: 'n1',
      name: 'SEG-NODE01',
      roles: ['processing-node'],
      position: { x: 20, y: -82 },
    });
    assertInvariant(next);
  });

  it('leaves the plan alone when the zone does not change', () => {
    const plan = base();
    expect(placeInZone(plan, 'n1', 'A')).toBe(plan);
    expect(placeInZone(plan, 'n3', undefined)).toBe(plan);
    expect(placeInZone(plan, 'n1', 'nowhere')).toBe(plan);
    expect(updateHost(plan, 'n1', { zone: 'A', name: 'X' }).hosts[0]).toMatchObject({
      zone: 'A',
      position: { x: 20, y: 60 },
    });
  });
});

describe('dragging and keyboard steps', () => {
  it('a host dragged into another zone joins it, its card clamped inside', () => {
    const next = moveItems(base(), [{ id: 'n1', position: { x: 700, y: 250 } }]);
    expect(hostOf(next, 'n1')).toMatchObject({ zone: 'B', position: { x: 700, y: 218 } });
    assertInvariant(next);
  });

  it('a host dragged partly out of its zone, anchor still inside, stays and is clamped back', () => {
    const plan = base();
    expect(moveItems(plan, [{ id: 'n2', position: { x: 300, y: 60 } }])).toBe(plan);
    const lower = moveItems(plan, [{ id: 'n2', position: { x: 200, y: 250 } }]);
    expect(hostOf(lower, 'n2')).toMatchObject({ zone: 'A', position: { x: 200, y: 218 } });
    assertInvariant(lower);
  });

  it('a keyboard step at a zone’s border changes nothing', () => {
    const plan = base();
    // n2 sits at A's right inner edge; n3 lies flush below A (A's bottom is y 300).
    const flush = moveItems(plan, [{ id: 'n3', position: { x: 0, y: 300 } }]);
    expect(hostOf(flush, 'n3').position).toEqual({ x: 0, y: 300 });
    expect(moveItems(plan, [{ id: 'n2', position: { x: 235, y: 60 } }])).toBe(plan);
    // A step along the border is an ordinary move inside the zone.
    expect(hostOf(moveItems(plan, [{ id: 'n2', position: { x: 230, y: 55 } }]), 'n2')).toMatchObject({
      zone: 'A',
      position: { x: 230, y: 55 },
    });
    expect(moveItems(flush, [{ id: 'n3', position: { x: 0, y: 295 } }])).toBe(flush);
    assertInvariant(flush);
  });

  it('a keyboard step over a smaller zone it was already over keeps the zone', () => {
    // h belongs to Big, its anchor (250,178) already over Small (an older file).
    const plan = nested([host('h', 'H', 150, 150, 'big')]);
    const step = moveItems(plan, [{ id: 'h', position: { x: 155, y: 150 } }]);
    expect(hostOf(step, 'h')).toMatchObject({ zone: 'big', position: { x: 155, y: 150 } });
    assertInvariant(step);
    // A real crossing into Small does join it.
    const far = nested([host('h', 'H', 500, 500, 'big')]);
    const into = moveItems(far, [{ id: 'h', position: { x: 150, y: 150 } }]);
    expect(hostOf(into, 'h')).toMatchObject({ zone: 'small', position: { x: 150, y: 150 } });
    assertInvariant(into);
  });

  it('a host dragged out into empty canvas leaves its zone', () => {
    const next = moveItems(base(), [{ id: 'n1', position: { x: 1200, y: 600 } }]);
    expect(hostOf(next, 'n1')).toEqual({
      id: 'n1',
      name: 'SEG-NODE01',
      roles: ['processing-node'],
      position: { x: 1200, y: 600 },
    });
    assertInvariant(next);
  });

  it('a host dropped with its anchor outside but its card over zones is pushed out of them', () => {
    // Anchor (500,128) lies in the gap between A and B, too narrow for a card: it goes up out of both.
    const next = moveItems(base(), [{ id: 'n1', position: { x: 400, y: 100 } }]);
    expect(hostOf(next, 'n1')).toEqual({
      id: 'n1',
      name: 'SEG-NODE01',
      roles: ['processing-node'],
      position: { x: 400, y: -72 },
    });
    assertInvariant(next);
  });
});

describe('moving a zone', () => {
  it('carries its members', () => {
    const next = moveItems(base(), [{ id: 'A', position: { x: 0, y: 1000 } }]);
    expect(hostOf(next, 'n1')).toMatchObject({ zone: 'A', position: { x: 20, y: 1060 } });
    expect(hostOf(next, 'n2')).toMatchObject({ zone: 'A', position: { x: 230, y: 1060 } });
    expect(hostOf(next, 'n3')).not.toHaveProperty('zone');
    assertInvariant(next);
  });

  it('takes in the hosts it lands on, and pushes out cards it only half covers', () => {
    const plan = planOf(base().zones, [...base().hosts, host('n4', 'DC01', 300, 330)]);
    // B lands at (0,380): n3's anchor (100,428) is inside; n4's anchor (400,358) is not, its card is.
    const next = moveItems(plan, [{ id: 'B', position: { x: 0, y: 380 } }]);
    expect(hostOf(next, 'n3')).toMatchObject({ zone: 'B', position: { x: 10, y: 424 } });
    expect(hostOf(next, 'n4')).not.toHaveProperty('zone');
    expect(hostOf(next, 'n4').position).toEqual({ x: 300, y: 308 });
    expect(['n1', 'n2'].map((id) => hostOf(next, id).zone)).toEqual(['A', 'A']);
    assertInvariant(next);
  });

  it('does not take in the members of a smaller zone it is moved over, nor one it already covered', () => {
    const plan = nested([host('s', 'S', 150, 150, 'small'), host('b', 'B', 150, 150, 'big')]);
    const bigMoved = moveItems(plan, [{ id: 'big', position: { x: 10, y: 10 } }]);
    expect(hostOf(bigMoved, 's').zone).toBe('small');
    const smallNudged = moveItems(plan, [{ id: 'small', position: { x: 105, y: 100 } }]);
    expect(hostOf(smallNudged, 'b').zone).toBe('big');
    assertInvariant(bigMoved);
    assertInvariant(smallNudged);
  });
});

describe('resizing a zone', () => {
  it('cannot shrink past its members’ cards', () => {
    const next = resizeZone(base(), 'A', { x: 0, y: 0 }, { width: 100, height: 100 });
    // Members span x 20..430 and y 60..132; bottom keeps its 10 px margin.
    expect(zoneOf(next, 'A')).toMatchObject({ position: { x: 0, y: 0 }, size: { width: 440, height: 142 } });
    expect(next.hosts.map((h) => [h.zone, h.position])).toEqual(
      base().hosts.map((h) => [h.zone, h.position]),
    );
    assertInvariant(next);
  });

  it('cannot move its left edge past them either', () => {
    const next = resizeZone(base(), 'A', { x: 300, y: 0 }, { width: 140, height: 300 });
    expect(zoneOf(next, 'A')).toMatchObject({ position: { x: 10, y: 0 }, size: { width: 430, height: 300 } });
    assertInvariant(next);
  });

  it('takes in hosts whose anchor it now covers, and pushes out cards it only half covers', () => {
    const taller = resizeZone(base(), 'A', { x: 0, y: 0 }, { width: 440, height: 600 });
    expect(hostOf(taller, 'n3')).toMatchObject({ zone: 'A', position: { x: 10, y: 400 } });
    assertInvariant(taller);
    const bit = resizeZone(base(), 'A', { x: 0, y: 0 }, { width: 440, height: 420 });
    expect(hostOf(bit, 'n3')).not.toHaveProperty('zone');
    expect(hostOf(bit, 'n3').position).toEqual({ x: 0, y: 420 });
    assertInvariant(bit);
  });
});

describe('removing a zone', () => {
  it('leaves its members in no zone where they were', () => {
    const next = removeZones(base(), new Set(['A']));
    expect(hostOf(next, 'n1')).toEqual({
      id: 'n1',
      name: 'SEG-NODE01',
      roles: ['processing-node'],
      position: { x: 20, y: 60 },
    });
    expect(hostOf(next, 'n2').position).toEqual({ x: 230, y: 60 });
    assertInvariant(next);
  });

  it('puts them in the zone beneath when there is one', () => {
    const plan = nested([host('s', 'S', 150, 150, 'small')]);
    const next = removeZones(plan, new Set(['small']));
    expect(hostOf(next, 's')).toMatchObject({ zone: 'big', position: { x: 150, y: 150 } });
    assertInvariant(next);
  });
});

describe('adding a zone', () => {
  it('goes to the free spot nearest the one asked for, over no zone and no card', () => {
    const plan = base();
    // Everything is kept 24 px clear: right of n3 (0..200) and below A and B (bottom 300).
    expect(freeZoneSpot(plan, { x: 100, y: 100 }, { width: 440, height: 300 })).toEqual({ x: 224, y: 324 });
    expect(freeZoneSpot(plan, { x: 2000, y: 0 }, { width: 440, height: 300 })).toEqual({ x: 2000, y: 0 });
  });

  it('never stacks zones added one after another, and changes no membership', () => {
    let plan = base();
    for (let i = 0; i < 4; i++) plan = addZone(plan, { x: 100, y: 100 }).plan;
    const ids = plan.zones.map((z) => z.id);
    expect(ids).toEqual(['A', 'B', 'z1', 'z2', 'z3', 'z4']);
    for (const a of ids)
      for (const b of ids) if (a < b) expect(zonesOverlap(plan, a, b), `${a} ${b}`).toBe(false);
    expect(plan.hosts).toEqual(base().hosts);
    assertInvariant(plan);
  });
});

describe('adding a host', () => {
  it('joins the zone under its anchor, clamped inside; outside, it keeps off zones', () => {
    const inA = addHost(base(), 'sql-server', { x: 300, y: 250 });
    expect(inA.host).toMatchObject({ zone: 'A', position: { x: 230, y: 218 } });
    assertInvariant(inA.plan);
    const near = addHost(base(), 'sql-server', { x: 0, y: 290 });
    expect(near.host.zone).toBeUndefined();
    expect(near.host.position).toEqual({ x: 0, y: 300 });
    assertInvariant(near.plan);
  });
});

describe('settleMembership (imports, undo)', () => {
  it('returns the same plan when the picture is already true', () => {
    for (const plan of [base(), SINGLE_SERVER, DMZ_RELAY]) expect(settleMembership(plan)).toBe(plan);
  });

  it('fixes any plan without changing membership', () => {
    const plan = planOf(
      [
        zone('A', 'DMZ', 'dmz', 0, 0),
        zone('tiny', 'Tiny', 'trusted', 1000, 0, 100, 50),
        { id: 'bare', name: 'Bare', trust: 'trusted' },
      ],
      [
        host('out', 'Out', 500, 500, 'A'),
        host('small', 'Small', 1000, 0, 'tiny'),
        host('over', 'Over', 300, 250),
        { id: 'drawn', name: 'Drawn', roles: ['dns-server'] },
        { id: 'lost', name: 'Lost', roles: ['dns-server'], zone: 'bare' },
      ],
    );
    const next = settleMembership(plan);
    expect(next.hosts.map((h) => h.zone)).toEqual(['A', 'tiny', undefined, undefined, 'bare']);
    expect(hostOf(next, 'out').position).toEqual({ x: 230, y: 218 });
    expect(zoneOf(next, 'tiny').size).toEqual({ width: 220, height: 126 });
    // Once tiny has grown to (1000..1220 × 0..126), small's card is inside it and stays put.
    expect(hostOf(next, 'small').position).toEqual({ x: 1000, y: 0 });
    // "over" (300..500 × 250..322) leaves A's box by its nearest side, the bottom.
    expect(hostOf(next, 'over').position).toEqual({ x: 300, y: 300 });
    // Hosts without a position are drawn in grid slots: "drawn" (slot 4, at 780,0) lies outside
    // every zone and keeps no position; "lost" (slot 5, at 1040,0) is clamped into "bare" (0,0).
    expect(hostOf(next, 'drawn').position).toBeUndefined();
    expect(hostOf(next, 'lost').position).toEqual({ x: 230, y: 44 });
    assertInvariant(next);
    expect(settleMembership(next)).toBe(next);
  });

  it('pushes a positionless host in no zone off a zone drawn over its grid slot', () => {
    const plan = planOf(
      [{ id: 'bare', name: 'Bare', trust: 'trusted' }],
      [{ id: 'x', name: 'X', roles: ['dns-server'] }],
    );
    const next = settleMembership(plan);
    expect(hostOf(next, 'x').position).toEqual({ x: 0, y: -72 });
    assertInvariant(next);
  });
});

describe('zones never overlap', () => {
  // A at (0,0) 440×300, B at (600,0): 160 px apart.
  const two = () => planOf([zone('A', 'DMZ', 'dmz', 0, 0), zone('B', 'LAN', 'trusted', 600, 0)], []);

  it('refuses a zone moved onto another, whole', () => {
    const plan = two();
    expect(moveItems(plan, [{ id: 'A', position: { x: 200, y: 0 } }])).toBe(plan);
    // Covering B completely is refused too, and so is landing inside it.
    expect(moveItems(plan, [{ id: 'A', position: { x: 500, y: -100 } }])).toBe(plan);
    // Next to it is fine.
    const moved = moveItems(plan, [{ id: 'A', position: { x: 100, y: 0 } }]);
    expect(moved.zones[0]!.position).toEqual({ x: 100, y: 0 });
  });

  it('refuses a zone grown over another', () => {
    const plan = two();
    expect(resizeZone(plan, 'A', { x: 0, y: 0 }, { width: 700, height: 300 })).toBe(plan);
    expect(resizeZone(plan, 'A', { x: 0, y: 0 }, { width: 590, height: 300 }).zones[0]!.size).toEqual({
      width: 590,
      height: 300,
    });
  });

  it('lets zones that already overlap (an old file) move apart', () => {
    const plan = planOf([zone('A', 'DMZ', 'dmz', 0, 0), zone('B', 'LAN', 'trusted', 300, 0)], []);
    const apart = moveItems(plan, [{ id: 'B', position: { x: 500, y: 0 } }]);
    expect(apart.zones[1]!.position).toEqual({ x: 500, y: 0 });
  });
});
