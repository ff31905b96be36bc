import { describe, expect, it } from 'vitest';
import { layoutProblems } from '../diagram';
import { emptyPlan } from '../edit';
import { DMZ_RELAY, restorePlan } from '../plan';
import { addInventory, parseInventory, INVENTORY_MAX_LINES } from './index';

const EMPTY = emptyPlan();

describe('reading an inventory', () => {
  it('reads a CSV with a header, matching column names and role words loosely', () => {
    const text = [
      'Host Name,IP Address,Type,Network',
      'SEG-AM01,10.0.1.10,Array Manager,Servers',
      'SEG-NODE01,10.0.2.11,node,DMZ',
      '"EXCH01","10.0.3.5","Exchange | DNS","Mail, internal"',
      'WS01,,admin workstation,',
    ].join('\r\n');
    const preview = parseInventory(text, EMPTY);
    expect(preview.separator).toBe(',');
    expect(preview.hasHeader).toBe(true);
    expect(preview.columns).toEqual({ name: 0, address: 1, roles: 2, zone: 3 });
    expect(preview.problems).toEqual([]);
    expect(preview.hosts).toEqual([
      { line: 2, name: 'SEG-AM01', address: '10.0.1.10', roles: ['array-manager'], zone: 'Servers' },
      { line: 3, name: 'SEG-NODE01', address: '10.0.2.11', roles: ['processing-node'], zone: 'DMZ' },
      {
        line: 4,
        name: 'EXCH01',
        address: '10.0.3.5',
        roles: ['mail-server', 'dns-server'],
        zone: 'Mail, internal',
      },
      { line: 5, name: 'WS01', roles: ['admin-workstation'] },
    ]);
    expect(preview.newZones).toEqual([
      { name: 'Servers', trust: 'trusted' },
      { name: 'DMZ', trust: 'trusted' },
      { name: 'Mail, internal', trust: 'trusted' },
    ]);
  });

  it('reads cells pasted from a spreadsheet (tabs) and semicolon files, and a trust column for new zones', () => {
    const tabs = parseInventory('Name\tRole\tZone\tTrust\nDNS01\tDNS\tEdge\tDMZ\n', EMPTY);
    expect(tabs.separator).toBe('\t');
    expect(tabs.hosts).toEqual([{ line: 2, name: 'DNS01', roles: ['dns-server'], zone: 'Edge' }]);
    expect(tabs.newZones).toEqual([{ name: 'Edge', trust: 'dmz' }]);
    const semi = parseInventory('name;address;roles\nSQL01;192.0.2.7;SQL Server\n', EMPTY);
    expect(semi.separator).toBe(';');
    expect(semi.hosts).toEqual([{ line: 2, name: 'SQL01', address: '192.0.2.7', roles: ['sql-server'] }]);
  });

  it('puts existing zones to use by name, whatever their case', () => {
    const preview = parseInventory('name,roles,zone\nSEG-NODE09,Processing node,dmz\n', DMZ_RELAY);
    expect(preview.newZones).toEqual([]);
    expect(preview.hosts).toHaveLength(1);
  });

  it('says what is wrong on each line, and adds nothing from such a line', () => {
    const text = [
      'name,address,roles,zone',
      'SEG-AM01,10.0.0.300,Array Manager,',
      ',10.0.0.1,DNS,',
      'X1,10.0.0.2,Exchnage,',
      'X2,10.0.0.3,,',
      'X3,10.0.0.4,DNS,',
      'x3,10.0.0.5,DNS,',
    ].join('\n');
    const preview = parseInventory(text, DMZ_RELAY);
    expect(preview.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'line 2: name: SEG-AM01 is already the name of a host in the plan',
      'line 2: address: 10.0.0.300 is not an IPv4 address',
      'line 3: name: is empty: every host needs a name',
      'line 4: roles: "Exchnage" is not a role; the roles are Array Manager, Processing node, SQL Server, Domain controller / LDAP, DNS server, Admin workstation, Web components, REST API client, POP3 client, Mail server, Internet',
      'line 5: roles: is empty: name one of Array Manager, Processing node, SQL Server, Domain controller / LDAP, DNS server, Admin workstation, Web components, REST API client, POP3 client, Mail server, Internet',
      'line 7: name: x3 is already the name of a host in line 6',
    ]);
    expect(preview.hosts.map((h) => h.name)).toEqual(['X3']);
  });

  it('takes columns in their usual order when the first line is no header', () => {
    const preview = parseInventory('MX1,203.0.113.9,mail server,Internet side\n', EMPTY);
    expect(preview.hasHeader).toBe(false);
    expect(preview.hosts).toEqual([
      { line: 1, name: 'MX1', address: '203.0.113.9', roles: ['mail-server'], zone: 'Internet side' },
    ]);
  });

  it('refuses more lines than one import reads, with the count', () => {
    const text = `name,roles\n${Array.from({ length: INVENTORY_MAX_LINES + 1 }, (_, i) => `W${i},admin`).join('\n')}`;
    const preview = parseInventory(text, EMPTY);
    expect(preview.hosts).toEqual([]);
    expect(preview.problems).toEqual([
      { path: 'lines', message: 'the text has 2,001 lines of hosts, more than the 2,000 one import reads' },
    ]);
  });
});

describe('adding an inventory', () => {
  it('makes its zones and places every host inside its zone, nothing overlapping, a valid plan', () => {
    const lines = ['name,address,roles,zone,trust'];
    for (let i = 1; i <= 40; i++) {
      const zone = ['Servers', 'DMZ', 'Admins', ''][i % 4]!;
      lines.push(
        `H${i},10.0.0.${i},${i % 2 ? 'admin workstation' : 'REST'},${zone},${zone === 'DMZ' ? 'dmz' : ''}`,
      );
    }
    const preview = parseInventory(lines.join('\n'), EMPTY);
    expect(preview.problems).toEqual([]);
    const plan = addInventory(EMPTY, preview);
    expect(plan.hosts).toHaveLength(40);
    expect(plan.zones.map((z) => [z.name, z.trust])).toEqual([
      ['DMZ', 'dmz'],
      ['Admins', 'trusted'],
      ['Servers', 'trusted'],
    ]);
    // 10 in each zone, 10 in none.
    const inZone = (name: string) =>
      plan.hosts.filter((h) => h.zone === plan.zones.find((z) => z.name === name)!.id);
    expect(inZone('DMZ')).toHaveLength(10);
    expect(plan.hosts.filter((h) => h.zone === undefined)).toHaveLength(10);
    expect(layoutProblems(plan).hostIds).toEqual([]);
    expect(restorePlan(JSON.parse(JSON.stringify(plan))).ok).toBe(true);
  });

  it('adds to an existing zone under its cards, moving what lies below it down', () => {
    const before = structuredClone(DMZ_RELAY);
    const dmz = before.zones.find((z) => z.name === 'DMZ')!;
    const text = `name,roles,zone\n${Array.from({ length: 12 }, (_, i) => `NODE-X${i},node,DMZ`).join('\n')}`;
    const plan = addInventory(before, parseInventory(text, before));
    expect(plan.hosts).toHaveLength(before.hosts.length + 12);
    expect(plan.hosts.filter((h) => h.zone === dmz.id)).toHaveLength(
      before.hosts.filter((h) => h.zone === dmz.id).length + 12,
    );
    // Every card still inside its zone, none on another, no zone on another.
    expect(layoutProblems(plan).hostIds).toEqual([]);
    const rects = plan.zones.map((z) => ({
      x: z.position!.x,
      y: z.position!.y,
      w: z.size!.width,
      h: z.size!.height,
    }));
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i]!;
        const b = rects[j]!;
        expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).toBe(false);
      }
  });

  it('reads and adds 500 lines, each host in its zone (its time is measured by the bench)', () => {
    const text = `name,address,roles,zone\n${Array.from({ length: 500 }, (_, i) => `W${i},10.1.${i >> 8}.${i & 255},admin,Zone ${i % 20}`).join('\n')}`;
    const plan = addInventory(EMPTY, parseInventory(text, EMPTY));
    expect(plan.hosts).toHaveLength(500);
    expect(plan.zones).toHaveLength(20);
    expect(layoutProblems(plan).hostIds).toEqual([]);
  });
});
