import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { testPlan } from '../plan/plan.testing';
import { deriveFlows } from '../engine';
import { DMZ_RELAY, type Plan } from '../plan';
import { exportGroupedCsv } from './groupedCsv';

/**
 * Two processing nodes in the DMZ, two mail servers inside, the Internet in no zone: every flow is
 * SMTP (Trustwave KB 10905: nodes relay mail to and from the Internet and the internal servers), so
 * the eight per-flow rows each way fold into four rules, written out here by hand.
 */
const PLAN: Plan = testPlan({
  name: 'Relay; "small"',
  productVersion: '10.0',
  zones: [
    { id: 'dmz', name: 'DMZ', trust: 'dmz', position: { x: 300, y: 0 }, size: { width: 300, height: 300 } },
    {
      id: 'lan',
      name: 'LAN',
      trust: 'trusted',
      position: { x: 700, y: 0 },
      size: { width: 300, height: 300 },
    },
  ],
  hosts: [
    { id: 'i', name: 'Internet', roles: ['internet'], position: { x: 0, y: 100 } },
    {
      id: 'n1',
      name: 'NODE1',
      roles: ['processing-node'],
      zone: 'dmz',
      address: '192.0.2.11',
      position: { x: 320, y: 50 },
    },
    {
      id: 'n2',
      name: '=NODE2',
      roles: ['processing-node'],
      zone: 'dmz',
      address: '192.0.2.12',
      position: { x: 320, y: 150 },
    },
    {
      id: 'm1',
      name: 'MAIL1',
      roles: ['mail-server'],
      zone: 'lan',
      address: '10.0.1.25',
      position: { x: 720, y: 50 },
    },
    {
      id: 'm2',
      name: 'MAIL2',
      roles: ['mail-server'],
      zone: 'lan',
      address: '10.0.1.26',
      position: { x: 720, y: 150 },
    },
  ],
});

function parse(data: string) {
  expect(data.startsWith('\uFEFF')).toBe(true);
  expect(data.endsWith('\r\n')).toBe(true);
  const result = Papa.parse<string[]>(data.slice(1, -2), { delimiter: ',', newline: '\r\n' });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('grouped rules CSV', () => {
  const file = exportGroupedCsv({
    plan: PLAN,
    derivation: deriveFlows(PLAN),
    scope: { includeInternal: false },
    date: new Date('2026-11-28T00:00:00Z'),
  });
  const [header, ...rows] = parse(file.data as string);

  it('is named after the plan, with the contract columns first', () => {
    expect(file.filename).toBe('Relay; -small--firewall-rules.csv');
    expect(header!.slice(0, 12)).toEqual([
      'Rule',
      'Source Zone',
      'Source Group',
      'Sources',
      'Source Addresses',
      'Destination Zone',
      'Destination Group',
      'Destinations',
      'Destination Addresses',
      'Services',
      'Action',
      'Justification',
    ]);
  });

  it('folds the per-flow rows into one rule per zone pair and direction', () => {
    const cells = rows.map((r) => [r[0], r[1], r[3], r[4], r[5], r[7], r[8], r[9], r[10]]);
    expect(cells).toEqual([
      [
        '1',
        'DMZ',
        "NODE1; '=NODE2",
        '192.0.2.11; 192.0.2.12',
        'LAN',
        'MAIL1; MAIL2',
        '10.0.1.25; 10.0.1.26',
        'tcp/25',
        'Allow',
      ],
      // Nodes also fetch updates over HTTP and HTTPS (KB 10905, from 6.5).
      [
        '2',
        'DMZ',
        "NODE1; '=NODE2",
        '192.0.2.11; 192.0.2.12',
        '',
        'Internet',
        'any',
        'tcp/25; tcp/80; tcp/443',
        'Allow',
      ],
      [
        '3',
        'LAN',
        'MAIL1; MAIL2',
        '10.0.1.25; 10.0.1.26',
        'DMZ',
        "NODE1; '=NODE2",
        '192.0.2.11; 192.0.2.12',
        'tcp/25',
        'Allow',
      ],
      ['4', '', 'Internet', 'any', 'DMZ', "NODE1; '=NODE2", '192.0.2.11; 192.0.2.12', 'tcp/25', 'Allow'],
    ]);
    for (const r of rows) expect(r[11]).not.toBe('');
  });

  it('guards a first member that looks like a formula once, as the per-flow CSV does', () => {
    const plan: Plan = {
      ...PLAN,
      hosts: PLAN.hosts.map((h) => (h.id === 'n1' ? { ...h, name: '=HYPERLINK("x")' } : h)),
    };
    const csv = exportGroupedCsv({
      plan,
      derivation: deriveFlows(plan),
      scope: { includeInternal: false },
      date: new Date('2026-11-28T00:00:00Z'),
    });
    const [, first] = parse(csv.data as string);
    expect(first![3]).toBe(`'=HYPERLINK("x"); '=NODE2`);
  });
});

describe('grouped rules CSV with firewall devices', () => {
  const csv = (plan: Plan, includeInternal = false) =>
    parse(
      exportGroupedCsv({
        plan,
        derivation: deriveFlows(plan),
        scope: { includeInternal },
        date: new Date('2026-11-28T00:00:00Z'),
      }).data as string,
    );
  /** Rule, source zone, destination zone, then the three device columns. */
  const deviceRows = (rows: string[][]) => rows.map((r) => [r[0], r[1], r[5], ...r.slice(15)]);

  it('adds Device, Ingress and Egress interface after the other columns, one row per rule and device', () => {
    const [header, ...rows] = csv(DMZ_RELAY);
    expect(header).toEqual([
      'Rule',
      'Source Zone',
      'Source Group',
      'Sources',
      'Source Addresses',
      'Destination Zone',
      'Destination Group',
      'Destinations',
      'Destination Addresses',
      'Services',
      'Action',
      'Justification',
      'Catalog Rules',
      'Flows',
      'Reference',
      'Device',
      'Ingress interface',
      'Egress interface',
    ]);
    // FW-EDGE joins the Internet (no zone, wan1) and the DMZ (dmz); FW-CORE the DMZ (dmz) and the
    // internal network (inside). The nodes relay mail with EXCH01, ask DC01 for DNS and report to
    // SEG-AM01; SEG-AM01 controls them and fetches SpamCensor updates from the Internet, which
    // passes both devices, FW-CORE first.
    expect(deviceRows(rows)).toEqual([
      ['1', 'DMZ', 'Internal network', 'FW-CORE', 'dmz', 'inside'],
      ['2', 'DMZ', 'Internal network', 'FW-CORE', 'dmz', 'inside'],
      ['3', 'DMZ', 'Internal network', 'FW-CORE', 'dmz', 'inside'],
      ['4', 'DMZ', '', 'FW-EDGE', 'dmz', 'wan1'],
      ['5', 'Internal network', 'DMZ', 'FW-CORE', 'inside', 'dmz'],
      ['6', 'Internal network', 'DMZ', 'FW-CORE', 'inside', 'dmz'],
      ['7', 'Internal network', '', 'FW-CORE', 'inside', 'dmz'],
      ['7', 'Internal network', '', 'FW-EDGE', 'dmz', 'wan1'],
      ['8', '', 'DMZ', 'FW-EDGE', 'wan1', 'dmz'],
    ]);
    // A rule's own cells are the same on each of its rows.
    const seven = rows.filter((r) => r[0] === '7');
    expect(seven[0]!.slice(0, 15)).toEqual(seven[1]!.slice(0, 15));
    expect(seven[0]![9]).toBe('tcp/80; tcp/443');
  });

  it('puts the rules between places no device joins on a "(no path)" row, and rules inside a zone on none', () => {
    const coreOnly: Plan = {
      ...DMZ_RELAY,
      firewalls: DMZ_RELAY.firewalls!.filter((f) => f.id === 'fw-core'),
    };
    const rows = deviceRows(csv(coreOnly).slice(1));
    expect(rows).toEqual([
      ['1', 'DMZ', 'Internal network', 'FW-CORE', 'dmz', 'inside'],
      ['2', 'DMZ', 'Internal network', 'FW-CORE', 'dmz', 'inside'],
      ['3', 'DMZ', 'Internal network', 'FW-CORE', 'dmz', 'inside'],
      ['4', 'DMZ', '', '(no path)', '', ''],
      ['5', 'Internal network', 'DMZ', 'FW-CORE', 'inside', 'dmz'],
      ['6', 'Internal network', 'DMZ', 'FW-CORE', 'inside', 'dmz'],
      ['7', 'Internal network', '', '(no path)', '', ''],
      ['8', '', 'DMZ', '(no path)', '', ''],
    ]);
    // With flows inside a zone, their rules pass no device: one row, the device cells empty.
    const internal = deviceRows(csv(DMZ_RELAY, true).slice(1)).filter((r) => r[1] === r[2]);
    expect(internal.length).toBeGreaterThan(0);
    for (const r of internal) expect(r.slice(3)).toEqual(['', '', '']);
  });

  it('writes a plan without devices as before: fifteen columns, one row per rule', () => {
    const { firewalls: _none, ...plain } = DMZ_RELAY;
    const data = exportGroupedCsv({
      plan: plain,
      derivation: deriveFlows(plain),
      scope: { includeInternal: false },
      date: new Date('2026-11-28T00:00:00Z'),
    }).data as string;
    expect(data.split('\r\n')[0]).toBe(
      '\uFEFFRule,Source Zone,Source Group,Sources,Source Addresses,Destination Zone,Destination Group,' +
        'Destinations,Destination Addresses,Services,Action,Justification,Catalog Rules,Flows,Reference',
    );
    const rows = parse(data).slice(1);
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    for (const r of rows) expect(r).toHaveLength(15);
    // An empty list is no devices.
    expect(csv({ ...DMZ_RELAY, firewalls: [] })).toEqual(parse(data));
  });
});
