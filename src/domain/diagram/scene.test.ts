import { describe, expect, it } from 'vitest';
import { deriveFlows } from '../engine';
import { groupFlowsByPair, pairKey, type FlowPair } from '../engine';
import { DMZ_RELAY, SINGLE_SERVER } from '../plan';
import type { Plan } from '../plan';
import { crossingCount, labelOverlaps } from './routes';
import { buildScene, defaultLabelSize, zoneTitleRect } from './scene';
import type { Rect, Scene } from './types';
import { segmentEntersRect } from './segment.testing';

/**
 * Whether the bends lie where one of the expected sets puts them, give or take the 3 px every
 * one-way arrow keeps to its right (and the mitre of that offset at a bend).
 */
function bendsNear(
  bends: readonly { x: number; y: number }[],
  options: { x: number; y: number }[][],
): boolean {
  return options.some(
    (expected) =>
      expected.length === bends.length &&
      expected.every((e, i) => Math.hypot(e.x - bends[i]!.x, e.y - bends[i]!.y) <= 4.5),
  );
}

const pairsOf = (plan: Plan) => groupFlowsByPair(deriveFlows(plan).flows);

const apart = (p: Rect, q: Rect) =>
  p.x + p.width <= q.x || q.x + q.width <= p.x || p.y + p.height <= q.y || q.y + q.height <= p.y;

function expectClean(scene: Scene) {
  const cards = new Map(scene.hosts.map((h) => [h.id, h.rect]));
  const labels: Rect[] = [];
  for (const e of scene.edges) {
    for (const [id, rect] of cards) {
      if (id === e.source || id === e.target) continue;
      e.points.forEach((p, i) => {
        if (i > 0) expect(segmentEntersRect(e.points[i - 1]!, p, rect), `${e.id} through ${id}`).toBe(false);
      });
    }
    if (e.labelAt)
      labels.push({
        x: e.labelAt.x - e.labelSize.width / 2,
        y: e.labelAt.y - e.labelSize.height / 2,
        ...e.labelSize,
      });
  }
  labels.forEach((l, i) => {
    for (const rect of cards.values()) expect(apart(l, rect)).toBe(true);
    for (const zone of scene.zones) expect(apart(l, zoneTitleRect(zone))).toBe(true);
    for (const other of labels.slice(i + 1)) expect(apart(l, other)).toBe(true);
  });
  expect(scene.unlabelled).toBe(scene.edges.length - labels.length);
}

describe('buildScene', () => {
  it('draws the DMZ relay example with no arrow through a card and no label over another', () => {
    const pairs = pairsOf(DMZ_RELAY);
    const scene = buildScene(DMZ_RELAY, pairs);
    expect(scene.hosts.map((h) => h.name)).toEqual([
      'Internet',
      'SEG-NODE01',
      'SEG-NODE02',
      'SEG-AM01',
      'SQL01',
      'DC01',
      'EXCH01',
      'Admin workstations',
      'Automation',
    ]);
    expect(scene.hosts[0]).toEqual({
      id: 'internet',
      name: 'Internet',
      roles: 'Internet',
      address: 'any',
      rect: { x: 30, y: 190, width: 200, height: 72 },
    });
    expect(scene.hosts[3]!.roles).toBe('Array Manager \u00b7 Web components');
    expect(scene.zones[0]).toEqual({
      id: 'dmz',
      name: 'DMZ',
      trust: 'dmz',
      rect: { x: 290, y: 30, width: 280, height: 380 },
    });
    expect(scene.edges.length).toBe(pairs.length);
    expect(scene.edges.map((e) => e.id)).toEqual(pairs.map((p) => pairKey(p.source, p.target)));
    expect(crossingCount(scene)).toBe(0);
    expect(labelOverlaps(scene)).toBe(0);
    expectClean(scene);
    // Most labels find room.
    expect(scene.unlabelled).toBeLessThanOrEqual(3);
  });

  it('draws the single-server example cleanly', () => {
    const scene = buildScene(SINGLE_SERVER, pairsOf(SINGLE_SERVER));
    expect(scene.edges.length).toBeGreaterThan(0);
    expect(crossingCount(scene)).toBe(0);
    expect(labelOverlaps(scene)).toBe(0);
    expectClean(scene);
  });

  it('keeps the two arrows of a two-way pair distinct', () => {
    const scene = buildScene(DMZ_RELAY, pairsOf(DMZ_RELAY));
    const twoWay = scene.edges.filter((e) => e.hasReverse);
    expect(twoWay.length).toBeGreaterThan(0);
    for (const e of twoWay) {
      const back = scene.edges.find((o) => o.source === e.target && o.target === e.source)!;
      // Seven pixels either side of the shared line.
      const a = e.points[0]!;
      const b = back.points.at(-1)!;
      expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(13);
    }
  });

  it('routes the arrow between two hosts round the card between them', () => {
    const plan: Plan = {
      ...DMZ_RELAY,
      zones: [],
      hosts: [
        { id: 'am', name: 'SEG-AM01', roles: ['array-manager'], position: { x: 800, y: 100 } },
        { id: 'node', name: 'SEG-NODE01', roles: ['processing-node'], position: { x: 400, y: 100 } },
        { id: 'internet', name: 'Internet', roles: ['internet'], position: { x: 0, y: 100 } },
      ],
    };
    const pair: FlowPair = {
      source: 'am',
      target: 'internet',
      flows: [],
      label: 'tcp/80, tcp/443',
      crossesFirewall: true,
      hasReverse: false,
    };
    const scene = buildScene(plan, [pair]);
    const [edge] = scene.edges;
    const node = { x: 400, y: 100, width: 200, height: 72 };
    edge!.points.forEach((p, i) => {
      if (i > 0) expect(segmentEntersRect(edge!.points[i - 1]!, p, node)).toBe(false);
    });
    // Over or under the node card, 13 px clear of it: corners (613, 87) and (387, 87), or y 185.
    expect(
      bendsNear(edge!.points.slice(1, -1), [
        [
          { x: 613, y: 87 },
          { x: 387, y: 87 },
        ],
        [
          { x: 613, y: 185 },
          { x: 387, y: 185 },
        ],
      ]),
    ).toBe(true);
    expect(edge!.labelAt).toBeDefined();
    expect(crossingCount(scene)).toBe(0);
  });

  it('estimates where a zone title sits from the canvas header', () => {
    // "DMZ": 12 + 3 × 8 + 8 + 3 × 7.5 + 24 = 90.5 px wide, 36 px high.
    expect(
      zoneTitleRect({ id: 'z', name: 'DMZ', trust: 'dmz', rect: { x: 5, y: 6, width: 400, height: 300 } }),
    ).toEqual({
      x: 5,
      y: 6,
      width: 90.5,
      height: 36,
    });
    // Never wider than the zone.
    expect(
      zoneTitleRect({
        id: 'z',
        name: 'x'.repeat(80),
        trust: 'trusted',
        rect: { x: 0, y: 0, width: 200, height: 90 },
      }).width,
    ).toBe(200);
  });

  it('sizes labels for the canvas 10 px monospace font', () => {
    // 6 characters at 6.1 px and 8 px of padding; 16 px high.
    expect(defaultLabelSize('tcp/25').width).toBeCloseTo(44.6, 9);
    expect(defaultLabelSize('tcp/25').height).toBe(16);
    const scene = buildScene(DMZ_RELAY, pairsOf(DMZ_RELAY), { labelSize: () => ({ width: 10, height: 5 }) });
    expect(scene.edges.every((e) => e.labelSize.width === 10 && e.labelSize.height === 5)).toBe(true);
  });

  it('is pure: the same plan and pairs give an equal scene', () => {
    const pairs = pairsOf(DMZ_RELAY);
    expect(buildScene(DMZ_RELAY, pairs)).toEqual(buildScene(structuredClone(DMZ_RELAY), pairs));
  });

  it('keeps every number finite for positions that are not, and leaves out pairs with unknown hosts', () => {
    const plan: Plan = {
      ...DMZ_RELAY,
      zones: [{ ...DMZ_RELAY.zones[0]!, position: { x: NaN, y: Infinity } }],
      hosts: DMZ_RELAY.hosts.map((h, i) => ({ ...h, position: { x: i % 2 ? NaN : 1e308, y: 0 } })),
    };
    const pairs = pairsOf(DMZ_RELAY);
    const scene = buildScene(plan, [...pairs, { ...pairs[0]!, source: 'nobody' }]);
    expect(scene.edges.length).toBe(pairs.length);
    const numbers = JSON.stringify(scene).match(/-?\d[\d.e+-]*|null/g) ?? [];
    expect(numbers).not.toContain('null');
    expect(scene.zones[0]!.rect).toEqual({ x: 0, y: 0, width: 280, height: 380 });
    expect(scene.hosts[0]!.rect.x).toBe(1_000_000);
  });

  it('bounds everything drawn', () => {
    const scene = buildScene(SINGLE_SERVER, pairsOf(SINGLE_SERVER));
    // The Internet card at x 40 and the zone reaching x 920, y 420, are the outermost shapes.
    expect(scene.bounds.x).toBe(40);
    expect(scene.bounds.y).toBe(0);
    expect(scene.bounds.x + scene.bounds.width).toBeGreaterThanOrEqual(920);
    expect(scene.bounds.y + scene.bounds.height).toBe(420);
    expect(buildScene({ ...SINGLE_SERVER, zones: [], hosts: [] }, []).bounds).toEqual({
      x: 0,
      y: 0,
      width: 0,
      height: 0,
    });
  });
});
