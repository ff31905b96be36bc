import {
  HOST_SIZE,
  addHost,
  freeSpot,
  hostPosition,
  moveItems,
  placeInZone,
  zoneRect,
  type Move,
  type Plan,
  type Point,
  type RoleId,
} from '../../domain';
import { defineCommand } from './command';
import { viewCentre } from './view';
import { explainZoneRefusal } from './zone';

/**
 * Moves the hosts of a stack's card, dropped with its first host at `to`: all by as much, and all
 * into the zone the card landed in (one by one, each would land wherever its own spot fell).
 */
function moveStack(plan: Plan, hostIds: readonly string[], to: Point): Plan {
  const [first, ...others] = hostIds;
  const at = (p: Plan, id: string) => {
    const i = p.hosts.findIndex((h) => h.id === id);
    return { host: p.hosts[i]!, position: hostPosition(p.hosts[i]!, i) };
  };
  const from = at(plan, first!).position;
  let next = moveItems(plan, [{ id: first!, position: to }]);
  const zone = at(next, first!).host.zone;
  for (const id of others) {
    const p = at(plan, id).position;
    next = moveItems(next, [{ id, position: { x: p.x + to.x - from.x, y: p.y + to.y - from.y } }]);
    if (at(next, id).host.zone !== zone) next = placeInZone(next, id, zone);
  }
  return next;
}

/** The host whose name field should take the keyboard when it shows (one added from the palette). */
let nameFocusFor: string | undefined;

/** True once for the host just added from the palette: its name field then takes the keyboard. */
export function takeNameFocus(hostId: string): boolean {
  if (nameFocusFor !== hostId) return false;
  nameFocusFor = undefined;
  return true;
}

/** Commands on hosts: add, name, address, roles, zone, and moving cards on the canvas. */
export const HOST_COMMANDS = {
  /**
   * Adds a host of `role` and selects it. Dropped at `at` (flow coordinates), it joins the zone
   * it lands in. Added from the palette by a press (no `at`), it goes to free space in the selected
   * zone, or, with no zone selected, near the middle of the view outside every zone (never into
   * whatever zone happens to be there), and its name field takes the keyboard.
   */
  addHost: defineCommand<{ role: RoleId; at?: Point }>({
    id: 'addHost',
    label: 'Add host',
    perform: (s, { role, at }) => {
      if (at) {
        const result = addHost(s.plan, role, {
          x: at.x - HOST_SIZE.width / 2,
          y: at.y - HOST_SIZE.height / 2,
        });
        if (!s.commit(result.plan)) return false;
        s.select({ kind: 'hosts', ids: [result.host.id] });
        return;
      }
      const c = viewCentre();
      const spot = freeSpot(s.plan, { x: c.x - HOST_SIZE.width / 2, y: c.y - HOST_SIZE.height / 2 });
      const result = addHost(s.plan, role, spot);
      const zone = s.selection.kind === 'zone' ? s.selection.id : undefined;
      if (!s.commit(placeInZone(result.plan, result.host.id, zone))) return false;
      s.select({ kind: 'hosts', ids: [result.host.id] });
      nameFocusFor = result.host.id;
    },
  }),
  /**
   * Cards moved on the canvas (a drag ended, or arrow keys): hosts and zones to new places, and
   * stacks' cards with all their hosts. Refused (a card kept inside its zone, a zone dropped on
   * another): the canvas is drawn from the plan again, saying why when a zone was refused. Steps of
   * the arrow keys on the same cards make one undo step.
   */
  moveCards: defineCommand<{
    moves: readonly Move[];
    stacks: readonly { hostIds: readonly string[]; to: Point }[];
    byKeyboard: boolean;
  }>({
    id: 'moveCards',
    label: 'Move',
    perform: (s, { moves, stacks, byKeyboard }) => {
      if (moves.length === 0 && stacks.length === 0) return false;
      let next = moves.length ? moveItems(s.plan, moves) : s.plan;
      for (const stack of stacks) next = moveStack(next, stack.hostIds, stack.to);
      if (next === s.plan) {
        s.redrawCanvas();
        for (const m of moves) {
          const zone = s.plan.zones.find((z) => z.id === m.id);
          if (zone) explainZoneRefusal(s, zone.id, { ...m.position, ...zoneRect(zone).size });
        }
        return false;
      }
      const moved = [...moves.map((m) => m.id), ...stacks.map((d) => d.hostIds[0]!)];
      return s.commit(next, byKeyboard ? { mergeKey: `keyboard-move:${moved.join(',')}` } : {});
    },
  }),
};
