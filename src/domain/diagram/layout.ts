import { pairKey, type FlowPair } from '../engine';
import { HOST_SIZE } from './membership';
import type { Host, Plan, Point, Size, Trust, Zone } from '../plan';
import { ZONE_HEADER } from './membership';

/**
 * "Tidy layout": a fresh arrangement of every host and zone. The plan becomes a graph in ELK's
 * JSON format (layoutGraph), ELK's layered algorithm runs on it elsewhere (a Web Worker in the
 * app, elkjs directly in tests), and applyLayout turns its answer into positions.
 *
 * ELK lays out each zone's hosts with the flows inside that zone (SEPARATE_CHILDREN: laying out
 * every cross-zone flow at once costs 10–14 s at 300 hosts). The zones are then stacked here, in
 * columns by trust, left to right, in the order ELK found for them, so the result holds its
 * guarantees whatever ELK returns: no card overlaps another, zoned cards sit inside their zone
 * with padding, zones do not overlap, and cards in no zone sit outside every zone.
 *
 * With similar hosts grouped on the canvas, the caller passes the cards shown (ShownCards): only
 * those are laid out, with the flows between them, so zones are sized to what is drawn.
 */

/** ELK's JSON graph, as much of it as this module writes and reads. */
export interface LayoutNode {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  layoutOptions?: Record<string, string>;
  children?: LayoutNode[];
  edges?: LayoutEdge[];
}

export interface LayoutEdge {
  id: string;
  sources: string[];
  targets: string[];
}

/** Room at the top of a zone for its name: the same the canvas keeps when it places a card. */
export { ZONE_HEADER };
/** Room between a zone's border (below its header) and the cards in it. */
export const ZONE_PADDING = 24;
/** Gaps between cards, wide enough for a flow's label. */
export const CARD_GAP = { x: 80, y: 40 } as const;
/**
 * Gaps between the cards shown with similar hosts grouped: their arrows carry rule numbers and
 * services ("#5, #7: tcp/25, tcp/19001"), labels about twice as long as a host pair's.
 */
export const SHOWN_CARD_GAP = { x: 160, y: 40 } as const;
type Gap = { readonly x: number; readonly y: number };

/** A zone without hosts still needs room for its name and a card dropped into it later. */
export const EMPTY_ZONE_SIZE: Size = { width: 280, height: 160 };

/** Between columns of different trust: cross-zone arrows and their labels run here. */
const COLUMN_GAP = 120;
/** Between zones of one trust stacked in one column, or in a second column of that trust. */
const STACK_GAP = { x: 64, y: 48 };
/** The drawing is aimed at a landscape screen: columns wrap once they grow past this shape. */
const TARGET_ASPECT = 16 / 10;

const ROOT_ID = 'root';
const UNZONED_ID = 'u:unzoned';
const hostNodeId = (id: string) => `h:${id}`;
const zoneNodeId = (id: string) => `z:${id}`;

const TRUST_COLUMN: Record<Trust, number> = { untrusted: 1, dmz: 2, trusted: 3 };

/** Zones that exist and hosts grouped under them; hosts whose zone is missing count as unzoned. */
interface Groups {
  zones: Zone[];
  members: Map<string, Host[]>;
  unzoned: Host[];
  /** Column of the unzoned group: 0 (left of everything) when it holds the Internet, else 4. */
  unzonedColumn: number;
}

function groupHosts(plan: Plan): Groups {
  const members = new Map<string, Host[]>(plan.zones.map((z) => [z.id, []]));
  const unzoned: Host[] = [];
  for (const h of plan.hosts) {
    const list = h.zone === undefined ? undefined : members.get(h.zone);
    (list ?? unzoned).push(h);
  }
  const unzonedColumn = unzoned.some((h) => h.roles.includes('internet')) ? 0 : 4;
  return { zones: plan.zones, members, unzoned, unzonedColumn };
}

/** The id of the group node (zone or the unzoned group) each host sits in. */
function groupOf(groups: Groups): Map<string, string> {
  const of = new Map<string, string>();
  for (const [zoneId, hosts] of groups.members) for (const h of hosts) of.set(h.id, zoneNodeId(zoneId));
  for (const h of groups.unzoned) of.set(h.id, UNZONED_ID);
  return of;
}

function groupOptions(padded: boolean, gap: Gap): Record<string, string> {
  const top = padded ? ZONE_HEADER + ZONE_PADDING : 0;
  const side = padded ? ZONE_PADDING : 0;
  return {
    'elk.algorithm': 'layered',
    // Flows run left to right; similar hosts (no flows between them) share a layer and so stack
    // in a column rather than a long row.
    'elk.direction': 'RIGHT',
    'elk.padding': `[top=${top},left=${side},bottom=${side},right=${side}]`,
    'elk.spacing.nodeNode': String(gap.y),
    'elk.layered.spacing.nodeNodeBetweenLayers': String(gap.x),
    'elk.spacing.componentComponent': String(gap.x),
    'elk.separateConnectedComponents': 'true',
    // Unconnected hosts are packed in rows that wrap towards this shape, not in one long line.
    'elk.aspectRatio': '1.6',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  };
}

/**
 * The plan as an ELK graph: one compound node per zone holding its hosts (200×72) and the flows
 * between them, one invisible compound node for the hosts in no zone, and at the top level one
 * edge per pair of groups that have flows between them, partitioned by trust. Given `cards`, only
 * the hosts with a card of their own, and the flows between cards.
 */
export function layoutGraph(plan: Plan, pairs: readonly FlowPair[], cards?: ShownCards): LayoutNode {
  if (!cards) return graphOf(plan, pairs, CARD_GAP);
  return graphOf(planAsShown(plan, cards), shownPairs(plan, pairs, cards), SHOWN_CARD_GAP);
}

function graphOf(plan: Plan, pairs: readonly FlowPair[], gap: Gap): LayoutNode {
  const groups = groupHosts(plan);
  const of = groupOf(groups);
  const card = (h: Host): LayoutNode => ({
    id: hostNodeId(h.id),
    width: HOST_SIZE.width,
    height: HOST_SIZE.height,
  });

  const inner = new Map<string, LayoutEdge[]>();
  const between = new Map<string, LayoutEdge>();
  const columns = new Map<string, number>(groups.zones.map((z) => [zoneNodeId(z.id), TRUST_COLUMN[z.trust]]));
  columns.set(UNZONED_ID, groups.unzonedColumn);
  const column = (groupId: string) => columns.get(groupId)!;
  const seenInner = new Set<string>();
  for (const p of pairs) {
    const a = of.get(p.source);
    const b = of.get(p.target);
    if (a === undefined || b === undefined || p.source === p.target) continue;
    if (a === b) {
      // One edge per host pair whatever its direction: layering only needs to know they talk.
      const key = p.source < p.target ? pairKey(p.source, p.target) : pairKey(p.target, p.source);
      if (seenInner.has(key)) continue;
      seenInner.add(key);
      const list = inner.get(a) ?? [];
      list.push({
        id: `e:${list.length}:${a}`,
        sources: [hostNodeId(p.source)],
        targets: [hostNodeId(p.target)],
      });
      inner.set(a, list);
    } else {
      // Aggregated to one edge per group pair, pointing the way the columns run.
      const [from, to] = column(a) <= column(b) ? [a, b] : [b, a];
      const key = pairKey(from, to);
      if (!between.has(key)) between.set(key, { id: `g:${between.size}`, sources: [from], targets: [to] });
    }
  }

  // A group without flows inside is a grid (see gridCards): ELK only needs its size.
  const group = (id: string, hosts: readonly Host[], zoned: boolean, partition: Record<string, string>) => {
    const edges = inner.get(id);
    if (!edges) return { id, ...gridSize(hosts.length, zoned, gap), layoutOptions: partition };
    return {
      id,
      layoutOptions: { ...groupOptions(zoned, gap), ...partition },
      children: hosts.map(card),
      edges,
    };
  };
  const children: LayoutNode[] = groups.zones.map((z) => {
    const hosts = groups.members.get(z.id)!;
    const id = zoneNodeId(z.id);
    const partition = { 'elk.partitioning.partition': String(TRUST_COLUMN[z.trust]) };
    if (hosts.length === 0) {
      return { id, width: EMPTY_ZONE_SIZE.width, height: EMPTY_ZONE_SIZE.height, layoutOptions: partition };
    }
    return group(id, hosts, true, partition);
  });
  if (groups.unzoned.length > 0) {
    const partition = { 'elk.partitioning.partition': String(groups.unzonedColumn) };
    children.push(group(UNZONED_ID, groups.unzoned, false, partition));
  }

  return {
    id: ROOT_ID,
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
      'elk.partitioning.activate': 'true',
      'elk.spacing.nodeNode': String(STACK_GAP.y),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(COLUMN_GAP),
    },
    children,
    edges: [...between.values()],
  };
}

// ---------------------------------------------------------------------------------------------
// Laying out what "Group similar hosts" shows

/**
 * The card each host is drawn in while similar hosts are grouped: host id → the id of the host
 * whose card stands for it (a stack's first member). Hosts left out, or mapped to themselves,
 * are drawn on their own.
 */
export type ShownCards = ReadonlyMap<string, string>;

/**
 * The host whose card a host is drawn in: only another host of the same zone counts, so a card
 * and the hosts it stands for always share a zone.
 */
function cardOf(hosts: ReadonlyMap<string, Host>, cards: ShownCards, host: Host): Host {
  const card = hosts.get(cards.get(host.id) ?? host.id);
  return card && card.zone === host.zone && (cards.get(card.id) ?? card.id) === card.id ? card : host;
}

function cardIds(plan: Plan, cards: ShownCards): Map<string, string> {
  const hosts = new Map(plan.hosts.map((h) => [h.id, h]));
  return new Map(plan.hosts.map((h) => [h.id, cardOf(hosts, cards, h).id]));
}

/** The plan as drawn: only the hosts that have a card of their own. */
export function planAsShown(plan: Plan, cards: ShownCards): Plan {
  const of = cardIds(plan, cards);
  return { ...plan, hosts: plan.hosts.filter((h) => of.get(h.id) === h.id) };
}

/** Flows between hosts as flows between the cards that show them; none within one card. */
function shownPairs(plan: Plan, pairs: readonly FlowPair[], cards: ShownCards): FlowPair[] {
  const of = cardIds(plan, cards);
  const shown: FlowPair[] = [];
  for (const p of pairs) {
    const source = of.get(p.source) ?? p.source;
    const target = of.get(p.target) ?? p.target;
    if (source !== target) shown.push({ ...p, source, target });
  }
  return shown;
}

/**
 * The hidden hosts of a stack take its card's position. A spot of their own would need room
 * in the zone for every hidden card, which is the tall zone grouping is meant to avoid; on the
 * card's spot each stays inside its zone and clear of every card shown but its own, and moves
 * with the card.
 * Opened later, or with grouping off, the stack's hosts lie on one spot, which Tidy spreads out
 * (with the stack opened, it lays them out one by one).
 */
function placeHidden(plan: Plan, laidOut: Plan, cards: ShownCards): Plan {
  const of = cardIds(plan, cards);
  const at = new Map(laidOut.hosts.map((h) => [h.id, h.position]));
  const hosts = plan.hosts.map((h): Host => ({ ...h, position: at.get(of.get(h.id)!)! }));
  return { ...laidOut, hosts };
}

// ---------------------------------------------------------------------------------------------
// Applying ELK's answer

interface Box {
  width: number;
  height: number;
}

/** A group laid out on its own: card positions relative to its top-left corner, and its size. */
interface PlacedGroup {
  id: string;
  column: number;
  /** Order in its column: ELK's vertical position, then plan order. */
  order: [number, number];
  size: Box;
  cards: Map<string, Point>;
}

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** Card rectangles overlap (touching borders do not). */
function cardsOverlap(a: Point, b: Point): boolean {
  return (
    a.x < b.x + HOST_SIZE.width &&
    b.x < a.x + HOST_SIZE.width &&
    a.y < b.y + HOST_SIZE.height &&
    b.y < a.y + HOST_SIZE.height
  );
}

/** Cards per row of a grid of `count` cards that comes out about as wide as TARGET_ASPECT. */
function gridColumns(count: number, gap: Gap): number {
  const cell = { width: HOST_SIZE.width + gap.x, height: HOST_SIZE.height + gap.y };
  return Math.max(
    1,
    Math.min(count, Math.round(Math.sqrt((count * TARGET_ASPECT * cell.height) / cell.width))),
  );
}

/**
 * Cards of one group in a plain grid, in plan order: how a group without flows inside is laid
 * out (ELK would only pack its unconnected cards in rows, at many times the cost), and the
 * fallback when ELK's answer for a group is unusable.
 */
function gridCards(hosts: readonly Host[], inset: Point, gap: Gap): Map<string, Point> {
  const perRow = gridColumns(hosts.length, gap);
  const cards = new Map<string, Point>();
  hosts.forEach((h, i) => {
    cards.set(h.id, {
      x: inset.x + (i % perRow) * (HOST_SIZE.width + gap.x),
      y: inset.y + Math.floor(i / perRow) * (HOST_SIZE.height + gap.y),
    });
  });
  return cards;
}

/** The size of a group laid out as a grid, padding included. */
function gridSize(count: number, zoned: boolean, gap: Gap): Size {
  const perRow = gridColumns(count, gap);
  const rows = Math.ceil(count / perRow);
  const pad = zoned ? { x: 2 * ZONE_PADDING, y: ZONE_HEADER + 2 * ZONE_PADDING } : { x: 0, y: 0 };
  return {
    width: perRow * HOST_SIZE.width + (perRow - 1) * gap.x + pad.x,
    height: rows * HOST_SIZE.height + (rows - 1) * gap.y + pad.y,
  };
}

/** ELK's card positions for a group, rounded, or undefined when any is missing or they overlap. */
function elkCards(hosts: readonly Host[], node: LayoutNode | undefined): Map<string, Point> | undefined {
  if (!node) return undefined;
  const byId = new Map((node.children ?? []).map((c) => [c.id, c]));
  const cards = new Map<string, Point>();
  for (const h of hosts) {
    const c = byId.get(hostNodeId(h.id));
    if (!c || !finite(c.x) || !finite(c.y)) return undefined;
    cards.set(h.id, { x: Math.round(c.x), y: Math.round(c.y) });
  }
  // Cheap enough for a zone's worth of cards; a zone of hundreds is rare and still fast.
  const list = [...cards.values()];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) if (cardsOverlap(list[i]!, list[j]!)) return undefined;
  }
  return cards;
}

/** Moves cards so the top-left one sits at `inset` and returns the size that holds them. */
function fitCards(cards: Map<string, Point>, inset: Point, pad: Box): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of cards.values()) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + HOST_SIZE.width);
    maxY = Math.max(maxY, p.y + HOST_SIZE.height);
  }
  for (const [id, p] of cards) cards.set(id, { x: p.x - minX + inset.x, y: p.y - minY + inset.y });
  return { width: maxX - minX + inset.x + pad.width, height: maxY - minY + inset.y + pad.height };
}

function placeGroup(
  id: string,
  hosts: readonly Host[],
  node: LayoutNode | undefined,
  zoned: boolean,
  column: number,
  planIndex: number,
  gap: Gap,
): PlacedGroup {
  const order: [number, number] = [finite(node?.y) ? node.y : 0, planIndex];
  if (hosts.length === 0) return { id, column, order, size: { ...EMPTY_ZONE_SIZE }, cards: new Map() };
  const inset = zoned ? { x: ZONE_PADDING, y: ZONE_HEADER + ZONE_PADDING } : { x: 0, y: 0 };
  const pad = zoned ? { width: ZONE_PADDING, height: ZONE_PADDING } : { width: 0, height: 0 };
  const cards = elkCards(hosts, node) ?? gridCards(hosts, inset, gap);
  const size = fitCards(cards, inset, pad);
  if (zoned) {
    size.width = Math.max(size.width, EMPTY_ZONE_SIZE.width);
    size.height = Math.max(size.height, EMPTY_ZONE_SIZE.height);
  }
  return { id, column, order, size, cards };
}

/**
 * Stacks the groups: columns by trust, left to right; within one, groups top to bottom, wrapping
 * into a further column of the same trust once a column would pass `maxHeight`.
 */
function stackUnder(
  placed: readonly PlacedGroup[],
  maxHeight: number,
): { origin: Map<string, Point>; size: Box } {
  const origin = new Map<string, Point>();
  let x = 0;
  let bottom = 0;
  for (let column = 0; column <= 4; column++) {
    const inColumn = placed
      .filter((g) => g.column === column)
      .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
    if (inColumn.length === 0) continue;
    // Hosts in no zone line up with the first row of cards in the zones beside them.
    const top = column === 0 || column === 4 ? ZONE_HEADER + ZONE_PADDING : 0;
    let y = top;
    let width = 0;
    for (const g of inColumn) {
      if (width > 0 && y + g.size.height > maxHeight) {
        x += width + STACK_GAP.x;
        y = top;
        width = 0;
      }
      origin.set(g.id, { x, y });
      bottom = Math.max(bottom, y + g.size.height);
      y += g.size.height + STACK_GAP.y;
      width = Math.max(width, g.size.width);
    }
    x += width + COLUMN_GAP;
  }
  return { origin, size: { width: x - COLUMN_GAP, height: bottom } };
}

/** The stacking whose overall shape comes nearest a landscape screen, from a few column heights. */
function stack(placed: readonly PlacedGroup[]): Map<string, Point> {
  let area = 0;
  let tallest = 0;
  for (const g of placed) {
    area += (g.size.width + STACK_GAP.x) * (g.size.height + STACK_GAP.y);
    tallest = Math.max(tallest, g.size.height + ZONE_HEADER + ZONE_PADDING);
  }
  const base = Math.max(tallest, Math.sqrt(area / TARGET_ASPECT));
  let best: { origin: Map<string, Point>; miss: number } | undefined;
  for (const factor of [1, 1.25, 1.5, 2, 2.5, 3, 4]) {
    const { origin, size } = stackUnder(placed, base * factor);
    const miss = Math.abs(Math.log(size.width / Math.max(1, size.height) / TARGET_ASPECT));
    if (!best || miss < best.miss - 1e-9) best = { origin, miss };
  }
  return best!.origin;
}

/**
 * The plan with ELK's layout applied: every host and zone gets a new position (integers,
 * absolute, top-left) and every zone a new size. Nothing else changes. A group ELK left out or
 * answered for with overlapping cards is laid out as a plain grid instead. Pass the `cards` the
 * graph was made with.
 */
export function applyLayout(plan: Plan, result: LayoutNode, cards?: ShownCards): Plan {
  if (!cards) return laidOutWith(plan, result, CARD_GAP);
  return placeHidden(plan, laidOutWith(planAsShown(plan, cards), result, SHOWN_CARD_GAP), cards);
}

function laidOutWith(plan: Plan, result: LayoutNode, gap: Gap): Plan {
  const groups = groupHosts(plan);
  const nodes = new Map((result.children ?? []).map((c) => [c.id, c]));
  const placed: PlacedGroup[] = groups.zones.map((z, i) =>
    placeGroup(
      zoneNodeId(z.id),
      groups.members.get(z.id)!,
      nodes.get(zoneNodeId(z.id)),
      true,
      TRUST_COLUMN[z.trust],
      i,
      gap,
    ),
  );
  if (groups.unzoned.length > 0) {
    placed.push(
      placeGroup(
        UNZONED_ID,
        groups.unzoned,
        nodes.get(UNZONED_ID),
        false,
        groups.unzonedColumn,
        placed.length,
        gap,
      ),
    );
  }
  const origin = stack(placed);
  const byId = new Map(placed.map((g) => [g.id, g]));

  const zones = plan.zones.map((z): Zone => {
    const g = byId.get(zoneNodeId(z.id))!;
    return { ...z, position: origin.get(g.id)!, size: { width: g.size.width, height: g.size.height } };
  });
  const of = groupOf(groups);
  const hosts = plan.hosts.map((h): Host => {
    const groupId = of.get(h.id)!;
    const at = origin.get(groupId)!;
    const p = byId.get(groupId)!.cards.get(h.id)!;
    return { ...h, position: { x: at.x + p.x, y: at.y + p.y } };
  });
  return { ...plan, zones, hosts };
}

// ---------------------------------------------------------------------------------------------
// Checking a layout

export type LayoutProblemReason =
  /** The host has no position: it is drawn in a makeshift grid slot. */
  | 'no-position'
  /** Another host sits on exactly the same spot. */
  | 'same-position'
  /** Its card overlaps another card. */
  | 'overlap'
  /** Its card is not fully inside its zone's area. */
  | 'outside-zone'
  /** Its zone has no position or size of its own. */
  | 'zone-without-area';

export interface LayoutProblems {
  /** Hosts that need placing, in plan order. */
  hostIds: string[];
  /** Why, per host. */
  reasons: ReadonlyMap<string, readonly LayoutProblemReason[]>;
}

/**
 * Pairs of overlapping cards, found with a grid of card-sized cells: each card covers at most
 * 2×2 cells, and a pair is reported only from the cell holding the top-left corner of their
 * overlap, so each pair comes once and spread-out plans cost about linear time.
 */
function overlappingPairs(cards: readonly { id: string; at: Point }[]): [number, number][] {
  const { width: w, height: h } = HOST_SIZE;
  const cells = new Map<string, number[]>();
  cards.forEach(({ at }, i) => {
    for (let cx = Math.floor(at.x / w); cx <= Math.floor((at.x + w) / w); cx++) {
      for (let cy = Math.floor(at.y / h); cy <= Math.floor((at.y + h) / h); cy++) {
        const key = `${cx},${cy}`;
        const list = cells.get(key);
        if (list) list.push(i);
        else cells.set(key, [i]);
      }
    }
  });
  const pairs: [number, number][] = [];
  for (const [key, list] of cells) {
    if (list.length < 2) continue;
    const [cx, cy] = key.split(',').map(Number) as [number, number];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = cards[list[i]!]!.at;
        const b = cards[list[j]!]!.at;
        if (!cardsOverlap(a, b)) continue;
        const cornerX = Math.max(a.x, b.x);
        const cornerY = Math.max(a.y, b.y);
        if (Math.floor(cornerX / w) === cx && Math.floor(cornerY / h) === cy)
          pairs.push([list[i]!, list[j]!]);
      }
    }
  }
  return pairs;
}

/** Whether the card lies fully inside the zone; undefined when the zone has no area of its own. */
function insideZone(at: Point, zone: Zone): boolean | undefined {
  if (!zone.position || !zone.size) return undefined;
  return (
    at.x >= zone.position.x &&
    at.y >= zone.position.y &&
    at.x + HOST_SIZE.width <= zone.position.x + zone.size.width &&
    at.y + HOST_SIZE.height <= zone.position.y + zone.size.height
  );
}

const placedCards = (plan: Plan) =>
  plan.hosts.flatMap((h) => (h.position ? [{ id: h.id, at: h.position, host: h }] : []));

/**
 * The hosts a tidy layout would help: no position, on the same spot as another, overlapping
 * another card, or not fully inside their own zone (or their zone has no area).
 */
export function layoutProblems(plan: Plan): LayoutProblems {
  const reasons = new Map<string, LayoutProblemReason[]>();
  const add = (id: string, reason: LayoutProblemReason) => {
    const list = reasons.get(id);
    if (!list) reasons.set(id, [reason]);
    else if (!list.includes(reason)) list.push(reason);
  };
  const zones = new Map(plan.zones.map((z) => [z.id, z]));
  for (const h of plan.hosts) if (!h.position) add(h.id, 'no-position');
  const cards = placedCards(plan);
  for (const [i, j] of overlappingPairs(cards)) {
    const a = cards[i]!;
    const b = cards[j]!;
    const reason = a.at.x === b.at.x && a.at.y === b.at.y ? 'same-position' : 'overlap';
    add(a.id, reason);
    add(b.id, reason);
  }
  for (const { id, at, host } of cards) {
    const zone = host.zone === undefined ? undefined : zones.get(host.zone);
    if (!zone) continue;
    const inside = insideZone(at, zone);
    if (inside === undefined) add(id, 'zone-without-area');
    else if (!inside) add(id, 'outside-zone');
  }
  return { hostIds: plan.hosts.filter((h) => reasons.has(h.id)).map((h) => h.id), reasons };
}

export interface LayoutMetrics {
  /** Pairs of host cards that overlap. */
  overlappingCards: number;
  /** Hosts in a zone whose card is not fully inside it (or whose zone has no area). */
  cardsOutsideZone: number;
  /** Pairs of zones whose areas overlap. */
  overlappingZones: number;
  /** Hosts in no zone whose card overlaps a zone's area. */
  unzonedCardsInZones: number;
  /** Hosts without a position. */
  unplacedCards: number;
}

function rectsOverlap(a: Point, as: Size, b: Point, bs: Size): boolean {
  return a.x < b.x + bs.width && b.x < a.x + as.width && a.y < b.y + bs.height && b.y < a.y + as.height;
}

/** Counts of what a tidy layout must never leave behind; for tests and the benchmark. */
export function layoutMetrics(plan: Plan): LayoutMetrics {
  const zones = new Map(plan.zones.map((z) => [z.id, z]));
  const cards = placedCards(plan);
  let cardsOutsideZone = 0;
  let unzonedCardsInZones = 0;
  for (const { at, host } of cards) {
    const zone = host.zone === undefined ? undefined : zones.get(host.zone);
    if (zone) {
      if (insideZone(at, zone) !== true) cardsOutsideZone++;
      continue;
    }
    for (const z of plan.zones) {
      if (z.position && z.size && rectsOverlap(at, HOST_SIZE, z.position, z.size)) {
        unzonedCardsInZones++;
        break;
      }
    }
  }
  let overlappingZones = 0;
  const areas = plan.zones.filter((z) => z.position && z.size);
  for (let i = 0; i < areas.length; i++) {
    for (let j = i + 1; j < areas.length; j++) {
      const a = areas[i]!;
      const b = areas[j]!;
      if (rectsOverlap(a.position!, a.size!, b.position!, b.size!)) overlappingZones++;
    }
  }
  return {
    overlappingCards: overlappingPairs(cards).length,
    cardsOutsideZone,
    overlappingZones,
    unzonedCardsInZones,
    unplacedCards: plan.hosts.length - cards.length,
  };
}
