import { describe, expect, it } from 'vitest';
import { firewall, host, testPlan, zone } from './plan.testing';
import { restorePlan } from './restore';

const messages = (doc: unknown) => {
  const r = restorePlan(doc);
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
};

const ZONES = [zone('dmz', undefined, 'dmz'), zone('lan')];

describe('firewall devices in a plan file', () => {
  it('opens devices with interfaces facing zones and the hosts in no zone', () => {
    const plan = testPlan({
      zones: ZONES,
      hosts: [host('mx', ['processing-node'], { zone: 'dmz' })],
      firewalls: [
        firewall('edge', 'fortigate', [':wan1', 'dmz:port2'], { position: { x: 10, y: 20 } }),
        firewall('core', 'cisco-asa', ['dmz:dmz', 'lan:inside']),
      ],
    });
    expect(restorePlan(JSON.parse(JSON.stringify(plan)))).toEqual({ ok: true, value: plan });
  });

  it('reads an empty device list as no list', () => {
    const r = restorePlan({ ...testPlan(), firewalls: [] });
    expect(r.ok && 'firewalls' in r.value).toBe(false);
  });

  it('names each problem of a device by its path', () => {
    const doc = {
      ...testPlan({ zones: ZONES }),
      firewalls: [
        { id: 'fw1', name: 'FW', vendor: 'juniper', interfaces: [] },
        {
          id: 'fw1',
          name: 'fw',
          vendor: 'other',
          interfaces: [
            { zone: 'dmz', name: 'port 1' },
            { zone: 'dmz', name: 'PORT2' },
            { zone: 'wan', name: 'port2' },
            { name: '' },
          ],
        },
      ],
    };
    // Shape and meaning are both checked, so every problem is said in one go.
    expect(messages(doc)).toEqual([
      'firewalls[0].vendor: "juniper" is not one of: cisco-asa, fortigate, panos, nftables, iptables, other',
      'firewalls[1].id: "fw1" is already used by firewalls[0]',
      'firewalls[1].name: "fw" is already the name of firewalls[0] (device names name its files)',
      'firewalls[1].interfaces[0].name: "port 1" is not an interface name: 1 to 64 letters, digits and . _ - / :',
      'firewalls[1].interfaces[1].zone: interfaces[0] of this device already faces zone DMZ',
      'firewalls[1].interfaces[2].name: "port2" is already interfaces[1] of this device',
      'firewalls[1].interfaces[2].zone: no zone has the id "wan"',
      'firewalls[1].interfaces[3].name: must not be empty: the name the device gives this interface',
    ]);
  });

  it('allows one interface facing the hosts in no zone per device', () => {
    const doc = { ...testPlan(), firewalls: [firewall('fw', 'other', [':a', ':b'])] };
    expect(messages(doc)).toEqual([
      'firewalls[0].interfaces[1].zone: interfaces[0] of this device already faces the hosts in no zone',
    ]);
  });

  it('bounds the devices and their interfaces', () => {
    const many = Array.from({ length: 201 }, (_, i) => firewall(`f${i}`, 'other', []));
    expect(messages({ ...testPlan(), firewalls: many })).toEqual(['firewalls: holds 201 entries, more than the 200 allowed']);
    const wide = firewall(
      'f',
      'other',
      Array.from({ length: 65 }, (_, i) => `:if${i}`),
    );
    expect(messages({ ...testPlan(), firewalls: [wide] })).toEqual([
      'firewalls[0].interfaces: holds 65 entries, more than the 64 allowed',
    ]);
  });
});
