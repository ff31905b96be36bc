import {
  addFirewall,
  addInterface,
  removeInterface,
  semanticProblems,
  updateFirewall,
  updateInterface,
  type FirewallVendor,
  type Plan,
  type Point,
  type Problem,
} from '../../domain';
import { defineCommand } from './command';
import { viewCentre } from './view';

/** A device's card on the canvas (FirewallNode.tsx): new devices are centred on where they are put. */
export const FIREWALL_CARD = { width: 176, height: 64 };

/**
 * What the plan format says is wrong with a device (see firewallProblems in plan/schema.ts): a
 * name another device has, an interface name a device would not take, two interfaces on one zone.
 * Each problem's path is made relative to the device ("name", "interfaces[1].name"). Only zones
 * and devices are checked, so it is quick enough for every keystroke.
 */
export function deviceProblems(plan: Pick<Plan, 'zones' | 'firewalls'>, id: string): Problem[] {
  const index = plan.firewalls?.findIndex((f) => f.id === id) ?? -1;
  if (index < 0) return [];
  const prefix = `firewalls[${index}].`;
  return semanticProblems({ zones: plan.zones, hosts: [], firewalls: plan.firewalls }).flatMap((p) =>
    p.path.startsWith(prefix) ? [{ ...p, path: p.path.slice(prefix.length) }] : [],
  );
}

/** Whether `next` leaves the device's `path` (e.g. "name", "interfaces[0].name") free of problems. */
const fine = (next: Plan, id: string, path: string) => !deviceProblems(next, id).some((p) => p.path === path);

/*
 * Commands on firewall devices: place one (the palette), move its card, name it, pick its vendor,
 * and bind its interfaces to zones. The palette, the side panel and the device cards use them, all
 * of which load on demand; each registers them as it loads (registerCommands in registry.ts).
 * Deleting a selected device is `deleteSelection` (view.ts), as for hosts and zones.
 */
export const FIREWALL_COMMANDS = {
  /**
   * Adds a device centred on `at` (flow coordinates; by default the middle of the visible canvas)
   * and selects it. It faces no zone until it is given interfaces.
   */
  addFirewall: defineCommand<{ at?: Point }>({
    id: 'addFirewall',
    label: 'Add firewall',
    perform: (s, { at }) => {
      const c = at ?? viewCentre();
      const result = addFirewall(s.plan, {
        x: c.x - FIREWALL_CARD.width / 2,
        y: c.y - FIREWALL_CARD.height / 2,
      });
      if (!s.commit(result.plan)) return false;
      s.select({ kind: 'firewall', id: result.firewall.id });
    },
  }),
  /** A device's card dragged or moved by the arrow keys; it keeps its interfaces wherever it goes. */
  moveFirewall: defineCommand<{ id: string; position: Point; byKeyboard: boolean }>({
    id: 'moveFirewall',
    label: 'Move firewall',
    perform: (s, { id, position, byKeyboard }) =>
      s.commit(
        updateFirewall(s.plan, id, { position: { x: Math.round(position.x), y: Math.round(position.y) } }),
        byKeyboard ? { mergeKey: `keyboard-move:firewall:${id}` } : {},
      ),
  }),
  /** Typing in the name field makes one undo step; an empty name, or another device's, is not kept. */
  renameFirewall: defineCommand<{ id: string; name: string }>({
    id: 'renameFirewall',
    label: 'Rename firewall',
    perform: (s, { id, name }) => {
      const value = name.trim();
      const next = updateFirewall(s.plan, id, { name: value });
      return value !== '' && fine(next, id, 'name') && s.commit(next, { mergeKey: `firewall-name:${id}` });
    },
  }),
  setFirewallVendor: defineCommand<{ id: string; vendor: FirewallVendor }>({
    id: 'setFirewallVendor',
    label: 'Firewall vendor',
    perform: (s, { id, vendor }) => s.commit(updateFirewall(s.plan, id, { vendor })),
  }),
  /**
   * Gives the device an interface facing `zone` (undefined: the hosts in no zone), named "if1",
   * "if2", …; refused when the device already faces that zone.
   */
  addFirewallInterface: defineCommand<{ id: string; zone: string | undefined }>({
    id: 'addFirewallInterface',
    label: 'Add interface',
    perform: (s, { id, zone }) => {
      const next = addInterface(s.plan, id, zone);
      return next !== s.plan && s.commit(next);
    },
  }),
  /** What the device calls the interface; a name the device would not take is not kept. */
  setInterfaceName: defineCommand<{ id: string; index: number; name: string }>({
    id: 'setInterfaceName',
    label: 'Interface name',
    perform: (s, { id, index, name }) => {
      const next = updateInterface(s.plan, id, index, { name: name.trim() });
      return (
        fine(next, id, `interfaces[${index}].name`) &&
        s.commit(next, { mergeKey: `interface-name:${id}:${index}` })
      );
    },
  }),
  /** The zone the interface faces (null: the hosts in no zone); refused when another interface faces it. */
  setInterfaceZone: defineCommand<{ id: string; index: number; zone: string | null }>({
    id: 'setInterfaceZone',
    label: 'Interface zone',
    perform: (s, { id, index, zone }) => {
      const next = updateInterface(s.plan, id, index, { zone });
      return fine(next, id, `interfaces[${index}].zone`) && s.commit(next);
    },
  }),
  removeFirewallInterface: defineCommand<{ id: string; index: number }>({
    id: 'removeFirewallInterface',
    label: 'Remove interface',
    perform: (s, { id, index }) => s.commit(removeInterface(s.plan, id, index)),
  }),
};
