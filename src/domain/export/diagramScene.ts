import { buildScene, hostPosition, type Scene } from '../diagram';
import type { FlowPair } from '../engine';
import { buildStacks, groupFlows, rulesWithin, stackArrows } from '../grouping';
import type { Host, Size } from '../plan';
import { visibleText } from '../text';
import { diagramPairs } from '../upgrade';
import { requestFlows } from './scope';
import type { ExportInput } from './types';

/**
 * The picture every diagram export draws (the SVG, the PNG and the PDF's diagram page): the one the
 * canvas shows. Host by host, every flow between two hosts as one arrow (with the upgrade's marks
 * while one is compared); or, with "Group similar hosts" on, one card per stack of similar hosts
 * and the grouped rules' arrows between the cards, for the change request's scope.
 */
export function diagramScene(
  input: Pick<ExportInput, 'plan' | 'derivation' | 'scope' | 'view'>,
  options: { labelSize?: (label: string) => Size } = {},
): Scene {
  const { plan, derivation, scope, view } = input;
  if (!view?.stacks) return buildScene(plan, diagramPairs(plan, derivation), options);

  const stacks = buildStacks(plan, new Set(view.stacks.expanded));
  const grouping = groupFlows(plan, requestFlows(derivation, scope));
  const within = rulesWithin(grouping, stacks);
  // A stack is drawn where its first member is (as on the canvas), so each card keeps the
  // position its host has in the plan, also when that comes from the host's place in the list.
  const cards: Host[] = [];
  plan.hosts.forEach((host, index) => {
    const stack = stacks.stackOf.get(host.id);
    if (stack && stack.id !== host.id) return;
    cards.push({ ...host, position: hostPosition(host, index) });
  });
  const pairs: FlowPair[] = stackArrows(grouping, stacks).map((a) => ({
    source: a.source,
    target: a.target,
    flows: [],
    label: a.label,
    crossesFirewall: a.crossesFirewall,
    hasReverse: a.hasReverse,
  }));
  const scene = buildScene({ ...plan, hosts: cards }, pairs, options);
  const names = new Map(plan.hosts.map((h) => [h.id, visibleText(h.name)]));
  // A card of several hosts says what they are and lists them, as the canvas's card does.
  for (const card of scene.hosts) {
    const stack = stacks.stackOf.get(card.id);
    if (!stack || stack.hostIds.length < 2) continue;
    const rules = within.get(stack.id) ?? [];
    card.name = stack.label;
    card.roles = stack.hostIds.map((id) => names.get(id) ?? id).join(', ');
    card.address =
      `${stack.hostIds.length} hosts` + (rules.length ? ` \u00b7 rule #${rules.join(', #')} among them` : '');
  }
  return scene;
}
