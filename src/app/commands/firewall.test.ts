import { beforeEach, describe, expect, it } from 'vitest';
import { DMZ_RELAY, type Plan } from '../../domain';
import { usePlanner } from '../state';
import { FIREWALL_COMMANDS, deviceProblems } from './firewall';
import { registerCommands, run } from './registry';

registerCommands(FIREWALL_COMMANDS);

describe('the firewall device commands', () => {
  beforeEach(() =>
    usePlanner.setState({
      plan: DMZ_RELAY,
      past: [],
      future: [],
      notices: [],
      selection: { kind: 'none' },
      lastCommit: { at: 0 },
    }),
  );
  const plan = () => usePlanner.getState().plan;
  const device = (name: string, p: Plan = plan()) => p.firewalls?.find((f) => f.name === name);

  it('adds a device centred on the point, selected, and Delete removes it; undo brings it back', () => {
    expect(run('addFirewall', { at: { x: 1000, y: 700 } })).toBe(true);
    const added = device('FW-1')!;
    expect(added).toMatchObject({ vendor: 'other', interfaces: [], position: { x: 912, y: 668 } });
    expect(usePlanner.getState().selection).toEqual({ kind: 'firewall', id: added.id });
    expect(run('deleteSelection')).toBe(true);
    expect(device('FW-1')).toBeUndefined();
    expect(usePlanner.getState().selection).toEqual({ kind: 'none' });
    usePlanner.getState().undo();
    expect(device('FW-1')).toEqual(added);
  });

  it('keeps a typed name once it is another device’s no longer, as one undo step', () => {
    const id = device('FW-CORE')!.id;
    // "FW-EDGE" is taken (names do not differ by case alone); "FW-EDGE2" is free.
    const kept = ['FW-E', 'FW-ED', 'fw-edge', 'FW-EDGE', 'FW-EDGE2', ' '].map((name) =>
      run('renameFirewall', { id, name }),
    );
    expect(kept).toEqual([true, true, false, false, true, false]);
    expect(device('FW-EDGE2')?.id).toBe(id);
    expect(usePlanner.getState().past).toHaveLength(1);
  });

  it('binds interfaces to zones, one per zone, with names a device takes', () => {
    run('addFirewall', { at: { x: 0, y: 0 } });
    const id = device('FW-1')!.id;
    expect(run('addFirewallInterface', { id, zone: 'dmz' })).toBe(true);
    expect(run('addFirewallInterface', { id, zone: 'dmz' })).toBe(false);
    expect(run('addFirewallInterface', { id, zone: undefined })).toBe(true);
    expect(device('FW-1')!.interfaces).toEqual([{ zone: 'dmz', name: 'if1' }, { name: 'if2' }]);
    // Another interface's zone, or a name with a space or taken on the device: refused.
    expect(run('setInterfaceZone', { id, index: 1, zone: 'dmz' })).toBe(false);
    expect(run('setInterfaceName', { id, index: 1, name: 'port 1' })).toBe(false);
    expect(run('setInterfaceName', { id, index: 1, name: 'IF1' })).toBe(false);
    expect(deviceProblems(plan(), id)).toEqual([]);
    expect(run('setInterfaceZone', { id, index: 1, zone: 'lan' })).toBe(true);
    expect(run('setInterfaceName', { id, index: 1, name: 'inside' })).toBe(true);
    expect(run('setInterfaceZone', { id, index: 0, zone: null })).toBe(true);
    expect(device('FW-1')!.interfaces).toEqual([{ name: 'if1' }, { zone: 'lan', name: 'inside' }]);
    expect(run('removeFirewallInterface', { id, index: 0 })).toBe(true);
    expect(device('FW-1')!.interfaces).toEqual([{ zone: 'lan', name: 'inside' }]);
  });

  it('says what is wrong with a device in the plan format’s words, by its own paths', () => {
    const p = plan();
    const [edge, core] = p.firewalls!;
    const broken: Plan = {
      ...p,
      firewalls: [
        edge!,
        { ...core!, name: 'fw-edge', interfaces: [...core!.interfaces, { zone: 'dmz', name: 'a b' }] },
      ],
    };
    expect(deviceProblems(broken, core!.id).map((x) => x.path)).toEqual([
      'name',
      'interfaces[2].name',
      'interfaces[2].zone',
    ]);
    expect(deviceProblems(broken, edge!.id)).toEqual([]);
  });

  it('moves a card, the arrow keys’ steps making one undo step', () => {
    const id = device('FW-EDGE')!.id;
    for (const x of [10, 20, 30]) run('moveFirewall', { id, position: { x, y: 5.4 }, byKeyboard: true });
    expect(device('FW-EDGE')!.position).toEqual({ x: 30, y: 5 });
    expect(usePlanner.getState().past).toHaveLength(1);
  });
});
