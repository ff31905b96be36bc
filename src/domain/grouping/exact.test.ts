import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testPlan } from '../plan/plan.testing';
import { PRODUCT_RELEASES, ROLE_IDS } from '../catalog';
import { deriveFlows, type Flow } from '../engine';
import { TRUST_LEVELS, type Host, type Plan, type Zone } from '../plan';
import { groupFlows, type Grouping } from './index';

/** Random plans: up to 4 zones, up to 14 hosts with 1–3 roles each, in a zone or in none. */
const planArb: fc.Arbitrary<Plan> = fc
  .record({
    productVersion: fc.constantFrom(...PRODUCT_RELEASES.map((r) => r.version)),
    zones: fc.array(
      fc.record({
        // Names that sanitise to nothing, to the same text, or past 31 characters.
        name: fc.constantFrom(
          'DMZ',
          'dmz',
          'Internal network',
          'Zürich',
          '東京',
          'A very long zone name indeed',
        ),
        trust: fc.constantFrom(...TRUST_LEVELS),
      }),
      { maxLength: 4 },
    ),
    hosts: fc.array(
      fc.record({
        name: fc.constantFrom(
          'SEG-NODE01',
          'seg-node01',
          'Mail server',
          'DC',
          'Внутренний',
          '-',
          'X'.repeat(40),
        ),
        roles: fc.shuffledSubarray([...ROLE_IDS], { minLength: 1, maxLength: 3 }),
        zone: fc.nat(4),
        address: fc.option(
          fc.constantFrom('10.0.0.1', '10.0.0.2', '192.0.2.0/24', 'mail.example.com', 'any'),
          {
            nil: undefined,
          },
        ),
      }),
      { minLength: 1, maxLength: 14 },
    ),
  })
  .map(({ productVersion, zones, hosts }) => {
    const planZones: Zone[] = zones.map((z, i) => ({ id: `z${i}`, ...z }));
    const planHosts: Host[] = hosts.map((h, i) => {
      const host: Host = { id: `h${i}`, name: h.name, roles: h.roles };
      if (h.zone < planZones.length) host.zone = `z${h.zone}`;
      if (h.address !== undefined) host.address = h.address;
      return host;
    });
    return testPlan({ name: 'Random', productVersion, zones: planZones, hosts: planHosts });
  });

const tuple = (src: string, srcAddr: string, dst: string, dstAddr: string, service: string) =>
  JSON.stringify([src, srcAddr, dst, dstAddr, service]);

/** What the flows ask for: (source, its address, destination, its address, service), once each. */
function wanted(flows: readonly Flow[]): string[] {
  const set = new Set(
    flows.map((f) =>
      tuple(
        f.sourceHostId,
        f.sourceAddress,
        f.destinationHostId,
        f.destinationAddress,
        `${f.protocol}/${f.port}`,
      ),
    ),
  );
  return [...set].sort();
}

/** Every grouped rule expanded member by member and service by service, duplicates kept. */
function expanded(grouping: Grouping): string[] {
  const out: string[] = [];
  for (const r of grouping.rules) {
    r.source.hostIds.forEach((src, i) => {
      r.destination.hostIds.forEach((dst, j) => {
        for (const s of r.services) {
          out.push(
            tuple(src, r.source.addresses[i]!, dst, r.destination.addresses[j]!, `${s.protocol}/${s.port}`),
          );
        }
      });
    });
  }
  return out.sort();
}

function checkGrouping(plan: Plan, flows: readonly Flow[], grouping: Grouping) {
  // Exact: no more and no fewer than the flows, and no pair allowed twice.
  expect(expanded(grouping)).toEqual(wanted(flows));
  // Every flow is carried by exactly one rule.
  expect(grouping.rules.flatMap((r) => r.flowIds).sort()).toEqual(flows.map((f) => f.id).sort());
  expect(grouping.rules.map((r) => r.number)).toEqual(grouping.rules.map((_, i) => i + 1));

  const zoneOf = new Map(plan.hosts.map((h) => [h.id, h.zone]));
  for (const r of grouping.rules) {
    for (const id of r.source.hostIds) expect(zoneOf.get(id)).toBe(r.sourceZone);
    for (const id of r.destination.hostIds) expect(zoneOf.get(id)).toBe(r.destinationZone);
    expect(grouping.groups).toContain(r.source);
    expect(grouping.groups).toContain(r.destination);
  }

  const names = grouping.groups.map((g) => g.name);
  for (const name of names) {
    expect(name).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(name.length).toBeLessThanOrEqual(31);
  }
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  expect(new Set(grouping.groups.map((g) => g.key)).size).toBe(grouping.groups.length);
}

/*
 * Each property takes about 4 s on an idle two-core machine. The limit is set by the runs, not by
 * the clock: a busy machine (the end-to-end suite or a build alongside) may take several times as
 * long, and a timeout would then fail a property that holds.
 */
const PROPERTY_TIMEOUT_MS = 120_000;

describe('grouping is exact, never broader', () => {
  it('holds for 1,000 random plans, with names unique and valid', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(planArb, fc.boolean(), (plan, includeInternal) => {
        const flows = deriveFlows(plan).flows.filter((f) => includeInternal || f.crossesFirewall);
        const grouping = groupFlows(plan, flows);
        checkGrouping(plan, flows, grouping);

        // A user's name wins, even one Portolan gave another group, and names stay unique.
        const [first, second] = grouping.groups;
        if (!first) return;
        const given = second?.name ?? 'MY-GROUP';
        const renamed = groupFlows({ ...plan, groupNames: { [first.key]: given } }, flows);
        checkGrouping(plan, flows, renamed);
        expect(renamed.groups.find((g) => g.key === first.key)?.name).toBe(given);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('one numbering for every scope', () => {
  it(
    'gives the rules that cross a firewall the same numbers, sides and names with or without the flows inside zones',
    { timeout: PROPERTY_TIMEOUT_MS },
    () => {
      fc.assert(
        fc.property(planArb, (plan) => {
          const { flows } = deriveFlows(plan);
          const crossingIds = new Set(flows.filter((f) => f.crossesFirewall).map((f) => f.id));
          const crossing = groupFlows(
            plan,
            flows.filter((f) => f.crossesFirewall),
          );
          const all = groupFlows(plan, flows);
          // The crossing rules come first in the full grouping, numbered as in the crossing scope.
          const view = (g: Grouping) =>
            g.rules
              .filter((r) => r.flowIds.every((id) => crossingIds.has(id)))
              .map((r) => [
                r.number,
                r.source.name,
                r.source.key,
                r.destination.name,
                r.destination.key,
                r.flowIds,
              ]);
          expect(view(all)).toEqual(view(crossing));
          expect(view(all).length).toBe(crossing.rules.length);
        }),
        { numRuns: 300 },
      );
    },
  );
});
