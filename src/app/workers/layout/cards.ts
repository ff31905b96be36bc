import type { ShownCards } from '../../../domain/diagram';
import { buildStacks } from '../../../domain/grouping';
import type { Plan } from '../../../domain/plan';

/** What the canvas shows: whether similar hosts are grouped, and the stacks opened. */
export interface TidyView {
  groupHosts: boolean;
  expandedStacks: readonly string[];
}

/**
 * The card each host is drawn in while similar hosts are grouped (a stack of several: its first
 * member), for Tidy to lay out what is shown; undefined when every host has a card of its own.
 */
export function shownCards(plan: Plan, view: TidyView | undefined): ShownCards | undefined {
  if (!view?.groupHosts) return undefined;
  const { stacks } = buildStacks(plan, new Set(view.expandedStacks));
  const cards = new Map<string, string>();
  for (const s of stacks) if (s.hostIds.length > 1) for (const id of s.hostIds) cards.set(id, s.id);
  return cards;
}
