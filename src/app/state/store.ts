import { create } from 'zustand';
import {
  deriveFlowsWithoutWarnings,
  emptyPlan,
  planSizeProblem,
  sameFlowInputs,
  type Derivation,
  type Flow,
  type Plan,
} from '../../domain';
import { requestFlows } from '../../domain/export';
import type { UpgradeDelta } from '../../domain/upgrade';

/** The upgrade comparison's module: the one place that names it, so it loads on demand (see loadUpgrade). */
const importUpgrade = () => import('../../domain/upgrade/delta');
type Upgrade = Awaited<ReturnType<typeof importUpgrade>>;
import type { FlowPair } from '../../domain';

/**
 * The one store: the plan, its undo history, and UI state. Flows and warnings are not stored;
 * `selectDerivation` computes them from the plan (memoised per plan object).
 */

export type Selection =
  | { kind: 'none' }
  | { kind: 'hosts'; ids: string[] }
  | { kind: 'zone'; id: string }
  | { kind: 'firewall'; id: string }
  | { kind: 'edge'; source: string; target: string };

export type BottomTab = 'flows' | 'grouped' | 'warnings';
export type ChangeFilter = 'all' | 'add' | 'remove' | 'keep';

export interface NoticeAction {
  label: string;
  run: () => void;
  /** The notice stays after this action (a download it still offers); by default it closes. */
  keepOpen?: boolean;
}

export interface Notice {
  id: number;
  tone: 'info' | 'success' | 'error';
  title: string;
  detail?: string;
  /** Buttons on the notice, e.g. "Download the unreadable copy". */
  actions?: NoticeAction[];
  /** Stays until dismissed even when it is good news (it offers something). */
  persist?: boolean;
  /** Shown but not spoken: the same words go to screen readers another way (the canvas's live region). */
  silent?: boolean;
  /** A bar for work under way: the share done (0 to 1), or null while it cannot be told. */
  progress?: number | null;
}

interface CommitOptions {
  /** Successive commits with the same key (typing in one field) make one undo step. */
  mergeKey?: string;
}

const HISTORY_LIMIT = 200;
const NOTICE_MS = 6000;
const MERGE_WINDOW_MS = 1500;

export interface PlannerState {
  plan: Plan;
  past: Plan[];
  future: Plan[];
  lastCommit: { key?: string; at: number };
  /**
   * Goes up whenever the view should fit the plan anew: a different plan opened (new, example,
   * import, saved) or the whole plan laid out again.
   */
  planEpoch: number;
  selection: Selection;
  bottomTab: BottomTab;
  flowFilter: string;
  /** While an upgrade is compared: which flows the table lists by their change. */
  changeFilter: ChangeFilter;
  /** Change-request scope: add flows inside a zone to the table and the exports. */
  includeInternal: boolean;
  notices: Notice[];
  /** The latest sentence for screen readers about what an edit did (a polite live region reads it). */
  announcement: string;
  /** "Group similar hosts": the canvas draws hosts of the same roles and zone as one stacked card. */
  groupHosts: boolean;
  /** Stacks (by key) drawn host by host while grouping is on. */
  expandedStacks: string[];
  /** Goes up when the canvas must redraw from the plan: an edit the plan refused (a zone kept large enough for its hosts). */
  canvasRevision: number;
  /** A "Tidy layout" is running (off the main thread); the plan is not changed meanwhile by it. */
  layoutBusy: boolean;
  /** The upgrade comparison's code has loaded (see loadUpgrade): derived deltas can be shown. */
  upgradeReady: boolean;
  /** The warnings' code has loaded (see loadWarnings): derivations hold the plan's warnings. */
  warningsReady: boolean;

  /** Makes an edit one undo step; false (with a notice) when the plan would grow past the size limit. */
  commit: (next: Plan, options?: CommitOptions) => boolean;
  /** Opens another plan; false (with a notice) when it is past the size limit. */
  replacePlan: (next: Plan) => boolean;
  undo: () => void;
  redo: () => void;
  select: (selection: Selection) => void;
  setBottomTab: (tab: BottomTab) => void;
  setFlowFilter: (text: string) => void;
  setChangeFilter: (filter: ChangeFilter) => void;
  setIncludeInternal: (on: boolean) => void;
  setLayoutBusy: (busy: boolean) => void;
  announce: (text: string) => void;
  /** Draws the canvas from the plan again, undoing what a drag showed but the plan did not take. */
  redrawCanvas: () => void;
  setGroupHosts: (on: boolean) => void;
  /** Draws a stack host by host, or folds it back. */
  toggleStack: (key: string) => void;
  /** Fits the canvas view to the whole plan (after a layout moved everything). */
  fitToPlan: () => void;
  /** Shows a notice and returns its id. */
  notify: (notice: Omit<Notice, 'id'>) => number;
  /** Changes a notice still shown (a progress bar moving); nothing when it is gone. */
  updateNotice: (id: number, change: Partial<Omit<Notice, 'id'>>) => void;
  dismiss: (id: number) => void;
}

let noticeId = 0;

/**
 * Plans on either side of an open (new, example, import, link): undo and redo across one are a
 * different plan, not an edit of this one, and say nothing about hosts changing zone.
 */
const openings = new WeakSet<Plan>();
export const acrossOpening = (a: Plan, b: Plan) => openings.has(a) && openings.has(b);

/**
 * Refuses a plan that would need more flows than the app can show (see MAX_FLOWS), before any
 * flow is derived, so the page never freezes on it and it never reaches the autosave. The check
 * counts hosts per role, cheap enough for every edit.
 */
function tooLarge(next: Plan, what: string): boolean {
  const problem = planSizeProblem(next);
  if (!problem) return false;
  usePlanner
    .getState()
    .notify({ tone: 'error', title: `${what}: it is too large.`, detail: problem.message });
  return true;
}

/** Drops selected things that no longer exist in the plan (after undo, delete, load). */
function pruneSelection(selection: Selection, plan: Plan): Selection {
  switch (selection.kind) {
    case 'hosts': {
      const ids = selection.ids.filter((id) => plan.hosts.some((h) => h.id === id));
      return ids.length ? { kind: 'hosts', ids } : { kind: 'none' };
    }
    case 'zone':
      return plan.zones.some((z) => z.id === selection.id) ? selection : { kind: 'none' };
    case 'firewall':
      return plan.firewalls?.some((f) => f.id === selection.id) ? selection : { kind: 'none' };
    case 'edge': {
      const exists = (id: string) => plan.hosts.some((h) => h.id === id);
      return exists(selection.source) && exists(selection.target) ? selection : { kind: 'none' };
    }
    default:
      return selection;
  }
}

export const usePlanner = create<PlannerState>()((set, get) => ({
  plan: emptyPlan(),
  past: [],
  future: [],
  lastCommit: { at: 0 },
  planEpoch: 0,
  selection: { kind: 'none' },
  bottomTab: 'flows',
  flowFilter: '',
  changeFilter: 'all',
  includeInternal: false,
  notices: [],
  layoutBusy: false,
  upgradeReady: false,
  warningsReady: false,
  announcement: '',
  canvasRevision: 0,
  groupHosts: false,
  expandedStacks: [],

  commit: (next, options = {}) => {
    const { plan, past, lastCommit, selection } = get();
    if (next === plan) return true;
    if (tooLarge(next, 'This change was not made')) return false;
    const now = Date.now();
    const merge =
      options.mergeKey !== undefined &&
      options.mergeKey === lastCommit.key &&
      now - lastCommit.at < MERGE_WINDOW_MS;
    set({
      plan: next,
      past: merge ? past : [...past.slice(-(HISTORY_LIMIT - 1)), plan],
      future: [],
      lastCommit: { key: options.mergeKey, at: now },
      selection: pruneSelection(selection, next),
    });
    return true;
  },

  /** Replaces the plan as a whole (new, example, import); undo brings the old one back. */
  replacePlan: (next) => {
    const { plan, past, planEpoch } = get();
    if (tooLarge(next, 'This plan was not opened')) return false;
    openings.add(plan);
    openings.add(next);
    set({
      plan: next,
      past: [...past.slice(-(HISTORY_LIMIT - 1)), plan],
      future: [],
      lastCommit: { at: 0 },
      planEpoch: planEpoch + 1,
      selection: { kind: 'none' },
    });
    return true;
  },

  undo: () => {
    const { plan, past, future, selection } = get();
    const previous = past[past.length - 1];
    if (!previous) return;
    set({
      plan: previous,
      past: past.slice(0, -1),
      future: [plan, ...future],
      lastCommit: { at: 0 },
      selection: pruneSelection(selection, previous),
    });
  },

  redo: () => {
    const { plan, past, future, selection } = get();
    const next = future[0];
    if (!next) return;
    set({
      plan: next,
      past: [...past, plan],
      future: future.slice(1),
      lastCommit: { at: 0 },
      selection: pruneSelection(selection, next),
    });
  },

  select: (selection) => set({ selection }),
  setBottomTab: (bottomTab) => set({ bottomTab }),
  setFlowFilter: (flowFilter) => set({ flowFilter }),
  setChangeFilter: (changeFilter) => set({ changeFilter }),
  setIncludeInternal: (includeInternal) => set({ includeInternal }),
  setLayoutBusy: (layoutBusy) => set({ layoutBusy }),
  announce: (announcement) => set({ announcement }),
  redrawCanvas: () => set((s) => ({ canvasRevision: s.canvasRevision + 1 })),
  setGroupHosts: (groupHosts) => set({ groupHosts, expandedStacks: [] }),
  toggleStack: (key) =>
    set((s) => ({
      expandedStacks: s.expandedStacks.includes(key)
        ? s.expandedStacks.filter((k) => k !== key)
        : [...s.expandedStacks, key],
    })),
  fitToPlan: () => set((s) => ({ planEpoch: s.planEpoch + 1 })),
  notify: (notice) => {
    const id = ++noticeId;
    set((s) => ({ notices: [...s.notices, { ...notice, id }] }));
    // Good news fades; problems stay until dismissed.
    if (notice.tone !== 'error' && !notice.persist) setTimeout(() => get().dismiss(id), NOTICE_MS);
    return id;
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  updateNotice: (id, change) =>
    set((s) => ({ notices: s.notices.map((n) => (n.id === id ? { ...n, ...change } : n)) })),
}));

/** The warnings' module: the one place that names it, so it loads on demand (see loadWarnings). */
const importWarnings = () => import('../../domain/engine/derive');
let warningsOf: Awaited<ReturnType<typeof importWarnings>>['warningsOf'] | undefined;
let warningsLoad: Promise<void> | undefined;

let derivations = new WeakMap<Plan, Derivation>();
let latest: { plan: Plan; derivation: Derivation } | undefined;

/**
 * The warnings' code, a tenth of what the canvas needs, fetched as the app starts. The panels
 * that list warnings and the exports that print them wait for it (loadPanels, the export menu);
 * the canvas marks cards once it is in. A failed load is tried again next time.
 */
export function loadWarnings(): Promise<void> {
  warningsLoad ??= importWarnings().then(
    (m) => {
      warningsOf = m.warningsOf;
      // Derivations made before held no warnings.
      derivations = new WeakMap();
      latest = undefined;
      usePlanner.setState({ warningsReady: true });
    },
    (e: unknown) => {
      warningsLoad = undefined;
      throw e;
    },
  );
  return warningsLoad;
}

/**
 * Flows and warnings of a plan, computed once per plan object, and not at all when the plan
 * differs from the last one derived only in what deriving never reads (cards moved, a layout).
 * Until the warnings' code is in (loadWarnings), a plan derives with none.
 */
export function derive(plan: Plan): Derivation {
  let d = derivations.get(plan);
  if (!d) {
    if (latest && sameFlowInputs(latest.plan, plan)) d = latest.derivation;
    else {
      const flows = deriveFlowsWithoutWarnings(plan);
      d = { ...flows, warnings: warningsOf ? warningsOf(plan, flows.flows) : [] };
    }
    derivations.set(plan, d);
  }
  latest = { plan, derivation: d };
  return d;
}

// `warningsReady` is read so the selector runs again once the warnings' code has loaded.
export const selectDerivation = (s: PlannerState) => (s.warningsReady, derive(s.plan));
export const useDerivation = () => usePlanner(selectDerivation);

const scoped = new WeakMap<Derivation, { all: Flow[]; crossing: Flow[] }>();

/** The flows in the change request's scope: the flow table, the CSV and the PDF all use this. */
export function scopedFlows(d: Derivation, includeInternal: boolean): Flow[] {
  let entry = scoped.get(d);
  if (!entry) {
    // Excluded flows leave the change request in both scopes.
    entry = {
      all: requestFlows(d, { includeInternal: true }),
      crossing: requestFlows(d, { includeInternal: false }),
    };
    scoped.set(d, entry);
  }
  return includeInternal ? entry.all : entry.crossing;
}

export const useScopedFlows = () => usePlanner((s) => scopedFlows(derive(s.plan), s.includeInternal));

let upgrade: Upgrade | undefined;
let upgradeLoad: Promise<Upgrade> | undefined;

/**
 * The upgrade comparison's code, loaded on first use (a plan with "Upgrade from" set, or a version
 * change to summarise), so plans that compare nothing do not carry it at page load. A failed load
 * is tried again next time.
 */
export function loadUpgrade(): Promise<Upgrade> {
  upgradeLoad ??= importUpgrade().then(
    (m) => {
      upgrade = m;
      usePlanner.setState({ upgradeReady: true });
      return m;
    },
    (e: unknown) => {
      upgradeLoad = undefined;
      throw e;
    },
  );
  return upgradeLoad;
}

const deltas = new WeakMap<Derivation, { from: string; delta: UpgradeDelta }>();

/**
 * With "Upgrade from" set, what the upgrade changes: computed once per derivation and version
 * (the plan's flows at the version run now are derived only for this). Undefined without one, and
 * for the moment the comparison's code takes to load the first time.
 */
export function deriveDelta(plan: Plan): UpgradeDelta | undefined {
  const from = plan.upgradeFrom;
  if (from === undefined) return undefined;
  if (!upgrade) {
    loadUpgrade().catch(() => undefined);
    return undefined;
  }
  const derivation = derive(plan);
  const known = deltas.get(derivation);
  if (known && known.from === from && known.delta.to === plan.productVersion) return known.delta;
  const delta = upgrade.upgradeDelta(plan, from, derivation);
  deltas.set(derivation, { from, delta });
  return delta;
}

// `upgradeReady` is read so the selector runs again once the code has loaded.
export const useDelta = () => usePlanner((s) => (s.upgradeReady, deriveDelta(s.plan)));

const scopedDeltas = new WeakMap<UpgradeDelta, UpgradeDelta>();

const scopedDeltasAll = new WeakMap<UpgradeDelta, UpgradeDelta>();

/**
 * The delta in the change request's scope, excluded flows left out as in the upgrade CSV and PDF
 * (the flow table's rows and summary).
 */
export function scopedDelta(delta: UpgradeDelta, includeInternal: boolean): UpgradeDelta {
  if (!upgrade) return delta;
  const cache = includeInternal ? scopedDeltasAll : scopedDeltas;
  let scoped = cache.get(delta);
  if (!scoped) {
    scoped = upgrade.deltaInScope(delta, { includeInternal });
    cache.set(delta, scoped);
  }
  return scoped;
}

export const useScopedDelta = () =>
  usePlanner((s) => {
    const delta = (s.upgradeReady, deriveDelta(s.plan));
    return delta && scopedDelta(delta, s.includeInternal);
  });

const deltaArrows = new WeakMap<UpgradeDelta, FlowPair[]>();

/** The canvas arrows of a comparison, marked with their changes: once per delta. */
export function deltaPairsOf(delta: UpgradeDelta): FlowPair[] {
  let pairs = deltaArrows.get(delta);
  if (!pairs && upgrade) {
    pairs = upgrade.deltaPairs(delta);
    deltaArrows.set(delta, pairs);
  }
  return pairs ?? [];
}
