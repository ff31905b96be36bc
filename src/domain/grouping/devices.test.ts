import { describe, expect, it } from 'vitest';
import { deriveFlows } from '../engine';
import { requestFlows } from '../export';
import { DMZ_RELAY, type Plan } from '../plan';
import { firewall, host, testPlan, zone } from '../plan/plan.testing';
import { rulesByDevice } from './devices';
import { groupFlows } from './group';

const byDevice = (plan: Plan, includeInternal = false) =>
  rulesByDevice(plan, groupFlows(plan, requestFlows(deriveFlows(plan), { includeInternal })));

/** "SOURCE -> DESTINATION in>out" for each rule a device carries. */
const carried = (plan: Plan, includeInternal = false) =>
  Object.fromEntries(
    byDevice(plan, includeInternal).devices.map((d) => [
      d.firewall.name,
      d.rules.map(
        (r) => `${r.rule.source.name} -> ${r.rule.destination.name} ${r.hop.from.name}>${r.hop.to.name}`,
      ),
    ]),
  );

describe('grouped rules per device', () => {
  it('puts each rule of the DMZ relay on the devices between its zones', () => {
    // Read from the example: the Internet is in no zone behind FW-EDGE's wan1; the nodes are in the
    // DMZ; the Array Manager, DC01 and EXCH01 in the internal network behind FW-CORE's inside.
    expect(carried(DMZ_RELAY)).toEqual({
      'FW-EDGE': [
        'DMZ-PROCESSING-NODES -> Internet dmz>wan1',
        'SEG-AM01 -> WWW-MARSHAL-COM dmz>wan1',
        'Internet -> DMZ-PROCESSING-NODES wan1>dmz',
      ],
      'FW-CORE': [
        'DMZ-PROCESSING-NODES -> EXCH01 dmz>inside',
        'DMZ-PROCESSING-NODES -> DC01 dmz>inside',
        'DMZ-PROCESSING-NODES -> SEG-AM01 dmz>inside',
        'EXCH01 -> DMZ-PROCESSING-NODES inside>dmz',
        'SEG-AM01 -> DMZ-PROCESSING-NODES inside>dmz',
        'SEG-AM01 -> WWW-MARSHAL-COM inside>dmz',
      ],
    });
    expect(byDevice(DMZ_RELAY).noPath).toEqual([]);
  });

  it('gives a rule the same number on every device it passes', () => {
    const { devices } = byDevice(DMZ_RELAY);
    const numbers = (name: string) =>
      devices.find((d) => d.firewall.name === name)!.rules.map((r) => r.rule.number);
    const both = numbers('FW-EDGE').filter((n) => numbers('FW-CORE').includes(n));
    expect(both).toHaveLength(1);
  });

  it('sends no rule inside one zone to a device, and lists the rules no device carries', () => {
    const plan = testPlan({
      zones: [zone('dmz', undefined, 'dmz'), zone('lan')],
      hosts: [
        host('node', ['processing-node'], { zone: 'dmz', address: '192.0.2.10' }),
        host('am', ['array-manager'], { zone: 'lan', address: '10.0.0.5' }),
        host('sql', ['sql-server'], { zone: 'lan', address: '10.0.0.6' }),
      ],
      firewalls: [firewall('idle', 'other', ['lan:inside'])],
    });
    const result = byDevice(plan, true);
    expect(result.devices.map((d) => [d.firewall.name, d.rules.length])).toEqual([['IDLE', 0]]);
    expect(result.noPath.map((r) => `${r.source.name} -> ${r.destination.name}`)).toEqual([
      'NODE -> AM',
      'AM -> NODE',
    ]);
  });
});
