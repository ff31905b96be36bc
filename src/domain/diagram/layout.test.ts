import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../../bench/plans';
import { deriveFlows } from '../engine';
import { groupFlowsByPair } from '../engine';
import { DMZ_RELAY, EXAMPLE_PLANS, SINGLE_SERVER } from '../plan';
import type { Host, Plan, Zone } from '../plan';
import {
  applyLayout,
  layoutGraph,
  layoutMetrics,
  layoutProblems,
  type LayoutNode,
  ZONE_HEADER,
  ZONE_PADDING,
} from './layout';
import { assertInvariant, cardsOverlap, zonesOverlap } from './invariant.testing';

const elk = new ELK();

async function tidy(plan: Plan): Promise<Plan> {
  const graph = layoutGraph(plan, groupFlowsByPair(deriveFlows(plan).flows));
  return applyLayout(plan, await elk.layout<LayoutNode>(graph));
}

const clean = {
  overlappingCards: 0,
  cardsOutsideZone: 0,
  overlappingZones: 0,
  unzonedCardsInZones: 0,
  unplacedCards: 0,
};

/** The plan without any geometry: what a tidy layout may change. */
function withoutGeometry(plan: Plan) {
  return {
    ...plan,
    zones: plan.zones.map(({ position: _p, size: _s, ...z }) => z),
    hosts: plan.hosts.map(({ position: _p, ...h }) => h),
  };
}

function zone(plan: Plan, id: string): Zone {
  return plan.zones.find((z) => z.id === id)!;
}

function expectWellPlaced(plan: Plan) {
  expect(layoutMetrics(plan)).toEqual(clean);
  expect(layoutProblems(plan).hostIds).toEqual([]);
  // And by the plan tests' own arithmetic, independent of this module's checks.
  assertInvariant(plan);
  plan.hosts.forEach((a, i) =>
    plan.hosts.slice(i + 1).forEach((b) => expect(cardsOverlap(a.position!, b.position!)).toBe(false)),
  );
  plan.zones.forEach((a, i) =>
    plan.zones.slice(i + 1).forEach((b) => expect(zonesOverlap(plan, a.id, b.id)).toBe(false)),
  );
  for (const h of plan.hosts) {
    expect(Number.isInteger(h.position!.x) && Number.isInteger(h.position!.y)).toBe(true);
    const z = plan.zones.find((zz) => zz.id === h.zone);
    if (!z) continue;
    // Inside with the padding, below the header.
    expect(h.position!.x).toBeGreaterThanOrEqual(z.position!.x + ZONE_PADDING);
    expect(h.position!.y).toBeGreaterThanOrEqual(z.position!.y + ZONE_HEADER + ZONE_PADDING);
    expect(h.position!.x + 200).toBeLessThanOrEqual(z.position!.x + z.size!.width - ZONE_PADDING);
    expect(h.position!.y + 72).toBeLessThanOrEqual(z.position!.y + z.size!.height - ZONE_PADDING);
  }
  for (const z of plan.zones) {
    expect(Number.isInteger(z.position!.x) && Number.isInteger(z.size!.width)).toBe(true);
  }
}

describe('tidy layout with elkjs', () => {
  it.each(EXAMPLE_PLANS.map((e) => [e.label, e.plan] as const))(
    'lays out the example "%s" cleanly',
    async (_label, plan) => {
      const out = await tidy(plan);
      expectWellPlaced(out);
      expect(withoutGeometry(out)).toEqual(withoutGeometry(plan));
    },
  );

  it('lays out the single-server example: Internet left of the internal zone, all inside', async () => {
    const out = await tidy(SINGLE_SERVER);
    expectWellPlaced(out);
    const internet = out.hosts.find((h) => h.id === 'internet')!;
    expect(internet.position!.x + 200).toBeLessThan(zone(out, 'internal').position!.x);
    expect(withoutGeometry(out)).toEqual(withoutGeometry(SINGLE_SERVER));
  });

  it('lays out the DMZ relay example in trust order, left to right', async () => {
    const out = await tidy(DMZ_RELAY);
    expectWellPlaced(out);
    const internet = out.hosts.find((h) => h.id === 'internet')!;
    expect(internet.position!.x).toBeLessThan(zone(out, 'dmz').position!.x);
    expect(zone(out, 'dmz').position!.x + zone(out, 'dmz').size!.width).toBeLessThan(
      zone(out, 'lan').position!.x,
    );
    expect(withoutGeometry(out)).toEqual(withoutGeometry(DMZ_RELAY));
  });

  it('lays out a 40-host plan of 5 zones: clean, trust columns in order, same answer twice', async () => {
    const generated = generatePlan(40);
    // The generator puts ten hosts in each zone: split the last (untrusted) zone's into a fifth, a DMZ.
    const moved = new Set(['h35', 'h36', 'h37', 'h38', 'h39']);
    const plan: Plan = {
      ...generated,
      zones: [...generated.zones, { id: 'extra', name: 'Split', trust: 'dmz' }],
      hosts: generated.hosts.map((h) => (moved.has(h.id) ? { ...h, zone: 'extra' } : h)),
    };
    expect(plan.zones.map((z) => z.trust)).toEqual(['dmz', 'trusted', 'trusted', 'untrusted', 'dmz']);
    expect(plan.hosts.filter((h) => h.zone === 'z3').map((h) => h.id)).toEqual([
      'h30',
      'h31',
      'h32',
      'h33',
      'h34',
    ]);
    const out = await tidy(plan);
    expectWellPlaced(out);
    const x = (id: string) => zone(out, id).position!.x;
    expect(x('z3')).toBeLessThan(x('z0')); // untrusted before DMZ
    expect(x('z0')).toBeLessThan(x('z1')); // DMZ before trusted
    expect(x('z0')).toBeLessThan(x('z2'));
    expect(x('extra')).toBeLessThan(x('z1'));
    // The Internet (in no zone) is left of everything.
    const internet = out.hosts.find((h) => h.roles.includes('internet'))!;
    expect(internet.position!.x + 200).toBeLessThan(x('z3'));
    expect(withoutGeometry(out)).toEqual(withoutGeometry(plan));
    // Cards are far enough apart for a label between them.
    for (const a of out.hosts) {
      for (const b of out.hosts) {
        if (a === b) continue;
        const gapX = Math.max(b.position!.x - (a.position!.x + 200), a.position!.x - (b.position!.x + 200));
        const gapY = Math.max(b.position!.y - (a.position!.y + 72), a.position!.y - (b.position!.y + 72));
        expect(gapX >= 80 || gapY >= 40, `${a.id} and ${b.id}`).toBe(true);
      }
    }
    expect(await tidy(plan)).toEqual(out);
  });

  it('places hosts and zones that have no positions at all', async () => {
    const bare = withoutGeometry(DMZ_RELAY);
    expect(layoutProblems(bare).hostIds).toEqual(bare.hosts.map((h) => h.id));
    const out = await tidy(bare);
    expectWellPlaced(out);
    expect(zone(out, 'dmz').position!.x).toBeLessThan(zone(out, 'lan').position!.x);
  });

  it('puts hosts in no zone to the right when none is the Internet, and copes with a missing zone', async () => {
    const plan: Plan = {
      ...SINGLE_SERVER,
      hosts: [
        ...SINGLE_SERVER.hosts.filter((h) => h.id !== 'internet'),
        { id: 'loose', name: 'Loose', roles: ['admin-workstation'] },
        { id: 'ghost', name: 'Ghost', roles: ['rest-client'], zone: 'gone' },
      ],
    };
    const out = await tidy(plan);
    expect(layoutMetrics(out)).toEqual(clean);
    const internal = zone(out, 'internal');
    for (const id of ['loose', 'ghost']) {
      expect(out.hosts.find((h) => h.id === id)!.position!.x).toBeGreaterThan(
        internal.position!.x + internal.size!.width,
      );
    }
    expect(out.hosts.find((h) => h.id === 'ghost')!.zone).toBe('gone');
  });

  it('falls back to a grid for a group ELK gave no usable answer for', async () => {
    const plan = generatePlan(40);
    const graph = layoutGraph(plan, groupFlowsByPair(deriveFlows(plan).flows));
    const result: LayoutNode = await elk.layout<LayoutNode>(graph);
    // Drop one zone's answer and stack two cards of another on one spot.
    const laidOut = result.children!.filter((c) => c.children);
    expect(laidOut.map((c) => c.id)).toEqual(['z:z0', 'z:z3']);
    result.children = result.children!.filter((c) => c.id !== 'z:z0');
    const z3 = result.children.find((c) => c.id === 'z:z3')!;
    z3.children![1]!.x = z3.children![0]!.x;
    z3.children![1]!.y = z3.children![0]!.y;
    const out = applyLayout(plan, result);
    expectWellPlaced(out);
  });
});

describe('layoutGraph', () => {
  it('nests hosts in zones, keeps hosts in no zone in a group, and aggregates cross-zone flows', () => {
    const graph = layoutGraph(DMZ_RELAY, groupFlowsByPair(deriveFlows(DMZ_RELAY).flows));
    expect(graph.children!.map((c) => c.id)).toEqual(['z:dmz', 'z:lan', 'u:unzoned']);
    // No flows between the two relays: a grid of one column, so ELK gets only its size.
    const [dmz, lan] = graph.children!;
    expect([dmz!.width, dmz!.height, dmz!.children]).toEqual([248, 276, undefined]);
    expect(lan!.children!.map((c) => [c.id, c.width, c.height])).toEqual([
      ['h:am', 200, 72],
      ['h:sql', 200, 72],
      ['h:dc', 200, 72],
      ['h:exch', 200, 72],
      ['h:admin', 200, 72],
      ['h:rest', 200, 72],
    ]);
    expect(graph.children!.map((c) => c.layoutOptions!['elk.partitioning.partition'])).toEqual([
      '2',
      '3',
      '0',
    ]);
    // One edge per group pair, pointing the way the columns run.
    const between = graph.edges!.map((e) => `${e.sources[0]}>${e.targets[0]}`).sort();
    expect(between).toEqual(['u:unzoned>z:dmz', 'u:unzoned>z:lan', 'z:dmz>z:lan']);
  });
});

describe('layoutProblems', () => {
  const host = (id: string, x?: number, y?: number, zone?: string): Host => ({
    id,
    name: id,
    roles: ['admin-workstation'],
    ...(x === undefined ? {} : { position: { x, y: y! } }),
    ...(zone ? { zone } : {}),
  });
  const plan = (hosts: Host[], zones: Zone[] = []): Plan => ({ ...SINGLE_SERVER, zones, hosts });

  it('finds unplaced, stacked, overlapping and stray cards', () => {
    const z: Zone = {
      id: 'z',
      name: 'Z',
      trust: 'trusted',
      position: { x: 1000, y: 0 },
      size: { width: 300, height: 200 },
    };
    const bare: Zone = { id: 'bare', name: 'Bare', trust: 'dmz' };
    const p = plan(
      [
        host('none'),
        host('a', 0, 0),
        host('b', 0, 0),
        host('c', 199, 71), // overlaps b's corner by one pixel each way
        host('touch', 399, 0), // touches c's right border only
        host('in', 1050, 100, 'z'),
        host('out', 1150, 0, 'z'), // pokes out on the right
        host('nozone', 2000, 0, 'bare'),
        host('far', 5000, 5000),
      ],
      [z, bare],
    );
    const result = layoutProblems(p);
    expect(result.hostIds).toEqual(['none', 'a', 'b', 'c', 'out', 'nozone']);
    expect(result.reasons.get('none')).toEqual(['no-position']);
    expect(result.reasons.get('a')).toEqual(['same-position', 'overlap']);
    expect(result.reasons.get('c')).toEqual(['overlap']);
    expect(result.reasons.get('out')).toEqual(['outside-zone']);
    expect(result.reasons.get('nozone')).toEqual(['zone-without-area']);
    expect(layoutMetrics(p)).toEqual({
      overlappingCards: 3, // a–b, a–c, b–c
      cardsOutsideZone: 2,
      overlappingZones: 0,
      unzonedCardsInZones: 0,
      unplacedCards: 1,
    });
  });

  it('counts overlapping zones and cards in no zone lying on a zone', () => {
    const zones: Zone[] = [
      { id: 'p', name: 'P', trust: 'trusted', position: { x: 0, y: 0 }, size: { width: 400, height: 400 } },
      { id: 'q', name: 'Q', trust: 'dmz', position: { x: 399, y: 399 }, size: { width: 100, height: 100 } },
      { id: 'r', name: 'R', trust: 'dmz', position: { x: 500, y: 0 }, size: { width: 100, height: 100 } },
    ];
    const m = layoutMetrics(plan([host('x', 300, 300)], zones));
    expect(m.overlappingZones).toBe(1);
    expect(m.unzonedCardsInZones).toBe(1);
  });

  it('checks 1,000 crowded hosts (its speed is a benchmark figure)', () => {
    // Ten columns of cards 100 px apart: each card overlaps its neighbours left and right.
    const hosts = Array.from({ length: 1000 }, (_, i) =>
      host(`h${i}`, (i % 100) * 100, Math.floor(i / 100) * 100),
    );
    const p = plan(hosts);
    expect(layoutProblems(p).hostIds.length).toBe(1000);
    expect(layoutMetrics(p).overlappingCards).toBe(990);
  });
});
