import { visibleText, type Flow, type FlowPair, type Plan } from '../../domain';
import {
  buildStacks,
  groupFlows,
  rulesWithin,
  stackArrows,
  type StackArrow,
  type Stacks,
} from '../../domain/grouping';
import type { Selection } from '../state';
import { edgeId, type CanvasEdge, type EdgeLayer } from './graph';

/*
 * The stacked view ("Group similar hosts"): its cards and the grouped rules' arrows between them.
 * This module loads with the grouping code the first time the view is switched on (see
 * stacked.ts), so the canvas of a plan drawn host by host never carries it.
 */

/** The stacks, their arrows and the rules among the hosts of one card (by card id). */
export function stackView(plan: Plan, flows: readonly Flow[], expanded: readonly string[]) {
  const stacks = buildStacks(plan, new Set(expanded));
  const grouping = groupFlows(plan, flows);
  return {
    stacks,
    arrows: stackArrows(grouping, stacks),
    within: rulesWithin(grouping, stacks),
  };
}

/**
 * The arrows of the stacked view: one per pair of cards that grouped rules connect, labelled
 * with the rules' numbers and services. A card is named by its first member's id, so the arrows
 * find their ends as the host arrows do.
 */
export function buildStackEdges(
  plan: Plan,
  arrows: readonly StackArrow[],
  stacks: Stacks,
  selection: Selection,
  previous: ReadonlyMap<string, CanvasEdge> = new Map(),
): CanvasEdge[] {
  const selectedHosts = new Set(selection.kind === 'hosts' ? selection.ids : []);
  const title = (id: string) => {
    const stack = stacks.stackOf.get(id);
    if (stack && stack.hostIds.length > 1) return stack.label;
    return visibleText(plan.hosts.find((h) => h.id === id)?.name ?? id);
  };
  return arrows.map((a) => {
    const id = edgeId(a.source, a.target);
    const selected =
      selection.kind === 'edge' && selection.source === a.source && selection.target === a.target;
    const members = (cardId: string) => stacks.stackOf.get(cardId)?.hostIds ?? [cardId];
    const touches = [...members(a.source), ...members(a.target)].some((m) => selectedHosts.has(m));
    const layer: EdgeLayer = touches ? 'raised' : 'rest';
    const ariaLabel =
      `Flow from ${title(a.source)} to ${title(a.target)}: rule ${a.label}` +
      (a.crossesFirewall ? ', crosses a firewall' : ', inside a zone');
    const prev = previous.get(id);
    if (
      prev &&
      prev.pair.label === a.label &&
      prev.pair.hasReverse === a.hasReverse &&
      prev.pair.crossesFirewall === a.crossesFirewall &&
      prev.selected === selected &&
      prev.layer === layer &&
      prev.ariaLabel === ariaLabel
    ) {
      return prev;
    }
    const pair: FlowPair = {
      source: a.source,
      target: a.target,
      flows: [],
      label: a.label,
      crossesFirewall: a.crossesFirewall,
      hasReverse: a.hasReverse,
    };
    return { id, pair, selected, layer, ariaLabel };
  });
}
