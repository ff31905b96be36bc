import { describe, expect, it } from 'vitest';
import type { RoleId } from '../catalog';
import { formatProblem } from '../problems';
import { DMZ_RELAY, restorePlan, validGroupName, type Host } from '../plan';
import { nameGroups, sanitizeName, type GroupToName } from './names';

const host = (id: string, name: string, roles: RoleId[]): Host => ({ id, name, roles });
const group = (key: string, hosts: Host[], zoneName?: string): GroupToName => ({
  key,
  hosts,
  addresses: hosts.map(() => '10.0.0.1'),
  fixedAddress: false,
  ...(zoneName === undefined ? {} : { zoneName }),
});

describe('group names', () => {
  it('accepts firewall object names and says why others are refused', () => {
    expect(validGroupName('DMZ-PROCESSING-NODES')).toBeUndefined();
    expect(validGroupName('a_1')).toBeUndefined();
    expect(validGroupName('X'.repeat(31))).toBeUndefined();
    expect(validGroupName('X'.repeat(32))).toBe(
      `"${'X'.repeat(32)}" is not a valid group name: it is longer than 31 characters`,
    );
    expect(validGroupName('')).toBe('"" is not a valid group name: it is empty');
    for (const bad of ['DMZ NODES', '-NODES', '_NODES', 'NÖDES', 'a.b', 'a/b']) {
      expect(validGroupName(bad)).toBe(
        `"${bad}" is not a valid group name: use letters, digits, "-" and "_", starting with a letter or digit`,
      );
    }
  });

  it('sanitises text into name parts', () => {
    expect(sanitizeName('Internal network')).toBe('Internal-network');
    expect(sanitizeName('Zürich  / Genève')).toBe('Zurich-Geneve');
    expect(sanitizeName('--a__b--')).toBe('a__b');
    expect(sanitizeName('東京')).toBe('');
  });

  it('names from zone and roles, or the one host, unique without regard to case', () => {
    const nodes = [
      host('n1', 'SEG-NODE01', ['processing-node']),
      host('n2', 'SEG-NODE02', ['processing-node']),
    ];
    const dcDns = host('dc', 'DC01', ['directory-server', 'dns-server']);
    const dns = host('dns', 'DNS02', ['dns-server']);
    const names = nameGroups({}, [
      group('n1,n2', nodes, 'DMZ'),
      group('n1', nodes.slice(0, 1), 'DMZ'),
      // The roles every member holds name the group: both are DNS servers.
      group('dc,dns', [dcDns, dns], 'Server network'),
      // No role shared: every role, short.
      group('dc,n2', [dcDns, nodes[1]!], 'dmz'),
      group('x', [host('x', 'dmz-node-dc-dns-hosts', ['sql-server'])], 'elsewhere'),
      // Nothing of the name survives: the roles speak instead.
      group('t', [host('t', '東京', ['mail-server'])], '東京'),
    ]);
    expect(Object.fromEntries(names)).toEqual({
      'n1,n2': 'DMZ-PROCESSING-NODES',
      n1: 'SEG-NODE01',
      'dc,dns': 'SERVER-NETWORK-DNS-SERVERS',
      // The same name but for case: the one that sorts first keeps it, the other gives way.
      'dc,n2': 'DMZ-NODE-DC-DNS-HOSTS',
      x: 'dmz-node-dc-dns-hosts-2',
      t: 'MAIL-SERVERS',
    });
  });

  it('cuts long names at a word, before the suffix that makes them unique', () => {
    const zone = 'Branch office far away';
    const admins = (ids: string[]) => ids.map((id) => host(id, id, ['admin-workstation']));
    const names = nameGroups({}, [
      group('a,b', admins(['a', 'b']), zone),
      group('c,d', admins(['c', 'd']), zone),
      group('e,f', admins(['e', 'f']), zone),
    ]);
    // BRANCH-OFFICE-FAR-AWAY-ADMIN-WORKSTATIONS is 41 characters.
    expect([...names.values()]).toEqual([
      'BRANCH-OFFICE-FAR-AWAY-ADMIN',
      'BRANCH-OFFICE-FAR-AWAY-ADMIN-2',
      'BRANCH-OFFICE-FAR-AWAY-ADMIN-3',
    ]);
    const long = nameGroups({}, [
      group('l', [host('l', 'L'.repeat(40), ['mail-server'])]),
      group('m', [host('m', 'L'.repeat(40), ['mail-server'])]),
    ]);
    expect([...long.values()]).toEqual(['L'.repeat(31), `${'L'.repeat(29)}-2`]);
  });

  it("keeps the user's name, and keeps every name the user gave free", () => {
    const nodes = [
      host('n1', 'SEG-NODE01', ['processing-node']),
      host('n2', 'SEG-NODE02', ['processing-node']),
    ];
    const names = nameGroups({ groupNames: { n1: 'RELAYS', gone: 'DMZ-PROCESSING-NODES' } }, [
      group('n1,n2', nodes, 'DMZ'),
      group('n1', nodes.slice(0, 1), 'DMZ'),
    ]);
    expect(Object.fromEntries(names)).toEqual({ 'n1,n2': 'DMZ-PROCESSING-NODES-2', n1: 'RELAYS' });
  });
});

describe('groupNames in a plan file', () => {
  const problems = (groupNames: unknown) => {
    const result = restorePlan({ ...DMZ_RELAY, groupNames });
    return result.ok ? [] : result.problems.map(formatProblem);
  };

  it('accepts valid, unique names', () => {
    const result = restorePlan({
      ...DMZ_RELAY,
      groupNames: { 'node1,node2': 'RELAYS', '#0123456789abcdef': 'X' },
    });
    expect(result.ok && result.value.groupNames).toEqual({
      'node1,node2': 'RELAYS',
      '#0123456789abcdef': 'X',
    });
  });

  it('reports each bad entry with its path', () => {
    expect(
      problems({
        'node1,node2': 'DMZ NODES',
        exch: 'RELAYS',
        am: 'relays',
        'not a key': 'OK',
        dc: 7,
      }),
    ).toEqual([
      'groupNames.dc: must be text, not 7',
      'groupNames["node1,node2"]: "DMZ NODES" is not a valid group name: use letters, digits, "-" and "_", starting with a letter or digit',
      'groupNames["am"]: "relays" is already the name of groupNames["exch"]',
      'groupNames["not a key"]: is not a group key: host ids joined by ",", as Portolan writes them',
    ]);
    expect(problems([])).toEqual(['groupNames: must be an object, not a list']);
    expect(problems(Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`h${i}`, `N${i}`])))).toEqual([
      'groupNames: holds more than 2000 entries',
    ]);
  });
});
