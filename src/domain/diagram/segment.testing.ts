import type { Point } from '../plan';
import type { Rect } from './types';

/**
 * Written for the tests, apart from the router: does segment a–b pass through the rectangle's
 * inside? The segment is sampled every half pixel; a card is 72 px high, so none is missed.
 */
export function segmentEntersRect(a: Point, b: Point, r: Rect): boolean {
  const steps = Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) * 2) + 1;
  for (let i = 0; i <= steps; i++) {
    const x = a.x + ((b.x - a.x) * i) / steps;
    const y = a.y + ((b.y - a.y) * i) / steps;
    if (x > r.x && x < r.x + r.width && y > r.y && y < r.y + r.height) return true;
  }
  return false;
}
