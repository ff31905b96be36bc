import { useMemo, type MouseEvent } from 'react';
import type { EdgeLayer } from './graph';
import type { CanvasEdge } from './graph';
import { BundledArrows, BundledLabels, type ArrowLine } from './BundledFlows';
import {
  EXCLUDED,
  FlowLabel,
  changeClass,
  isFaint,
  line,
  pathClass,
  routeOf,
  type Centres,
  type Excluded,
  type Group,
  type Routes,
} from './FlowEdge';

/*
 * The arrows of a very large plan drawn together (see BundledFlows.tsx for why), as FlowLayer
 * draws them past 2,500 arrows. This module loads the first time a plan has that many.
 */

/** The fill of a bundled arrow's head: the colour its marker would have (see marker). */
function headClass(edge: CanvasEdge, faint: boolean) {
  const fill = edge.selected
    ? 'fill-teal-600 dark:fill-teal-400'
    : edge.pair.change === 'remove'
      ? 'fill-rose-600 dark:fill-rose-400'
      : edge.pair.crossesFirewall
        ? 'fill-orange-600 dark:fill-orange-400'
        : 'fill-slate-400 dark:fill-slate-500';
  return `${fill} ${changeClass(edge)} ${faint ? EXCLUDED : ''}`;
}

const CHANGES = [undefined, 'add', 'remove', 'keep', 'mixed'] as const;

/** The lines of a layer's arrows, for drawing them together (see BundledFlows). */
function arrowLines(group: Group, centres: Centres, routes: Routes, excluded: Excluded): ArrowLine[] {
  const lines: ArrowLine[] = [];
  // A handful of looks for thousands of arrows: each look's classes are written once.
  const looks = new Map<number, { lineClass: string; headClass: string }>();
  for (const edge of group.edges) {
    const source = centres.get(edge.pair.source);
    const target = centres.get(edge.pair.target);
    if (!source || !target) continue;
    const { points, label } = line(edge, source, target, routeOf(edge, routes));
    const faint = isFaint(edge, excluded);
    const key =
      (edge.pair.crossesFirewall ? 1 : 0) |
      (CHANGES.indexOf(edge.pair.change) << 1) |
      (edge.selected ? 16 : 0) |
      (faint ? 32 : 0);
    let look = looks.get(key);
    if (!look)
      looks.set(key, (look = { lineClass: pathClass(edge, faint), headClass: headClass(edge, faint) }));
    lines.push({ edge, points, label, ...look, partlyRemoved: !!edge.pair.partlyRemoved && !edge.selected });
  }
  return lines;
}

/** Each layer's lines with what they were made from, to make them again only when a host moved. */
const linesCache = new WeakMap<
  Group,
  { centres: Centres; routes: Routes; excluded: Excluded; lines: ArrowLine[] }
>();

/**
 * A layer's lines, the same array for as long as none of its hosts moved: a drag moves a few
 * cards, so only the raised layer's lines are made again each frame.
 */
function linesOf(group: Group, centres: Centres, routes: Routes, excluded: Excluded): ArrowLine[] {
  const known = linesCache.get(group);
  if (
    known &&
    known.routes === routes &&
    known.excluded === excluded &&
    group.hosts.every((h) => known.centres.get(h) === centres.get(h))
  )
    return known.lines;
  const lines = arrowLines(group, centres, routes, excluded);
  linesCache.set(group, { centres, routes, excluded, lines });
  return lines;
}

/**
 * Every arrow of a very large plan, drawn together, with the labels of those in view. Same layers
 * as one by one: the rest beneath, the selected hosts' arrows raised.
 */
export function BundledLayer({
  groups,
  centres,
  routes,
  excluded,
  onClick,
}: {
  groups: Record<EdgeLayer, Group>;
  centres: Centres;
  routes: Routes;
  excluded: Excluded;
  onClick: (e: MouseEvent) => void;
}) {
  const rest = linesOf(groups.rest, centres, routes, excluded);
  const carried = linesOf(groups.carried, centres, routes, excluded);
  const lower = useMemo(() => [...rest, ...carried], [rest, carried]);
  const raised = linesOf(groups.raised, centres, routes, excluded);
  const label = (a: ArrowLine) => (
    <FlowLabel
      key={a.edge.id}
      edge={a.edge}
      source={centres.get(a.edge.pair.source)!}
      target={centres.get(a.edge.pair.target)!}
      route={routeOf(a.edge, routes)}
      faint={isFaint(a.edge, excluded)}
    />
  );
  return (
    <>
      <svg className="portolan-flows" onClick={onClick} aria-hidden="true">
        <BundledArrows arrows={lower} />
      </svg>
      <svg className="portolan-flows portolan-flows-raised" onClick={onClick} aria-hidden="true">
        <BundledArrows arrows={raised} />
      </svg>
      <BundledLabels arrows={lower} render={label} />
      <BundledLabels arrows={raised} render={label} />
    </>
  );
}
