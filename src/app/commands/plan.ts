import { emptyPlan, hasUserContent, type Plan } from '../../domain';
import { setProductVersion, setUpgradeFrom } from '../../domain/upgrade';
import { defineCommand } from './command';

/** Nothing a person made would be lost by replacing this plan. */
export function isPlanEmpty(plan: Plan) {
  return !hasUserContent(plan);
}

/** Commands on the plan as a whole: history, name, version, change request, group names. */
export const PLAN_COMMANDS = {
  undo: defineCommand({
    id: 'undo',
    label: 'Undo',
    keys: ['Mod+Z'],
    enabled: (s) => s.past.length > 0,
    perform: (s) => s.undo(),
  }),
  redo: defineCommand({
    id: 'redo',
    label: 'Redo',
    keys: ['Mod+Shift+Z', 'Ctrl+Y'],
    enabled: (s) => s.future.length > 0,
    perform: (s) => s.redo(),
  }),
  newPlan: defineCommand({
    id: 'newPlan',
    label: 'New plan',
    perform: (s) => s.replacePlan(emptyPlan()),
  }),
  /** Typing in the name field makes one undo step; an empty name is not kept. */
  renamePlan: defineCommand<{ name: string }>({
    id: 'renamePlan',
    label: 'Rename plan',
    perform: (s, { name }) => {
      const value = name.trim();
      return value !== '' && s.commit({ ...s.plan, name: value }, { mergeKey: 'plan-name' });
    },
  }),
  /**
   * Moves the plan to another product version (one undo step) and says what that changes for the
   * firewall, offering to compare the two versions.
   */
  changeProductVersion: defineCommand<{ version: string }>({
    id: 'changeProductVersion',
    label: 'Product version',
    perform: (s, { version }) => {
      const { plan } = s;
      const next = setProductVersion(plan, version);
      if (next === plan || !s.commit(next)) return false;
      const previous = plan.productVersion;
      // What it changes, in words, with the code that compares versions: both load on first use.
      void import('./versionNews').then(
        (m) => m.tellVersionSwitch(next, previous),
        () => undefined,
      );
    },
  }),
  /** Compares the plan's version with `from`, the version run now (undefined: no comparison). */
  compareWith: defineCommand<{ from: string | undefined }>({
    id: 'compareWith',
    label: 'Upgrade from',
    perform: (s, { from }) => s.commit(setUpgradeFrom(s.plan, from)),
  }),
};
