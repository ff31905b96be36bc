import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import {
  FIREWALL_VENDOR_LABELS,
  HOST_SIZE,
  hostPosition,
  visibleText,
  zoneRect,
  type Firewall,
  type Plan,
  type Point,
} from '../../domain';
import { FIREWALL_CARD } from '../commands';
import { Icon } from '../ui';
import type { DeviceNodes, FirewallNode as FirewallNodeType, InterfaceLink } from './graph';

/*
 * Firewall devices on the canvas: a card each, with a line from the card to every zone it has an
 * interface in, labelled with the interface's name. This module loads when a plan first has a
 * device (see Canvas.tsx), so plans without devices never fetch it.
 */

export { FIREWALL_COMMANDS } from '../commands';

type Rect = NonNullable<InterfaceLink['to']>;

const centre = (r: Rect): Point => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/** Where each interface's line goes, and where a device with no position of its own sits. */
function layout(plan: Plan, firewall: Firewall, noZone: readonly Rect[]) {
  const zones = new Map(plan.zones.map((z) => [z.id, z]));
  const position = firewall.position;
  const targets: (Rect | undefined)[] = firewall.interfaces.map((i) => {
    const zone = i.zone === undefined ? undefined : zones.get(i.zone);
    if (zone) {
      const r = zoneRect(zone);
      return { ...r.position, ...r.size };
    }
    // Hosts in no zone: the line goes to the nearest of their cards.
    const from = position ?? { x: 0, y: 0 };
    let best: Rect | undefined;
    let distance = Infinity;
    for (const r of noZone) {
      const c = centre(r);
      const d = Math.hypot(c.x - from.x, c.y - from.y);
      if (d < distance) [best, distance] = [r, d];
    }
    return best;
  });
  const faced = targets.filter((t) => t !== undefined);
  // No position: half-way between the places it joins (its zones' centres).
  const at: Point = position ?? {
    x: Math.round(
      faced.reduce((sum, r) => sum + centre(r).x, 0) / Math.max(1, faced.length) - FIREWALL_CARD.width / 2,
    ),
    y: Math.round(
      faced.reduce((sum, r) => sum + centre(r).y, 0) / Math.max(1, faced.length) - FIREWALL_CARD.height / 2,
    ),
  };
  const links: InterfaceLink[] = firewall.interfaces.map((i, k) => ({
    name: visibleText(i.name),
    faces: i.zone === undefined ? 'no zone' : visibleText(zones.get(i.zone)?.name ?? i.zone),
    ...(targets[k] ? { to: targets[k] } : {}),
  }));
  return { at, links };
}

const sameLinks = (a: readonly InterfaceLink[], b: readonly InterfaceLink[]) =>
  a.length === b.length &&
  a.every(
    (l, i) =>
      l.name === b[i]!.name && l.faces === b[i]!.faces && JSON.stringify(l.to) === JSON.stringify(b[i]!.to),
  );

/** The devices' cards, above the zones and the arrows, beneath the host cards. */
export const deviceNodes: DeviceNodes = (plan, selection, previous) => {
  const noZone = plan.hosts.flatMap((h, i) =>
    h.zone === undefined ? [{ ...hostPosition(h, i), ...HOST_SIZE }] : [],
  );
  return (plan.firewalls ?? []).map((firewall) => {
    const id = `firewall:${firewall.id}`;
    const prev = previous.get(id) as FirewallNodeType | undefined;
    const selected = selection.kind === 'firewall' && selection.id === firewall.id;
    const { at, links } = layout(plan, firewall, noZone);
    const position = prev?.dragging ? prev.position : at;
    if (
      prev &&
      prev.data.firewall === firewall &&
      sameLinks(prev.data.links, links) &&
      prev.selected === selected &&
      prev.position.x === position.x &&
      prev.position.y === position.y
    )
      return prev;
    const vendor = FIREWALL_VENDOR_LABELS[firewall.vendor];
    const faces = links.map((l) => `${l.name} to ${l.faces}`).join(', ');
    return {
      id,
      type: 'firewall',
      position,
      data:
        prev && prev.data.firewall === firewall && sameLinks(prev.data.links, links)
          ? prev.data
          : { firewall, links },
      selected,
      zIndex: 5,
      ariaLabel: `Firewall ${visibleText(firewall.name)}, ${vendor}: ${
        links.length ? `interfaces ${faces}` : 'no interfaces'
      }`,
      ...(prev?.measured ? { measured: prev.measured } : {}),
    } satisfies FirewallNodeType;
  });
};

/** The point of `r` nearest to `p` (on its border when `p` is inside). */
function nearest(r: Rect, p: Point): Point {
  const x = Math.min(Math.max(p.x, r.x), r.x + r.width);
  const y = Math.min(Math.max(p.y, r.y), r.y + r.height);
  if (x !== p.x || y !== p.y) return { x, y };
  const sides = [p.x - r.x, r.x + r.width - p.x, p.y - r.y, r.y + r.height - p.y];
  const side = sides.indexOf(Math.min(...sides));
  return side === 0
    ? { x: r.x, y }
    : side === 1
      ? { x: r.x + r.width, y }
      : side === 2
        ? { x, y: r.y }
        : { x, y: r.y + r.height };
}

/** How far from the card's centre towards (dx, dy) its border is, as a share of that vector. */
const exitAt = (dx: number, dy: number) =>
  Math.min(
    dx ? FIREWALL_CARD.width / 2 / Math.abs(dx) : Infinity,
    dy ? FIREWALL_CARD.height / 2 / Math.abs(dy) : Infinity,
  );

const STUB = 44;
const HALO = { stroke: 'var(--xy-edge-label-background-color-default, #fff)', strokeWidth: 4 };

/** The interfaces' lines, in the card's own coordinates (the card's top-left is 0, 0). */
function Links({ links, at }: { links: readonly InterfaceLink[]; at: Point }) {
  const c = { x: FIREWALL_CARD.width / 2, y: FIREWALL_CARD.height / 2 };
  return (
    <svg
      aria-hidden="true"
      width={FIREWALL_CARD.width}
      height={FIREWALL_CARD.height}
      className="text-slate-600 dark:text-slate-300"
      style={{ position: 'absolute', left: 0, top: 0, overflow: 'visible', pointerEvents: 'none' }}
    >
      {links.map((l, k) => {
        let end: Point;
        if (l.to) {
          const p = nearest(l.to, { x: at.x + c.x, y: at.y + c.y });
          end = { x: p.x - at.x, y: p.y - at.y };
        } else end = { x: c.x, y: -STUB }; // facing no zone and no host in none: a stub upwards
        const t = exitAt(end.x - c.x, end.y - c.y);
        // Its label half-way along the part outside the card (at the end when the card covers it).
        const s = t >= 1 ? 1 : (t + 1) / 2;
        const label = { x: c.x + (end.x - c.x) * s, y: c.y + (end.y - c.y) * s };
        return (
          <g key={k}>
            <line
              x1={c.x}
              y1={c.y}
              x2={end.x}
              y2={end.y}
              stroke="currentColor"
              strokeWidth={2.5}
              strokeDasharray="1 5"
              strokeLinecap="round"
            />
            <circle cx={end.x} cy={end.y} r={4} fill="currentColor" />
            <text
              x={label.x}
              y={label.y}
              dy="0.35em"
              textAnchor="middle"
              fontSize={11}
              fontWeight={600}
              fill="currentColor"
              paintOrder="stroke"
              style={HALO}
            >
              {l.to ? l.name : `${l.name} (no zone)`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function FirewallNodeView({
  data,
  selected,
  positionAbsoluteX,
  positionAbsoluteY,
}: NodeProps<FirewallNodeType>) {
  const { firewall, links } = data;
  return (
    <div style={FIREWALL_CARD} className="relative">
      <Links links={links} at={{ x: positionAbsoluteX, y: positionAbsoluteY }} />
      {/* A 1U appliance: a firewall's brick face, its name and make, a port per interface. */}
      <div
        className={`relative flex h-full items-center gap-2 rounded-md border-2 bg-orange-50 px-2 shadow-sm dark:bg-orange-950 ${
          selected
            ? 'border-teal-600 ring-2 ring-teal-500/50 dark:border-teal-400'
            : 'border-orange-300 dark:border-orange-700'
        }`}
      >
        <Icon name="firewall" className="size-7 shrink-0 text-orange-700 dark:text-orange-300" />
        <div className="min-w-0 flex-1">
          <div className="truncate font-mono text-sm font-semibold text-orange-900 dark:text-orange-100">
            {visibleText(firewall.name)}
          </div>
          <div className="truncate text-xs text-slate-600 dark:text-slate-300">
            {FIREWALL_VENDOR_LABELS[firewall.vendor]}
          </div>
          <div className="mt-0.5 flex gap-1">
            {links.map((l, k) => (
              <span
                key={k}
                title={`${l.name}: ${l.faces}`}
                className={`size-2 rounded-sm ${l.to ? 'bg-emerald-500' : 'bg-slate-400'}`}
              />
            ))}
            {links.length === 0 && <span className="text-xs text-slate-500 italic">no interfaces</span>}
          </div>
        </div>
      </div>
    </div>
  );
}

export const FirewallNode = memo(FirewallNodeView);
