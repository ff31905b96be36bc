import { describe, expect, it } from 'vitest';
import { DMZ_RELAY, type Plan } from '../plan';
import { sameFlowInputs } from './inputs';

const plan = (): Plan => structuredClone(DMZ_RELAY);

describe('plans that derive the same flows', () => {
  it('ignores where cards and zones are drawn, the name and the change-request text', () => {
    const moved = plan();
    moved.hosts[0]!.position = { x: 999, y: -5 };
    moved.zones[0]!.position = { x: 1, y: 2 };
    moved.zones[0]!.size = { width: 900, height: 900 };
    moved.name = 'Another name';
    moved.changeRequest = { notes: 'Weekend window' };
    moved.firewalls![0]!.position = { x: 7, y: 7 };
    moved.firewalls![0]!.name = 'FW-OUTER';
    moved.firewalls![0]!.vendor = 'panos';
    moved.firewalls![1]!.interfaces[1]!.name = 'lan';
    expect(sameFlowInputs(plan(), moved)).toBe(true);
  });

  it('notices every change deriving reads', () => {
    const changes: ((p: Plan) => void)[] = [
      (p) => (p.productVersion = '8.0'),
      (p) => (p.hosts[1]!.zone = 'lan'),
      (p) => delete p.hosts[1]!.zone,
      (p) => (p.hosts[1]!.address = '192.0.2.99'),
      (p) => (p.hosts[1]!.name = 'SEG-NODE09'),
      (p) => (p.hosts[1]!.roles = ['processing-node', 'dns-server']),
      (p) => (p.hosts[1]!.roles = ['dns-server']),
      (p) => p.hosts.pop(),
      (p) => p.hosts.reverse(),
      (p) => (p.zones[0]!.trust = 'trusted'),
      (p) => (p.zones[0]!.name = 'Perimeter'),
      (p) => p.zones.pop(),
      (p) => (p.features = { ldap: false }),
      (p) => (p.exclusions = []),
      (p) => (p.hosts[1]!.array = 'am'),
      (p) => (p.hosts[1]!.uses = { 'dns-server': ['dc'] }),
      // Which places the devices join decides the "no firewall joins" warnings.
      (p) => delete p.firewalls![0]!.interfaces[1]!.zone,
      (p) => (p.firewalls![0]!.interfaces[0]!.zone = 'lan'),
      (p) => p.firewalls![1]!.interfaces.pop(),
      (p) => p.firewalls!.pop(),
      (p) => delete p.firewalls,
    ];
    for (const change of changes) {
      const next = plan();
      change(next);
      expect(sameFlowInputs(plan(), next), String(change)).toBe(false);
    }
  });
});
