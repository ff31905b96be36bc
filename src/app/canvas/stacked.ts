import { useEffect, useMemo, useState } from 'react';
import type { Flow, Plan } from '../../domain';
import type * as StackView from './stackView';

type StackViewModule = typeof StackView;
let loaded: StackViewModule | undefined;

export type Stacked = ReturnType<StackViewModule['stackView']> & {
  /** The arrows between the cards (buildStackEdges in stackView.ts). */
  edges: StackViewModule['buildStackEdges'];
};

/**
 * The canvas's stacked view while "Group similar hosts" is on: the cards and the grouped rules'
 * arrows between them. Its code (stackView.ts, with the grouping code) loads the first time it is
 * asked for; until then (a moment) the canvas stays as it was.
 */
export function useStacked(plan: Plan, flows: readonly Flow[], on: boolean, expanded: readonly string[]) {
  const [module, setModule] = useState(loaded);
  useEffect(() => {
    if (!on || module) return;
    let live = true;
    void import('./stackView').then((m) => {
      loaded = m;
      if (live) setModule(m);
    });
    return () => {
      live = false;
    };
  }, [on, module]);
  return useMemo((): Stacked | undefined => {
    if (!on || !module) return undefined;
    return { ...module.stackView(plan, flows, expanded), edges: module.buildStackEdges };
  }, [on, module, plan, flows, expanded]);
}
