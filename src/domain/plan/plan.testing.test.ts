import { describe, expect, it } from 'vitest';
import { host, testPlan, zone } from './plan.testing';
import { restorePlan } from './restore';

describe('the test plan builder', () => {
  it('fills in what every plan has', () => {
    expect(testPlan()).toEqual({
      format: 'portolan-plan',
      version: 3,
      name: 'Test plan',
      productVersion: '10.0',
      zones: [],
      hosts: [],
    });
    expect(host('dns1', ['dns-server'], { address: '10.0.0.53' })).toEqual({
      id: 'dns1',
      name: 'DNS1',
      roles: ['dns-server'],
      address: '10.0.0.53',
    });
    expect(zone('dmz', { x: 10, y: 20, width: 440, height: 300 }, 'dmz')).toEqual({
      id: 'dmz',
      name: 'DMZ',
      trust: 'dmz',
      position: { x: 10, y: 20 },
      size: { width: 440, height: 300 },
    });
    expect(zone('lan')).toEqual({ id: 'lan', name: 'LAN', trust: 'trusted' });
  });

  it('makes plans the schema accepts, unchanged', () => {
    const plans = [
      testPlan(),
      testPlan({
        name: 'Built',
        productVersion: '8.0',
        zones: [zone('dmz', { x: 0, y: 0, width: 440, height: 300 }, 'dmz'), zone('lan')],
        hosts: [
          host('am', ['array-manager'], { zone: 'lan', address: '10.0.0.5' }),
          host('node', ['processing-node'], { zone: 'dmz', position: { x: 20, y: 60 }, array: 'am' }),
          host('net', ['internet']),
        ],
        changeRequest: { ticket: 'CHG-1', objectPrefix: 'ACME' },
        upgradeFrom: '6.5',
      }),
    ];
    for (const plan of plans) expect(restorePlan(plan)).toEqual({ ok: true, value: plan });
  });
});
