import {
  HOST_SIZE,
  addHost,
  addZone,
  emptyPlan,
  freeSpot,
  groupFlowsByPair,
  hasUserContent,
  newZoneOverlap,
  objectPrefixProblem,
  visibleText,
  removeHosts,
  removeZones,
  setObjectPrefix,
  type Plan,
  type Point,
  type RoleId,
} from '../../domain';
import { unlessUnchanged } from '../../domain/diagram';
import { setProductVersion, setUpgradeFrom } from '../../domain/upgrade';
import { derive, loadUpgrade, usePlanner } from '../state';

/**
 * What the buttons, menus and keys of the app do. Each command reads the store, makes a pure
 * edit of the plan with the domain's functions, and commits it (one undo step).
 */

/** Where the canvas should place new things when not told: set by the canvas, in flow coordinates. */
let viewCentre: () => Point = () => ({ x: 0, y: 0 });
export function setViewCentreSource(source: () => Point) {
  viewCentre = source;
}

/** Adds a host of `role` centred on `point` (flow coordinates) and selects it. */
export function addHostAt(role: RoleId, point: Point) {
  const { plan, commit, select } = usePlanner.getState();
  const position = { x: point.x - HOST_SIZE.width / 2, y: point.y - HOST_SIZE.height / 2 };
  const result = addHost(plan, role, position);
  commit(result.plan);
  select({ kind: 'hosts', ids: [result.host.id] });
  return result.host;
}

/** Adds a host in the middle of the visible canvas, nudged off any host already there. */
export function addHostInView(role: RoleId) {
  const { plan } = usePlanner.getState();
  const c = viewCentre();
  const spot = freeSpot(plan, { x: c.x - HOST_SIZE.width / 2, y: c.y - HOST_SIZE.height / 2 });
  return addHostAt(role, { x: spot.x + HOST_SIZE.width / 2, y: spot.y + HOST_SIZE.height / 2 });
}

export function addZoneInView() {
  const { plan, commit, select } = usePlanner.getState();
  const c = viewCentre();
  const result = addZone(plan, { x: c.x - 220, y: c.y - 150 });
  commit(result.plan);
  select({ kind: 'zone', id: result.zone.id });
}

/** Deletes what is selected: hosts, or a zone (its hosts stay, unzoned). */
export function deleteSelection(): boolean {
  const { plan, selection, commit, select } = usePlanner.getState();
  if (selection.kind === 'hosts') {
    commit(removeHosts(plan, new Set(selection.ids)));
  } else if (selection.kind === 'zone') {
    commit(removeZones(plan, new Set([selection.id])));
  } else return false;
  select({ kind: 'none' });
  return true;
}

/** Nothing a person made would be lost by replacing this plan. */
export function isPlanEmpty(plan: Plan) {
  return !hasUserContent(plan);
}

export function newPlan() {
  usePlanner.getState().replacePlan(emptyPlan());
}

/**
 * Lays out the whole plan with the layout engine (loaded on first use, run in a worker) as one
 * undo step. An edit made while it runs wins: the layout is then dropped, with a word why.
 */
export async function tidyLayout(): Promise<void> {
  const { plan, setLayoutBusy, notify } = usePlanner.getState();
  if (plan.hosts.length === 0 && plan.zones.length === 0) return;
  setLayoutBusy(true);
  try {
    const { tidyLayout: layOut } = await import('../workers/layout');
    // A plan already laid out this way makes no undo step.
    // The flows are already derived for the canvas: the layout reuses them.
    const next = unlessUnchanged(plan, await layOut(plan, groupFlowsByPair(derive(plan).flows)));
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
    if (!state.commit(next)) return;
    state.fitToPlan();
    notify({
      tone: 'success',
      title: 'Laid out the plan.',
      detail: 'Undo puts everything back where it was.',
    });
  } catch (e) {
    notify({
      tone: 'error',
      title: 'The layout could not be made.',
      detail: e instanceof Error ? e.message : String(e),
    });
  } finally {
    setLayoutBusy(false);
  }
}

/**
 * Says why a zone did not move or change size when the plan refused it: it would have covered
 * another zone. (A size kept large enough for its hosts shows in the zone itself.)
 */
export function explainZoneRefusal(
  zoneId: string,
  rect: { x: number; y: number; width: number; height: number },
) {
  const { plan, notify } = usePlanner.getState();
  const zone = plan.zones.find((z) => z.id === zoneId);
  const other = zone && newZoneOverlap(plan, zone, rect);
  if (!zone || !other) return;
  notify({
    tone: 'info',
    title: `${visibleText(zone.name)} stays where it was: it would overlap ${visibleText(other.name)}.`,
    detail: 'Zones cannot overlap, so every card is drawn in its own zone only.',
  });
}

/**
 * Moves the plan to another product version (one undo step) and says what that changes for the
 * firewall, offering to compare the two versions. Comparing with the version chosen ends a
 * comparison (see setProductVersion).
 */
export function changeProductVersion(version: string) {
  const { plan, commit } = usePlanner.getState();
  const next = setProductVersion(plan, version);
  if (next === plan || !commit(next)) return;
  const previous = plan.productVersion;
  // The comparison's code loads on first use; the words follow as soon as it is there.
  void loadUpgrade().then(
    ({ upgradeDelta, versionSwitchSummary }) => {
      const summary = versionSwitchSummary(upgradeDelta(next, previous, derive(next)));
      const { announce, notify } = usePlanner.getState();
      announce(summary);
      notify({
        tone: 'info',
        title: summary,
        silent: true,
        ...(next.upgradeFrom === undefined
          ? {
              detail: 'Compare the two to see what to open before the upgrade and what to close after it.',
              actions: [{ label: `Compare with ${previous}`, run: () => compareWith(previous) }],
            }
          : {}),
      });
    },
    () => undefined,
  );
}

/** Compares the plan's version with `from`, the version run now (undefined: no comparison); one undo step. */
export function compareWith(from: string | undefined) {
  const { plan, commit } = usePlanner.getState();
  commit(setUpgradeFrom(plan, from));
}

/**
 * Sets the prefix of every name the firewall files create; empty or undefined goes back to the
 * default made from the plan's name. Typing in the field makes one undo step. False, changing
 * nothing, when the prefix is refused (see objectPrefixProblem).
 */
export function changeObjectPrefix(prefix: string | undefined): boolean {
  const value = prefix?.trim() || undefined;
  if (value !== undefined && objectPrefixProblem(value) !== null) return false;
  const { plan, commit } = usePlanner.getState();
  return commit(setObjectPrefix(plan, value), { mergeKey: 'cr:objectPrefix' });
}
