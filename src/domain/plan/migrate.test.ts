import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLE_IDS } from '../catalog';
import { deriveFlows } from '../engine';
import { EXAMPLE_PLANS } from './examples';
import { objectPrefix } from './objectPrefix';
import { restorePlan } from './restore';
import { serializePlan } from './serialize';
import type { Plan } from './types';

/** A version 1 document: the plan format before the architect's decisions. */
const v1Arb = fc
  .record({
    productVersion: fc.constantFrom('6.0', '6.5', '7.0', '7.1', '8.0', '10.0'),
    zoneCount: fc.nat(3),
    hosts: fc.array(
      fc.record({
        roles: fc.shuffledSubarray([...ROLE_IDS], { minLength: 1, maxLength: 3 }),
        zone: fc.nat(3),
        address: fc.option(fc.ipV4(), { nil: undefined }),
      }),
      { maxLength: 14 },
    ),
  })
  .map(({ productVersion, zoneCount, hosts }) => ({
    format: 'portolan-plan',
    version: 1,
    name: 'Before decisions',
    productVersion,
    zones: Array.from({ length: zoneCount }, (_, i) => ({
      id: `z${i}`,
      name: `Zone ${i}`,
      trust: 'trusted',
    })),
    hosts: hosts.map((h, i) => ({
      id: `h${i}`,
      name: `HOST${i}`,
      roles: h.roles,
      ...(h.zone < zoneCount ? { zone: `z${h.zone}` } : {}),
      ...(h.address ? { address: h.address } : {}),
    })),
  }));

describe('plan format 1 → 2 → 3', () => {
  it('opens a version 1 change request as it was; its firewall names start with the default prefix', () => {
    const doc = {
      format: 'portolan-plan',
      version: 1,
      name: 'DMZ relay',
      productVersion: '10.0',
      zones: [],
      hosts: [],
      changeRequest: { title: 'Open SEG ports', ticket: 'CHG-1042', paper: 'letter' },
    };
    const result = restorePlan(doc);
    expect(result).toEqual({ ok: true, value: { ...doc, version: 3 } });
    expect(result.ok && objectPrefix(result.value)).toBe('DMZ-RELAY');
  });

  it('opens every version 1 plan unchanged but for its number, with the same flows', () => {
    fc.assert(
      fc.property(v1Arb, (doc) => {
        const result = restorePlan(doc);
        expect(result.ok).toBe(true);
        const plan = (result as { value: Plan }).value;
        // Nothing but the number changes, and no decision appears: the engine then derives what it
        // derived for version 1 (the golden files of every target pin the examples' flows).
        expect(plan).toEqual({ ...doc, version: 3 });
        for (const key of ['features', 'exclusions', 'firewalls']) expect(key in plan).toBe(false);
        for (const h of plan.hosts) expect('array' in h || 'uses' in h).toBe(false);
        const derived = deriveFlows(plan);
        expect(derived.excluded.size).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('opens the examples saved as version 1 files', () => {
    for (const { plan } of EXAMPLE_PLANS) {
      if (plan.features || plan.exclusions || plan.firewalls || plan.hosts.some((h) => h.array || h.uses))
        continue;
      const v1 = serializePlan(plan).replace('"version": 3', '"version": 1');
      const result = restorePlan(JSON.parse(v1));
      expect(result).toEqual({ ok: true, value: plan });
    }
  });
});

describe('plan format 2 → 3', () => {
  it('opens a version 2 plan with decisions unchanged but for its number, and without devices', () => {
    const doc = {
      format: 'portolan-plan',
      version: 2,
      name: 'Decided',
      productVersion: '10.0',
      zones: [{ id: 'lan', name: 'LAN', trust: 'trusted' }],
      hosts: [
        { id: 'am', name: 'AM', roles: ['array-manager'], zone: 'lan', address: '10.0.0.5' },
        { id: 'n1', name: 'N1', roles: ['processing-node'], array: 'am' },
        { id: 'dns', name: 'DNS', roles: ['dns-server'], zone: 'lan', address: '10.0.0.53' },
      ],
      features: { 'spamcensor-updates': false },
      exclusions: [
        {
          rule: 'dns',
          source: 'n1',
          destination: 'dns',
          protocol: 'udp',
          port: 53,
          kind: 'allowed',
          note: 'FW-1',
        },
      ],
    };
    const result = restorePlan(doc);
    expect(result).toEqual({ ok: true, value: { ...doc, version: 3 } });
    expect(result.ok && 'firewalls' in result.value).toBe(false);
  });

  it('opens the examples without devices saved as version 2 files as they are', () => {
    for (const { plan } of EXAMPLE_PLANS) {
      if (plan.firewalls) continue;
      const v2 = serializePlan(plan).replace('"version": 3', '"version": 2');
      expect(restorePlan(JSON.parse(v2))).toEqual({ ok: true, value: plan });
    }
  });

  it('reads devices found in a version 2 file, as a version 3 plan', () => {
    const doc = {
      format: 'portolan-plan',
      version: 2,
      name: 'Early devices',
      productVersion: '10.0',
      zones: [{ id: 'dmz', name: 'DMZ', trust: 'dmz' }],
      hosts: [],
      firewalls: [{ id: 'fw1', name: 'FW', vendor: 'other', interfaces: [{ zone: 'dmz', name: 'dmz' }] }],
    };
    expect(restorePlan(doc)).toEqual({ ok: true, value: { ...doc, version: 3 } });
  });
});
