import { describe, expect, it } from 'vitest';
import { firewall, testPlan, zone } from '../plan/plan.testing';
import { removeFirewalls, removeZones } from './edit';
import { addFirewall, addInterface, removeInterface, updateFirewall, updateInterface } from './firewalls';

const ZONES = [
  zone('dmz', { x: 0, y: 0, width: 300, height: 200 }),
  zone('lan', { x: 400, y: 0, width: 300, height: 200 }),
];

describe('device edits', () => {
  it('adds devices with free ids and names, at rounded positions, leaving the old plan alone', () => {
    const empty = testPlan({ zones: ZONES });
    const one = addFirewall(empty, { x: 10.4, y: 20.6 }, 'fortigate');
    expect(one.firewall).toEqual({
      id: 'fw1',
      name: 'FW-1',
      vendor: 'fortigate',
      interfaces: [],
      position: { x: 10, y: 21 },
    });
    expect('firewalls' in empty).toBe(false);
    const renamed = updateFirewall(one.plan, 'fw1', { name: 'fw-2' });
    const two = addFirewall(renamed, { x: 0, y: 0 });
    expect(two.firewall).toMatchObject({ id: 'fw2', name: 'FW-1', vendor: 'other' });
    const three = addFirewall(two.plan, { x: 0, y: 0 });
    expect(three.firewall).toMatchObject({ id: 'fw3', name: 'FW-3' });
  });

  it('adds an interface per zone, named freely, and one facing the hosts in no zone', () => {
    let plan = testPlan({ zones: ZONES, firewalls: [firewall('fw', 'other', [])] });
    plan = addInterface(plan, 'fw', 'dmz');
    plan = addInterface(plan, 'fw', undefined, 'wan1');
    expect(addInterface(plan, 'fw', 'dmz')).toBe(plan);
    plan = addInterface(plan, 'fw', 'lan');
    expect(plan.firewalls![0]!.interfaces).toEqual([
      { zone: 'dmz', name: 'if1' },
      { name: 'wan1' },
      { zone: 'lan', name: 'if2' },
    ]);
    plan = updateInterface(plan, 'fw', 1, { zone: 'lan' });
    plan = updateInterface(plan, 'fw', 2, { zone: null, name: 'outside' });
    expect(plan.firewalls![0]!.interfaces).toEqual([
      { zone: 'dmz', name: 'if1' },
      { zone: 'lan', name: 'wan1' },
      { name: 'outside' },
    ]);
    plan = removeInterface(plan, 'fw', 0);
    expect(plan.firewalls![0]!.interfaces.map((i) => i.name)).toEqual(['wan1', 'outside']);
  });

  it('returns the same plan for an edit that changes nothing', () => {
    const plan = testPlan({ zones: ZONES, firewalls: [firewall('fw', 'other', ['dmz:a'])] });
    expect(updateFirewall(plan, 'fw', { name: 'FW' })).toBe(plan);
    expect(updateFirewall(plan, 'nope', { name: 'X' })).toBe(plan);
    expect(removeInterface(plan, 'fw', 5)).toBe(plan);
    expect(removeFirewalls(plan, new Set(['nope']))).toBe(plan);
  });

  it('drops the list with its last device, and the interfaces of a removed zone', () => {
    const plan = testPlan({ zones: ZONES, firewalls: [firewall('fw', 'other', ['dmz:a', 'lan:b', ':c'])] });
    expect('firewalls' in removeFirewalls(plan, new Set(['fw']))).toBe(false);
    expect(removeZones(plan, new Set(['dmz'])).firewalls![0]!.interfaces).toEqual([
      { zone: 'lan', name: 'b' },
      { name: 'c' },
    ]);
  });
});
