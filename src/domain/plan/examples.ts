import { EXAMPLES, type ExampleId } from './exampleIndex';
import { CURRENT_PLAN_VERSION, PLAN_FORMAT, type Plan } from './types';

/** Example plans offered in the app's menu; also used by tests and benchmarks. */

export const SINGLE_SERVER: Plan = {
  format: PLAN_FORMAT,
  version: CURRENT_PLAN_VERSION,
  name: 'Single server',
  productVersion: '10.0',
  zones: [
    {
      id: 'internal',
      name: 'Internal network',
      trust: 'trusted',
      position: { x: 300, y: 0 },
      size: { width: 620, height: 420 },
    },
  ],
  hosts: [
    { id: 'internet', name: 'Internet', roles: ['internet'], position: { x: 40, y: 170 } },
    {
      id: 'seg01',
      name: 'SEG01',
      roles: ['array-manager', 'processing-node', 'web-components', 'sql-server'],
      zone: 'internal',
      address: '10.1.0.10',
      position: { x: 360, y: 170 },
    },
    {
      id: 'dc01',
      name: 'DC01',
      roles: ['directory-server', 'dns-server'],
      zone: 'internal',
      address: '10.1.0.2',
      position: { x: 700, y: 50 },
    },
    {
      id: 'exch01',
      name: 'EXCH01',
      roles: ['mail-server'],
      zone: 'internal',
      address: '10.1.0.20',
      position: { x: 700, y: 170 },
    },
    {
      id: 'admin01',
      name: 'ADMIN-WS01',
      roles: ['admin-workstation'],
      zone: 'internal',
      address: '10.1.5.0/24',
      position: { x: 700, y: 290 },
    },
  ],
};

export const DMZ_RELAY: Plan = {
  format: PLAN_FORMAT,
  version: CURRENT_PLAN_VERSION,
  name: 'DMZ relay with internal array',
  productVersion: '10.0',
  zones: [
    { id: 'dmz', name: 'DMZ', trust: 'dmz', position: { x: 290, y: 30 }, size: { width: 280, height: 380 } },
    {
      id: 'lan',
      name: 'Internal network',
      trust: 'trusted',
      position: { x: 690, y: 20 },
      size: { width: 580, height: 520 },
    },
  ],
  hosts: [
    { id: 'internet', name: 'Internet', roles: ['internet'], position: { x: 30, y: 190 } },
    {
      id: 'node1',
      name: 'SEG-NODE01',
      roles: ['processing-node'],
      zone: 'dmz',
      address: '192.0.2.11',
      position: { x: 330, y: 90 },
    },
    {
      id: 'node2',
      name: 'SEG-NODE02',
      roles: ['processing-node'],
      zone: 'dmz',
      address: '192.0.2.12',
      position: { x: 330, y: 290 },
    },
    {
      id: 'am',
      name: 'SEG-AM01',
      roles: ['array-manager', 'web-components'],
      zone: 'lan',
      address: '10.0.0.5',
      position: { x: 740, y: 190 },
    },
    {
      id: 'sql',
      name: 'SQL01',
      roles: ['sql-server'],
      zone: 'lan',
      address: '10.0.0.6',
      position: { x: 1010, y: 70 },
    },
    {
      id: 'dc',
      name: 'DC01',
      roles: ['directory-server', 'dns-server'],
      zone: 'lan',
      address: '10.0.0.2',
      position: { x: 1010, y: 190 },
    },
    {
      id: 'exch',
      name: 'EXCH01',
      roles: ['mail-server'],
      zone: 'lan',
      address: '10.0.1.25',
      position: { x: 740, y: 390 },
    },
    {
      id: 'admin',
      name: 'Admin workstations',
      roles: ['admin-workstation'],
      zone: 'lan',
      address: '10.0.5.0/24',
      position: { x: 1010, y: 310 },
    },
    {
      id: 'rest',
      name: 'Automation',
      roles: ['rest-client'],
      zone: 'lan',
      address: '10.0.7.14',
      position: { x: 1010, y: 430 },
    },
  ],
};

const PLANS: Record<ExampleId, Plan> = { 'single-server': SINGLE_SERVER, 'dmz-relay': DMZ_RELAY };

export const EXAMPLE_PLANS: readonly { id: ExampleId; label: string; plan: Plan }[] = EXAMPLES.map((e) => ({
  ...e,
  plan: PLANS[e.id],
}));
