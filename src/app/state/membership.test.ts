import { beforeEach, describe, expect, it } from 'vitest';
import { emptyPlan, moveItems, resizeZone, updateHost, type Plan } from '../../domain';
import { assertInvariant } from '../../domain/diagram/invariant.testing';
import { usePlanner } from './store';

/** DMZ at (0,0) and LAN at (600,0), both 440×300; SEG-NODE01 in the DMZ at (20,60). */
const PLAN: Plan = {
  ...emptyPlan('Membership'),
  zones: [
    { id: 'dmz', name: 'DMZ', trust: 'dmz', position: { x: 0, y: 0 }, size: { width: 440, height: 300 } },
    {
      id: 'lan',
      name: 'LAN',
      trust: 'trusted',
      position: { x: 600, y: 0 },
      size: { width: 440, height: 300 },
    },
  ],
  hosts: [
    { id: 'n1', name: 'SEG-NODE01', roles: ['processing-node'], zone: 'dmz', position: { x: 20, y: 60 } },
  ],
};

const node = () => usePlanner.getState().plan.hosts[0]!;

describe('zone changes in the store', () => {
  beforeEach(() => {
    usePlanner.setState({ plan: emptyPlan(), past: [], future: [], notices: [], lastCommit: { at: 0 } });
    usePlanner.getState().replacePlan(PLAN);
  });

  it('a zone chosen in the side panel is one undo step for both zone and position', () => {
    const { commit } = usePlanner.getState();
    expect(commit(updateHost(PLAN, 'n1', { zone: 'lan' }))).toBe(true);
    expect(node()).toMatchObject({ zone: 'lan', position: { x: 610, y: 44 } });
    const after = usePlanner.getState().plan;
    assertInvariant(after);

    usePlanner.getState().undo();
    expect(usePlanner.getState().plan).toBe(PLAN);
    expect(node()).toEqual({
      id: 'n1',
      name: 'SEG-NODE01',
      roles: ['processing-node'],
      zone: 'dmz',
      position: { x: 20, y: 60 },
    });

    usePlanner.getState().redo();
    expect(usePlanner.getState().plan).toBe(after);
    expect(node()).toMatchObject({ zone: 'lan', position: { x: 610, y: 44 } });
  });

  it('a drag into another zone undoes and redoes in one step', () => {
    usePlanner.getState().commit(moveItems(PLAN, [{ id: 'n1', position: { x: 700, y: 250 } }]));
    expect(node()).toMatchObject({ zone: 'lan', position: { x: 700, y: 218 } });
    assertInvariant(usePlanner.getState().plan);
    usePlanner.getState().undo();
    expect(node()).toMatchObject({ zone: 'dmz', position: { x: 20, y: 60 } });
    expect(usePlanner.getState().past).toHaveLength(1);
    usePlanner.getState().redo();
    expect(node()).toMatchObject({ zone: 'lan', position: { x: 700, y: 218 } });
  });

  it('a keyboard step clamped back at a border makes no undo step', () => {
    const { commit } = usePlanner.getState();
    const atEdge = moveItems(PLAN, [{ id: 'n1', position: { x: 230, y: 60 } }]);
    commit(atEdge, { mergeKey: 'keyboard-move:n1' });
    const past = usePlanner.getState().past.length;
    commit(moveItems(atEdge, [{ id: 'n1', position: { x: 235, y: 60 } }]), { mergeKey: 'keyboard-move:n1' });
    expect(usePlanner.getState().plan).toBe(atEdge);
    expect(usePlanner.getState().past).toHaveLength(past);
  });

  it('a resize that would drop a member keeps it, and undo restores the old box', () => {
    usePlanner.getState().commit(resizeZone(PLAN, 'dmz', { x: 0, y: 0 }, { width: 100, height: 100 }));
    const { plan } = usePlanner.getState();
    expect(plan.zones[0]?.size).toEqual({ width: 230, height: 142 });
    expect(node()).toMatchObject({ zone: 'dmz', position: { x: 20, y: 60 } });
    assertInvariant(plan);
    usePlanner.getState().undo();
    expect(usePlanner.getState().plan.zones[0]?.size).toEqual({ width: 440, height: 300 });
  });
});
