import { describe, expect, it } from 'vitest';
import { firewall, host, testPlan, zone } from '../plan/plan.testing';
import { deriveFlows } from './derive';
import { firewallPaths, NO_PATH, pathLabel, type Hop } from './paths';

/** A path written short: "FW1 a>b, FW2 c>d" (device, interface entered > interface left). */
const short = (hops: readonly Hop[] | undefined) =>
  hops === undefined ? 'none' : hops.map((h) => `${h.firewall.name} ${h.from.name}>${h.to.name}`).join(', ');

const ZONES = [zone('a'), zone('b'), zone('c'), zone('d')];

describe('firewall paths', () => {
  it('has none in a plan without devices', () => {
    expect(firewallPaths(testPlan({ zones: ZONES })).devices).toBe(false);
    expect(firewallPaths(testPlan({ zones: ZONES, firewalls: [] })).devices).toBe(false);
  });

  it('goes through each device between the zones, entering and leaving by their interfaces', () => {
    const paths = firewallPaths(
      testPlan({
        zones: ZONES,
        firewalls: [firewall('fw1', 'other', ['a:a1', 'b:b1']), firewall('fw2', 'other', ['b:b2', 'c:c2'])],
      }),
    );
    expect(paths.devices).toBe(true);
    expect(short(paths.between('a', 'c'))).toBe('FW1 a1>b1, FW2 b2>c2');
    expect(short(paths.between('c', 'a'))).toBe('FW2 c2>b2, FW1 b1>a1');
    expect(short(paths.between('b', 'a'))).toBe('FW1 b1>a1');
    expect(short(paths.between('a', 'a'))).toBe('');
    expect(short(paths.between('a', 'd'))).toBe('none');
    // Hosts in no zone are reached only by an interface without a zone.
    expect(short(paths.between(undefined, 'a'))).toBe('none');
    expect(short(paths.between(undefined, undefined))).toBe('none');
  });

  it('reaches the hosts in no zone by an interface without a zone', () => {
    const paths = firewallPaths(
      testPlan({
        zones: ZONES,
        firewalls: [
          firewall('edge', 'fortigate', [':wan1', 'a:dmz']),
          firewall('core', 'cisco-asa', ['a:dmz', 'b:inside']),
        ],
      }),
    );
    expect(short(paths.between('b', undefined))).toBe('CORE inside>dmz, EDGE dmz>wan1');
    expect(short(paths.between(undefined, 'a'))).toBe('EDGE wan1>dmz');
  });

  it('takes the fewest devices, and on a tie the first device in plan order', () => {
    const paths = firewallPaths(
      testPlan({
        zones: ZONES,
        firewalls: [
          firewall('fw1', 'other', ['a:a1', 'b:b1']),
          firewall('fw2', 'other', ['b:b2', 'c:c2']),
          firewall('fw3', 'other', ['c:c3', 'a:a3']),
          firewall('fw4', 'other', ['a:a4', 'b:b4']),
        ],
      }),
    );
    expect(short(paths.between('a', 'c'))).toBe('FW3 a3>c3');
    expect(short(paths.between('a', 'b'))).toBe('FW1 a1>b1');
    expect(short(paths.between('b', 'a'))).toBe('FW1 b1>a1');
  });

  it('labels a path by its device names, or says there is none', () => {
    const paths = firewallPaths(
      testPlan({
        zones: ZONES,
        firewalls: [firewall('fw1', 'other', ['a:x', 'b:y']), firewall('fw2', 'other', ['b:y', 'c:z'])],
      }),
    );
    expect(pathLabel(paths.between('a', 'c'))).toBe('FW1 > FW2');
    expect(pathLabel(paths.between('a', 'd'))).toBe('(no path)');
    expect(NO_PATH).toBe('(no path)');
  });
});

describe('the no-path warning', () => {
  const plan = testPlan({
    zones: [zone('dmz', undefined, 'dmz'), zone('lan')],
    hosts: [
      host('inet', ['internet']),
      host('node', ['processing-node'], { zone: 'dmz', address: '192.0.2.10' }),
      host('am', ['array-manager'], { zone: 'lan', address: '10.0.0.5' }),
    ],
  });

  it('is not given without devices', () => {
    expect(deriveFlows(plan).warnings.filter((w) => w.id.startsWith('no-firewall-path'))).toEqual([]);
  });

  it('names the two places no device joins, once for both directions', () => {
    const withEdge = { ...plan, firewalls: [firewall('edge', 'fortigate', [':wan1', 'dmz:dmz'])] };
    const found = deriveFlows(withEdge).warnings.filter((w) => w.id.startsWith('no-firewall-path'));
    // The Array Manager fetches updates from the Internet: no device joins the LAN to it either.
    expect(found.map((w) => [w.id, w.severity, w.hostIds.sort()])).toEqual([
      ['no-firewall-path::lan', 'warning', ['am', 'inet']],
      ['no-firewall-path:dmz:lan', 'warning', ['am', 'node']],
    ]);
    expect(found[0]!.message).toMatch(/^No firewall joins the hosts in no zone and LAN: \d+ flows? pass/);
    expect(found[1]!.message).toMatch(
      /^No firewall joins DMZ and LAN: \d+ flows pass no device of the plan\./,
    );
    const joined = {
      ...withEdge,
      firewalls: [...withEdge.firewalls, firewall('core', 'cisco-asa', ['dmz:dmz', 'lan:inside'])],
    };
    expect(deriveFlows(joined).warnings.filter((w) => w.id.startsWith('no-firewall-path'))).toEqual([]);
  });
});
