import { describe, expect, it } from 'vitest';
import { DMZ_RELAY, type Plan } from '../plan';
import { assertInvariant } from '../diagram/invariant.testing';
import {
  addHost,
  addZone,
  zoneNameProblem,
  defaultHostName,
  emptyPlan,
  freeSpot,
  hasUserContent,
  moveItems,
  removeHosts,
  removeZones,
  resizeZone,
  updateHost,
} from './edit';
import { setObjectPrefix } from './decisions';
import { zoneAt } from '../diagram';

const zoned = (): Plan => ({
  ...emptyPlan('T'),
  zones: [
    {
      id: 'big',
      name: 'Big',
      trust: 'trusted',
      position: { x: 0, y: 0 },
      size: { width: 1000, height: 1000 },
    },
    {
      id: 'small',
      name: 'Small',
      trust: 'dmz',
      position: { x: 100, y: 100 },
      size: { width: 300, height: 200 },
    },
  ],
});

describe('plan edits', () => {
  it('names new hosts uniquely and readably', () => {
    let plan = emptyPlan();
    const names: string[] = [];
    for (const role of [
      'processing-node',
      'processing-node',
      'internet',
      'internet',
      'dns-server',
    ] as const) {
      const r = addHost(plan, role, { x: 0, y: 0 });
      plan = r.plan;
      names.push(r.host.name);
    }
    expect(names).toEqual(['SEG-NODE01', 'SEG-NODE02', 'Internet', 'Internet 2', 'DNS01']);
    expect(plan.hosts.map((h) => h.id)).toEqual(['h1', 'h2', 'h3', 'h4', 'h5']);
    expect(defaultHostName(plan, 'processing-node')).toBe('SEG-NODE03');
  });

  it('puts a host in the smallest zone under it', () => {
    const plan = zoned();
    expect(zoneAt(plan, { x: 150, y: 150 })?.id).toBe('small');
    expect(zoneAt(plan, { x: 600, y: 600 })?.id).toBe('big');
    expect(zoneAt(plan, { x: 2000, y: 0 })).toBeUndefined();
    expect(addHost(plan, 'sql-server', { x: 150, y: 150 }).host.zone).toBe('small');
    expect(addHost(plan, 'sql-server', { x: 5000, y: 150 }).host.zone).toBeUndefined();
  });

  it('moves hosts into and out of zones', () => {
    const { plan } = addHost(zoned(), 'sql-server', { x: 150, y: 150 });
    const out = moveItems(plan, [{ id: 'h1', position: { x: 3000, y: 10 } }]);
    expect(out.hosts[0]).toEqual({
      id: 'h1',
      name: 'SQL01',
      roles: ['sql-server'],
      position: { x: 3000, y: 10 },
    });
    const back = moveItems(out, [{ id: 'h1', position: { x: 600.4, y: 600.6 } }]);
    expect(back.hosts[0]?.zone).toBe('big');
    expect(back.hosts[0]?.position).toEqual({ x: 600, y: 601 });
    assertInvariant(back);
  });

  it('carries a zone’s hosts when the zone moves', () => {
    const { plan } = addHost(zoned(), 'sql-server', { x: 150, y: 150 });
    const moved = moveItems(plan, [{ id: 'small', position: { x: 2000, y: 2000 } }]);
    expect(moved.zones[1]?.position).toEqual({ x: 2000, y: 2000 });
    expect(moved.hosts[0]?.position).toEqual({ x: 2050, y: 2050 });
    expect(moved.hosts[0]?.zone).toBe('small');
    assertInvariant(moved);
  });

  it('keeps membership when a zone is added, resized or removed', () => {
    let plan: Plan = {
      ...emptyPlan(),
      hosts: [{ id: 'a', name: 'A', roles: ['sql-server'], position: { x: 10, y: 10 } }],
    };
    // A new zone goes where it covers no card (24 px clear of A's card 10..210 × 10..82): it no
    // longer swallows hosts.
    const added = addZone(plan, { x: 0, y: 0 });
    plan = added.plan;
    expect(added.zone).toMatchObject({
      id: 'z1',
      name: 'Zone 1',
      trust: 'trusted',
      position: { x: 0, y: 106 },
    });
    expect(plan.hosts[0]?.zone).toBeUndefined();
    assertInvariant(plan);
    plan = updateHost(plan, 'a', { zone: 'z1' });
    expect(plan.hosts[0]).toMatchObject({ zone: 'z1', position: { x: 10, y: 150 } });
    // Shrinking (or moving the box off) cannot drop the member: the box stops at its card.
    plan = resizeZone(plan, 'z1', { x: 500, y: 500 }, { width: 300, height: 300 });
    expect(plan.hosts[0]?.zone).toBe('z1');
    expect(plan.zones[0]).toMatchObject({ position: { x: 0, y: 106 }, size: { width: 800, height: 694 } });
    assertInvariant(plan);
    plan = removeZones(plan, new Set(['z1']));
    expect(plan.zones).toEqual([]);
    expect(plan.hosts[0]).toEqual({ id: 'a', name: 'A', roles: ['sql-server'], position: { x: 10, y: 150 } });
  });

  it('keeps a zone chosen by hand when an unrelated zone moves or is resized', () => {
    let { plan } = addHost(zoned(), 'sql-server', { x: 2000, y: 2000 });
    plan = updateHost(plan, 'h1', { zone: 'small' });
    plan = moveItems(plan, [{ id: 'big', position: { x: 10, y: 10 } }]);
    plan = resizeZone(plan, 'big', { x: 0, y: 0 }, { width: 900, height: 900 });
    expect(plan.hosts[0]?.zone).toBe('small');
    assertInvariant(plan);
  });

  it('treats a zone without geometry as the box the canvas draws for it', () => {
    const plan: Plan = {
      ...emptyPlan(),
      zones: [{ id: 'lan', name: 'LAN', trust: 'trusted' }],
      hosts: [{ id: 'a', name: 'A', roles: ['sql-server'], zone: 'lan', position: { x: 20, y: 20 } }],
    };
    expect(zoneAt(plan, { x: 20, y: 20 })?.id).toBe('lan');
    expect(addZone(plan, { x: 3000, y: 0 }).plan.hosts[0]?.zone).toBe('lan');
  });

  it('updates and removes hosts without touching the old plan', () => {
    const before = structuredClone(DMZ_RELAY);
    const next = updateHost(DMZ_RELAY, 'am', { name: 'AM', address: undefined });
    expect(next.hosts.find((h) => h.id === 'am')).not.toHaveProperty('address');
    expect(next.hosts.find((h) => h.id === 'am')?.name).toBe('AM');
    expect(removeHosts(next, new Set(['am', 'sql'])).hosts).toHaveLength(DMZ_RELAY.hosts.length - 2);
    expect(DMZ_RELAY).toEqual(before);
  });

  it('finds a free spot next to a taken one', () => {
    const { plan } = addHost(emptyPlan(), 'sql-server', { x: 0, y: 0 });
    expect(freeSpot(plan, { x: 0, y: 0 })).toEqual({ x: 28, y: 28 });
    expect(freeSpot(plan, { x: 400, y: 0 })).toEqual({ x: 400, y: 0 });
  });
});

describe('hasUserContent', () => {
  it('finds anything a person made, typed text included', () => {
    expect(hasUserContent(emptyPlan())).toBe(false);
    expect(hasUserContent({ ...emptyPlan(), changeRequest: { paper: 'letter', title: '  ' } })).toBe(false);
    expect(hasUserContent(emptyPlan('Contoso gateway'))).toBe(true);
    expect(
      hasUserContent({ ...emptyPlan(), changeRequest: { notes: 'Approved by the CAB on Monday.' } }),
    ).toBe(true);
    expect(hasUserContent({ ...emptyPlan(), changeRequest: { ticket: 'CHG-2048' } })).toBe(true);
    expect(hasUserContent({ ...emptyPlan(), changeRequest: { objectPrefix: 'ACME-FW' } })).toBe(true);
    expect(hasUserContent(addZone(emptyPlan(), { x: 0, y: 0 }).plan)).toBe(true);
    expect(hasUserContent(addHost(emptyPlan(), 'dns-server', { x: 0, y: 0 }).plan)).toBe(true);
  });
});

describe('setObjectPrefix', () => {
  it('keeps a valid prefix beside the other change-request fields, without touching the old plan', () => {
    const plan: Plan = { ...DMZ_RELAY, changeRequest: { ticket: 'CHG-1' } };
    const next = setObjectPrefix(plan, 'ACME-FW');
    expect(next.changeRequest).toEqual({ ticket: 'CHG-1', objectPrefix: 'ACME-FW' });
    expect(plan.changeRequest).toEqual({ ticket: 'CHG-1' });
    expect(setObjectPrefix(next, 'ACME-FW')).toBe(next);
    expect(setObjectPrefix(DMZ_RELAY, 'ACME').changeRequest).toEqual({ objectPrefix: 'ACME' });
  });

  it('changes nothing for a prefix the rule refuses', () => {
    const plan: Plan = { ...DMZ_RELAY, changeRequest: { objectPrefix: 'ACME-FW' } };
    for (const bad of ['9bad', 'ACME-', 'ACME FW', 'ABCDEFGHIJKLM'])
      expect(setObjectPrefix(plan, bad)).toBe(plan);
  });

  it('goes back to the default when cleared, dropping a change request left empty', () => {
    const alone: Plan = { ...DMZ_RELAY, changeRequest: { objectPrefix: 'ACME-FW' } };
    expect(setObjectPrefix(alone, undefined)).toEqual(DMZ_RELAY);
    expect('changeRequest' in setObjectPrefix(alone, '')).toBe(false);
    const beside: Plan = { ...DMZ_RELAY, changeRequest: { ticket: 'CHG-1', objectPrefix: 'ACME-FW' } };
    expect(setObjectPrefix(beside, '').changeRequest).toEqual({ ticket: 'CHG-1' });
    expect(setObjectPrefix(DMZ_RELAY, undefined)).toBe(DMZ_RELAY);
  });
});

describe('a new zone is named by the person', () => {
  const plan: Plan = {
    ...emptyPlan(),
    zones: [
      { id: 'dmz', name: 'DMZ', trust: 'dmz', position: { x: 0, y: 0 }, size: { width: 400, height: 300 } },
    ],
  };
  it('takes the name and trust given, trimmed', () => {
    const { zone } = addZone(plan, { x: 1000, y: 0 }, 'untrusted', '  Internet edge ');
    expect(zone).toMatchObject({ name: 'Internet edge', trust: 'untrusted' });
  });
  it('refuses an empty name and one already taken, whatever its case', () => {
    expect(zoneNameProblem(plan, '   ')).toBe('Give the zone a name.');
    expect(zoneNameProblem(plan, ' dmz ')).toBe('A zone is already called “DMZ”.');
    expect(zoneNameProblem(plan, 'Server network')).toBeUndefined();
    expect(zoneNameProblem(plan, 'x'.repeat(120))).toBeUndefined();
    expect(zoneNameProblem(plan, 'x'.repeat(121))).toBe("A zone's name has at most 120 characters.");
  });
});
