import { beforeEach, describe, expect, it } from 'vitest';
import { emptyPlan, type Host, type Plan, type RoleId } from '../../domain';
import { loadWarnings, selectDerivation, usePlanner } from './store';

function plan(counts: [RoleId, number][]): Plan {
  const hosts: Host[] = counts.flatMap(([role, n]) =>
    Array.from({ length: n }, (_, i) => ({ id: `${role}-${i}`, name: `${role}-${i}`, roles: [role] })),
  );
  return { ...emptyPlan('Estate'), hosts };
}

// 100 nodes and 100 mail servers need exactly 20,000 flows (SMTP both ways); one Internet host
// adds 400 more.
const AT_LIMIT = plan([
  ['processing-node', 100],
  ['mail-server', 100],
]);
const OVER = plan([
  ['processing-node', 100],
  ['mail-server', 100],
  ['internet', 1],
]);

describe('the store refuses plans past the size limit', () => {
  beforeEach(() => usePlanner.setState({ plan: emptyPlan(), past: [], future: [], notices: [] }));

  it('opens a plan at the limit, and refuses an edit that would pass it, keeping the plan', () => {
    const state = usePlanner.getState();
    expect(state.replacePlan(AT_LIMIT)).toBe(true);
    expect(usePlanner.getState().commit(OVER)).toBe(false);
    const after = usePlanner.getState();
    expect(after.plan).toBe(AT_LIMIT);
    expect(after.past).toHaveLength(1);
    expect(after.notices.map((n) => [n.tone, n.title, n.detail])).toEqual([
      [
        'error',
        'This change was not made: it is too large.',
        'this plan would need 20,400 flows, more than the 20,000 Portolan can show and keep responsive. Split it into smaller plans (one per site or array).',
      ],
    ]);
  });

  it('refuses to open a plan past the limit, keeping the one that is open', () => {
    const before = usePlanner.getState().plan;
    expect(usePlanner.getState().replacePlan(OVER)).toBe(false);
    expect(usePlanner.getState().plan).toBe(before);
    expect(usePlanner.getState().notices[0]?.title).toBe('This plan was not opened: it is too large.');
  });
});

describe('the warnings, whose code loads on demand', () => {
  it('derive with none until their code is in, then with the plan’s, and the selector gives the new derivation', async () => {
    // One processing node alone: no Array Manager to join, no Internet to take mail from.
    const lonely = plan([['processing-node', 1]]);
    usePlanner.setState({ plan: lonely });
    const before = selectDerivation(usePlanner.getState());
    expect(before.warnings).toEqual([]);
    await loadWarnings();
    expect(usePlanner.getState().warningsReady).toBe(true);
    const after = selectDerivation(usePlanner.getState());
    expect(after).not.toBe(before);
    expect(after.warnings.map((w) => w.id)).toEqual(
      expect.arrayContaining(['missing-role:array-manager', 'missing-role:internet']),
    );
  });
});
