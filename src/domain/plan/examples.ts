import { EXAMPLES, type ExampleId } from './exampleIndex';
import type { RoleId } from '../catalog';
import { CURRENT_PLAN_VERSION, PLAN_FORMAT, type Host, type Plan, type Zone } from './types';

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
  // The edge device between the Internet (in no zone) and the DMZ; the internal one between the
  // DMZ and the internal network.
  firewalls: [
    {
      id: 'fw-edge',
      name: 'FW-EDGE',
      vendor: 'fortigate',
      interfaces: [{ name: 'wan1' }, { zone: 'dmz', name: 'dmz' }],
      position: { x: 80, y: 310 },
    },
    {
      id: 'fw-core',
      name: 'FW-CORE',
      vendor: 'cisco-asa',
      interfaces: [
        { zone: 'dmz', name: 'dmz' },
        { zone: 'lan', name: 'inside' },
      ],
      position: { x: 480, y: 440 },
    },
  ],
};

/** A host of the two-site example: name, roles, address. */
type Spec = [name: string, roles: RoleId[], address?: string];

/** Cards in rows of `columns` inside a zone, 240 px apart across and 110 down, below its header. */
function inRows(zone: Zone, specs: Spec[], columns: number): Host[] {
  const origin = zone.position!;
  return specs.map(([name, roles, address], i) => ({
    id: name.toLowerCase(),
    name,
    roles,
    zone: zone.id,
    ...(address ? { address } : {}),
    position: { x: origin.x + 24 + (i % columns) * 240, y: origin.y + 56 + Math.floor(i / columns) * 110 },
  }));
}

const zone = (
  id: string,
  name: string,
  trust: Zone['trust'],
  x: number,
  y: number,
  w: number,
  h: number,
): Zone => ({
  id,
  name,
  trust,
  position: { x, y },
  size: { width: w, height: h },
});

const SITES_ZONES = [
  zone('internet', 'Internet', 'untrusted', 0, 0, 290, 300),
  zone('dmz', 'DMZ', 'dmz', 340, 0, 530, 520),
  zone('servers', 'Server network', 'trusted', 920, 0, 1010, 410),
  zone('management', 'Management', 'trusted', 920, 460, 1010, 300),
  zone('branch', 'Branch office', 'trusted', 340, 820, 1250, 370),
];
const [INTERNET_ZONE, DMZ_ZONE, SERVERS_ZONE, MANAGEMENT_ZONE, BRANCH_ZONE] = SITES_ZONES as [
  Zone,
  Zone,
  Zone,
  Zone,
  Zone,
];

/**
 * Forty hosts in five zones, placed the way a plan grows by hand: each zone's cards in tidy rows,
 * and the arrows between zones a tangle. The example for "Tidy layout" and for plans at real size.
 */
export const TWO_SITES: Plan = {
  format: PLAN_FORMAT,
  version: CURRENT_PLAN_VERSION,
  name: 'Two sites, 40 hosts',
  productVersion: '10.0',
  zones: SITES_ZONES,
  hosts: [
    ...inRows(
      INTERNET_ZONE,
      [
        ['Internet', ['internet']],
        ['PARTNER-API', ['rest-client'], '198.51.100.40'],
      ],
      1,
    ),
    ...inRows(
      DMZ_ZONE,
      [
        ['SEG-NODE01', ['processing-node'], '192.0.2.11'],
        ['SEG-NODE02', ['processing-node'], '192.0.2.12'],
        ['SEG-NODE03', ['processing-node'], '192.0.2.13'],
        ['SEG-NODE04', ['processing-node'], '192.0.2.14'],
        ['SEG-WEB01', ['web-components'], '192.0.2.21'],
        ['SEG-WEB02', ['web-components'], '192.0.2.22'],
        ['DNS-DMZ01', ['dns-server'], '192.0.2.53'],
      ],
      2,
    ),
    ...inRows(
      SERVERS_ZONE,
      [
        ['SEG-AM01', ['array-manager'], '10.0.0.5'],
        ['SQL01', ['sql-server'], '10.0.0.6'],
        ['DC01', ['directory-server'], '10.0.0.2'],
        ['DC02', ['directory-server'], '10.0.0.3'],
        ['DNS01', ['dns-server'], '10.0.0.53'],
        ['DNS02', ['dns-server'], '10.0.0.54'],
        ['EXCH01', ['mail-server'], '10.0.1.25'],
        ['EXCH02', ['mail-server'], '10.0.1.26'],
        ['EXCH03', ['mail-server'], '10.0.1.27'],
        ['EXCH04', ['mail-server'], '10.0.1.28'],
        ['EXCH05', ['mail-server'], '10.0.1.29'],
        ['EXCH06', ['mail-server'], '10.0.1.30'],
      ],
      4,
    ),
    ...inRows(
      MANAGEMENT_ZONE,
      [
        ['ADMIN-WS01', ['admin-workstation'], '10.0.5.11'],
        ['ADMIN-WS02', ['admin-workstation'], '10.0.5.12'],
        ['ADMIN-WS03', ['admin-workstation'], '10.0.5.13'],
        ['ADMIN-WS04', ['admin-workstation'], '10.0.5.14'],
        ['ADMIN-WS05', ['admin-workstation'], '10.0.5.15'],
        ['ADMIN-WS06', ['admin-workstation'], '10.0.5.16'],
        ['AUTOMATION01', ['rest-client'], '10.0.7.14'],
      ],
      4,
    ),
    ...inRows(
      BRANCH_ZONE,
      [
        ['SEG-NODE05', ['processing-node'], '10.20.0.11'],
        ['SEG-NODE06', ['processing-node'], '10.20.0.12'],
        ['SEG-NODE07', ['processing-node'], '10.20.0.13'],
        ['SEG-NODE08', ['processing-node'], '10.20.0.14'],
        ['EXCH-BR01', ['mail-server'], '10.20.1.25'],
        ['EXCH-BR02', ['mail-server'], '10.20.1.26'],
        ['EXCH-BR03', ['mail-server'], '10.20.1.27'],
        ['EXCH-BR04', ['mail-server'], '10.20.1.28'],
        ['DC-BR01', ['directory-server'], '10.20.0.2'],
        ['DNS-BR01', ['dns-server'], '10.20.0.53'],
        ['ADMIN-BR01', ['admin-workstation'], '10.20.5.11'],
        ['ADMIN-BR02', ['admin-workstation'], '10.20.5.12'],
      ],
      5,
    ),
  ],
  // The edge device between the Internet and the DMZ; the internal one between the DMZ and the
  // networks of both sites.
  firewalls: [
    {
      id: 'fw-edge',
      name: 'FW-EDGE',
      vendor: 'fortigate',
      interfaces: [
        { zone: 'internet', name: 'wan1' },
        { zone: 'dmz', name: 'dmz' },
      ],
      position: { x: 110, y: 340 },
    },
    {
      id: 'fw-core',
      name: 'FW-CORE',
      vendor: 'cisco-asa',
      interfaces: [
        { zone: 'dmz', name: 'dmz' },
        { zone: 'servers', name: 'inside' },
        { zone: 'management', name: 'mgmt' },
        { zone: 'branch', name: 'branch' },
      ],
      position: { x: 700, y: 590 },
    },
  ],
};

/** Ids of the two-site example's hosts by where they are (ids are the names in lower case). */
const ids = (...names: string[]) => names.map((n) => n.toLowerCase());
const DMZ_NODES = ids('SEG-NODE01', 'SEG-NODE02', 'SEG-NODE03', 'SEG-NODE04');
const BRANCH_NODES = ids('SEG-NODE05', 'SEG-NODE06', 'SEG-NODE07', 'SEG-NODE08');

/**
 * The two-site example as it is usually built: an array per site, and each site's hosts using its
 * own DNS servers, mail servers and domain controllers. The branch office gets its own Array
 * Manager (SEG-AM02) for its four nodes; the DMZ nodes and web components stay with SEG-AM01. One
 * flow is already allowed by an existing firewall rule.
 */
function twoArrays(): Plan {
  const branch = TWO_SITES.hosts.filter((h) => h.zone === 'branch');
  const rest = TWO_SITES.hosts.filter((h) => h.zone !== 'branch');
  const branchHosts = inRows(
    BRANCH_ZONE,
    [['SEG-AM02', ['array-manager'], '10.20.0.5'], ...branch.map((h): Spec => [h.name, h.roles, h.address])],
    5,
  );
  const uses = (dns: string[], mail: string[] = [], directory: string[] = []): Host['uses'] => ({
    'dns-server': ids(...dns),
    ...(mail.length ? { 'mail-server': ids(...mail) } : {}),
    ...(directory.length ? { 'directory-server': ids(...directory) } : {}),
  });
  const MAIN_MAIL = ['EXCH01', 'EXCH02', 'EXCH03', 'EXCH04', 'EXCH05', 'EXCH06'];
  const BRANCH_MAIL = ['EXCH-BR01', 'EXCH-BR02', 'EXCH-BR03', 'EXCH-BR04'];
  const hosts = [...rest, ...branchHosts].map((h): Host => {
    if (DMZ_NODES.includes(h.id)) return { ...h, array: 'seg-am01', uses: uses(['DNS-DMZ01'], MAIN_MAIL) };
    if (h.id === 'seg-web01' || h.id === 'seg-web02')
      return { ...h, array: 'seg-am01', uses: uses(['DNS-DMZ01']) };
    if (BRANCH_NODES.includes(h.id))
      return { ...h, array: 'seg-am02', uses: uses(['DNS-BR01'], BRANCH_MAIL) };
    if (h.id === 'seg-am01') return { ...h, uses: uses(['DNS01', 'DNS02'], [], ['DC01', 'DC02']) };
    if (h.id === 'seg-am02') return { ...h, uses: uses(['DNS-BR01'], [], ['DC-BR01']) };
    return h;
  });
  return {
    ...TWO_SITES,
    name: 'Two sites, two arrays',
    hosts,
    exclusions: [
      {
        rule: 'sql',
        source: 'seg-am01',
        destination: 'sql01',
        protocol: 'tcp',
        port: 1433,
        kind: 'allowed',
        note: 'FW-2019-044 (SEG database access)',
      },
    ],
  };
}

export const TWO_SITES_TWO_ARRAYS: Plan = twoArrays();

const ENTERPRISE_ZONES = [
  zone('e-internet', 'Internet', 'untrusted', 0, 0, 290, 200),
  zone('e-dmz', 'DMZ', 'dmz', 340, 0, 1010, 410),
  zone('e-servers', 'Server network', 'trusted', 1400, 0, 1010, 410),
  zone('e-mail', 'Mail servers', 'trusted', 1400, 460, 1010, 300),
  zone('e-management', 'Management', 'trusted', 340, 460, 1010, 370),
];
const [E_INTERNET, E_DMZ, E_SERVERS, E_MAIL, E_MANAGEMENT] = ENTERPRISE_ZONES as [
  Zone,
  Zone,
  Zone,
  Zone,
  Zone,
];

/**
 * A larger single site as SEG customers run it: two arrays (an Array Manager each) whose eight
 * processing nodes and two web components sit in the DMZ, eight internal mail servers, and the
 * directory, DNS, SQL and management hosts around them. Forty hosts.
 */
export const ENTERPRISE: Plan = {
  format: PLAN_FORMAT,
  version: CURRENT_PLAN_VERSION,
  name: 'Enterprise',
  productVersion: '10.0',
  zones: ENTERPRISE_ZONES,
  hosts: [
    ...inRows(E_INTERNET, [['INTERNET', ['internet']]], 1),
    ...inRows(
      E_DMZ,
      [
        ...[1, 2, 3, 4, 5, 6, 7, 8].map((n): Spec => [
          `SEG-NODE0${n}`,
          ['processing-node'],
          `192.0.2.${10 + n}`,
        ]),
        ['SEG-WEB01', ['web-components'], '192.0.2.21'],
        ['SEG-WEB02', ['web-components'], '192.0.2.22'],
      ],
      4,
    ),
    ...inRows(
      E_SERVERS,
      [
        ['SEG-AM01', ['array-manager'], '10.0.0.5'],
        ['SEG-AM02', ['array-manager'], '10.0.0.7'],
        ['SQL01', ['sql-server'], '10.0.0.6'],
        ['SQL02', ['sql-server'], '10.0.0.8'],
        ['DC01', ['directory-server'], '10.0.0.2'],
        ['DC02', ['directory-server'], '10.0.0.3'],
        ['DC03', ['directory-server'], '10.0.0.4'],
        ['DC04', ['directory-server'], '10.0.0.9'],
        ['DNS01', ['dns-server'], '10.0.0.53'],
        ['DNS02', ['dns-server'], '10.0.0.54'],
        ['DNS03', ['dns-server'], '10.0.0.55'],
        ['DNS04', ['dns-server'], '10.0.0.56'],
      ],
      4,
    ),
    ...inRows(
      E_MAIL,
      [1, 2, 3, 4, 5, 6, 7, 8].map((n): Spec => [`EXCH0${n}`, ['mail-server'], `10.0.1.${24 + n}`]),
      4,
    ),
    ...inRows(
      E_MANAGEMENT,
      [
        ...[1, 2, 3, 4, 5, 6].map((n): Spec => [`ADMIN-WS0${n}`, ['admin-workstation'], `10.0.5.${10 + n}`]),
        ['AUTOMATION01', ['rest-client'], '10.0.7.14'],
        ['AUTOMATION02', ['rest-client'], '10.0.7.15'],
        ['HELPDESK-POP3', ['pop3-client'], '10.0.7.20'],
      ],
      4,
    ),
  ],
};

const PLANS: Record<ExampleId, Plan> = {
  'single-server': SINGLE_SERVER,
  'dmz-relay': DMZ_RELAY,
  'two-sites': TWO_SITES,
  'two-arrays': TWO_SITES_TWO_ARRAYS,
  enterprise: ENTERPRISE,
};

export const EXAMPLE_PLANS: readonly { id: ExampleId; label: string; plan: Plan }[] = EXAMPLES.map((e) => ({
  ...e,
  plan: PLANS[e.id],
}));
