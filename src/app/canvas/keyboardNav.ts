/**
 * The canvas is one stop of the Tab key (roving focus): the cards and arrows inside it are not tab
 * stops of their own, so Tab goes from the canvas to the panels in a few presses however large the
 * plan. Inside, the arrow keys go from card to card and arrow to arrow by where they are drawn
 * (the nearest one that way); a selected card is moved by them instead, as React Flow does.
 * Loaded when the keyboard first comes to the canvas (see Canvas.tsx).
 */

import { CANVAS_ITEMS as ITEMS } from './graph';

/** Where an item stands for the keyboard: a card's middle, a zone's title, an arrow's midpoint. */
function pointOf(el: Element): { x: number; y: number } {
  if (el instanceof SVGGElement) {
    const path = el.querySelector('path');
    const m = path?.getScreenCTM();
    if (path && m) {
      const p = path.getPointAtLength(path.getTotalLength() / 2);
      return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
    }
  }
  const r = el.getBoundingClientRect();
  // A zone holds its cards: its middle would sit among them, its title does not.
  if (el.classList.contains('react-flow__node-zone'))
    return { x: r.left + Math.min(r.width / 2, 80), y: r.top + 12 };
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

export type Direction = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';
const VECTORS: Record<Direction, { x: number; y: number }> = {
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
};

/**
 * The item to go to from `from` in a direction: of those ahead (more than a pixel that way), the
 * one nearest, where a step sideways counts twice a step ahead (so "right" keeps to the row).
 */
export function nextItem(root: Element, from: Element, direction: Direction): Element | undefined {
  const v = VECTORS[direction];
  const origin = pointOf(from);
  let best: Element | undefined;
  let bestScore = Infinity;
  for (const el of root.querySelectorAll(ITEMS)) {
    if (el === from) continue;
    const p = pointOf(el);
    const ahead = (p.x - origin.x) * v.x + (p.y - origin.y) * v.y;
    if (ahead <= 1) continue;
    const aside = Math.abs((p.x - origin.x) * v.y - (p.y - origin.y) * v.x);
    const score = ahead + 2 * aside;
    if (score < bestScore) {
      bestScore = score;
      best = el;
    }
  }
  return best;
}

/**
 * The item the canvas hands the keyboard to when Tab reaches it: the one last focused, else what is
 * selected, else the card nearest the top left of the view.
 */
export function entryItem(root: Element, lastId: string | undefined): HTMLElement | SVGGElement | undefined {
  const items = [...root.querySelectorAll<HTMLElement | SVGGElement>(ITEMS)];
  const last = lastId && items.find((el) => el.getAttribute('data-id') === lastId);
  if (last) return last;
  const selected = items.find((el) => el.classList.contains('selected'));
  if (selected) return selected;
  const view = root.getBoundingClientRect();
  let best: HTMLElement | SVGGElement | undefined;
  let bestScore = Infinity;
  for (const el of items) {
    if (el instanceof SVGGElement) continue;
    const r = el.getBoundingClientRect();
    if (r.right < view.left || r.bottom < view.top || r.left > view.right || r.top > view.bottom) continue;
    const score = Math.max(r.top, view.top) - view.top + (Math.max(r.left, view.left) - view.left) / 4;
    if (score < bestScore) {
      bestScore = score;
      best = el;
    }
  }
  return best;
}
