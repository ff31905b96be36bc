import { describe, expect, it } from 'vitest';
import type { Point } from '../plan';
import { crossingCount, labelOverlaps, routeEdges, type RouteEdge } from './routes';
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

const card = (x: number, y: number): Rect => ({ x, y, width: 200, height: 72 });
const size = (label: string) => ({ width: label.length * 6 + 8, height: 16 });
const edge = (source: string, target: string, hasReverse = false, label = 'tcp/25'): RouteEdge => ({
  id: `${source}>${target}`,
  source,
  target,
  hasReverse,
  label,
});

const polylineEnters = (points: Point[], r: Rect) =>
  points.some((p, i) => i > 0 && segmentEntersRect(points[i - 1]!, p, r));

describe('routeEdges', () => {
  it('keeps an arrow straight when no card is in the way, border to border with room for the head', () => {
    const cards = new Map([
      ['a', card(0, 0)],
      ['b', card(500, 0)],
    ]);
    const { routes } = routeEdges(cards, [edge('a', 'b')], size);
    // Centres (100, 36) and (600, 36): leave a at x 200, stop 3 px before b's border at 500,
    // 3 px to the right of the way it goes (down, on screen), as every one-way arrow keeps.
    expect(routes.get('a>b')!.points).toEqual([
      { x: 200, y: 39 },
      { x: 497, y: 39 },
    ]);
    expect(routes.get('a>b')!.labelAt).toEqual({ x: 348.5, y: 39 });
  });

  it('goes round a card that sits exactly between the two ends', () => {
    const cards = new Map([
      ['a', card(0, 0)],
      ['middle', card(300, 0)],
      ['c', card(600, 0)],
    ]);
    const { routes } = routeEdges(cards, [edge('a', 'c')], size);
    const points = routes.get('a>c')!.points;
    expect(polylineEnters(points, cards.get('middle')!)).toBe(false);
    // Round the middle card's corners grown by 12 px and 1 more: (287, -13) and (513, -13), or
    // the same below it (y 85).
    const bends = points.slice(1, -1);
    expect(
      bendsNear(bends, [
        [
          { x: 287, y: -13 },
          { x: 513, y: -13 },
        ],
        [
          { x: 287, y: 85 },
          { x: 513, y: 85 },
        ],
      ]),
    ).toBe(true);
    // Starts on a's border (the 3 px lane offset, taken sideways to a slanting first segment, may
    // put it under a pixel beyond) and ends before c's.
    expect(points[0]!.x).toBeGreaterThan(100);
    expect(points[0]!.x).toBeLessThanOrEqual(201);
    expect(points.at(-1)!.x).toBeLessThan(600);
  });

  it('goes round a wall of cards side by side, never through the gaps between them', () => {
    // Cards 10 px apart: too narrow to pass with the 12 px clearance.
    const wall = [0, 1, 2, 3].map((i) => card(300 + i * 210, 200));
    const cards = new Map<string, Rect>([
      ['top', card(500, 0)],
      ['bottom', card(500, 400)],
      ...wall.map((r, i): [string, Rect] => [`w${i}`, r]),
    ]);
    const { routes } = routeEdges(cards, [edge('top', 'bottom'), edge('bottom', 'top')], size);
    for (const id of ['top>bottom', 'bottom>top']) {
      const points = routes.get(id)!.points;
      for (const r of wall) expect(polylineEnters(points, r)).toBe(false);
      expect(points.length).toBe(4);
    }
  });

  it('draws the two arrows of a two-way pair apart, each to its own right', () => {
    const cards = new Map([
      ['a', card(0, 0)],
      ['b', card(500, 0)],
    ]);
    const { routes } = routeEdges(cards, [edge('a', 'b', true), edge('b', 'a', true)], size);
    expect(routes.get('a>b')!.points).toEqual([
      { x: 200, y: 43 },
      { x: 497, y: 43 },
    ]);
    expect(routes.get('b>a')!.points).toEqual([
      { x: 500, y: 29 },
      { x: 203, y: 29 },
    ]);
  });

  it('keeps routed two-way arrows apart too', () => {
    const cards = new Map([
      ['a', card(0, 0)],
      ['middle', card(300, 0)],
      ['c', card(600, 0)],
    ]);
    const { routes } = routeEdges(cards, [edge('a', 'c', true), edge('c', 'a', true)], size);
    const there = routes.get('a>c')!.points;
    const back = [...routes.get('c>a')!.points].reverse();
    expect(there.length).toBe(back.length);
    // The bends are 7 px either side of the shared path, so at least 14 px apart.
    for (let i = 1; i < there.length - 1; i++)
      expect(Math.hypot(there[i]!.x - back[i]!.x, there[i]!.y - back[i]!.y)).toBeGreaterThanOrEqual(14);
    for (const points of [there, back]) expect(polylineEnters(points, cards.get('middle')!)).toBe(false);
  });

  it('places labels off cards and off each other, and counts those with no room', () => {
    const cards = new Map([
      ['a', card(0, 0)],
      ['b', card(500, 0)],
      ['c', card(0, 300)],
      // 20 px from a: no room for a label between them.
      ['d', card(220, 0)],
    ]);
    const edges = [
      edge('a', 'b', false, 'tcp/80, tcp/443'),
      edge('c', 'b', false, 'tcp/80, tcp/443'),
      edge('a', 'c', true, 'udp/53'),
      edge('c', 'a', true, 'udp/53'),
      edge('a', 'd', false, 'tcp/1433'),
    ];
    const { routes, unlabelled } = routeEdges(cards, edges, size);
    expect(routes.get('a>d')!.labelAt).toBeUndefined();
    expect(unlabelled).toBe(1);
    const boxes = edges.flatMap((e) => {
      const at = routes.get(e.id)!.labelAt;
      const s = size(e.label);
      return at ? [{ x: at.x - s.width / 2, y: at.y - s.height / 2, ...s }] : [];
    });
    expect(boxes.length).toBe(4);
    const apart = (p: Rect, q: Rect) =>
      p.x + p.width <= q.x || q.x + q.width <= p.x || p.y + p.height <= q.y || q.y + q.height <= p.y;
    boxes.forEach((b, i) => {
      for (const c of cards.values()) expect(apart(b, c)).toBe(true);
      boxes.slice(i + 1).forEach((o) => expect(apart(b, o)).toBe(true));
    });
  });

  it('keeps labels off the areas it is asked to keep clear, which arrows may still cross', () => {
    const cards = new Map([
      ['a', card(0, 0)],
      ['b', card(500, 0)],
    ]);
    // A zone title over the middle of the arrow from x 200 to 497.
    const title = { x: 300, y: 20, width: 100, height: 36 };
    const { routes } = routeEdges(cards, [edge('a', 'b')], size, [title]);
    const route = routes.get('a>b')!;
    expect(route.points.length).toBe(2);
    const at = route.labelAt!;
    // 'tcp/25' is 44 px wide: its box must end left of x 300 or start right of x 400.
    expect(at.x + 22 <= 300 || at.x - 22 >= 400).toBe(true);
  });

  it('draws finite arrows between cards on one spot and leaves out arrows to missing cards', () => {
    const cards = new Map([
      ['a', card(0, 0)],
      ['b', card(0, 0)],
      ['c', card(0, 0)],
    ]);
    const { routes } = routeEdges(cards, [edge('a', 'b'), edge('b', 'a'), edge('a', 'gone')], size);
    expect([...routes.keys()]).toEqual(['a>b', 'b>a']);
    for (const r of routes.values())
      for (const p of r.points) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });

  it('gives the same routes for the same input', () => {
    const cards = new Map(
      Array.from({ length: 30 }, (_, i) => [`h${i}`, card((i % 6) * 230, Math.floor(i / 6) * 120)]),
    );
    const edges = Array.from({ length: 29 }, (_, i) => edge(`h${i}`, `h${(i * 7 + 3) % 30}`));
    const first = routeEdges(cards, edges, size);
    expect(routeEdges(cards, edges, size)).toEqual(first);
    expect([...first.routes.values()].some((r) => r.points.length > 2)).toBe(true);
  });
});

describe('crossingCount and labelOverlaps', () => {
  const host = (id: string, x: number, y: number) => ({ id, name: id, roles: '', rect: card(x, y) });
  const scene = (points: Point[], labelAt?: Point): Scene => ({
    zones: [],
    hosts: [host('a', 0, 0), host('m', 300, 0), host('c', 600, 0)],
    edges: [
      {
        id: 'a>c',
        source: 'a',
        target: 'c',
        crossesFirewall: true,
        hasReverse: false,
        label: 'tcp/25',
        points,
        labelSize: { width: 40, height: 16 },
        ...(labelAt ? { labelAt } : {}),
      },
    ],
    bounds: { x: 0, y: 0, width: 800, height: 72 },
    unlabelled: 0,
  });

  it('counts an arrow through a card that is not one of its ends', () => {
    expect(
      crossingCount(
        scene([
          { x: 200, y: 36 },
          { x: 597, y: 36 },
        ]),
      ),
    ).toBe(1);
    expect(
      crossingCount(
        scene([
          { x: 200, y: 36 },
          { x: 290, y: -10 },
          { x: 510, y: -10 },
          { x: 597, y: 36 },
        ]),
      ),
    ).toBe(0);
    // Touching a card's edge is not crossing it.
    expect(
      crossingCount(
        scene([
          { x: 200, y: 0 },
          { x: 600, y: 0 },
        ]),
      ),
    ).toBe(0);
  });

  it('counts labels over cards', () => {
    expect(
      labelOverlaps(
        scene(
          [
            { x: 200, y: 36 },
            { x: 597, y: 36 },
          ],
          { x: 250, y: 36 },
        ),
      ),
    ).toBe(0);
    expect(
      labelOverlaps(
        scene(
          [
            { x: 200, y: 36 },
            { x: 597, y: 36 },
          ],
          { x: 290, y: 36 },
        ),
      ),
    ).toBe(1);
  });
});
