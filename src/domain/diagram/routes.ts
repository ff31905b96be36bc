import { ARROW_ROOM, LANE, PAIR_GAP } from './geometry';
import type { Point, Size } from '../plan';
import { spreadSharedBends } from './nudge';
import type { Rect, Scene } from './types';

/**
 * Routes the diagram's arrows around host cards and places their labels.
 *
 * An arrow whose straight line clears every other card stays straight. Otherwise it follows the
 * shortest path over the corners of the cards (each grown by MARGIN), found by A* where a point's
 * neighbours are the target when it is in sight, else the corners of whatever card is in the way
 * (and, recursively, of what blocks the way to those corners). Only the cards that matter are
 * ever looked at, and a uniform grid answers "which cards does this segment touch".
 */

export interface RouteEdge {
  id: string;
  source: string;
  target: string;
  hasReverse: boolean;
  label: string;
}

export interface Route {
  /** From the source card's border to just before the target card's border. */
  points: Point[];
  /** Centre of the label, or undefined when it had no free room. */
  labelAt?: Point;
}

export interface Routing {
  routes: Map<string, Route>;
  /** Routes whose label found no free room. */
  unlabelled: number;
}

/**
 * Clearance kept between a routed line and the cards it goes around: enough that the arrow of a
 * two-way pair, drawn PAIR_GAP to its side, still stays clear of the card it passes, by more than
 * a click's rounding at the zoom a person points with.
 */
const MARGIN = 12;
/** Corners sit this much further out, so a line from corner to corner runs outside every grown card. */
const CLEAR = 1;
/** Space kept around a label. */
const LABEL_GAP = 2;
const CELL = 256;
/** Corners tried as ways round from one point before giving up on its other neighbours. */
const GOAL_CAP = 40;
/** A* steps for one arrow; a route needing more is drawn straight. */
const EXPANSION_CAP = 300;
/**
 * Work for the whole diagram: one unit per segment looked up, four more when it had to be
 * tested. Past it, the remaining arrows are drawn straight, so a huge or pathological plan costs
 * a bounded time (under twice that of the 300-host benchmark plan, which needs some 275,000)
 * instead of freezing the page. A count, not a clock, so the same plan always gives the same picture.
 */
const WORK_BUDGET = 450_000;

/**
 * Weight on the distance still to go (weighted A*): a route may come out up to this much longer
 * than the best the search could find, and is found with about half the work.
 */
const GREED = 1.2;

/** Fractions from `first` outwards in steps of 0.04, alternating sides, within 0.06–0.94. */
function outwards(first: number): number[] {
  const at = [first];
  for (let step = 0.04; step < 0.9; step += 0.04)
    for (const f of [first - step, first + step])
      if (f >= 0.06 && f <= 0.94) at.push(Math.round(f * 100) / 100);
  return at;
}

/** Label positions tried, as fractions of the route's length: the middle first, then outwards. */
const AT_ONE_WAY = outwards(0.5);
/** A two-way pair starts nearer its own source, so the two labels do not land on one spot. */
const AT_TWO_WAY = outwards(0.38);

/** Rectangles in a uniform grid of CELL-sized buckets. */
class Grid {
  private readonly cells = new Map<number, number[]>();
  /** Rectangles too large for buckets; every query checks them. */
  private readonly large: number[] = [];
  private readonly x0: number[] = [];
  private readonly y0: number[] = [];
  private readonly x1: number[] = [];
  private readonly y1: number[] = [];
  private stamp: number[] = [];
  private tick = 0;

  get size(): number {
    return this.x0.length;
  }

  add(x0: number, y0: number, x1: number, y1: number): number {
    const id = this.x0.length;
    this.x0.push(x0);
    this.y0.push(y0);
    this.x1.push(x1);
    this.y1.push(y1);
    this.stamp.push(0);
    const [cx0, cy0, cx1, cy1] = [cell(x0), cell(y0), cell(x1), cell(y1)];
    if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > 16) this.large.push(id);
    else
      for (let cx = cx0; cx <= cx1; cx++)
        for (let cy = cy0; cy <= cy1; cy++) {
          const k = key(cx, cy);
          const list = this.cells.get(k);
          if (list) list.push(id);
          else this.cells.set(k, [id]);
        }
    return id;
  }

  rect(id: number): [number, number, number, number] {
    return [this.x0[id]!, this.y0[id]!, this.x1[id]!, this.y1[id]!];
  }

  /** Calls `visit` once for each rectangle whose bucket the box touches (a superset of the hits). */
  near(x0: number, y0: number, x1: number, y1: number, visit: (id: number) => void): void {
    const tick = this.nextTick();
    const [cx0, cy0, cx1, cy1] = [cell(x0), cell(y0), cell(x1), cell(y1)];
    if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > this.size) {
      for (let id = 0; id < this.size; id++) visit(id);
      return;
    }
    for (let cx = cx0; cx <= cx1; cx++)
      for (let cy = cy0; cy <= cy1; cy++) this.visitCell(cx, cy, tick, visit);
    for (const id of this.large) visit(id);
  }

  /** Rectangles whose interior the open segment p→q passes through, as [id, tEnter, tExit] triples. */
  crossed(px: number, py: number, qx: number, qy: number, out: number[]): void {
    out.length = 0;
    const test = (id: number) => {
      const t = clip(px, py, qx, qy, this.x0[id]!, this.y0[id]!, this.x1[id]!, this.y1[id]!);
      if (t !== undefined) out.push(id, t, clipExit);
    };
    const dx = qx - px;
    const dy = qy - py;
    const steps = Math.abs(dx) / CELL + Math.abs(dy) / CELL + 2;
    // A segment longer than the list of rectangles is cheaper to test against all of them.
    if (!(steps <= this.size)) {
      for (let id = 0; id < this.size; id++) test(id);
      return;
    }
    const tick = this.nextTick();
    for (const id of this.large) test(id);
    // Walk the cells the segment passes through (Amanatides & Woo).
    let cx = cell(px);
    let cy = cell(py);
    const ex = cell(qx);
    const ey = cell(qy);
    const sx = dx > 0 ? 1 : -1;
    const sy = dy > 0 ? 1 : -1;
    const tdx = dx === 0 ? Infinity : CELL / Math.abs(dx);
    const tdy = dy === 0 ? Infinity : CELL / Math.abs(dy);
    let tx = dx === 0 ? Infinity : ((dx > 0 ? (cx + 1) * CELL : cx * CELL) - px) / dx;
    let ty = dy === 0 ? Infinity : ((dy > 0 ? (cy + 1) * CELL : cy * CELL) - py) / dy;
    for (let n = 0; n < steps + 2; n++) {
      this.visitCell(cx, cy, tick, test);
      if (cx === ex && cy === ey) break;
      if (tx < ty) {
        cx += sx;
        tx += tdx;
      } else {
        cy += sy;
        ty += tdy;
      }
    }
  }

  /** Whether a point lies strictly inside rectangle `id`. */
  inside(id: number, x: number, y: number): boolean {
    return x > this.x0[id]! && x < this.x1[id]! && y > this.y0[id]! && y < this.y1[id]!;
  }

  /** Whether the box overlaps some rectangle (by more than a touch). */
  overlapsAny(x0: number, y0: number, x1: number, y1: number): boolean {
    let hit = false;
    this.near(x0, y0, x1, y1, (id) => {
      if (!hit && x0 < this.x1[id]! && x1 > this.x0[id]! && y0 < this.y1[id]! && y1 > this.y0[id]!)
        hit = true;
    });
    return hit;
  }

  private visitCell(cx: number, cy: number, tick: number, visit: (id: number) => void) {
    const list = this.cells.get(key(cx, cy));
    if (!list) return;
    for (const id of list) {
      if (this.stamp[id] === tick) continue;
      this.stamp[id] = tick;
      visit(id);
    }
  }

  private nextTick(): number {
    return ++this.tick;
  }
}

const cell = (v: number) => Math.floor(v / CELL);
// Distinct for cells within ±2^25 of the origin; beyond, keys may collide, which only adds
// candidates that the exact tests then reject.
const key = (cx: number, cy: number) => cx * 67_108_864 + cy;

/**
 * Where the open segment p→q enters the rectangle's interior, as a fraction of its length, or
 * undefined when it only touches or misses it (Liang–Barsky).
 */
function clip(
  px: number,
  py: number,
  qx: number,
  qy: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): number | undefined {
  let t0 = 0;
  let t1 = 1;
  const dx = qx - px;
  const dy = qy - py;
  if (dx === 0) {
    if (px <= x0 || px >= x1) return undefined;
  } else {
    let a = (x0 - px) / dx;
    let b = (x1 - px) / dx;
    if (a > b) [a, b] = [b, a];
    t0 = Math.max(t0, a);
    t1 = Math.min(t1, b);
  }
  if (dy === 0) {
    if (py <= y0 || py >= y1) return undefined;
  } else {
    let a = (y0 - py) / dy;
    let b = (y1 - py) / dy;
    if (a > b) [a, b] = [b, a];
    t0 = Math.max(t0, a);
    t1 = Math.min(t1, b);
  }
  clipExit = t1;
  return t1 - t0 > 1e-9 ? t0 : undefined;
}
/** Where the last hit found by clip leaves the rectangle. */
let clipExit = 0;

/** A binary min-heap of node ids by priority; ties go to the smaller id, so routes are reproducible. */
class Heap {
  private readonly ids: number[] = [];
  private readonly keys: number[] = [];

  get length(): number {
    return this.ids.length;
  }

  push(id: number, priority: number): void {
    const { ids, keys } = this;
    let i = ids.length;
    ids.push(id);
    keys.push(priority);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): number {
    const { ids, keys } = this;
    const top = ids[0]!;
    const lastId = ids.pop()!;
    const lastKey = keys.pop()!;
    if (ids.length > 0) {
      ids[0] = lastId;
      keys[0] = lastKey;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < ids.length && this.less(l, m)) m = l;
        if (r < ids.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const { ids, keys } = this;
    return keys[a]! < keys[b]! || (keys[a] === keys[b] && ids[a]! < ids[b]!);
  }

  private swap(a: number, b: number): void {
    const { ids, keys } = this;
    [ids[a], ids[b]] = [ids[b]!, ids[a]!];
    [keys[a], keys[b]] = [keys[b]!, keys[a]!];
  }
}

/** Routes between card centres around the grown cards. */
class Router {
  readonly obstacles = new Grid();
  /**
   * The points routes run through, x then y: four corners per card (NaN where a corner lies
   * inside another card), then each card's centre.
   */
  private readonly points: number[] = [];
  /** Cards crossed by the segment between two points, as [id, tEnter, tExit] from the lower id. */
  private readonly crossings = new Map<number, number[]>();
  private readonly count: number;
  private readonly g: Float64Array;
  private readonly parent: Int32Array;
  private readonly reached: Uint32Array;
  private readonly closed: Uint32Array;
  private readonly seen: Uint32Array;
  private generation = 0;
  private seenMark = 0;
  work = 0;

  constructor(cards: readonly Rect[]) {
    this.count = 5 * cards.length;
    this.g = new Float64Array(this.count);
    this.parent = new Int32Array(this.count);
    this.reached = new Uint32Array(this.count);
    this.closed = new Uint32Array(this.count);
    this.seen = new Uint32Array(this.count);
    for (const c of cards)
      this.obstacles.add(c.x - MARGIN, c.y - MARGIN, c.x + c.width + MARGIN, c.y + c.height + MARGIN);
    for (let id = 0; id < cards.length; id++) {
      const [x0, y0, x1, y1] = this.obstacles.rect(id);
      for (const [x, y] of [
        [x0 - CLEAR, y0 - CLEAR],
        [x1 + CLEAR, y0 - CLEAR],
        [x1 + CLEAR, y1 + CLEAR],
        [x0 - CLEAR, y1 + CLEAR],
      ] as const) {
        let buried = false;
        this.obstacles.near(x, y, x, y, (other) => {
          if (!buried && this.obstacles.inside(other, x, y)) buried = true;
        });
        this.points.push(buried ? NaN : x, buried ? NaN : y);
      }
    }
    for (const c of cards) this.points.push(c.x + c.width / 2, c.y + c.height / 2);
  }

  get exhausted(): boolean {
    return this.work >= WORK_BUDGET;
  }

  private x(p: number): number {
    return this.points[2 * p]!;
  }

  private y(p: number): number {
    return this.points[2 * p + 1]!;
  }

  /** The first card, not excused, that the segment between points p and q runs into; -1 if none. */
  private blocker(p: number, q: number, excused: readonly number[]): number {
    const [lo, hi] = p < q ? [p, q] : [q, p];
    const key = lo * this.count + hi;
    this.work++;
    let hits = this.crossings.get(key);
    if (!hits) {
      this.work += 4;
      hits = [];
      this.obstacles.crossed(this.x(lo), this.y(lo), this.x(hi), this.y(hi), hits);
      this.crossings.set(key, hits);
    }
    let best = -1;
    let bestT = Infinity;
    for (let i = 0; i < hits.length; i += 3) {
      const id = hits[i]!;
      if (excused.includes(id)) continue;
      const t = p === lo ? hits[i + 1]! : 1 - hits[i + 2]!;
      if (t < bestT || (t === bestT && id < best)) {
        best = id;
        bestT = t;
      }
    }
    return best;
  }

  /**
   * Straightens a found path: from each point, straight on to the furthest later point in sight.
   * The search only meets corners of cards in the way, so it can take a detour a direct line
   * would skip; corners in a row (cards side by side) become one straight run.
   */
  private pull(ids: number[], excused: readonly number[]): Point[] {
    const path: Point[] = [{ x: this.x(ids[0]!), y: this.y(ids[0]!) }];
    for (let i = 0; i < ids.length - 1;) {
      let j = ids.length - 1;
      while (j > i + 1 && this.blocker(ids[i]!, ids[j]!, excused) >= 0) j--;
      path.push({ x: this.x(ids[j]!), y: this.y(ids[j]!) });
      i = j;
    }
    return path;
  }

  /**
   * The polyline from the centre of card `a` to the centre of card `b`: two points when nothing
   * is in the way, with the corners it bends round otherwise, or undefined when no way was found.
   */
  route(a: number, b: number): Point[] | undefined {
    const start = this.count - this.count / 5 + a;
    const end = start - a + b;
    // A card overlapping an end's centre cannot be gone round: it does not count for this arrow.
    const excused = [a, b];
    for (const p of [start, end]) {
      const [x, y] = [this.x(p), this.y(p)];
      this.obstacles.near(x, y, x, y, (id) => {
        if (this.obstacles.inside(id, x, y) && !excused.includes(id)) excused.push(id);
      });
    }
    const point = (p: number): Point => ({ x: this.x(p), y: this.y(p) });
    if (this.blocker(start, end, excused) < 0) return [point(start), point(end)];
    if (this.exhausted) return undefined;

    const dist = (p: number, q: number) => Math.hypot(this.x(p) - this.x(q), this.y(p) - this.y(q));
    // Per-route state lives in arrays reused across routes, told apart by a generation number.
    const { g, parent, reached, closed, seen } = this;
    const gen = ++this.generation;
    g[start] = 0;
    reached[start] = gen;
    parent[start] = -1;
    const open = new Heap();
    open.push(start, dist(start, end));
    let expansions = 0;
    const goals: number[] = [];
    while (open.length > 0) {
      const u = open.pop();
      if (u === end) {
        const ids: number[] = [];
        for (let n = end; n !== -1; n = parent[n]!) ids.push(n);
        return this.pull(ids.reverse(), excused);
      }
      if (closed[u] === gen) continue;
      closed[u] = gen;
      if (++expansions > EXPANSION_CAP || this.exhausted) return undefined;
      const gu = g[u]!;
      // Neighbours: the end if in sight; else the corners of what blocks it, and so on.
      const mark = ++this.seenMark;
      goals.length = 0;
      goals.push(end);
      seen[end] = mark;
      for (let i = 0; i < goals.length && goals.length <= GOAL_CAP; i++) {
        const goal = goals[i]!;
        if (closed[goal] === gen) continue;
        const hit = this.blocker(u, goal, excused);
        if (hit < 0) {
          const cost = gu + dist(u, goal);
          if (reached[goal] !== gen || cost < g[goal]!) {
            g[goal] = cost;
            reached[goal] = gen;
            parent[goal] = u;
            open.push(goal, cost + GREED * dist(goal, end));
          }
          continue;
        }
        for (let k = 4 * hit; k < 4 * hit + 4; k++) {
          if (k === u || seen[k] === mark || Number.isNaN(this.x(k))) continue;
          seen[k] = mark;
          goals.push(k);
        }
      }
    }
    return undefined;
  }
}

/** How far from a card's centre its border is, going in unit direction (dx, dy). */
function reach(card: Rect, dx: number, dy: number): number {
  return Math.min(
    dx === 0 ? Infinity : card.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : (card.height / 2 + 1) / Math.abs(dy),
  );
}

function unit(from: Point, to: Point): Point {
  const len = Math.hypot(to.x - from.x, to.y - from.y);
  // Cards on one spot have no direction between them: draw to the right rather than divide by zero.
  return len > 0 ? { x: (to.x - from.x) / len, y: (to.y - from.y) / len } : { x: 1, y: 0 };
}

/**
 * Trims a centre-to-centre polyline to the cards' borders (leaving room for the arrowhead) and
 * moves it `shift` to the right of its direction of travel, so a two-way pair draws two lines.
 */
function finish(path: Point[], source: Rect, target: Rect, shift: number): Point[] {
  const n = path.length;
  const first = unit(path[0]!, path[1]!);
  const last = unit(path[n - 2]!, path[n - 1]!);
  const from = reach(source, first.x, first.y);
  const to = reach(target, last.x, last.y) + ARROW_ROOM;
  const points = path.map((p) => ({ ...p }));
  points[0] = { x: path[0]!.x + first.x * from, y: path[0]!.y + first.y * from };
  points[n - 1] = { x: path[n - 1]!.x - last.x * to, y: path[n - 1]!.y - last.y * to };
  if (shift === 0) return points;
  const normals = points.slice(1).map((p, i) => {
    const d = unit(path[i]!, path[i + 1]!);
    return { x: -d.y, y: d.x };
  });
  return points.map((p, i) => {
    const a = normals[Math.max(0, i - 1)]!;
    const b = normals[Math.min(normals.length - 1, i)]!;
    // At a bend, the mitre keeps both neighbouring segments `shift` away; capped for sharp turns.
    const mx = a.x + b.x;
    const my = a.y + b.y;
    const len = Math.hypot(mx, my);
    if (len < 1e-9) return { x: p.x + a.x * shift, y: p.y + a.y * shift };
    const scale = Math.min(2, 1 / ((mx / len) * a.x + (my / len) * a.y));
    return { x: p.x + (mx / len) * shift * scale, y: p.y + (my / len) * shift * scale };
  });
}

/** The point `at` (0–1) of the way along the polyline, and the unit normal of its segment there. */
function along(points: readonly Point[], at: number): { point: Point; normal: Point } {
  let total = 0;
  for (let i = 1; i < points.length; i++)
    total += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  let left = total * at;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (left <= len && len > 0)
      return {
        point: { x: a.x + ((b.x - a.x) * left) / len, y: a.y + ((b.y - a.y) * left) / len },
        normal: { x: -(b.y - a.y) / len, y: (b.x - a.x) / len },
      };
    left -= len;
  }
  return { point: { ...points[points.length - 1]! }, normal: { x: 0, y: 1 } };
}

/**
 * Routes every arrow between the cards (`cards` by host id, top-left rectangles) and places each
 * label on its own route where it covers no card, no label placed before it and none of the
 * `keepClear` areas (such as zone titles, which arrows may cross). Arrows whose cards are missing
 * are left out.
 */
export function routeEdges(
  cards: ReadonlyMap<string, Rect>,
  edges: readonly RouteEdge[],
  labelSize: (label: string) => Size,
  keepClear: readonly Rect[] = [],
): Routing {
  const ids = [...cards.keys()];
  const index = new Map(ids.map((id, i) => [id, i]));
  const rects = ids.map((id) => cards.get(id)!);
  const router = new Router(rects);
  const centre = (r: Rect): Point => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
  // One path per unordered pair: the way back is the same path reversed, shifted to its own side.
  const paths = new Map<number, Point[]>();
  const routes = new Map<string, Route>();
  const n = rects.length;
  const wanted: { edge: RouteEdge; a: number; b: number; path: Point[] }[] = [];
  for (const edge of edges) {
    const a = index.get(edge.source);
    const b = index.get(edge.target);
    if (a === undefined || b === undefined) continue;
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    const pairId = lo * n + hi;
    let path = paths.get(pairId);
    if (!path) {
      path = (lo === hi ? undefined : router.route(lo, hi)) ?? [centre(rects[lo]!), centre(rects[hi]!)];
      paths.set(pairId, path);
    }
    wanted.push({ edge, a, b, path });
  }
  // Arrows bending round one corner are drawn apart, so each can be seen and clicked.
  // They keep the routes' clearance: the cards as grown for routing.
  const pairIds = [...paths.keys()];
  const hits: number[] = [];
  spreadSharedBends(
    pairIds.map((id) => paths.get(id)!),
    {
      outward: (bend) => {
        let out: Point | undefined;
        router.obstacles.near(bend.x - 2, bend.y - 2, bend.x + 2, bend.y + 2, (id) => {
          const [x0, y0, x1, y1] = router.obstacles.rect(id);
          if (out || (bend.x > x0 - 2 && bend.x < x1 + 2 && bend.y > y0 - 2 && bend.y < y1 + 2)) {
            out ??= { x: Math.sign(bend.x - (x0 + x1) / 2), y: Math.sign(bend.y - (y0 + y1) / 2) };
          }
        });
        return out;
      },
      clear: (a, b, path) => {
        const id = pairIds[path]!;
        router.obstacles.crossed(a.x, a.y, b.x, b.y, hits);
        for (let i = 0; i < hits.length; i += 3) {
          const card = hits[i]!;
          if (card !== Math.floor(id / n) && card !== id % n) return false;
        }
        return true;
      },
    },
  );
  for (const { edge, a, b, path } of wanted) {
    const directed = a <= b ? path : [...path].reverse();
    const points = finish(directed, rects[a]!, rects[b]!, edge.hasReverse ? PAIR_GAP : LANE);
    routes.set(edge.id, { points });
  }

  // Labels go where they cover neither a card nor a label placed before them.
  const cardBoxes = new Grid();
  for (const r of [...rects, ...keepClear]) cardBoxes.add(r.x, r.y, r.x + r.width, r.y + r.height);
  const labelBoxes = new Grid();
  let unlabelled = 0;
  for (const edge of edges) {
    const route = routes.get(edge.id);
    if (!route) continue;
    const size = labelSize(edge.label);
    const hw = size.width / 2 + LABEL_GAP;
    const hh = size.height / 2 + LABEL_GAP;
    place: for (const at of edge.hasReverse ? AT_TWO_WAY : AT_ONE_WAY) {
      const { point, normal } = along(route.points, at);
      // On the line, or beside it with the line still just inside the box: a route going round
      // cards runs close along them, where a label centred on it would cover them.
      const beside = (Math.abs(normal.x) * size.width + Math.abs(normal.y) * size.height) * 0.45;
      for (const shift of [0, beside, -beside]) {
        const p = { x: point.x + normal.x * shift, y: point.y + normal.y * shift };
        const [x0, y0, x1, y1] = [p.x - hw, p.y - hh, p.x + hw, p.y + hh];
        if (cardBoxes.overlapsAny(x0, y0, x1, y1) || labelBoxes.overlapsAny(x0, y0, x1, y1)) continue;
        route.labelAt = p;
        labelBoxes.add(x0, y0, x1, y1);
        break place;
      }
    }
    if (!route.labelAt) unlabelled++;
  }
  return { routes, unlabelled };
}

const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function labelRect(at: Point, size: Size): Rect {
  return { x: at.x - size.width / 2, y: at.y - size.height / 2, width: size.width, height: size.height };
}

/** Arrows whose line passes through the inside of a card other than its own two. */
export function crossingCount(scene: Scene): number {
  let count = 0;
  for (const edge of scene.edges) {
    const crosses = scene.hosts.some(
      (h) =>
        h.id !== edge.source &&
        h.id !== edge.target &&
        edge.points.some(
          (p, i) =>
            i > 0 &&
            clip(
              edge.points[i - 1]!.x,
              edge.points[i - 1]!.y,
              p.x,
              p.y,
              h.rect.x,
              h.rect.y,
              h.rect.x + h.rect.width,
              h.rect.y + h.rect.height,
            ) !== undefined,
        ),
    );
    if (crosses) count++;
  }
  return count;
}

/** Placed labels that overlap a card or another label, counted once per overlapping pair. */
export function labelOverlaps(scene: Scene): number {
  const labels = scene.edges.flatMap((e) => (e.labelAt ? [labelRect(e.labelAt, e.labelSize)] : []));
  let count = 0;
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) if (overlap(labels[i]!, labels[j]!)) count++;
    for (const h of scene.hosts) if (overlap(labels[i]!, h.rect)) count++;
  }
  return count;
}
