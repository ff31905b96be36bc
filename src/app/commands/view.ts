import { removeFirewalls, removeHosts, removeZones, type Point } from '../../domain';
import { usePlanner, type PlannerState } from '../state';
import { defineCommand } from './command';

/** Where the canvas should place new things when not told: set by the canvas, in flow coordinates. */
let centreSource: () => Point = () => ({ x: 0, y: 0 });
export function setViewCentreSource(source: () => Point) {
  centreSource = source;
}
export const viewCentre = () => centreSource();

/**
 * Hosts a grouped Tidy left on their stack's card show up on one spot once the stack opens or
 * grouping goes off: they are spread then (see spreadPiled, loaded with the layout on first use).
 */
function spreadAfterViewChange(s: PlannerState): Promise<unknown> | undefined {
  const { groupHosts, expandedStacks } = usePlanner.getState();
  if (s.plan.hosts.length < 2) return undefined;
  return import('../workers/layout').then((m) =>
    m.spreadPiled((next) => usePlanner.getState().commit(next), { groupHosts, expandedStacks }),
  );
}

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
  /** Opens a stack to show its hosts one by one, or folds them back into one card. */
  toggleStack: defineCommand<{ key: string }>({
    id: 'toggleStack',
    label: 'Open or fold a stack',
    perform: (s, { key }) => {
      s.toggleStack(key);
      return spreadAfterViewChange(s);
    },
  }),
  /** "Group similar hosts": stacks of similar hosts on the canvas, and the grouped rules as arrows. */
  setGroupHosts: defineCommand<{ on: boolean }>({
    id: 'setGroupHosts',
    label: 'Group similar hosts',
    perform: (s, { on }) => {
      s.setGroupHosts(on);
      return spreadAfterViewChange(s);
    },
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
