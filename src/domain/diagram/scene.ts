import { ROLES } from '../catalog';
import { pairKey, type FlowPair } from '../engine';
import { CANVAS_LIMIT, TRUST_LABELS, type Host, type Plan, type Point, type Size, type Zone } from '../plan';
import { routeEdges } from './routes';
import type { Rect, Scene, SceneEdge, SceneHost, SceneZone } from './types';
import { HOST_SIZE, hostPosition, zoneRect } from './membership';

/** The canvas sets arrow labels in 10 px monospace: about 6.1 px a character, 4 px padding each side. */
export const LABEL_CHAR_WIDTH = 6.1;
export const LABEL_PADDING = 8;
export const LABEL_HEIGHT = 16;

export function defaultLabelSize(label: string): Size {
  return { width: label.length * LABEL_CHAR_WIDTH + LABEL_PADDING, height: LABEL_HEIGHT };
}

/*
 * Plans from files and links are validated, but the drawing must not depend on it: positions are
 * brought within ±CANVAS_LIMIT and non-finite ones replaced (hosts go on the canvas grid), so every
 * number in the scene is finite. jsPDF throws on NaN.
 */
const bounded = (n: number) => Math.min(CANVAS_LIMIT, Math.max(-CANVAS_LIMIT, n));
const finitePoint = (p: Point) => Number.isFinite(p.x) && Number.isFinite(p.y);

/** The host card's rectangle; a host with no usable position goes on the canvas's grid. */
export function hostRect(host: Host, index: number): Rect {
  const placed = hostPosition(host, index);
  const p = finitePoint(placed) ? placed : hostPosition({ ...host, position: undefined }, index);
  return { x: bounded(p.x), y: bounded(p.y), width: HOST_SIZE.width, height: HOST_SIZE.height };
}

export function zoneBox(zone: Zone): Rect {
  const fallback = zoneRect({ ...zone, position: undefined, size: undefined });
  const { position, size } = zoneRect(zone);
  const p = finitePoint(position) ? position : fallback.position;
  const sized =
    size.width > 0 && size.height > 0 && size.width <= CANVAS_LIMIT && size.height <= CANVAS_LIMIT;
  const s = sized ? size : fallback.size;
  return { x: bounded(p.x), y: bounded(p.y), width: s.width, height: s.height };
}

/**
 * Where a zone's name and trust chip sit, estimated from the canvas's zone header (14 px
 * semibold name, 11 px upper-case chip, 12 px padding): labels keep off it.
 */
export function zoneTitleRect(zone: SceneZone): Rect {
  const width = 12 + zone.name.length * 8 + 8 + TRUST_LABELS[zone.trust].length * 7.5 + 12 + 12;
  return { x: zone.rect.x, y: zone.rect.y, width: Math.min(width, zone.rect.width), height: 36 };
}

/**
 * The diagram for a plan and its flows grouped per host pair: zones, cards, routed arrows and
 * placed labels. Pure: the same plan and pairs give an equal scene, so callers may memoise it.
 * Pairs naming a host the plan does not hold are left out.
 */
export function buildScene(
  plan: Plan,
  pairs: readonly FlowPair[],
  options: { labelSize?: (label: string) => Size } = {},
): Scene {
  const labelSize = options.labelSize ?? defaultLabelSize;
  const zones: SceneZone[] = plan.zones.map((z) => ({
    id: z.id,
    name: z.name,
    trust: z.trust,
    rect: zoneBox(z),
  }));
  const hosts: SceneHost[] = plan.hosts.map((h, i) => {
    const host: SceneHost = {
      id: h.id,
      name: h.name,
      roles: h.roles.map((r) => ROLES[r].label).join(' \u00b7 '),
      rect: hostRect(h, i),
    };
    const address = h.address ?? (h.roles.includes('internet') ? 'any' : undefined);
    if (address !== undefined) host.address = address;
    if (h.zone !== undefined) host.zone = h.zone;
    return host;
  });

  const cards = new Map(hosts.map((h) => [h.id, h.rect]));
  const known = pairs.filter((p) => cards.has(p.source) && cards.has(p.target));
  const routeInput = known.map((p) => ({
    id: pairKey(p.source, p.target),
    source: p.source,
    target: p.target,
    hasReverse: p.hasReverse,
    label: p.label,
  }));
  const titles = zones.map((z) => zoneTitleRect(z));
  const { routes, unlabelled } = routeEdges(cards, routeInput, labelSize, titles);
  const edges: SceneEdge[] = known.map((p, i) => {
    const { id } = routeInput[i]!;
    const route = routes.get(id)!;
    const edge: SceneEdge = {
      id,
      source: p.source,
      target: p.target,
      crossesFirewall: p.crossesFirewall,
      hasReverse: p.hasReverse,
      label: p.label,
      points: route.points,
      labelSize: labelSize(p.label),
    };
    if (route.labelAt) edge.labelAt = route.labelAt;
    if (p.change) edge.change = p.change;
    if (p.partlyRemoved) edge.partlyRemoved = true;
    return edge;
  });
  return { zones, hosts, edges, bounds: sceneBounds(zones, hosts, edges), unlabelled };
}

function sceneBounds(zones: SceneZone[], hosts: SceneHost[], edges: SceneEdge[]): Rect {
  // A loop, not Math.min(...): a plan may hold thousands of shapes.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const add = (x: number, y: number, w = 0, h = 0) => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + w);
    maxY = Math.max(maxY, y + h);
  };
  for (const z of zones) add(z.rect.x, z.rect.y, z.rect.width, z.rect.height);
  for (const h of hosts) add(h.rect.x, h.rect.y, h.rect.width, h.rect.height);
  for (const e of edges) {
    for (const p of e.points) add(p.x, p.y);
    if (e.labelAt)
      add(
        e.labelAt.x - e.labelSize.width / 2,
        e.labelAt.y - e.labelSize.height / 2,
        e.labelSize.width,
        e.labelSize.height,
      );
  }
  if (minX > maxX) return { x: 0, y: 0, width: 0, height: 0 };
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
