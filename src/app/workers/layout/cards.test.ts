import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import {
  applyLayout,
  buildScene,
  layoutGraph,
  layoutMetrics,
  type LayoutNode,
} from '../../../domain/diagram';
import { deriveFlows, groupFlowsByPair, type FlowPair } from '../../../domain/engine';
import { buildStacks, groupFlows, stackArrows } from '../../../domain/grouping';
import { ENTERPRISE, type Plan } from '../../../domain/plan';
import { assertInvariant } from '../../../domain/diagram/invariant.testing';
import { shownCards, type TidyView } from './cards';

const elk = new ELK();

async function tidy(plan: Plan, view?: TidyView): Promise<Plan> {
  const cards = shownCards(plan, view);
  const graph = layoutGraph(plan, groupFlowsByPair(deriveFlows(plan).flows), cards);
  return applyLayout(plan, await elk.layout<LayoutNode>(graph), cards);
}

function measure(plan: Plan) {
  let zoneArea = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const take = (x: number, y: number, w: number, h: number) => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + w);
    maxY = Math.max(maxY, y + h);
  };
  for (const z of plan.zones) {
    zoneArea += z.size!.width * z.size!.height;
    take(z.position!.x, z.position!.y, z.size!.width, z.size!.height);
  }
  for (const h of plan.hosts) take(h.position!.x, h.position!.y, 200, 72);
  return { zoneArea, width: maxX - minX, height: maxY - minY };
}

/** The hosts the canvas draws with these stacks: each stack's first member. */
function shown(plan: Plan, view: TidyView): Plan {
  const ids = new Set(buildStacks(plan, new Set(view.expandedStacks)).stacks.map((s) => s.id));
  return { ...plan, hosts: plan.hosts.filter((h) => ids.has(h.id)) };
}

const clean = {
  overlappingCards: 0,
  cardsOutsideZone: 0,
  overlappingZones: 0,
  unzonedCardsInZones: 0,
  unplacedCards: 0,
};

describe('Tidy with similar hosts grouped', () => {
  const grouped: TidyView = { groupHosts: true, expandedStacks: [] };

  it("lays out the Enterprise example's stacks compactly, every card shown clear and in its zone", async () => {
    const flat = await tidy(ENTERPRISE);
    const out = await tidy(ENTERPRISE, grouped);
    expect(layoutMetrics(shown(out, grouped))).toEqual(clean);
    assertInvariant(out);
    const { stackOf } = buildStacks(ENTERPRISE);
    for (const h of out.hosts) {
      expect(h.position).toEqual(out.hosts.find((c) => c.id === stackOf.get(h.id)!.id)!.position);
    }
    // Measured: zones 513,664 px² against 1,784,792; the drawing 1408×1036 against 2558×1832.
    const before = measure(flat);
    const after = measure(out);
    expect(after.zoneArea).toBeLessThanOrEqual(before.zoneArea / 3);
    expect(after.width * after.height).toBeLessThanOrEqual((before.width * before.height) / 3);
    expect(after.width).toBeLessThan(before.width);
    expect(after.height).toBeLessThan(before.height);
  });

  it("leaves room for every grouped arrow's label in the Enterprise example", async () => {
    const out = await tidy(ENTERPRISE, grouped);
    const stacks = buildStacks(out);
    const pairs: FlowPair[] = stackArrows(groupFlows(out, deriveFlows(out).flows), stacks).map((a) => ({
      source: a.source,
      target: a.target,
      flows: [],
      label: a.label,
      crossesFirewall: a.crossesFirewall,
      hasReverse: a.hasReverse,
    }));
    expect(pairs.length).toBeGreaterThan(10);
    expect(buildScene(shown(out, grouped), pairs).unlabelled).toBe(0);
  });

  it('lays out the hosts of an opened stack one by one', async () => {
    const mail = buildStacks(ENTERPRISE).stacks.find((s) => s.id === 'exch01')!;
    const view: TidyView = { groupHosts: true, expandedStacks: [mail.key] };
    const out = await tidy(ENTERPRISE, view);
    expect(shown(out, view).hosts.filter((h) => h.zone === mail.zone)).toHaveLength(8);
    expect(layoutMetrics(shown(out, view))).toEqual(clean);
    assertInvariant(out);
  });

  it('lays out every host when grouping is off', async () => {
    expect(shownCards(ENTERPRISE, undefined)).toBeUndefined();
    expect(shownCards(ENTERPRISE, { groupHosts: false, expandedStacks: [] })).toBeUndefined();
    expect(await tidy(ENTERPRISE, { groupHosts: false, expandedStacks: [] })).toEqual(await tidy(ENTERPRISE));
  });
});
