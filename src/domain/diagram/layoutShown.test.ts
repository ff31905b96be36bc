import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { deriveFlows, groupFlowsByPair } from '../engine';
import { DMZ_RELAY, type Plan } from '../plan';
import {
  applyLayout,
  layoutGraph,
  layoutMetrics,
  type LayoutNode,
  type ShownCards,
  ZONE_HEADER,
  ZONE_PADDING,
} from './layout';
import { assertInvariant } from './invariant.testing';

const elk = new ELK();

async function tidy(plan: Plan, cards?: ShownCards): Promise<Plan> {
  const graph = layoutGraph(plan, groupFlowsByPair(deriveFlows(plan).flows), cards);
  return applyLayout(plan, await elk.layout<LayoutNode>(graph), cards);
}

const clean = {
  overlappingCards: 0,
  cardsOutsideZone: 0,
  overlappingZones: 0,
  unzonedCardsInZones: 0,
  unplacedCards: 0,
};

const at = (plan: Plan, id: string) => plan.hosts.find((h) => h.id === id)!.position!;
const zoneOf = (plan: Plan, id: string) => plan.zones.find((z) => z.id === id)!;

// The two relays as one card, Exchange drawn in the domain controller's card; a card in another
// zone and a card that is no host do not count.
const CARDS: ShownCards = new Map([
  ['node2', 'node1'],
  ['exch', 'dc'],
  ['sql', 'node1'],
  ['admin', 'nobody'],
]);
const HIDDEN = new Set(['node2', 'exch']);

describe('tidy layout of the cards shown', () => {
  it('lays out one node per card, with the flows between cards', () => {
    const graph = layoutGraph(DMZ_RELAY, groupFlowsByPair(deriveFlows(DMZ_RELAY).flows), CARDS);
    const [dmz, lan] = graph.children!;
    // One card in the DMZ: a grid of one, sized for it alone.
    expect([dmz!.id, dmz!.width, dmz!.height, dmz!.children]).toEqual([
      'z:dmz',
      248,
      ZONE_HEADER + 2 * ZONE_PADDING + 72,
      undefined,
    ]);
    expect(lan!.children!.map((c) => c.id)).toEqual(['h:am', 'h:sql', 'h:dc', 'h:admin', 'h:rest']);
    for (const e of lan!.edges!) {
      expect([...e.sources, ...e.targets]).not.toContain('h:exch');
      expect(e.sources[0]).not.toBe(e.targets[0]);
    }
  });

  it('keeps the guarantees for the cards shown and puts hidden hosts on their card', async () => {
    const out = await tidy(DMZ_RELAY, CARDS);
    const shown = { ...out, hosts: out.hosts.filter((h) => !HIDDEN.has(h.id)) };
    expect(layoutMetrics(shown)).toEqual(clean);
    assertInvariant(out);
    expect(at(out, 'node2')).toEqual(at(out, 'node1'));
    expect(at(out, 'exch')).toEqual(at(out, 'dc'));
    for (const h of shown.hosts) {
      const z = h.zone && zoneOf(out, h.zone);
      if (!z) continue;
      expect(h.position!.x).toBeGreaterThanOrEqual(z.position!.x + ZONE_PADDING);
      expect(h.position!.y).toBeGreaterThanOrEqual(z.position!.y + ZONE_HEADER + ZONE_PADDING);
      expect(h.position!.x + 200).toBeLessThanOrEqual(z.position!.x + z.size!.width - ZONE_PADDING);
      expect(h.position!.y + 72).toBeLessThanOrEqual(z.position!.y + z.size!.height - ZONE_PADDING);
    }
    // The DMZ is sized for its one card.
    const flat = await tidy(DMZ_RELAY);
    expect(zoneOf(out, 'dmz').size!.height).toBeLessThan(zoneOf(flat, 'dmz').size!.height);
    expect(out.hosts.map((h) => h.id)).toEqual(DMZ_RELAY.hosts.map((h) => h.id));
  });

  it('lays out every host, wider apart, when every host has a card of its own', async () => {
    const pairs = groupFlowsByPair(deriveFlows(DMZ_RELAY).flows);
    const ids = (n: LayoutNode): string[] => [n.id, ...(n.children ?? []).flatMap(ids)];
    expect(ids(layoutGraph(DMZ_RELAY, pairs, new Map()))).toEqual(ids(layoutGraph(DMZ_RELAY, pairs)));
    const out = await tidy(DMZ_RELAY, new Map());
    expect(layoutMetrics(out)).toEqual(clean);
    expect(await tidy(DMZ_RELAY, new Map([['sql', 'node1']]))).toEqual(out);
  });
});
