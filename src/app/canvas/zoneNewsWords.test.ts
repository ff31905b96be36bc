import { describe, expect, it } from 'vitest';
import { updateHost, type Flow, type Host, type Plan, type Zone } from '../../domain';
import { testPlan } from '../../domain/plan/plan.testing';
import { describeZoneChange, describeZoneChanges, flowDelta, zoneChanges } from './zoneNewsWords';

const zone = (
  id: string,
  name: string,
  trust: Zone['trust'],
  x: number,
  y: number,
  w = 440,
  h = 300,
): Zone => ({
  id,
  name,
  trust,
  position: { x, y },
  size: { width: w, height: h },
});
const host = (id: string, name: string, x: number, y: number, zoneId?: string): Host => ({
  id,
  name,
  roles: ['processing-node'],
  position: { x, y },
  ...(zoneId ? { zone: zoneId } : {}),
});
const planOf = (zones: Zone[], hosts: Host[]): Plan => testPlan({ name: 'T', zones, hosts });

/** Zone A (DMZ) at (0,0), zone B (LAN) at (600,0); two nodes in A, one host in no zone below A. */
const base = (): Plan =>
  planOf(
    [zone('A', 'DMZ', 'dmz', 0, 0), zone('B', 'LAN', 'trusted', 600, 0)],
    [
      host('n1', 'SEG-NODE01', 20, 60, 'A'),
      host('n2', 'SEG-NODE02', 230, 60, 'A'),
      host('n3', 'DNS01', 0, 400),
    ],
  );

describe('telling what changed', () => {
  const flows = (...ids: string[]) => ids.map((id) => ({ id, crossesFirewall: false }) as Flow);
  const delta = (added: number, removed: number, nowCrossing = 0, nowInside = 0) => ({
    added,
    removed,
    nowCrossing,
    nowInside,
  });

  it('counts flows added and removed by id, and kept flows whose firewall crossing changed', () => {
    expect(flowDelta(flows('a', 'b', 'c'), flows('b', 'c', 'd', 'e'))).toEqual(delta(2, 1));
    expect(flowDelta(flows('a'), flows('a'))).toEqual(delta(0, 0));
    const before = [
      { id: 'b', crossesFirewall: false },
      { id: 'c', crossesFirewall: true },
    ] as Flow[];
    const after = [
      { id: 'b', crossesFirewall: true },
      { id: 'c', crossesFirewall: false },
      { id: 'x', crossesFirewall: true },
    ] as Flow[];
    expect(flowDelta(before, after)).toEqual(delta(1, 0, 1, 1));
  });

  it('says when kept flows now cross a firewall or stay inside a zone', () => {
    const before = planOf(
      [zone('dmz', 'DMZ', 'dmz', 0, 0), zone('net', 'Internet', 'untrusted', 600, 0)],
      [host('n5', 'SEG-NODE05', 20, 60, 'dmz')],
    );
    const after = updateHost(before, 'n5', { zone: 'net' });
    const [change] = zoneChanges(before, after);
    expect(describeZoneChange(before, after, change!, delta(0, 0, 3, 1))).toBe(
      'SEG-NODE05 moved from DMZ to Internet (Untrusted): 3 flows now through a firewall, 1 now inside a zone',
    );
    expect(describeZoneChange(before, after, change!, delta(2, 0, 1, 0))).toBe(
      'SEG-NODE05 moved from DMZ to Internet (Untrusted): 2 flows added, 1 now through a firewall',
    );
  });

  it('lists hosts whose zone changed, in the order of the new plan', () => {
    const before = base();
    const after = planOf(before.zones, [
      host('n3', 'DNS01', 610, 44, 'B'),
      host('n2', 'SEG-NODE02', 230, 60, 'A'),
      host('n1', 'SEG-NODE01', 20, -82),
      host('new', 'NEW', 700, 44, 'B'),
    ]);
    expect(zoneChanges(before, after)).toEqual([
      { hostId: 'n3', to: 'B' },
      { hostId: 'n1', from: 'A' },
    ]);
  });

  it('writes one host’s move as a sentence', () => {
    const before = planOf(
      [zone('dmz', 'DMZ', 'dmz', 0, 0), zone('net', 'Internet', 'untrusted', 600, 0)],
      [host('n5', 'SEG-NODE05', 20, 60, 'dmz')],
    );
    const after = updateHost(before, 'n5', { zone: 'net' });
    const [change] = zoneChanges(before, after);
    expect(describeZoneChange(before, after, change!, delta(4, 3))).toBe(
      'SEG-NODE05 moved from DMZ to Internet (Untrusted): 4 flows added, 3 removed',
    );
    expect(describeZoneChange(before, after, change!, delta(1, 0))).toBe(
      'SEG-NODE05 moved from DMZ to Internet (Untrusted): 1 flow added',
    );
    expect(describeZoneChange(before, after, change!, delta(0, 1))).toBe(
      'SEG-NODE05 moved from DMZ to Internet (Untrusted): 1 flow removed',
    );
    expect(describeZoneChange(before, after, change!, delta(0, 0))).toBe(
      'SEG-NODE05 moved from DMZ to Internet (Untrusted): no flows changed',
    );
    expect(describeZoneChange(before, after, { hostId: 'n5', to: 'net' }, delta(2, 1))).toBe(
      'SEG-NODE05 moved from no zone to Internet (Untrusted): 2 flows added, 1 removed',
    );
    expect(describeZoneChange(before, after, { hostId: 'n5', from: 'dmz' }, delta(1, 1))).toBe(
      'SEG-NODE05 moved from DMZ to no zone: 1 flow added, 1 removed',
    );
  });

  it('shows hidden direction marks in names', () => {
    const before = planOf([zone('a', 'A\u202E', 'dmz', 0, 0)], [host('h', 'X\u202Ey', 20, 60)]);
    expect(describeZoneChange(before, before, { hostId: 'h', to: 'a' }, delta(0, 0))).toBe(
      'X<U+202E>y moved from no zone to A<U+202E> (DMZ): no flows changed',
    );
  });

  it('writes several hosts’ moves as one sentence', () => {
    const before = base();
    expect(describeZoneChanges(before, before, [], delta(0, 0))).toBe('');
    expect(describeZoneChanges(before, before, [{ hostId: 'n1', from: 'A', to: 'B' }], delta(2, 0))).toBe(
      'SEG-NODE01 moved from DMZ to LAN (Trusted): 2 flows added',
    );
    const three = [
      { hostId: 'n1', from: 'A', to: 'B' },
      { hostId: 'n2', from: 'A', to: 'B' },
      { hostId: 'n3', to: 'B' },
    ];
    expect(describeZoneChanges(before, before, three, delta(4, 3))).toBe(
      '3 hosts moved to LAN (Trusted): 4 flows added, 3 removed',
    );
    expect(
      describeZoneChanges(
        before,
        before,
        [
          { hostId: 'n1', from: 'A' },
          { hostId: 'n2', from: 'A' },
        ],
        delta(0, 2),
      ),
    ).toBe('2 hosts moved to no zone: 2 flows removed');
    expect(
      describeZoneChanges(
        before,
        before,
        [
          { hostId: 'n1', from: 'A' },
          { hostId: 'n3', to: 'B' },
        ],
        delta(1, 1),
      ),
    ).toBe('2 hosts changed zone: 1 flow added, 1 removed');
  });
});
