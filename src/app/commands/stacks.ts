import { usePlanner, type PlannerState } from '../state';
import { defineCommand } from './command';

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

/**
 * The stacked view ("Group similar hosts"): registered with the panels (see components/panels.ts),
 * which load with the page, before anyone can open a stack.
 */
export const STACK_COMMANDS = {
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
};
