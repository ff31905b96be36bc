import type { Point } from '../plan';

/** An arrow as drawn: its line, and where its label sits if it has one. */
export interface PickableArrow {
  id: string;
  points: readonly Point[];
  label?: Point;
}

/** The point halfway along a polyline. */
export function midpointOf(points: readonly Point[]): Point {
  let total = 0;
  for (let i = 1; i < points.length; i++)
    total += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  let left = total / 2;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (left <= len && len > 0)
      return { x: a.x + ((b.x - a.x) * left) / len, y: a.y + ((b.y - a.y) * left) / len };
    left -= len;
  }
  return points[0] ?? { x: 0, y: 0 };
}

/** Distance from a point to a polyline. */
export function distanceToLine(p: Point, points: readonly Point[]): number {
  let best = Infinity;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
    best = Math.min(best, Math.hypot(a.x + t * dx - p.x, a.y + t * dy - p.y));
  }
  return best;
}

/**
 * The arrow a click at `p` means. Where arrows cross or run close, the one drawn last would take
 * every click in the overlap; instead the arrow whose line is nearest wins, and among lines too
 * close to tell apart at the current zoom (within `slack` of the nearest, in canvas units) the
 * one whose middle or label is nearest, as that is where people aim at an arrow.
 */
export function pickArrow(p: Point, arrows: readonly PickableArrow[], slack: number): string | undefined {
  const near = arrows.map((a) => ({ a, d: distanceToLine(p, a.points) }));
  let closest = Infinity;
  for (const n of near) closest = Math.min(closest, n.d);
  let best: string | undefined;
  let bestD = Infinity;
  for (const { a, d } of near) {
    if (d > closest + slack) continue;
    const m = midpointOf(a.points);
    const aim = Math.min(
      Math.hypot(m.x - p.x, m.y - p.y),
      a.label ? Math.hypot(a.label.x - p.x, a.label.y - p.y) : Infinity,
    );
    if (aim < bestD) {
      bestD = aim;
      best = a.id;
    }
  }
  return best;
}
