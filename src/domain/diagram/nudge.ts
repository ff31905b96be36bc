import type { Point } from '../plan';

/** How far apart arrows sharing a bend are drawn, and how many such offsets before they repeat. */
const STEP = 4;
const OFFSETS = 7;

const keyOf = (p: Point) => `${Math.round(p.x * 100)},${Math.round(p.y * 100)}`;

export interface BendSpace {
  /** Unit-ish direction pointing away from the card a bend goes round (signs of x and y). */
  outward: (bend: Point) => Point | undefined;
  /** Whether the segment a→b of path `path` runs clear of every card but the path's own two. */
  clear: (a: Point, b: Point, path: number) => boolean;
}

/**
 * Arrows routed round the same card corner would run on one line, so a click there could not
 * tell them apart and the eye could not follow them. Each further arrow through a shared bend has
 * it moved a few pixels further out from the card, and keeps the move only when its line still
 * runs clear of every card. `paths` run between card centres and are changed in place.
 */
export function spreadSharedBends(paths: readonly Point[][], space: BendSpace): void {
  const users = new Map<string, { bend: Point; at: [path: number, index: number][] }>();
  paths.forEach((path, i) => {
    for (let j = 1; j < path.length - 1; j++) {
      const bend = path[j]!;
      const key = keyOf(bend);
      const entry = users.get(key);
      if (entry) entry.at.push([i, j]);
      else users.set(key, { bend, at: [[i, j]] });
    }
  });
  for (const { bend, at } of users.values()) {
    if (at.length < 2) continue;
    const out = space.outward(bend);
    if (!out) continue;
    at.forEach(([i, j], k) => {
      const offset = (k % OFFSETS) * STEP;
      if (offset === 0) return;
      const path = paths[i]!;
      const moved = { x: bend.x + out.x * offset, y: bend.y + out.y * offset };
      if (space.clear(path[j - 1]!, moved, i) && space.clear(moved, path[j + 1]!, i)) path[j] = moved;
    });
  }
}
