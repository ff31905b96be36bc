import type { Plan } from '../../domain';
import type * as ZoneWords from './zoneNewsWords';
import { acrossOpening, derive, usePlanner } from '../state';

type Words = typeof ZoneWords;
let words: Promise<Words> | undefined;
/** The sentences' code loads when there is first something to say (a failed load is tried again). */
const loadWords = () =>
  (words ??= import('./zoneNewsWords').catch((e: unknown) => {
    words = undefined;
    throw e;
  }));

/** Each edit's news in the order of the edits, however long the first load takes. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Says so whenever hosts change zone, however it happened (the panel, a drag, the arrow keys, a
 * zone moved or resized, undo, redo): a zone change changes the firewall rules, and a person should
 * never learn that from the flow table alone. Opening another plan is not a zone change.
 */
export function startZoneNews(): () => void {
  return usePlanner.subscribe((state, previous) => {
    if (state.plan === previous.plan || state.planEpoch !== previous.planEpoch) return;
    if (acrossOpening(previous.plan, state.plan)) return;
    // A quick look first: most edits move no host between zones and load nothing.
    if (!zoneMoved(previous.plan, state.plan)) return;
    const [before, after] = [previous.plan, state.plan];
    queue = queue
      .then(loadWords)
      .then(({ zoneChanges, flowDelta, describeZoneChanges }) => {
        const changes = zoneChanges(before, after);
        const delta = flowDelta(derive(before).flows, derive(after).flows);
        const text = describeZoneChanges(before, after, changes, delta);
        const now = usePlanner.getState();
        now.notify({ tone: 'info', title: text, silent: true });
        now.announce(text);
      })
      .catch(() => undefined);
  });
}

/** Whether any host kept in both plans has another zone. */
function zoneMoved(before: Plan, after: Plan): boolean {
  const was = new Map(before.hosts.map((h) => [h.id, h.zone]));
  return after.hosts.some((h) => was.has(h.id) && was.get(h.id) !== h.zone);
}
