import { describeZoneChanges, flowDelta, zoneChanges } from '../../domain/plan/membership';
import { acrossOpening, derive, usePlanner } from '../store';

/**
 * Says so whenever hosts change zone, however it happened (the panel, a drag, the arrow keys, a
 * zone moved or resized, undo, redo): a zone change changes the firewall rules, and a person should
 * never learn that from the flow table alone. Opening another plan is not a zone change.
 */
export function startZoneNews(): () => void {
  return usePlanner.subscribe((state, previous) => {
    if (state.plan === previous.plan || state.planEpoch !== previous.planEpoch) return;
    if (acrossOpening(previous.plan, state.plan)) return;
    const changes = zoneChanges(previous.plan, state.plan);
    if (changes.length === 0) return;
    const delta = flowDelta(derive(previous.plan).flows, derive(state.plan).flows);
    const text = describeZoneChanges(previous.plan, state.plan, changes, delta);
    state.notify({ tone: 'info', title: text, silent: true });
    state.announce(text);
  });
}
