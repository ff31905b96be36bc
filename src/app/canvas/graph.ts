import type { Edge, Node } from '@xyflow/react';
import {
  hostPosition,
  zoneRect,
  ROLES,
  groupFlowsByPair,
  pairKey,
  type Flow,
  type FlowPair,
  type Host,
  type Plan,
  type Severity,
  type Warning,
  type Zone,
} from '../../domain';
import type { Selection } from '../store';

export interface HostNodeData extends Record<string, unknown> {
  host: Host;
  warningCount: number;
  worst?: Severity;
}
export interface ZoneNodeData extends Record<string, unknown> {
  zone: Zone;
  hostCount: number;
}
export interface FlowEdgeData extends Record<string, unknown> {
  pair: FlowPair;
}

export type HostNode = Node<HostNodeData, 'host'>;
export type ZoneNode = Node<ZoneNodeData, 'zone'>;
export type CanvasNode = HostNode | ZoneNode;
export type FlowEdge = Edge<FlowEdgeData, 'flow'>;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const edgeId = (source: string, target: string) => `edge:${pairKey(source, target)}`;

/**
 * Builds React Flow nodes from the plan. Zones come first so they are drawn beneath the hosts.
 * `previous` lets unchanged nodes keep their object (React Flow then skips them) and keeps what
 * React Flow measured.
 */
export function buildNodes(
  plan: Plan,
  selection: Selection,
  warnings: readonly Warning[],
  previous: ReadonlyMap<string, CanvasNode>,
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
    if (prev && prev.data.zone === zone && prev.data.hostCount === hostCount && prev.selected === selected) {
      nodes.push(prev);
      continue;
    }
    const { position, size } = zoneRect(zone);
    nodes.push({
      id,
      type: 'zone',
      position,
      width: size.width,
      height: size.height,
      data: { zone, hostCount },
      selected,
      zIndex: 0,
      ariaLabel: `Zone ${zone.name}, ${zone.trust}, ${hostCount} host${hostCount === 1 ? '' : 's'}`,
      ...(prev?.measured ? { measured: prev.measured } : {}),
    });
  }
  plan.hosts.forEach((host, index) => {
    const id = `host:${host.id}`;
    const prev = previous.get(id) as HostNode | undefined;
    const w = hostWarnings.get(host.id);
    const selected = selectedHosts.has(host.id);
    if (
      prev &&
      prev.data.host === host &&
      prev.selected === selected &&
      prev.data.warningCount === (w?.count ?? 0) &&
      prev.data.worst === w?.worst
    ) {
      nodes.push(prev);
      return;
    }
    const roles = host.roles.map((r) => ROLES[r].label).join(', ');
    nodes.push({
      id,
      type: 'host',
      // A node being dragged keeps its live position until the drag ends.
      position: prev?.dragging ? prev.position : hostPosition(host, index),
      data: { host, warningCount: w?.count ?? 0, ...(w ? { worst: w.worst } : {}) },
      selected,
      zIndex: 10,
      ariaLabel: `${host.name}: ${roles}${host.address ? `, ${host.address}` : ''}`,
      ...(prev?.measured ? { measured: prev.measured } : {}),
    });
  });
  return nodes;
}

const pairCache = new WeakMap<readonly Flow[], FlowPair[]>();

/**
 * One edge per source and destination host, labelled with its services. `previous` lets edges
 * whose pair, names and selection are unchanged keep their object, so selecting a host re-renders
 * only the edges it touches.
 */
export function buildEdges(
  plan: Plan,
  flows: readonly Flow[],
  selection: Selection,
  previous: ReadonlyMap<string, FlowEdge> = new Map(),
): FlowEdge[] {
  const names = new Map(plan.hosts.map((h) => [h.id, h.name]));
  const selectedHosts = new Set(selection.kind === 'hosts' ? selection.ids : []);
  let pairs = pairCache.get(flows);
  if (!pairs) {
    pairs = groupFlowsByPair(flows);
    pairCache.set(flows, pairs);
  }
  return pairs.map((pair) => {
    const selected =
      selection.kind === 'edge' && selection.source === pair.source && selection.target === pair.target;
    // Edges of selected hosts move when those hosts are dragged; the stylesheet gives them a layer
    // of their own so the rest of the canvas is not repainted on every frame.
    const attached = selectedHosts.has(pair.source) || selectedHosts.has(pair.target);
    const ariaLabel =
      `Flow from ${names.get(pair.source) ?? pair.source} to ${names.get(pair.target) ?? pair.target}: ` +
      `${pair.label}${pair.crossesFirewall ? ', crosses a firewall' : ', inside a zone'}`;
    const id = edgeId(pair.source, pair.target);
    const prev = previous.get(id);
    if (
      prev &&
      prev.data?.pair === pair &&
      prev.selected === selected &&
      (prev.className === 'portolan-attached') === attached &&
      prev.ariaLabel === ariaLabel
    ) {
      return prev;
    }
    return {
      id,
      type: 'flow',
      source: `host:${pair.source}`,
      target: `host:${pair.target}`,
      data: { pair },
      selected,
      ...(attached ? { className: 'portolan-attached' } : {}),
      focusable: true,
      ariaLabel,
    };
  });
}

export const hostIdOf = (nodeId: string) => (nodeId.startsWith('host:') ? nodeId.slice(5) : undefined);
export const zoneIdOf = (nodeId: string) => (nodeId.startsWith('zone:') ? nodeId.slice(5) : undefined);
