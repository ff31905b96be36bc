import { useEffect, useMemo, useState } from 'react';
import type { Flow, Plan } from '../../domain';
import type * as Grouping from '../../domain/grouping';
import type { Stacks, StackArrow } from '../../domain/grouping';

type GroupingModule = typeof Grouping;
let loaded: GroupingModule | undefined;

export interface Stacked {
  stacks: Stacks;
  arrows: StackArrow[];
  /** Rules among the hosts of one card, by card id. */
  within: Map<string, number[]>;
}

/**
 * The canvas's stacked view while "Group similar hosts" is on: the cards and the grouped rules'
 * arrows between them. The grouping code loads the first time it is asked for; until then (a
 * moment) the canvas stays as it was.
 */
export function useStacked(plan: Plan, flows: readonly Flow[], on: boolean, expanded: readonly string[]) {
  const [module, setModule] = useState(loaded);
  useEffect(() => {
    if (!on || module) return;
    let live = true;
    void import('../../domain/grouping').then((m) => {
      loaded = m;
      if (live) setModule(m);
    });
    return () => {
      live = false;
    };
  }, [on, module]);
  return useMemo((): Stacked | undefined => {
    if (!on || !module) return undefined;
    const stacks = module.buildStacks(plan, new Set(expanded));
    const grouping = module.groupFlows(plan, flows);
    return {
      stacks,
      arrows: module.stackArrows(grouping, stacks),
      within: module.rulesWithin(grouping, stacks),
    };
  }, [on, module, plan, flows, expanded]);
}
