import type { Point } from '../plan';
import { HOST_SIZE } from './membership';

/** How far apart the two arrows of a two-way host pair are drawn: each this far to its right. */
export const PAIR_GAP = 7;
/**
 * Every one-way arrow keeps this far to its own right, as traffic keeps to a lane. Without it,
 * two arrows crossing between two columns of cards (node 1 to mail server 2, node 2 to mail
 * server 1) cross exactly at both their midpoints, where neither could be told apart or clicked.
 */
export const LANE = 3;
/** Room left before the target card for the arrowhead. */
export const ARROW_ROOM = 3;

export interface EdgeSegment {
  start: Point;
  end: Point;
  /** Unit vector from start to end. */
  direction: Point;
  /** Where the services label goes. */
  label: Point;
}

/**
 * The straight line drawn for the flows from one host card to another, given the cards'
 * centres: from border to border, shifted sideways when flows also run the other way, with the
 * label nearer its own source in that case so the two labels do not cover each other. The
 * canvas and the PDF diagram both draw with it.
 */
export function edgeSegment(source: Point, target: Point, hasReverse: boolean): EdgeSegment {
  const halfW = HOST_SIZE.width / 2;
  const halfH = HOST_SIZE.height / 2 + 1;
  const len = Math.hypot(target.x - source.x, target.y - source.y);
  // Cards on the same spot (hand-written files put many at 0,0) have no direction between them:
  // draw the arrow to the right rather than divide by zero.
  const dx = len > 0 ? (target.x - source.x) / len : 1;
  const dy = len > 0 ? (target.y - source.y) / len : 0;
  const reach = Math.min(
    dx === 0 ? Infinity : halfW / Math.abs(dx),
    dy === 0 ? Infinity : halfH / Math.abs(dy),
  );
  const shift = hasReverse ? PAIR_GAP : LANE;
  const start = { x: source.x + dx * reach - dy * shift, y: source.y + dy * reach + dx * shift };
  const end = {
    x: target.x - dx * (reach + ARROW_ROOM) - dy * shift,
    y: target.y - dy * (reach + ARROW_ROOM) + dx * shift,
  };
  const at = hasReverse ? 0.38 : 0.5;
  return {
    start,
    end,
    direction: { x: dx, y: dy },
    label: { x: start.x + (end.x - start.x) * at, y: start.y + (end.y - start.y) * at },
  };
}

/** The centre of a host card placed at `position`. */
export function hostCentre(position: Point): Point {
  return { x: position.x + HOST_SIZE.width / 2, y: position.y + HOST_SIZE.height / 2 };
}
