import type { Node } from '@xyflow/react';
import {
  hostPosition,
  visibleText,
  zoneRect,
  ROLES,
  groupFlowsByPair,
  pairKey,
  HOST_SIZE,
  type Firewall,
  type Flow,
  type FlowPair,
  type Host,
  type Plan,
  type Severity,
  type Warning,
  type Zone,
} from '../../domain';
import type { Stacks } from '../../domain/grouping';
import type { Selection } from '../state';

/** A card standing for several similar hosts ("Group similar hosts"). */
export interface StackCard {
  key: string;
  /** "8 × Processing node" */
  label: string;
  names: string[];
  /** Numbers of the rules among its own hosts (no arrow can show them). */
  within: number[];
}

export interface HostNodeData extends Record<string, unknown> {
  /** The host as the card shows it; its position may be older than the node's (see buildNodes). */
  host: Host;
  /** Present when the card stands for a stack of similar hosts; `host` is its first member. */
  stack?: StackCard;
  /** For a host of an opened stack: the stack's key, to fold it back. */
  fold?: string;
  warningCount: number;
  worst?: Severity;
  /** With several arrays: the card's array tag ("Array SEG-AM02") and its colour (the array's index). */
  tag?: string;
  tone?: number;
}
export interface ZoneNodeData extends Record<string, unknown> {
  zone: Zone;
  hostCount: number;
}

/** Where an interface's line goes: a zone's area, the nearest host in no zone, or nowhere (a stub). */
export interface InterfaceLink {
  name: string;
  /** The zone's name, or "no zone". */
  faces: string;
  to?: { x: number; y: number; width: number; height: number };
}
export interface FirewallNodeData extends Record<string, unknown> {
  firewall: Firewall;
  links: InterfaceLink[];
}

export type HostNode = Node<HostNodeData, 'host'>;
export type ZoneNode = Node<ZoneNodeData, 'zone'>;
export type FirewallNode = Node<FirewallNodeData, 'firewall'>;
export type CanvasNode = HostNode | ZoneNode | FirewallNode;

/** Builds the device cards (FirewallNode.tsx, loaded once a plan has devices). */
export type DeviceNodes = (
  plan: Plan,
  selection: Selection,
  previous: ReadonlyMap<string, CanvasNode>,
) => FirewallNode[];

/**
 * Where an edge is drawn. Edges that move with the selection get a layer of their own, so a drag
 * redraws only them: `raised` edges touch a selected host and are drawn above the zones and the
 * other edges (as React Flow elevates the edges of selected nodes); `carried` edges touch a host of
 * the selected zone, which takes its hosts along when dragged, and stay at the level of the rest.
 */
export type EdgeLayer = 'rest' | 'carried' | 'raised';

/** One arrow on the canvas: every flow from one host to another. */
export interface CanvasEdge {
  id: string;
  pair: FlowPair;
  selected: boolean;
  layer: EdgeLayer;
  ariaLabel: string;
}

/**
 * No node has connection handles (arrows are not React Flow edges). Saying so up front also tells
 * React Flow it need not draw a node once just to measure it, so a large plan draws only the
 * cards in view (see Canvas: onlyRenderVisibleElements).
 */
const NO_HANDLES: [] = [];

/** What a card shows of its host: all but where it is. */
const sameContent = (a: Host, b: Host) =>
  a === b ||
  (a.name === b.name &&
    a.address === b.address &&
    a.zone === b.zone &&
    a.roles.length === b.roles.length &&
    a.roles.every((r, i) => r === b.roles[i]));

const samePoint = (a: { x: number; y: number }, b: { x: number; y: number }) => a.x === b.x && a.y === b.y;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Up to this many arrows each is an element of its own, focusable and named; past it they are
 * drawn together (see BundledFlows.tsx).
 */
export const ONE_BY_ONE_MAX = 2_500;
export const drawnTogether = (arrows: number) => arrows > ONE_BY_ONE_MAX;

/** The cards and arrows on the canvas the keyboard can land on (see keyboardNav.ts). */
export const CANVAS_ITEMS = '.react-flow__node, g.react-flow__edge-flow';

/** Below this zoom the canvas hides the arrows' labels (too small to read). */
export const LABEL_ZOOM = 0.45;

/**
 * Fitting the view never zooms out past this: a card's name is then 10.5 px on the screen and the
 * lines under it 7.5–9 px. A plan too large to fit at it opens on its middle, and the wheel, the
 * minimap or the arrow keys reach the rest.
 */
export const LEGIBLE_ZOOM = 0.75;

export const edgeId = (source: string, target: string) => `edge:${pairKey(source, target)}`;

/**
 * Builds React Flow nodes from the plan. Zones are drawn beneath the arrows and the hosts.
 * `previous` lets unchanged nodes keep their object (React Flow then skips them) and keeps what
 * React Flow measured.
 */
export function buildNodes(
  plan: Plan,
  selection: Selection,
  warnings: readonly Warning[],
  previous: ReadonlyMap<string, CanvasNode>,
  stacks?: Stacks,
  within?: ReadonlyMap<string, number[]>,
  devices?: DeviceNodes,
): CanvasNode[] {
  const selectedHosts = new Set(selection.kind === 'hosts' ? selection.ids : []);
  const selectedZone = selection.kind === 'zone' ? selection.id : undefined;
  const hostWarnings = new Map<string, { count: number; worst: Severity }>();
  for (const w of warnings) {
    for (const id of new Set(w.hostIds)) {
      const entry = hostWarnings.get(id);
      if (!entry) hostWarnings.set(id, { count: 1, worst: w.severity });
      else {
        entry.count++;
        if (SEVERITY_RANK[w.severity] < SEVERITY_RANK[entry.worst]) entry.worst = w.severity;
      }
    }
  }
  const members = new Map<string, number>();
  for (const h of plan.hosts) if (h.zone) members.set(h.zone, (members.get(h.zone) ?? 0) + 1);

  const nodes: CanvasNode[] = [];
  for (const zone of plan.zones) {
    const id = `zone:${zone.id}`;
    const prev = previous.get(id) as ZoneNode | undefined;
    const hostCount = members.get(zone.id) ?? 0;
    const selected = zone.id === selectedZone;
    const { position, size } = zoneRect(zone);
    if (
      prev &&
      prev.data.zone === zone &&
      prev.data.hostCount === hostCount &&
      prev.selected === selected &&
      // A drag or resize the plan did not take (a zone kept big enough for its hosts) must not
      // leave the node where the pointer left it.
      samePoint(prev.position, position) &&
      prev.width === size.width &&
      prev.height === size.height
    ) {
      nodes.push(prev);
      continue;
    }
    nodes.push({
      id,
      type: 'zone',
      position,
      width: size.width,
      height: size.height,
      // A zone that only moved or changed size keeps its data, so its box is not drawn anew.
      data:
        prev &&
        prev.data.hostCount === hostCount &&
        prev.data.zone.name === zone.name &&
        prev.data.zone.trust === zone.trust
          ? prev.data
          : { zone, hostCount },
      selected,
      // Beneath the arrows (drawn at level 0, see FlowLayer), so an arrow over a zone takes the
      // click; the zone's empty area still does.
      zIndex: -1,
      handles: NO_HANDLES,
      ariaLabel: `Zone ${visibleText(zone.name)}, ${zone.trust}, ${hostCount} host${hostCount === 1 ? '' : 's'}`,
      ...(prev?.measured ? { measured: prev.measured } : {}),
    });
  }
  const names = new Map(plan.hosts.map((h) => [h.id, visibleText(h.name)]));
  // With several Array Managers each card says which array it is in, in that array's colour.
  const heads = plan.hosts.filter((h) => h.roles.includes('array-manager')).map((h) => h.id);
  const arrayTag = (h: Host): [string, number] | undefined =>
    heads.length < 2
      ? undefined
      : h.roles.includes('array-manager')
        ? ['Array head', heads.indexOf(h.id)]
        : h.roles.includes('processing-node') || h.roles.includes('web-components')
          ? h.array && heads.includes(h.array)
            ? [`Array ${names.get(h.array)}`, heads.indexOf(h.array)]
            : ['No array', -1]
          : undefined;
  plan.hosts.forEach((host, index) => {
    const id = `host:${host.id}`;
    const prev = previous.get(id) as HostNode | undefined;
    // In a stack of several, only its first member is drawn: as the stack's card.
    const inStack = stacks?.stackOf.get(host.id);
    const stack = inStack && inStack.hostIds.length > 1 ? inStack : undefined;
    if (stack && stack.id !== host.id) return;
    const members = stack ? stack.hostIds : [host.id];
    let w = hostWarnings.get(host.id);
    if (stack) {
      const all = members.map((m) => hostWarnings.get(m)).filter((x) => x !== undefined);
      w = all.length
        ? {
            count: all.reduce((n, x) => n + x.count, 0),
            worst: all.reduce(
              (a, x) => (SEVERITY_RANK[x.worst] < SEVERITY_RANK[a] ? x.worst : a),
              all[0]!.worst,
            ),
          }
        : undefined;
    }
    const selected = members.some((m) => selectedHosts.has(m));
    const position = hostPosition(host, index);
    const card: StackCard | undefined = stack && {
      key: stack.key,
      label: stack.label,
      names: members.map((m) => names.get(m) ?? m),
      within: within?.get(stack.id) ?? [],
    };
    const fold = inStack?.openedFrom;
    // A stack's hosts may be in different arrays: its card shows none.
    const [tag, tone] = (!stack && arrayTag(host)) || [];
    const sameStack = (a: StackCard | undefined) =>
      a === card ||
      (!!a &&
        !!card &&
        a.key === card.key &&
        a.label === card.label &&
        a.names.join() === card.names.join() &&
        a.within.join() === card.within.join());
    if (
      prev &&
      sameContent(prev.data.host, host) &&
      sameStack(prev.data.stack) &&
      prev.data.fold === fold &&
      (prev.dragging || samePoint(prev.position, position)) &&
      prev.selected === selected &&
      prev.data.warningCount === (w?.count ?? 0) &&
      prev.data.worst === w?.worst &&
      prev.data.tag === tag &&
      prev.data.tone === tone
    ) {
      nodes.push(prev);
      return;
    }
    const roles = host.roles.map((r) => ROLES[r].label).join(', ');
    // A card that only moved (a layout moves them all) keeps its data, so it is not drawn anew.
    const sameCard =
      prev &&
      sameContent(prev.data.host, host) &&
      sameStack(prev.data.stack) &&
      prev.data.fold === fold &&
      prev.data.warningCount === (w?.count ?? 0) &&
      prev.data.worst === w?.worst &&
      prev.data.tag === tag &&
      prev.data.tone === tone;
    nodes.push({
      id,
      type: 'host',
      // A node being dragged keeps its live position until the drag ends.
      position: prev?.dragging ? prev.position : position,
      data: sameCard
        ? prev.data
        : {
            host,
            warningCount: w?.count ?? 0,
            ...(w ? { worst: w.worst } : {}),
            ...(card ? { stack: card } : {}),
            ...(fold ? { fold } : {}),
            ...(tag ? { tag, tone } : {}),
          },
      selected,
      zIndex: 10,
      handles: NO_HANDLES,
      // Until drawn and measured, React Flow takes a card to be this size (to know whether it is in view).
      initialWidth: HOST_SIZE.width,
      initialHeight: HOST_SIZE.height,
      ariaLabel: `${
        card
          ? `${card.label}: ${card.names.join(', ')}`
          : `${visibleText(host.name)}: ${roles}${host.address ? `, ${visibleText(host.address)}` : ''}`
      }${tag ? `, ${tag[0]!.toLowerCase()}${tag.slice(1)}` : ''}`,
      ...(prev?.measured ? { measured: prev.measured } : {}),
    });
  });
  if (devices) nodes.push(...devices(plan, selection, previous));
  return nodes;
}

const pairCache = new WeakMap<readonly Flow[], FlowPair[]>();

/** The flows grouped per host pair, once per flows array (the edges and the routes share them). */
export function pairsOf(flows: readonly Flow[]): FlowPair[] {
  let pairs = pairCache.get(flows);
  if (!pairs) {
    pairs = groupFlowsByPair(flows);
    pairCache.set(flows, pairs);
  }
  return pairs;
}

/** How an arrow reads to a screen reader while an upgrade is compared. */
const CHANGE_WORDS: Record<NonNullable<FlowPair['change']>, string> = {
  add: ', to add for the upgrade',
  remove: ', to remove after the upgrade',
  keep: ', unchanged by the upgrade',
  mixed: ', changed by the upgrade (services marked + are added, − removed)',
};

/**
 * One edge per source and destination host, labelled with its services (and, while an upgrade is
 * compared, marked with its changes). `previous` lets edges whose pair, names, selection and
 * layer are unchanged keep their object, so selecting a host re-renders only the edges it touches.
 */
export function buildEdges(
  plan: Plan,
  pairs: readonly FlowPair[],
  selection: Selection,
  previous: ReadonlyMap<string, CanvasEdge> = new Map(),
): CanvasEdge[] {
  const names = new Map(plan.hosts.map((h) => [h.id, visibleText(h.name)]));
  // Arrows drawn together are no elements of their own, so nothing reads their names.
  const named = !drawnTogether(pairs.length);
  const selectedHosts = new Set(selection.kind === 'hosts' ? selection.ids : []);
  const carriedHosts = new Set(
    selection.kind === 'zone' ? plan.hosts.filter((h) => h.zone === selection.id).map((h) => h.id) : [],
  );
  return pairs.map((pair) => {
    const selected =
      selection.kind === 'edge' && selection.source === pair.source && selection.target === pair.target;
    const touches = (hosts: ReadonlySet<string>) => hosts.has(pair.source) || hosts.has(pair.target);
    const layer: EdgeLayer = touches(selectedHosts) ? 'raised' : touches(carriedHosts) ? 'carried' : 'rest';
    const ariaLabel = !named
      ? ''
      : `Flow from ${names.get(pair.source) ?? visibleText(pair.source)} to ${names.get(pair.target) ?? visibleText(pair.target)}: ` +
        `${pair.label}${pair.crossesFirewall ? ', crosses a firewall' : ', inside a zone'}` +
        (pair.change ? CHANGE_WORDS[pair.change] : '');
    const id = edgeId(pair.source, pair.target);
    const prev = previous.get(id);
    if (
      prev &&
      prev.pair === pair &&
      prev.selected === selected &&
      prev.layer === layer &&
      prev.ariaLabel === ariaLabel
    ) {
      return prev;
    }
    return { id, pair, selected, layer, ariaLabel };
  });
}

export const hostIdOf = (nodeId: string) => (nodeId.startsWith('host:') ? nodeId.slice(5) : undefined);
export const zoneIdOf = (nodeId: string) => (nodeId.startsWith('zone:') ? nodeId.slice(5) : undefined);
/** A device's node id is "firewall:" and its id: never a host's ("host:…") or a zone's ("zone:…"). */
export const firewallIdOf = (nodeId: string) =>
  nodeId.startsWith('firewall:') ? nodeId.slice(9) : undefined;
