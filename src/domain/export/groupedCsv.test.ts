import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { testPlan } from '../plan/plan.testing';
import { deriveFlows } from '../engine';
import type { Plan } from '../plan';
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
