import { describe, expect, it } from 'vitest';
import { layoutProblems } from '../diagram';
import { DMZ_RELAY } from '../plan';
import { copyOf, pasteClip, pasteOffset, uniqueName } from './paste';

describe('unique names for copies', () => {
  const taken = new Set(['seg-node01', 'seg-node02', 'mail relay', 'mail relay 2']);
  it('counts on from a number at the end, keeping its width', () => {
    expect(uniqueName('SEG-NODE01', taken)).toBe('SEG-NODE03');
    expect(uniqueName('DC9', new Set(['dc9']))).toBe('DC10');
  });
  it('adds a number to a name without one', () => {
    expect(uniqueName('Mail relay', taken)).toBe('Mail relay 3');
  });
  it('keeps a name nobody has', () => {
    expect(uniqueName('DNS01', taken)).toBe('DNS01');
  });
});

describe('pasting', () => {
  const am = DMZ_RELAY.hosts.find((h) => h.roles.includes('array-manager'))!;

  it('makes a host with a new id and name, no address, a card below its original', () => {
    const clip = copyOf(DMZ_RELAY, [am.id], []);
    const { plan, hostIds } = pasteClip(DMZ_RELAY, clip, pasteOffset(clip, 1));
    expect(plan.hosts).toHaveLength(DMZ_RELAY.hosts.length + 1);
    const copy = plan.hosts.find((h) => h.id === hostIds[0])!;
    expect(copy.id).not.toBe(am.id);
    expect(copy.name).toBe('SEG-AM02');
    expect(copy.address).toBeUndefined();
    expect(copy.roles).toEqual(am.roles);
    expect(copy.zone).toBe(am.zone);
    // Not on its original, and inside its zone.
    expect(copy.position).not.toEqual(am.position);
    expect(layoutProblems(plan).reasons.get(copy.id)).toBeUndefined();
  });

  it('copies a zone with its hosts beside the original, under a name of its own', () => {
    const zone = DMZ_RELAY.zones.find((z) => z.name === 'DMZ')!;
    const members = DMZ_RELAY.hosts.filter((h) => h.zone === zone.id);
    const clip = copyOf(DMZ_RELAY, [], [zone.id]);
    expect(clip.hosts).toHaveLength(members.length);
    const { plan, zoneIds, hostIds } = pasteClip(DMZ_RELAY, clip, pasteOffset(clip, 1));
    const made = plan.zones.find((z) => z.id === zoneIds[0])!;
    expect(made.name).toBe('DMZ 2');
    expect(made.trust).toBe(zone.trust);
    expect(made.position!.x).toBe(zone.position!.x + zone.size!.width + 48);
    expect(hostIds).toHaveLength(members.length);
    for (const id of hostIds) expect(plan.hosts.find((h) => h.id === id)!.zone).toBe(made.id);
    expect(layoutProblems(plan).hostIds).toEqual([]);
  });

  it('lands each further paste one more step away', () => {
    const clip = copyOf(DMZ_RELAY, [am.id], []);
    expect(pasteOffset(clip, 1)).toEqual({ x: 24, y: 96 });
    expect(pasteOffset(clip, 2)).toEqual({ x: 48, y: 192 });
  });
});
