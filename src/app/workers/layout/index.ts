import { applyLayout, layoutGraph, type LayoutNode } from '../../../domain/diagram';
import { deriveFlowsWithoutWarnings, groupFlowsByPair, type FlowPair } from '../../../domain/engine';
import type { Plan } from '../../../domain/plan';
import { layoutProblems, planAsShown, unlessUnchanged } from '../../../domain/diagram';
import { derive, usePlanner } from '../../state';
import { shownCards, type TidyView } from './cards';
import type { LayoutReply, LayoutRequest } from './protocol';

export type { TidyView } from './cards';

/**
 * "Tidy layout" for the app: the plan's graph goes to a Web Worker running ELK, and its answer
 * comes back as a plan with new positions. The app imports this module only with `import()`, so
 * ELK (about 1.6 MB) loads the first time someone asks for a tidy layout.
 */

/** Longer than ELK needs for the largest plan allowed (about 1,000 hosts take 2 s here). */
export const LAYOUT_TIMEOUT_MS = 20_000;

interface Pending {
  resolve: (graph: LayoutNode) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

/** Fails every waiting request and drops the worker, so the next request starts a fresh one. */
function failAll(message: string) {
  worker?.terminate();
  worker = undefined;
  for (const p of pending.values()) {
    clearTimeout(p.timer);
    p.reject(new Error(message));
  }
  pending.clear();
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'layout' });
  w.onmessage = (event: MessageEvent<LayoutReply>) => {
    const reply = event.data;
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    clearTimeout(p.timer);
    if (reply.ok) p.resolve(reply.graph);
    else p.reject(new Error(`The layout could not be computed: ${reply.message}`));
  };
  w.onerror = (event) => {
    event.preventDefault();
    failAll(`The layout engine stopped: ${event.message || 'it could not be loaded'}.`);
  };
  w.onmessageerror = () => failAll('The layout engine sent an answer that could not be read.');
  worker = w;
  return w;
}

/** Why a layout ended when the person cancelled it. */
class LayoutCancelled extends Error {
  constructor() {
    super('The layout was cancelled.');
  }
}

/** Stops the layout under way (the worker with it); its promise fails with LayoutCancelled. */
function cancelLayouts() {
  worker?.terminate();
  worker = undefined;
  for (const p of pending.values()) {
    clearTimeout(p.timer);
    p.reject(new LayoutCancelled());
  }
  pending.clear();
}

/** A layout that takes longer than this offers Cancel, as long exports do. */
const CANCEL_AFTER_MS = 1000;

/** Runs ELK on a graph in the worker. */
export function runLayout(graph: LayoutNode, timeoutMs = LAYOUT_TIMEOUT_MS): Promise<LayoutNode> {
  return new Promise((resolve, reject) => {
    let w: Worker;
    try {
      w = getWorker();
    } catch (e) {
      reject(new Error(`The layout engine could not start: ${e instanceof Error ? e.message : String(e)}`));
      return;
    }
    const id = nextId++;
    const timer = setTimeout(() => {
      // A worker still busy after this long is stuck: stop it rather than let it run on.
      pending.delete(id);
      failAll('The layout took too long and was stopped.');
      reject(new Error(`The layout took longer than ${Math.round(timeoutMs / 1000)} s and was stopped.`));
    }, timeoutMs);
    pending.set(id, { resolve, reject, timer });
    const request: LayoutRequest = { id, graph };
    w.postMessage(request);
  });
}

/**
 * The plan with every host and zone placed afresh. `pairs` may be passed when the caller already
 * has the flows grouped by host pair; otherwise they are derived here. With similar hosts grouped
 * (`view`), the cards shown are laid out and the hosts hidden in a stack go with its card.
 */
export async function tidyLayout(plan: Plan, pairs?: readonly FlowPair[], view?: TidyView): Promise<Plan> {
  const cards = shownCards(plan, view);
  const graph = layoutGraph(plan, pairs ?? groupFlowsByPair(deriveFlowsWithoutWarnings(plan).flows), cards);
  return applyLayout(plan, await runLayout(graph), cards);
}

/** What is shown of the plan: with similar hosts grouped, the stacks' cards and not their hidden hosts. */
export function asShown(plan: Plan, view: TidyView | undefined): Plan {
  const cards = shownCards(plan, view);
  return cards ? planAsShown(plan, cards) : plan;
}

/**
 * The plan with the few misplaced cards among those shown (no position, a shared or overlapping
 * one, outside their zone) put in free space in their zones, hosts hidden in a stack left on their
 * card; undefined when too many are misplaced for that (see placeMisplaced).
 */
export async function placeShownMisplaced(plan: Plan, view: TidyView | undefined): Promise<Plan | undefined> {
  const { placeMisplaced } = await import('../../../domain/diagram/complete');
  const placed = placeMisplaced(asShown(plan, view));
  if (!placed) return undefined;
  const at = new Map(placed.hosts.map((h) => [h.id, h.position]));
  return {
    ...plan,
    zones: placed.zones,
    hosts: plan.hosts.map((h) => (at.has(h.id) ? { ...h, position: at.get(h.id)! } : h)),
  };
}

/**
 * What a change of view brought out onto one spot is spread: a stack opened, or grouping turned
 * off, after a grouped Tidy left the stack's hosts on their card's spot. A few are placed in free
 * space in their zones, the rest of the diagram kept; more, and what is shown is laid out afresh.
 * One undo step, and the person is told. Nothing piled: nothing happens.
 */
export async function spreadPiled(apply: (next: Plan) => boolean, view: TidyView): Promise<void> {
  const { plan, notify } = usePlanner.getState();
  const { reasons } = layoutProblems(asShown(plan, view));
  const piled = [...reasons.values()].filter((r) => r.includes('same-position')).length;
  if (piled === 0) return;
  const next = await placeShownMisplaced(plan, view);
  if (!next) return tidyPlan(apply, view);
  if (usePlanner.getState().plan !== plan || !apply(next)) return;
  notify({
    tone: 'success',
    title: `Placed ${piled} cards that shared one spot.`,
    detail: 'They are in free space in their zones now. Undo puts them back.',
  });
}

/**
 * "Tidy layout" from start to end: lays out the whole plan off the main thread and, through
 * `apply` (the command's one undo step), puts it in place, saying what happened. An edit made while
 * it runs wins: the layout is then dropped, with a word why. `view` says what the canvas shows
 * (grouped or not), so the layout arranges that. This code loads on first use.
 */
export async function tidyPlan(apply: (next: Plan) => boolean, view?: TidyView): Promise<void> {
  const { plan, setLayoutBusy, notify, dismiss } = usePlanner.getState();
  if (plan.hosts.length === 0 && plan.zones.length === 0) return;
  setLayoutBusy(true);
  let notice: number | undefined;
  // Past a second, a notice says the layout is under way and offers to stop it.
  const slow = setTimeout(() => {
    notice = notify({
      tone: 'info',
      title: 'Laying out the plan…',
      detail: 'Portolan stays usable meanwhile.',
      persist: true,
      progress: null,
      actions: [{ label: 'Cancel', run: cancelLayouts }],
    });
  }, CANCEL_AFTER_MS);
  try {
    // A plan already laid out this way makes no undo step.
    // The flows are already derived for the canvas: the layout reuses them.
    const next = unlessUnchanged(plan, await tidyLayout(plan, groupFlowsByPair(derive(plan).flows), view));
    // Redrawing every card is the heavy part: it gets a task of its own, apart from reading the
    // worker's answer, so neither holds the page for long.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const state = usePlanner.getState();
    if (state.plan !== plan) {
      notify({
        tone: 'info',
        title: 'The layout was not applied.',
        detail: 'The plan changed while it was being laid out. Choose "Tidy layout" again.',
      });
      return;
    }
    if (next === plan) {
      notify({ tone: 'success', title: 'The plan is already laid out.' });
      return;
    }
    if (!apply(next)) return;
    state.fitToPlan();
    notify({
      tone: 'success',
      title: 'Laid out the plan.',
      detail: 'Undo puts everything back where it was.',
    });
  } catch (e) {
    if (e instanceof LayoutCancelled)
      notify({ tone: 'info', title: 'The layout was stopped; nothing moved.' });
    else
      notify({
        tone: 'error',
        title: 'The layout could not be made.',
        detail: e instanceof Error ? e.message : String(e),
      });
  } finally {
    clearTimeout(slow);
    if (notice !== undefined) dismiss(notice);
    setLayoutBusy(false);
  }
}
