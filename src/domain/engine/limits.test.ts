import { describe, expect, it } from 'vitest';
import { testPlan } from '../plan/plan.testing';
import type { RoleId } from '../catalog';
import { EXAMPLE_PLANS, type Host, type Plan } from '../plan';
import { MAX_FLOWS, deriveFlows, estimateFlows, planSizeProblem } from './index';

function plan(counts: [RoleId, number][], productVersion = '10.0'): Plan {
  const hosts: Host[] = counts.flatMap(([role, n]) =>
    Array.from({ length: n }, (_, i) => ({ id: `${role}-${i}`, name: `${role}-${i}`, roles: [role] })),
  );
  return testPlan({ name: 'Size', productVersion, hosts });
}

describe('plan size limit', () => {
  it('counts flows from role sizes, by hand', () => {
    // DNS from each node to each DNS server, udp/53 and tcp/53: 4 × 3 × 2.
    expect(
      estimateFlows(
        plan([
          ['processing-node', 4],
          ['dns-server', 3],
        ]),
      ),
    ).toBe(24);
    // SMTP both ways with the Internet (20 + 20) and the mail servers (400 + 400), plus HTTP and
    // HTTPS from each node to the Internet (40).
    const mail = plan([
      ['processing-node', 20],
      ['mail-server', 20],
      ['internet', 1],
    ]);
    expect(estimateFlows(mail)).toBe(880);
    expect(deriveFlows(mail).flows).toHaveLength(880);
    // Before 6.5 the nodes needed no HTTP/HTTPS.
    expect(estimateFlows({ ...mail, productVersion: '6.0' })).toBe(840);
  });

  it('never counts fewer flows than deriving gives', () => {
    const mixed = plan([
      ['processing-node', 7],
      ['array-manager', 2],
      ['dns-server', 3],
      ['internet', 2],
    ]);
    mixed.hosts[0]!.roles = ['processing-node', 'array-manager', 'dns-server'];
    for (const p of [mixed, ...EXAMPLE_PLANS.map((e) => e.plan)]) {
      const d = deriveFlows(p);
      expect(estimateFlows(p)).toBeGreaterThanOrEqual(d.flows.length + d.localFlows.length);
    }
  });

  it('accepts a plan at the limit and names the count and the limit beyond it', () => {
    // 100 nodes and 100 mail servers: SMTP both ways, 10,000 each way.
    const atLimit = plan([
      ['processing-node', 100],
      ['mail-server', 100],
    ]);
    expect(MAX_FLOWS).toBe(20_000);
    expect(planSizeProblem(atLimit)).toBeUndefined();
    // One Internet host adds SMTP both ways (200) and HTTP/HTTPS from every node (200).
    const over = plan([
      ['processing-node', 100],
      ['mail-server', 100],
      ['internet', 1],
    ]);
    expect(planSizeProblem(over)).toEqual({
      path: 'hosts',
      message:
        'this plan would need 20,400 flows, more than the 20,000 Portolan can show and keep responsive. Split it into smaller plans (one per site or array).',
    });
  });

  it('bounds hosts and zones even when they need no flow, before anything is derived', () => {
    // 2,000 admin workstations and no Array Manager: no flow at all.
    const workstations = plan([['admin-workstation', 2_000]]);
    expect(estimateFlows(workstations)).toBe(0);
    expect(planSizeProblem(workstations)).toBeUndefined();
    expect(planSizeProblem(plan([['admin-workstation', 2_001]]))).toEqual({
      path: 'hosts',
      message:
        'this plan has 2,001 hosts, more than the 2,000 Portolan can show and keep responsive. Split it into smaller plans (one per site or array).',
    });
    const zones = (n: number) =>
      testPlan({
        name: 'Zones',
        zones: Array.from({ length: n }, (_, i) => ({
          id: `z${i}`,
          name: `Zone ${i}`,
          trust: 'trusted' as const,
        })),
      });
    expect(planSizeProblem(zones(200))).toBeUndefined();
    expect(planSizeProblem(zones(201))).toEqual({
      path: 'zones',
      message:
        'this plan has 201 zones, more than the 200 Portolan can show and keep responsive. Split it into smaller plans (one per site or array).',
    });
  });
});
