import { expect } from 'vitest';
import type { Plan } from '../plan';

/**
 * Test support: the membership invariant, written out on its own (not with the code it checks).
 * A zoned host's card (200×72 at its position) lies fully inside its zone's box; a host in no
 * zone has a card that overlaps no zone's box (touching a border is not overlapping).
 */
export function invariantProblems(plan: Plan): string[] {
  const problems: string[] = [];
  const boxes = new Map(
    plan.zones.map((z) => [
      z.id,
      {
        left: z.position?.x ?? 0,
        top: z.position?.y ?? 0,
        right: (z.position?.x ?? 0) + (z.size?.width ?? 440),
        bottom: (z.position?.y ?? 0) + (z.size?.height ?? 300),
      },
    ]),
  );
  plan.hosts.forEach((h, i) => {
    // A host without a position is drawn in a grid slot: 260 px apart, five to a row, rows 140 px.
    const at = h.position ?? { x: (i % 5) * 260, y: Math.floor(i / 5) * 140 };
    const card = { left: at.x, top: at.y, right: at.x + 200, bottom: at.y + 72 };
    if (h.zone) {
      const box = boxes.get(h.zone);
      if (!box) problems.push(`${h.id} is in unknown zone ${h.zone}`);
      else if (
        card.left < box.left ||
        card.top < box.top ||
        card.right > box.right ||
        card.bottom > box.bottom
      )
        problems.push(`${h.id} sticks out of its zone ${h.zone}`);
    } else {
      for (const [id, box] of boxes) {
        if (card.left < box.right && box.left < card.right && card.top < box.bottom && box.top < card.bottom)
          problems.push(`${h.id} is in no zone but overlaps zone ${id}`);
      }
    }
  });
  return problems;
}

export function assertInvariant(plan: Plan): void {
  expect(invariantProblems(plan)).toEqual([]);
}

/** True when two cards at these positions overlap. */
export function cardsOverlap(a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  return a.x < b.x + 200 && b.x < a.x + 200 && a.y < b.y + 72 && b.y < a.y + 72;
}

/** True when two zones' boxes overlap. */
export function zonesOverlap(plan: Plan, a: string, b: string): boolean {
  const box = (id: string) => {
    const z = plan.zones.find((x) => x.id === id)!;
    return { x: z.position!.x, y: z.position!.y, w: z.size!.width, h: z.size!.height };
  };
  const p = box(a);
  const q = box(b);
  return p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
}
