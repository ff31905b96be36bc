import { ROLE_MIME } from '../ui';
import { OnDemand } from '../components';
import {
  Background,
  BackgroundVariant,
  MiniMap,
  Panel,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
  useStore,
  type NodeChange,
  type NodeProps,
  applyNodeChanges,
} from '@xyflow/react';
import {
  lazy,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import { isRoleId, type Move } from '../../domain';
import { registerCommands, run, setViewCentreSource } from '../commands';
import { startZoneNews } from './zoneNews';
import { deltaPairsOf, useDelta, useDerivation, usePlanner, useScopedFlows, type Selection } from '../state';
import {
  buildEdges,
  CANVAS_ITEMS,
  LABEL_ZOOM,
  LEGIBLE_ZOOM,
  buildNodes,
  firewallIdOf,
  hostIdOf,
  pairsOf,
  zoneIdOf,
  type CanvasEdge,
  type CanvasNode,
  type FirewallNode,
} from './graph';
import { HostNode } from './HostNode';
import { useRoutes } from './routes';
import { useStacked } from './stacked';
import { ZoneNode } from './ZoneNode';
import type * as DeviceCards from './FirewallNode';
import { useTheme } from '../ui';
import type * as KeyboardNav from './keyboardNav';
import type { ContextMenuAt, MenuTarget } from './ContextMenu';

const MINIMAP_ZONE = { untrusted: '#fca5a5', dmz: '#fcd34d', trusted: '#6ee7b7' } as const;
const minimapColor = (n: CanvasNode) =>
  n.type === 'zone' ? MINIMAP_ZONE[n.data.zone.trust] : n.type === 'firewall' ? '#ea580c' : '#64748b';

/** The device cards' code (FirewallNode.tsx), loaded when a plan first has a device. */
type Devices = typeof DeviceCards;
let devices: Devices | undefined;
let devicesLoad: Promise<Devices> | undefined;
const loadDevices = () =>
  (devicesLoad ??= import('./FirewallNode').then(
    (m) => {
      registerCommands(m.FIREWALL_COMMANDS);
      return (devices = m);
    },
    (e: unknown) => {
      devicesLoad = undefined;
      throw e;
    },
  ));
/** Device nodes are drawn only once their code is in, so this never waits. */
function DeviceNode(props: NodeProps<FirewallNode>) {
  const Card = devices!.FirewallNode;
  return <Card {...props} />;
}

/** The device cards' code once a plan has devices (undefined until then, and for plans without). */
function useDevices(wanted: boolean): Devices | undefined {
  const [loaded, setLoaded] = useState(devices);
  useEffect(() => {
    if (wanted && !loaded) loadDevices().then(setLoaded, () => undefined);
  }, [wanted, loaded]);
  return wanted ? loaded : undefined;
}

/** What an empty canvas says (EmptyCanvas.tsx): loaded only while the plan is empty. */
const EmptyCanvas = lazy(() => import('./EmptyCanvas').then((m) => ({ default: m.EmptyCanvas })));
/**
 * The arrows (FlowEdge.tsx): fetched as the app starts, beside the panels' chunk, and drawn in a
 * render after the cards as they always were (see FlowLayer).
 */
const loadFlows = () => import('./FlowEdge');
void loadFlows().catch(() => undefined);
const FlowLayer = lazy(() => loadFlows().then((m) => ({ default: m.FlowLayer })));
const ArrowMarkers = lazy(() => loadFlows().then((m) => ({ default: m.ArrowMarkers })));

/** The context menu (ContextMenu.tsx): loaded when first asked for. */
const ContextMenu = lazy(() => import('./ContextMenu').then((m) => ({ default: m.ContextMenu })));

/** Zoom and fit (CanvasControls.tsx), drawn a moment after the cards. */
const CanvasControls = lazy(() => import('./CanvasControls').then((m) => ({ default: m.CanvasControls })));

/** Walking the canvas with the keyboard (keyboardNav.ts): loaded when the keyboard first comes to it. */
let nav: typeof KeyboardNav | undefined;
const loadNav = (): Promise<typeof KeyboardNav> => import('./keyboardNav').then((m) => (nav = m));
/** Runs at once when the code is in (the usual case: it loads while the page is idle). */
const withNav = (then: (m: typeof KeyboardNav) => void) => {
  if (nav) then(nav);
  else void loadNav().then(then, () => undefined);
};
if (typeof requestIdleCallback === 'function')
  requestIdleCallback(() => void loadNav().catch(() => undefined));
const isItem = (el: Element) => el.matches(CANVAS_ITEMS);
const ARROW_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

/** React Flow makes every card a tab stop; here none is (the canvas is one, see keyboardNav.ts). */
const OUT_OF_TAB_ORDER = { tabIndex: -1 } as const;
const outOfTabOrder = new WeakMap<CanvasNode, CanvasNode>();
function withoutTabStop(node: CanvasNode): CanvasNode {
  let out = outOfTabOrder.get(node);
  if (!out) {
    out = { ...node, domAttributes: { ...node.domAttributes, ...OUT_OF_TAB_ORDER } };
    outOfTabOrder.set(node, out);
  }
  return out;
}

/**
 * The view fits the whole plan, but never so far out that the cards cannot be read (LEGIBLE_ZOOM):
 * a larger plan opens on its middle, the minimap and the wheel reach the rest. Fitting 1,000 hosts
 * at a tenth of their size drew every card and arrow at once.
 */
const FIT_VIEW = {
  padding: 0.12,
  maxZoom: 1,
  minZoom: LEGIBLE_ZOOM,
  // Cards never drawn (out of view, see CULL_FROM) count by their usual size. No node is hidden.
  includeHiddenNodes: true,
};
/** From this many cards on, only the cards in view are drawn (React Flow's culling). */
const CULL_FROM = 200;
const nodeTypes = { host: HostNode, zone: ZoneNode, firewall: DeviceNode };
const ARIA_LABELS = {
  'node.a11yDescription.default':
    'The arrow keys go to the next card or arrow that way. Enter or Space selects; the arrow keys then move the selected cards, Escape clears the selection.',
  'edge.a11yDescription.default':
    'The arrow keys go to the next card or arrow that way. Enter or Space selects the flow, Escape clears the selection.',
};

/** The stack a card opens (a stack's card) or folds back (a host of an opened stack), if any. */
const stackToggle = (node: CanvasNode) =>
  node.type === 'host' ? (node.data.stack?.key ?? node.data.fold) : undefined;

/** Folds React Flow's node selection changes into the store's selection. */
function selectionAfterNodeChanges(current: Selection, changes: NodeChange<CanvasNode>[]): Selection {
  const hosts = new Set(current.kind === 'hosts' ? current.ids : []);
  let zone = current.kind === 'zone' ? current.id : undefined;
  let device = current.kind === 'firewall' ? current.id : undefined;
  let touched = false;
  for (const c of changes) {
    if (c.type !== 'select') continue;
    touched = true;
    const hostId = hostIdOf(c.id);
    const zoneId = zoneIdOf(c.id);
    const deviceId = firewallIdOf(c.id);
    if (c.selected) {
      if (hostId) hosts.add(hostId);
      if (zoneId) zone = zoneId;
      if (deviceId) device = deviceId;
    } else {
      if (hostId) hosts.delete(hostId);
      if (zoneId && zone === zoneId) zone = undefined;
      if (deviceId && device === deviceId) device = undefined;
    }
  }
  if (!touched) return current;
  if (hosts.size > 0) return { kind: 'hosts', ids: [...hosts] };
  if (zone) return { kind: 'zone', id: zone };
  if (device) return { kind: 'firewall', id: device };
  // Deselecting nodes while an edge is being selected must not clear the edge.
  return current.kind === 'edge' ? current : { kind: 'none' };
}

export function Canvas() {
  const plan = usePlanner((s) => s.plan);
  const selection = usePlanner((s) => s.selection);
  const { flows, warnings } = useDerivation();
  // With "Upgrade from" set, the arrows show what the upgrade adds, removes and keeps.
  const delta = useDelta();
  // "Group similar hosts": stacked cards, and the change request's grouped rules as arrows.
  const groupHosts = usePlanner((s) => s.groupHosts);
  const expandedStacks = usePlanner((s) => s.expandedStacks);
  const scoped = useScopedFlows();
  const stacked = useStacked(plan, scoped, groupHosts, expandedStacks);
  const stackedRef = useRef(stacked);
  useEffect(() => {
    stackedRef.current = stacked;
  }, [stacked]);
  const { resolved } = useTheme();
  const rf = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  // Edge labels are hidden when zoomed far out; one subscription here instead of one per edge.
  const zoomedOut = useStore((s) => s.transform[2] < LABEL_ZOOM);

  // Nodes live in local state while they are dragged or resized (so a drag touches neither the
  // store nor the flow engine) and are rebuilt from the plan whenever it changes, keeping what
  // React Flow measured.
  const revision = usePlanner((s) => s.canvasRevision);
  const deviceCode = useDevices(!!plan.firewalls?.length);
  const [local, setLocal] = useState(() => ({
    plan,
    selection,
    warnings,
    revision,
    stacked,
    deviceCode,
    nodes: buildNodes(
      plan,
      selection,
      warnings,
      new Map(),
      stacked?.stacks,
      stacked?.within,
      deviceCode?.deviceNodes,
    ),
  }));
  let nodes = local.nodes;
  if (
    local.plan !== plan ||
    local.selection !== selection ||
    local.warnings !== warnings ||
    local.revision !== revision ||
    local.stacked !== stacked ||
    local.deviceCode !== deviceCode
  ) {
    nodes = buildNodes(
      plan,
      selection,
      warnings,
      new Map(local.nodes.map((n) => [n.id, n])),
      stacked?.stacks,
      stacked?.within,
      deviceCode?.deviceNodes,
    );
    setLocal({ plan, selection, warnings, revision, stacked, deviceCode, nodes });
  }
  const dragging = useRef(new Set<string>());
  // While something is dragged, a cover over the canvas takes the pointer (see index.css).
  const [dragActive, setDragActive] = useState(false);
  const onNodeDragStart = useCallback(() => setDragActive(true), []);
  const onNodeDragStop = useCallback(() => setDragActive(false), []);

  // Fit the view when a different plan is opened, once its nodes have been measured; never while
  // someone edits (adding the first host must not make the view jump).
  const planEpoch = usePlanner((s) => s.planEpoch);
  const initialized = useNodesInitialized();
  const fitted = useRef(-1);
  useEffect(() => {
    if (fitted.current === planEpoch) return;
    const { plan } = usePlanner.getState();
    if (plan.hosts.length === 0 && plan.zones.length === 0) {
      // Nothing to fit: start at the origin, full size, and leave the view alone from here on.
      fitted.current = planEpoch;
      void rf.setViewport({ x: 0, y: 0, zoom: 1 });
      return;
    }
    // A large plan draws only the cards in view, so not all are ever measured: it is fitted at
    // once, by the cards' usual size (see buildNodes).
    if (!initialized && plan.hosts.length + plan.zones.length < CULL_FROM) return;
    fitted.current = planEpoch;
    void rf.fitView(FIT_VIEW);
  }, [initialized, planEpoch, rf]);

  // Edges are rebuilt when the flows or the selection change, keeping unchanged edge objects.
  const edgesFor = (previous: ReadonlyMap<string, CanvasEdge>) =>
    stacked
      ? stacked.edges(plan, stacked.arrows, stacked.stacks, selection, previous)
      : buildEdges(plan, delta ? deltaPairsOf(delta) : pairsOf(flows), selection, previous);
  const [edgeState, setEdgeState] = useState(() => ({
    flows,
    delta,
    plan,
    selection,
    stacked,
    edges: edgesFor(new Map()),
  }));
  let edges = edgeState.edges;
  if (
    edgeState.flows !== flows ||
    edgeState.delta !== delta ||
    edgeState.plan !== plan ||
    edgeState.selection !== selection ||
    edgeState.stacked !== stacked
  ) {
    edges = edgesFor(new Map(edgeState.edges.map((e) => [e.id, e])));
    setEdgeState({ flows, delta, plan, selection, stacked, edges });
  }

  useEffect(() => startZoneNews(), []);
  const includeInternal = usePlanner((s) => s.includeInternal);
  const { routes, pending: routing } = useRoutes(
    plan,
    groupHosts ? { expanded: expandedStacks, includeInternal } : undefined,
  );
  const announcement = usePlanner((s) => s.announcement);

  useEffect(() => {
    setViewCentreSource(() => {
      const r = wrapper.current?.getBoundingClientRect();
      if (!r) return { x: 0, y: 0 };
      return rf.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
    });
  }, [rf]);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const state = usePlanner.getState();
      const stacks = stackedRef.current?.stacks;
      // A stack's card stands for all its hosts: selecting or unselecting it does so to each.
      const forHosts = stacks
        ? changes.flatMap((c): NodeChange<CanvasNode>[] => {
            const id = c.type === 'select' ? hostIdOf(c.id) : undefined;
            const stack = id ? stacks.stackOf.get(id) : undefined;
            if (c.type !== 'select' || !stack || stack.hostIds.length < 2) return [c];
            return stack.hostIds.map((m) => ({ ...c, id: `host:${m}` }));
          })
        : changes;
      const nextSelection = selectionAfterNodeChanges(state.selection, forHosts);
      if (nextSelection !== state.selection) state.select(nextSelection);

      // Only a zone move needs the other nodes (to carry its hosts); a host move must not cost a
      // pass over every node.
      const zoneMoved = changes.some((c) => c.type === 'position' && c.position && zoneIdOf(c.id));
      const current = new Map(zoneMoved ? (rf.getNodes() as CanvasNode[]).map((n) => [n.id, n]) : []);
      const resizing = new Set(changes.flatMap((c) => (c.type === 'dimensions' && c.resizing ? [c.id] : [])));
      const extra: NodeChange<CanvasNode>[] = [];
      const settled = new Set<string>();
      let keyboardOnly = true;
      const moving = new Set(changes.flatMap((x) => ('id' in x ? [x.id] : [])));
      for (const c of changes) {
        if (c.type !== 'position' || !c.position || resizing.has(c.id)) continue;
        const zoneId = zoneIdOf(c.id);
        const before = current.get(c.id);
        // A zone carries its hosts along while it is dragged.
        if (zoneId && before) {
          const dx = c.position.x - before.position.x;
          const dy = c.position.y - before.position.y;
          for (const h of state.plan.hosts) {
            const hostNode = current.get(`host:${h.id}`);
            if (h.zone !== zoneId || !hostNode || moving.has(hostNode.id)) continue;
            extra.push({
              type: 'position',
              id: hostNode.id,
              position: { x: hostNode.position.x + dx, y: hostNode.position.y + dy },
            });
          }
        }
        if (c.dragging) dragging.current.add(c.id);
        else {
          if (dragging.current.delete(c.id)) keyboardOnly = false;
          settled.add(c.id);
        }
      }
      const applied = [...changes.filter((c) => c.type !== 'select'), ...extra];
      if (applied.length) setLocal((l) => ({ ...l, nodes: applyNodeChanges(applied, l.nodes) }));

      // Moves are committed when a drag ends or a key moved a node; a moved zone takes its hosts along.
      const moves: Move[] = [];
      const drags: { stack: string[]; to: { x: number; y: number } }[] = [];
      for (const c of changes) {
        if (c.type !== 'position' || !c.position || !settled.has(c.id)) continue;
        const deviceId = firewallIdOf(c.id);
        // A device's card moves alone: it takes nothing along and joins no zone it lands on.
        // Refused (its code not in yet), the card goes back to where the plan has it.
        if (
          deviceId &&
          !run('moveFirewall', { id: deviceId, position: c.position, byKeyboard: keyboardOnly })
        )
          state.redrawCanvas();
        const planId = hostIdOf(c.id) ?? zoneIdOf(c.id);
        if (!planId) continue;
        // A stack's card moves all its hosts by as much as the card moved (see below).
        const stack = stacks?.stackOf.get(planId);
        if (stack && stack.hostIds.length > 1) drags.push({ stack: stack.hostIds, to: c.position });
        else moves.push({ id: planId, position: c.position });
      }
      // A move the plan does not take (a card kept inside its zone, a zone dropped on another)
      // puts everything back where the plan has it (see moveCards).
      run('moveCards', {
        moves,
        stacks: drags.map((d) => ({ hostIds: d.stack, to: d.to })),
        byKeyboard: keyboardOnly,
      });
    },
    [rf],
  );

  // Double-click, or Enter on the focused card, opens a stack in place; on one of its hosts, folds
  // it back.
  const onNodeDoubleClick = useCallback((_e: unknown, node: CanvasNode) => {
    const key = stackToggle(node);
    if (key) run('toggleStack', { key });
  }, []);
  // The context menu: what it was asked on is selected first (as in draw.io), so its commands act
  // on it; the keyboard goes back there when the menu closes.
  const [menu, setMenu] = useState<ContextMenuAt & { from: Element | null }>();
  const openMenu = useCallback(
    (on: Element, x: number, y: number) => {
      const { selection, select } = usePlanner.getState();
      const nodeId = on.closest('.react-flow__node')?.getAttribute('data-id');
      const edgeId = on.closest('g.react-flow__edge-flow')?.getAttribute('data-id');
      let target: MenuTarget = 'canvas';
      const hostId = nodeId && hostIdOf(nodeId);
      const zoneId = nodeId && zoneIdOf(nodeId);
      const deviceId = nodeId && firewallIdOf(nodeId);
      if (hostId) {
        target = 'hosts';
        const stack = stackedRef.current?.stacks.stackOf.get(hostId);
        const ids = stack && stack.hostIds.length > 1 ? stack.hostIds : [hostId];
        if (selection.kind !== 'hosts' || !ids.every((id) => selection.ids.includes(id)))
          select({ kind: 'hosts', ids });
      } else if (zoneId) {
        target = 'zone';
        select({ kind: 'zone', id: zoneId });
      } else if (deviceId) {
        target = 'firewall';
        select({ kind: 'firewall', id: deviceId });
      } else if (edgeId) {
        const edge = edges.find((e) => e.id === edgeId);
        if (edge) {
          target = 'edge';
          select({ kind: 'edge', source: edge.pair.source, target: edge.pair.target });
        }
      }
      setMenu({ target, x, y, from: on.closest(CANVAS_ITEMS) });
    },
    [edges],
  );
  const menuRef = useRef(menu);
  useEffect(() => {
    menuRef.current = menu;
  }, [menu]);
  const closeMenu = useCallback((how: 'picked' | 'escape' | 'away') => {
    const from = menuRef.current?.from;
    setMenu(undefined);
    if (how === 'away') return;
    // After the picked command has run: it may have removed the card (then the canvas takes the
    // keyboard and hands it to another) or opened a dialog (which keeps it).
    requestAnimationFrame(() => {
      const back = from?.isConnected ? from : wrapper.current;
      if (document.activeElement === document.body || document.activeElement?.closest('[role=menu]'))
        (back as HTMLElement | null)?.focus();
    });
  }, []);

  // Roving focus (see keyboardNav.ts): the canvas is one tab stop that hands the keyboard to a card
  // or arrow; the arrow keys go from one to the next.
  const lastFocused = useRef<string | undefined>(undefined);
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const target = e.target as Element;
      // An open context menu handles its own keys.
      if (target.closest('[role=menu]')) return;
      if (e.key === 'Tab' && e.shiftKey && isItem(target)) {
        // Back out of the canvas, not onto the canvas itself (which would hand the keyboard back in).
        const canvas = e.currentTarget;
        canvas.tabIndex = -1;
        setTimeout(() => (canvas.tabIndex = 0));
        return;
      }
      if (
        ARROW_KEYS.has(e.key) &&
        isItem(target) &&
        !e.defaultPrevented &&
        !e.altKey &&
        !e.ctrlKey &&
        !e.metaKey
      ) {
        // A selected card has already been moved by React Flow (which marks the event handled).
        e.preventDefault();
        const canvas = e.currentTarget;
        const direction = e.key as KeyboardNav.Direction;
        withNav((m) => {
          const next = m.nextItem(canvas, target, direction) as HTMLElement | SVGGElement | undefined;
          if (!next) return;
          next.focus();
          // React Flow brings a focused card into view; an arrow is brought here.
          const r = next.getBoundingClientRect();
          const view = canvas.getBoundingClientRect();
          if (
            next instanceof SVGGElement &&
            (r.right > view.right || r.left < view.left || r.bottom > view.bottom || r.top < view.top)
          ) {
            const p = rf.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
            void rf.setCenter(p.x, p.y, { zoom: rf.getZoom(), duration: 150 });
          }
        });
        return;
      }
      if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
        e.preventDefault();
        const r = target.getBoundingClientRect();
        openMenu(target, r.left + Math.min(r.width / 2, 40), r.top + Math.min(r.height / 2, 24));
        return;
      }
      if (e.key === 'Escape' && isItem(target)) {
        // React Flow lets go of a card it unselects; the keyboard stays on it here, to walk on from.
        const item = target as HTMLElement;
        requestAnimationFrame(() => {
          if (document.activeElement === document.body && item.isConnected) item.focus();
        });
        return;
      }
      if (e.key !== 'Enter') return;
      const id = target.closest('.react-flow__node')?.getAttribute('data-id');
      const node = id ? nodes.find((n) => n.id === id) : undefined;
      const key = node && stackToggle(node);
      if (key) run('toggleStack', { key });
    },
    [nodes, openMenu, rf],
  );
  const onFocus = useCallback((e: FocusEvent<HTMLDivElement>) => {
    const target = e.target as Element;
    if (isItem(target)) lastFocused.current = target.getAttribute('data-id') ?? undefined;
    // Tab reached the canvas (a click or tap on the empty pane focuses it too, not visibly: the
    // keyboard then stays where it is).
    else if (target === e.currentTarget && target.matches(':focus-visible')) {
      const canvas = e.currentTarget;
      withNav((m) => {
        // Still here (the keyboard may have gone on while the code loaded).
        if (document.activeElement === canvas) m.entryItem(canvas, lastFocused.current)?.focus();
      });
    }
  }, []);
  const shownNodes = useMemo(() => nodes.map(withoutTabStop), [nodes]);

  // Flows are not React Flow edges (see FlowLayer), so a click on the empty pane clears a selected
  // flow here.
  const onPaneClick = useCallback(() => {
    const { selection, select } = usePlanner.getState();
    if (selection.kind === 'edge') select({ kind: 'none' });
  }, []);

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(ROLE_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const role = e.dataTransfer.getData(ROLE_MIME);
      const at = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      // The palette's firewall item carries "firewall" where the others carry a role.
      if (role === 'firewall') run('addFirewall', { at });
      else if (isRoleId(role)) run('addHost', { role, at });
      else return;
      e.preventDefault();
    },
    [rf],
  );

  return (
    <>
      {/* Outside the busy wrapper: a screen reader may hold back what a busy region says. */}
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>

      <div
        ref={wrapper}
        // Busy while the arrows are being routed anew after an edit.
        aria-busy={routing}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onContextMenu={(e) => {
          e.preventDefault();
          // A right-click on the open menu, or the menu key there (Windows sends it on key-up).
          if ((e.target as Element).closest('[role=menu]')) return;
          openMenu(e.target as Element, e.clientX, e.clientY);
        }}
        // Printing reads it: only the cards in view are drawn (see print/rules.ts).
        data-culled={nodes.length >= CULL_FROM || undefined}
        tabIndex={0}
        role="group"
        aria-label="Diagram"
        className={`relative h-full w-full outline-none focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-teal-600 ${zoomedOut ? 'portolan-zoomed-out' : ''} ${dragActive ? 'portolan-dragging' : ''}`}
      >
        <OnDemand>
          <ArrowMarkers />
        </OnDemand>
        <ReactFlow<CanvasNode>
          nodes={shownNodes}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onNodeDragStart={onNodeDragStart}
          onNodeDragStop={onNodeDragStop}
          onNodeDoubleClick={onNodeDoubleClick}
          onPaneClick={onPaneClick}
          onDragOver={onDragOver}
          onDrop={onDrop}
          nodesConnectable={false}
          onlyRenderVisibleElements={nodes.length >= CULL_FROM}
          deleteKeyCode={null}
          elevateNodesOnSelect={false}
          colorMode={resolved}
          minZoom={0.1}
          maxZoom={2}
          ariaLabelConfig={ARIA_LABELS}
        >
          {/* Drawn anew for each plan opened: its arrows then go into an empty layer at once,
              not one by one among the last plan's (see FlowLayer). */}
          <OnDemand>
            <FlowLayer key={planEpoch} edges={edges} routes={routes} live={dragActive} />
          </OnDemand>
          <Panel
            position="top-right"
            className="rounded-md border border-slate-200 bg-white/90 px-2 py-1 text-sm shadow-sm dark:border-slate-700 dark:bg-slate-900/90"
          >
            <label className="flex items-center gap-1.5 text-slate-700 dark:text-slate-200">
              <input
                type="checkbox"
                checked={groupHosts}
                onChange={(e) => run('setGroupHosts', { on: e.target.checked })}
                className="accent-teal-700"
              />
              Group similar hosts
            </label>
          </Panel>
          {plan.hosts.length === 0 && plan.zones.length === 0 && !plan.firewalls?.length && (
            <div className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center">
              <OnDemand>
                <EmptyCanvas />
              </OnDemand>
            </div>
          )}
          <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
          <OnDemand>
            <CanvasControls fitViewOptions={FIT_VIEW} />
          </OnDemand>
          <MiniMap<CanvasNode>
            pannable
            zoomable
            position="bottom-right"
            nodeColor={minimapColor}
            ariaLabel="Minimap"
            style={{ width: 170, height: 110 }}
          />
        </ReactFlow>
        {menu && (
          <OnDemand>
            <ContextMenu at={menu} onClose={closeMenu} />
          </OnDemand>
        )}
      </div>
    </>
  );
}
