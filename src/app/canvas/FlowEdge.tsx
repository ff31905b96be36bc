import { EdgeLabelRenderer, useReactFlow, useStore } from '@xyflow/react';
import {
  Suspense,
  lazy,
  memo,
  useCallback,
  useDeferredValue,
  useMemo,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { edgeSegment, hostCentre, type Point } from '../../domain';
import { pickArrow, type PickableArrow } from '../../domain/diagram';
import { useDerivation, usePlanner } from '../state';
import { drawnTogether, hostIdOf, type CanvasEdge, type CanvasNode, type EdgeLayer } from './graph';

/*
 * The flows are drawn here rather than as React Flow edges. React Flow gives every edge its own
 * <svg> and several store subscriptions that all run on every node move, which for a thousand
 * edges cost far more than a frame. Here all edges share a few <svg>s, and a drag redraws only the
 * layer that holds the edges of what moves (see EdgeLayer). The edges keep React Flow's class
 * names, so its stylesheet (focus, selection) applies as before.
 */

export type Centres = ReadonlyMap<string, Point>;

/**
 * An arrow's routed line and label place, from the diagram scene of the committed plan, with the
 * card centres it was routed for. While a card is dragged its arrows no longer match those centres
 * and are drawn straight until the drop commits the move and the scene is routed again.
 */
export interface Route {
  points: readonly Point[];
  labelAt?: Point;
  source: Point;
  target: Point;
}
export type Routes = ReadonlyMap<string, Route>;

const samePoint = (a: Point, b: Point) => a.x === b.x && a.y === b.y;

/** The line and label place of an arrow between two card centres. */
export function line(edge: CanvasEdge, source: Point, target: Point, route: Route | undefined) {
  if (route && samePoint(route.source, source) && samePoint(route.target, target)) {
    return { points: route.points, label: route.labelAt };
  }
  const { start, end, label } = edgeSegment(source, target, edge.pair.hasReverse);
  return { points: [start, end], label };
}

function shape(edge: CanvasEdge, source: Point, target: Point, route: Route | undefined) {
  const { points, label } = line(edge, source, target, route);
  return { d: `M ${points.map((p) => `${p.x},${p.y}`).join(' L ')}`, label };
}

const centreCache = new WeakMap<CanvasNode, Point>();

/** Card centres by host id; a node object that did not move keeps its Point object. */
function hostCentres(nodes: readonly CanvasNode[]): Centres {
  const centres = new Map<string, Point>();
  for (const node of nodes) {
    const hostId = hostIdOf(node.id);
    if (!hostId) continue;
    let centre = centreCache.get(node);
    if (!centre) {
      centre = hostCentre(node.position);
      centreCache.set(node, centre);
    }
    centres.set(hostId, centre);
  }
  return centres;
}

export interface Group {
  edges: CanvasEdge[];
  /** Every host the edges touch: the group is redrawn only when one of them moves. */
  hosts: string[];
}

function group(edges: CanvasEdge[]): Group {
  const hosts = new Set<string>();
  for (const e of edges) {
    hosts.add(e.pair.source);
    hosts.add(e.pair.target);
  }
  return { edges, hosts: [...hosts] };
}

function byLayer(edges: readonly CanvasEdge[]): Record<EdgeLayer, Group> {
  const split: Record<EdgeLayer, CanvasEdge[]> = { rest: [], carried: [], raised: [] };
  for (const e of edges) split[e.layer].push(e);
  return { rest: group(split.rest), carried: group(split.carried), raised: group(split.raised) };
}

interface GroupProps {
  group: Group;
  centres: Centres;
  routes: Routes;
}

/** A group skips rendering while none of its hosts moved and the routes are the same. */
const sameGroup = (a: GroupProps, b: GroupProps) =>
  a.group === b.group &&
  a.routes === b.routes &&
  a.group.hosts.every((h) => a.centres.get(h) === b.centres.get(h));

export const routeOf = (edge: CanvasEdge, routes: Routes) => routes.get(edge.id.slice('edge:'.length));

function marker(edge: CanvasEdge) {
  if (edge.selected) return 'url(#portolan-arrow-selected)';
  if (edge.pair.change === 'remove') return 'url(#portolan-arrow-removed)';
  return edge.pair.crossesFirewall ? 'url(#portolan-arrow-crossing)' : 'url(#portolan-arrow-internal)';
}

/** While an upgrade is compared: dashed rose for what it removes, faded for what it keeps. */
export const changeClass = (edge: CanvasEdge) =>
  edge.pair.change === 'remove' || edge.pair.change === 'keep' ? `portolan-edge-${edge.pair.change}` : '';

export function pathClass(edge: CanvasEdge, faint?: boolean) {
  const kind = edge.pair.crossesFirewall ? 'portolan-edge-crossing' : 'portolan-edge-internal';
  return `react-flow__edge-path portolan-edge ${kind} ${changeClass(edge)} ${edge.selected ? 'portolan-edge-selected' : ''} ${faint ? EXCLUDED : ''}`;
}

export type Excluded = ReadonlyMap<string, unknown>;
export const EXCLUDED = 'portolan-edge-excluded';
/**
 * Every flow of the arrow is excluded from the change request: it is drawn faint. A stacked
 * card's arrow lists no flows (it stands for grouped rules, which hold no excluded flow).
 */
export const isFaint = (edge: CanvasEdge, excluded: Excluded) =>
  excluded.size > 0 && edge.pair.flows.length > 0 && edge.pair.flows.every((f) => excluded.has(f.id));

function selectEdge(edge: CanvasEdge) {
  usePlanner.getState().select({ kind: 'edge', source: edge.pair.source, target: edge.pair.target });
}

function unselectEdge(edge: CanvasEdge) {
  const { selection, select } = usePlanner.getState();
  if (
    selection.kind === 'edge' &&
    selection.source === edge.pair.source &&
    selection.target === edge.pair.target
  ) {
    select({ kind: 'none' });
  }
}

interface EdgeProps {
  edge: CanvasEdge;
  source: Point;
  target: Point;
  route: Route | undefined;
  describedBy: string;
  faint?: boolean;
}

/** One focusable, clickable arrow, as React Flow draws an edge (Enter or Space selects, Escape clears). */
const FlowEdgeView = memo(function FlowEdgeView({
  edge,
  source,
  target,
  route,
  describedBy,
  faint,
}: EdgeProps) {
  const { d } = shape(edge, source, target, route);
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const canvas = e.currentTarget.closest('.react-flow');
      selectEdge(edge);
      // Selecting can move the arrow to another layer (out of a selected host's), which draws it
      // anew: keep the keyboard on it.
      requestAnimationFrame(() => {
        const again = canvas?.querySelector<SVGGElement>(`g[data-id="${CSS.escape(edge.id)}"]`);
        if (again && document.activeElement !== again) again.focus();
      });
    } else if (e.key === 'Escape') {
      // The keyboard stays on the arrow, to walk on from (see keyboardNav.ts).
      unselectEdge(edge);
    }
  };
  return (
    <g
      className={`react-flow__edge react-flow__edge-flow nopan selectable ${edge.selected ? 'selected' : ''}`}
      role="group"
      aria-roledescription="edge"
      aria-label={faint ? `${edge.ariaLabel}, excluded from the change request` : edge.ariaLabel}
      aria-describedby={describedBy}
      // Not a tab stop: the canvas is one, and the arrow keys go from arrow to arrow (keyboardNav.ts).
      tabIndex={-1}
      data-id={edge.id}
      onKeyDown={onKeyDown}
    >
      <path d={d} fill="none" className={pathClass(edge, faint)} markerEnd={marker(edge)} />
      {edge.pair.partlyRemoved && !edge.selected && (
        <path d={d} fill="none" className="react-flow__edge-path portolan-edge-partly-removed" />
      )}
      <path d={d} fill="none" strokeOpacity={0} strokeWidth={14} className="react-flow__edge-interaction" />
    </g>
  );
});

const EdgeGroup = memo(
  function EdgeGroup({
    group,
    centres,
    routes,
    describedBy,
    excluded,
  }: GroupProps & { describedBy: string; excluded: Excluded }) {
    return group.edges.map((edge) => {
      const source = centres.get(edge.pair.source);
      const target = centres.get(edge.pair.target);
      if (!source || !target) return null;
      return (
        <FlowEdgeView
          key={edge.id}
          edge={edge}
          source={source}
          target={target}
          route={routeOf(edge, routes)}
          describedBy={describedBy}
          faint={isFaint(edge, excluded)}
        />
      );
    });
  },
  (a, b) => a.describedBy === b.describedBy && a.excluded === b.excluded && sameGroup(a, b),
);

const labelTone = (edge: CanvasEdge) =>
  edge.selected
    ? 'bg-teal-700 text-white'
    : edge.pair.change === 'remove'
      ? 'border border-rose-300 bg-rose-50 text-rose-900 dark:border-rose-700 dark:bg-rose-950 dark:text-rose-100'
      : edge.pair.crossesFirewall
        ? 'border border-orange-300 bg-orange-50 text-orange-900 dark:border-orange-700 dark:bg-orange-950 dark:text-orange-100'
        : 'border border-slate-200 bg-white/90 text-slate-600 dark:border-slate-700 dark:bg-slate-900/90 dark:text-slate-300';

/**
 * The services label at its point on the edge. It is centred by a zero-size flex box placed there
 * rather than by a CSS transform: a transform per label would give each of a thousand labels a
 * paint property node of its own, which the browser sorts again on every frame anything moves.
 */
export const FlowLabel = memo(function FlowLabel({
  edge,
  source,
  target,
  route,
  faint,
}: Omit<EdgeProps, 'describedBy'>) {
  const { label } = shape(edge, source, target, route);
  // No free room for it on the routed line: the arrow's name and the details panel carry it.
  if (!label) return null;
  return (
    <div className="portolan-edge-label-anchor" style={{ left: label.x, top: label.y }}>
      <div
        className={`portolan-edge-label nodrag nopan pointer-events-none shrink-0 rounded px-1 font-mono text-[10px] leading-4 whitespace-nowrap ${labelTone(edge)} ${edge.selected ? '' : changeClass(edge)} ${faint ? EXCLUDED : ''}`}
      >
        {edge.pair.change === 'mixed' && !edge.selected ? (
          <MarkedServices label={edge.pair.label} />
        ) : (
          edge.pair.label
        )}
      </div>
    </div>
  );
});

/**
 * An arrow that an upgrade changes in part: each service in its own colour, "+" ones (to add) in
 * green, "−" ones (to remove) in rose and struck through, the rest as they are.
 */
function MarkedServices({ label }: { label: string }) {
  return label.split(', ').map((service, i) => (
    <span key={service}>
      {i > 0 && ', '}
      <span
        className={
          service.startsWith('+')
            ? 'font-bold text-emerald-700 dark:text-emerald-300'
            : service.startsWith('\u2212')
              ? 'text-rose-700 line-through dark:text-rose-300'
              : ''
        }
      >
        {service}
      </span>
    </span>
  ));
}

const LabelGroup = memo(
  function LabelGroup({ group, centres, routes, excluded }: GroupProps & { excluded: Excluded }) {
    return group.edges.map((edge) => {
      const source = centres.get(edge.pair.source);
      const target = centres.get(edge.pair.target);
      if (!source || !target) return null;
      return (
        <FlowLabel
          key={edge.id}
          edge={edge}
          source={source}
          target={target}
          route={routeOf(edge, routes)}
          faint={isFaint(edge, excluded)}
        />
      );
    });
  },
  (a, b) => a.excluded === b.excluded && sameGroup(a, b),
);

/** The selected edge once more, above the host cards, as React Flow raises a selected edge. */
function SelectedOverlay({
  edge,
  centres,
  routes,
  faint,
}: {
  edge: CanvasEdge;
  centres: Centres;
  routes: Routes;
  faint: boolean;
}) {
  const source = centres.get(edge.pair.source);
  const target = centres.get(edge.pair.target);
  if (!source || !target) return null;
  const { d } = shape(edge, source, target, routeOf(edge, routes));
  return (
    <svg className="portolan-flows portolan-flows-selected" aria-hidden="true">
      <g className="react-flow__edge selected">
        <path d={d} fill="none" className={pathClass(edge, faint)} markerEnd={marker(edge)} />
      </g>
    </svg>
  );
}

const selectNodes = (s: { nodes: unknown[] }) => s.nodes as CanvasNode[];
/** Arrows drawn together (BundledLayer.tsx) load the first time a plan has that many. */
const BundledLayer = lazy(() => import('./BundledLayer').then((m) => ({ default: m.BundledLayer })));
const NO_EDGES: readonly CanvasEdge[] = [];

/**
 * Every flow between two hosts as one arrow with its services label. The arrows read the nodes
 * React Flow draws (its store), not the canvas's copy, so while a card is dragged they move in the
 * same render as the card instead of one frame ahead of it.
 */
export const FlowLayer = memo(function FlowLayer({
  edges: currentEdges,
  routes: currentRoutes,
  live,
}: {
  edges: readonly CanvasEdge[];
  routes: Routes;
  /** Cards are being dragged: the arrows follow them in the same frame. */
  live: boolean;
}) {
  const nodes = useStore(selectNodes);
  const current = useMemo(() => hostCentres(nodes), [nodes]);
  // When many cards move at once (a layout, an undo), the arrows are redrawn in the background,
  // in slices the browser can interrupt, so the page answers at once; during a drag they follow
  // the card in the same frame.
  const deferred = useDeferredValue(current);
  const centres = live ? current : deferred;
  // New routes (from the routing worker) redraw every arrow: in the background too.
  const routes = useDeferredValue(currentRoutes);
  // A plan just opened (this layer is drawn anew for each, see Canvas) shows its cards first and
  // its arrows in a render of their own after them; so do thousands of arrows drawn together,
  // always. Otherwise arrows follow at once: a click or a key on one shows it selected in the
  // same frame.
  const deferredEdges = useDeferredValue(currentEdges, NO_EDGES);
  const edges =
    drawnTogether(currentEdges.length) || deferredEdges === NO_EDGES ? deferredEdges : currentEdges;
  const groups = useMemo(() => byLayer(edges), [edges]);
  const selected = useMemo(() => edges.find((e) => e.selected), [edges]);
  const describedBy = `react-flow__edge-desc-${useStore((s) => s.rfId)}`;
  const { excluded } = useDerivation();
  const rf = useReactFlow();
  // A click picks the arrow it means even where arrows cross or run close (see pickArrow).
  const onClick = useCallback(
    (e: MouseEvent) => {
      const arrows: PickableArrow[] = [];
      const byId = new Map<string, CanvasEdge>();
      for (const edge of edges) {
        const source = centres.get(edge.pair.source);
        const target = centres.get(edge.pair.target);
        if (!source || !target) continue;
        const { points, label } = line(edge, source, target, routeOf(edge, routes));
        arrows.push({ id: edge.id, points, ...(label ? { label } : {}) });
        byId.set(edge.id, edge);
      }
      // Lines closer than two screen pixels cannot be told apart by pointing.
      const slack = 2 / rf.getViewport().zoom;
      const picked = pickArrow(rf.screenToFlowPosition({ x: e.clientX, y: e.clientY }), arrows, slack);
      const edge = picked ? byId.get(picked) : undefined;
      if (edge) selectEdge(edge);
    },
    [rf, edges, centres, routes],
  );
  const overlay = selected && (
    <SelectedOverlay edge={selected} centres={centres} routes={routes} faint={isFaint(selected, excluded)} />
  );
  if (drawnTogether(edges.length)) {
    return (
      <EdgeLabelRenderer>
        <p className="sr-only">
          {edges.length.toLocaleString('en')} arrows, drawn together: the flow table lists and selects each.
        </p>
        <Suspense fallback={null}>
          <BundledLayer
            groups={groups}
            centres={centres}
            routes={routes}
            excluded={excluded}
            onClick={onClick}
          />
        </Suspense>
        {overlay}
      </EdgeLabelRenderer>
    );
  }
  const layer = (group: Group) => (
    <EdgeGroup
      group={group}
      centres={centres}
      routes={routes}
      describedBy={describedBy}
      excluded={excluded}
    />
  );
  return (
    <EdgeLabelRenderer>
      <svg className="portolan-flows" onClick={onClick}>
        {layer(groups.rest)}
        {layer(groups.carried)}
      </svg>
      <svg className="portolan-flows portolan-flows-raised" onClick={onClick}>
        {layer(groups.raised)}
      </svg>
      <LabelGroup group={groups.rest} centres={centres} routes={routes} excluded={excluded} />
      <LabelGroup group={groups.carried} centres={centres} routes={routes} excluded={excluded} />
      <LabelGroup group={groups.raised} centres={centres} routes={routes} excluded={excluded} />
      {overlay}
    </EdgeLabelRenderer>
  );
});

/** Arrowheads shared by every edge (one <defs> for the canvas). */
export function ArrowMarkers() {
  const arrow = (id: string, cls: string) => (
    <marker
      id={id}
      viewBox="0 0 10 10"
      refX="9"
      refY="5"
      markerWidth="7"
      markerHeight="7"
      orient="auto-start-reverse"
    >
      <path d="M0,0 L10,5 L0,10 z" className={cls} />
    </marker>
  );
  return (
    <svg className="absolute size-0" aria-hidden="true">
      <defs>
        {arrow('portolan-arrow-crossing', 'fill-orange-600 dark:fill-orange-400')}
        {arrow('portolan-arrow-internal', 'fill-slate-400 dark:fill-slate-500')}
        {arrow('portolan-arrow-selected', 'fill-teal-600 dark:fill-teal-400')}
        {arrow('portolan-arrow-removed', 'fill-rose-600 dark:fill-rose-400')}
      </defs>
    </svg>
  );
}
