import { afterEach, describe, expect, it } from 'vitest';
import { buildStacks } from '../../domain/grouping';
import { ENTERPRISE, type Plan } from '../../domain/plan';
import { usePlanner } from '../state';
import { arrangeOpened } from './arrange';

/** Enterprise as a grouped Tidy leaves it: each stack's hidden hosts on their card's spot. */
function groupedTidied(): Plan {
  const { stacks } = buildStacks(ENTERPRISE);
  const cardOf = new Map<string, string>();
  for (const s of stacks) for (const id of s.hostIds) cardOf.set(id, s.id);
  const at = new Map(ENTERPRISE.hosts.map((h) => [h.id, h.position]));
  return {
    ...ENTERPRISE,
    hosts: ENTERPRISE.hosts.map((h) => ({ ...h, position: at.get(cardOf.get(h.id) ?? h.id)! })),
  };
}

afterEach(() => usePlanner.setState({ groupHosts: false }));

describe('opening a plan laid out with similar hosts grouped', () => {
  it('keeps it as it is while grouping is on: hidden hosts on their card are in place', async () => {
    usePlanner.setState({ groupHosts: true });
    const arranged = await arrangeOpened(groupedTidied());
    expect(arranged).toMatchObject({ misplaced: 0, laidOut: false });
    expect(arranged.plan.hosts.map((h) => h.position)).toEqual(groupedTidied().hosts.map((h) => h.position));
  });

  it('has hosts on one spot, misplaced when every host is drawn', async () => {
    // 40 hosts in 11 cards: 38 of them in the 9 stacks of several, each on its stack's one spot.
    const { stacks } = buildStacks(ENTERPRISE);
    const piled = stacks.filter((s) => s.hostIds.length > 1).reduce((n, s) => n + s.hostIds.length, 0);
    expect(piled).toBe(38);
    const { layoutProblems } = await import('../../domain/diagram/layout');
    expect(layoutProblems(groupedTidied()).hostIds).toHaveLength(piled);
  });
});
