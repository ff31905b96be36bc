import { removeFirewalls, removeHosts, removeZones, type Point } from '../../domain';
import { defineCommand } from './command';

/** Where the canvas should place new things when not told: set by the canvas, in flow coordinates. */
let centreSource: () => Point = () => ({ x: 0, y: 0 });
export function setViewCentreSource(source: () => Point) {
  centreSource = source;
}
export const viewCentre = () => centreSource();

/** Commands on what is selected and on the view. */
export const VIEW_COMMANDS = {
  /** Deletes what is selected: hosts, a zone (its hosts stay, unzoned) or a firewall device. */
  deleteSelection: defineCommand({
    id: 'deleteSelection',
    label: 'Delete',
    keys: ['Delete', 'Backspace', 'Shift+Delete', 'Shift+Backspace'],
    enabled: (s) => s.selection.kind !== 'none' && s.selection.kind !== 'edge',
    perform: (s) => {
      const { plan, selection } = s;
      if (selection.kind === 'hosts') s.commit(removeHosts(plan, new Set(selection.ids)));
      else if (selection.kind === 'zone') s.commit(removeZones(plan, new Set([selection.id])));
      else if (selection.kind === 'firewall') s.commit(removeFirewalls(plan, new Set([selection.id])));
      else return false;
      s.select({ kind: 'none' });
    },
  }),
  clearSelection: defineCommand({
    id: 'clearSelection',
    label: 'Clear selection',
    keys: ['Escape'],
    enabled: (s) => s.selection.kind !== 'none',
    perform: (s) => s.select({ kind: 'none' }),
  }),
  tidyLayout: defineCommand({
    id: 'tidyLayout',
    label: 'Tidy layout',
    keys: ['Alt+Shift+L'],
    enabled: (s) => !s.layoutBusy && (s.plan.hosts.length > 0 || s.plan.zones.length > 0),
    // The layout and what it says load on first use (see workers/layout).
    // It lays out what the canvas shows: with similar hosts grouped, their stacks' cards.
    perform: (s) =>
      import('../workers/layout').then((m) =>
        m.tidyPlan((next) => s.commit(next), {
          groupHosts: s.groupHosts,
          expandedStacks: s.expandedStacks,
        }),
      ),
  }),
};
