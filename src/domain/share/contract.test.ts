import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FEATURE_IDS, ROLE_IDS, RULE_IDS } from '../catalog';
import { COUNTERPART_ROLES, FIREWALL_VENDORS, TRUST_LEVELS, type Plan } from '../plan';
import { MAX_INFLATED_BYTES, decodeShare } from './codec';

/*
 * Contracts of the share link that old links depend on, written out by hand. Nothing here is
 * computed with the code under test: when one of these fails, a link someone already holds would
 * open as a different plan (or not at all). Fix the change, not the test.
 */

/** A link (p2 unless said) of JSON text written by hand (deflated without the preset dictionary). */
const linkOfText = (json: string, version = 2) =>
  `p${version}.${Buffer.from(deflateSync(new TextEncoder().encode(json), { level: 9 })).toString('base64url')}`;
/** A link (p2 unless said) of compact data written by hand. */
const linkOf = (data: unknown, version = 2) => linkOfText(JSON.stringify(data), version);

describe('index tables of share links', () => {
  // Links store these by their index: a rule as its place in RULE_IDS, a role in ROLE_IDS, a trust
  // level in TRUST_LEVELS, the counterparts a host uses by their place in COUNTERPART_ROLES. Old links
  // decode by index, so these lists may only grow at the end: never reorder or remove an entry.
  it('keeps RULE_IDS in its order (exclusions store the rule index)', () => {
    expect([...RULE_IDS]).toEqual([
      'smtp',
      'dns',
      'spamcensor-updates',
      'node-http',
      'management-console',
      'pop3',
      'ldap',
      'sql',
      'array-manager-service',
      'controller-service',
      'rest-api',
    ]);
  });

  it('keeps ROLE_IDS in its order (hosts store role indexes)', () => {
    expect([...ROLE_IDS]).toEqual([
      'array-manager',
      'processing-node',
      'sql-server',
      'directory-server',
      'dns-server',
      'admin-workstation',
      'web-components',
      'rest-client',
      'pop3-client',
      'mail-server',
      'internet',
    ]);
  });

  it('keeps TRUST_LEVELS in its order (zones store the trust index)', () => {
    expect([...TRUST_LEVELS]).toEqual(['untrusted', 'dmz', 'trusted']);
  });

  it('keeps COUNTERPART_ROLES in its order (host decisions store uses by position)', () => {
    expect([...COUNTERPART_ROLES]).toEqual(['dns-server', 'mail-server', 'directory-server']);
  });

  it('keeps FIREWALL_VENDORS in its order (p3 devices store the vendor index)', () => {
    expect([...FIREWALL_VENDORS]).toEqual([
      'cisco-asa',
      'fortigate',
      'panos',
      'nftables',
      'iptables',
      'other',
    ]);
  });

  // Features switched off travel by id, not index: their order is free, but an id a link holds must
  // keep meaning the same feature, so never rename or remove one.
  it('keeps every feature id a link may name', () => {
    expect([...FEATURE_IDS].sort()).toEqual(['ldap', 'pop3', 'rest-api', 'spamcensor-updates']);
  });

  it('reads every index of a hand-written link as the entry it meant when written', () => {
    const link = linkOf([
      2,
      'Contract',
      '10.0',
      // [id, name, trust index, position or 0, size or 0]
      [
        ['u', 'U', 0, 0, 0],
        ['d', 'D', 1, 0, 0],
        ['t', 'T', 2, 0, 0],
      ],
      // [id, name, role indexes, zone index or -1, address or 0]
      [
        ['am', 'AM', [0], 2, 0],
        ['node', 'NODE', [1], 1, 0],
        ['sql', 'SQL', [2], 2, 0],
        ['dc', 'DC', [3], 2, 0],
        ['dns', 'DNS', [4], 2, 0],
        ['ws', 'WS', [5], 2, 0],
        ['web', 'WEB', [6], 2, 0],
        ['rest', 'REST', [7], 0, 0],
        ['pop', 'POP', [8], 0, 0],
        ['mail', 'MAIL', [9], 2, 0],
        ['net', 'NET', [10], -1, 0],
      ],
      // The change request's fields by position: title, requester, ticket, window, notes, paper, prefix.
      ['Title', 'Requester', 'Ticket', 'Window', 'Notes', 'letter', 'ACME'],
      [],
      0,
      [
        [],
        // [host index, array's Array Manager index, uses: dns-server, mail-server, directory-server]
        [[1, 0, [4], [9], [3]]],
        // [rule index, source, destination, protocol, port, kind, note]
        [
          [0, 10, 1, 0, 25, 0, 0],
          [1, 1, 4, 1, 53, 0, 0],
          [2, 1, 10, 0, 80, 0, 0],
          [3, 1, 10, 0, 443, 0, 0],
          [4, 5, 0, 0, 443, 0, 0],
          [5, 8, 1, 0, 110, 1, 'no POP3 here'],
          [6, 0, 3, 0, 389, 0, 0],
          [7, 0, 2, 0, 1433, 0, 0],
          [8, 6, 0, 0, 19001, 0, 0],
          [9, 0, 1, 0, 19001, 0, 0],
          [10, 7, 0, 0, 19006, 1, 'no REST clients'],
        ],
      ],
    ]);
    const expected: Plan = {
      format: 'portolan-plan',
      // The link holds plan format 2; it opens migrated to format 3, which changes only the number.
      version: 3,
      name: 'Contract',
      productVersion: '10.0',
      zones: [
        { id: 'u', name: 'U', trust: 'untrusted' },
        { id: 'd', name: 'D', trust: 'dmz' },
        { id: 't', name: 'T', trust: 'trusted' },
      ],
      hosts: [
        { id: 'am', name: 'AM', roles: ['array-manager'], zone: 't' },
        {
          id: 'node',
          name: 'NODE',
          roles: ['processing-node'],
          zone: 'd',
          array: 'am',
          uses: { 'dns-server': ['dns'], 'mail-server': ['mail'], 'directory-server': ['dc'] },
        },
        { id: 'sql', name: 'SQL', roles: ['sql-server'], zone: 't' },
        { id: 'dc', name: 'DC', roles: ['directory-server'], zone: 't' },
        { id: 'dns', name: 'DNS', roles: ['dns-server'], zone: 't' },
        { id: 'ws', name: 'WS', roles: ['admin-workstation'], zone: 't' },
        { id: 'web', name: 'WEB', roles: ['web-components'], zone: 't' },
        { id: 'rest', name: 'REST', roles: ['rest-client'], zone: 'u' },
        { id: 'pop', name: 'POP', roles: ['pop3-client'], zone: 'u' },
        { id: 'mail', name: 'MAIL', roles: ['mail-server'], zone: 't' },
        { id: 'net', name: 'NET', roles: ['internet'] },
      ],
      changeRequest: {
        title: 'Title',
        requester: 'Requester',
        ticket: 'Ticket',
        window: 'Window',
        notes: 'Notes',
        paper: 'letter',
        objectPrefix: 'ACME',
      },
      exclusions: [
        { rule: 'smtp', source: 'net', destination: 'node', protocol: 'tcp', port: 25, kind: 'allowed' },
        { rule: 'dns', source: 'node', destination: 'dns', protocol: 'udp', port: 53, kind: 'allowed' },
        {
          rule: 'spamcensor-updates',
          source: 'node',
          destination: 'net',
          protocol: 'tcp',
          port: 80,
          kind: 'allowed',
        },
        {
          rule: 'node-http',
          source: 'node',
          destination: 'net',
          protocol: 'tcp',
          port: 443,
          kind: 'allowed',
        },
        {
          rule: 'management-console',
          source: 'ws',
          destination: 'am',
          protocol: 'tcp',
          port: 443,
          kind: 'allowed',
        },
        {
          rule: 'pop3',
          source: 'pop',
          destination: 'node',
          protocol: 'tcp',
          port: 110,
          kind: 'not-needed',
          note: 'no POP3 here',
        },
        { rule: 'ldap', source: 'am', destination: 'dc', protocol: 'tcp', port: 389, kind: 'allowed' },
        { rule: 'sql', source: 'am', destination: 'sql', protocol: 'tcp', port: 1433, kind: 'allowed' },
        {
          rule: 'array-manager-service',
          source: 'web',
          destination: 'am',
          protocol: 'tcp',
          port: 19001,
          kind: 'allowed',
        },
        {
          rule: 'controller-service',
          source: 'am',
          destination: 'node',
          protocol: 'tcp',
          port: 19001,
          kind: 'allowed',
        },
        {
          rule: 'rest-api',
          source: 'rest',
          destination: 'am',
          protocol: 'tcp',
          port: 19006,
          kind: 'not-needed',
          note: 'no REST clients',
        },
      ],
    };
    expect(decodeShare(link)).toEqual({ ok: true, value: expected });
  });
});

describe('the inflate bound', () => {
  // A link may unpack to at most 4,000,000 bytes: far more than any plan needs (the largest plan
  // the schema allows makes a far shorter link), small enough that a "zip bomb" stops early.
  it('is 4,000,000 bytes', () => {
    expect(MAX_INFLATED_BYTES).toBe(4_000_000);
  });

  // A small valid plan, padded with spaces (JSON allows them) to exactly `bytes` when unpacked.
  const PLAN_JSON = '[2,"Bound","10.0",[],[],0]';
  const padded = (bytes: number) => linkOfText(PLAN_JSON + ' '.repeat(bytes - PLAN_JSON.length));

  it('opens a link that unpacks to exactly 4,000,000 bytes', () => {
    expect(decodeShare(padded(4_000_000))).toEqual({
      ok: true,
      value: {
        format: 'portolan-plan',
        version: 3,
        name: 'Bound',
        productVersion: '10.0',
        zones: [],
        hosts: [],
      },
    });
  });

  it('refuses, with a problem and no exception, a link that unpacks to one byte more', () => {
    expect(decodeShare(padded(4_000_001))).toEqual({
      ok: false,
      problems: [{ path: '', message: 'the link unpacks to more than any plan needs, so it was not opened' }],
    });
  });
});

describe('a stored p2 link with decisions', () => {
  // Made once by the p2 encoder from the plan below and kept as it was made: a link people hold.
  // It must open to this same plan for as long as Portolan reads p2 links.
  const STORED =
    'p2.XZLNasMwEIRfxegsB0u27PQYQpoe0hRaSg_CB2OrJFD_IBsS-vSdlfwT92BYSaNP49nVEjaH1mJdmfLaX9umn9_QmlX175SC4DriUc51so14HEU5SkYMzk67M-OSa5UuiiSBArVmPuIlbS2gCQWPeAgMF0CBVNRiyRSlxq6Yf1AxrgBNR6lcpCjX0pTxLbBe2rSVmbiuQ0QWOd6eMxHYko_6Ce70hP-nx5ZU04Wq6YlP3SV0sjIde9dilhKapERdSxPvepSae3mZhoSwT49aOYYhvba-E9XNFWHX0jGMUVqVzuveMWMnrMpIbMrWdhtzL-rux3h2rHx_3zrTBAgj6Fo7YDKQw_7lGMooy2iBZQHnbLd_PYSQMd9wCp1PUWJ4XJQfdPj4Z7vz8cDwih9l3OvaDokxa_ohLLqrg8U0d4oa4AaLpixFkWHHTRd5iPFJRWaev8L3z9MhRI9wSCfZdEbXBU94CqAiKhsuJoC54Lu1t8JWxgZF09-M7WEqz_8A';

  const PLAN: Plan = {
    format: 'portolan-plan',
    // Made at plan format 2; it opens migrated to format 3, which changes only the number.
    version: 3,
    name: 'Stored decisions',
    productVersion: '10.0',
    zones: [
      { id: 'dmz', name: 'DMZ', trust: 'dmz', position: { x: 0, y: 0 }, size: { width: 480, height: 300 } },
      {
        id: 'lan',
        name: 'LAN',
        trust: 'trusted',
        position: { x: 560, y: 0 },
        size: { width: 480, height: 440 },
      },
    ],
    hosts: [
      { id: 'net', name: 'Internet', roles: ['internet'], position: { x: -300, y: 100 } },
      {
        id: 'am1',
        name: 'SEG-AM01',
        roles: ['array-manager'],
        zone: 'lan',
        address: '10.0.0.5',
        position: { x: 580, y: 60 },
      },
      {
        id: 'am2',
        name: 'SEG-AM02',
        roles: ['array-manager'],
        zone: 'lan',
        address: '10.0.0.6',
        position: { x: 800, y: 60 },
      },
      {
        id: 'node1',
        name: 'SEG-NODE01',
        roles: ['processing-node'],
        zone: 'dmz',
        address: '192.0.2.11',
        position: { x: 20, y: 60 },
        array: 'am1',
        uses: { 'dns-server': ['dns1'] },
      },
      {
        id: 'node2',
        name: 'SEG-NODE02',
        roles: ['processing-node'],
        zone: 'dmz',
        address: '192.0.2.12',
        position: { x: 250, y: 60 },
        array: 'am2',
        uses: { 'dns-server': ['dns2'], 'mail-server': ['exch'] },
      },
      {
        id: 'dns1',
        name: 'DNS01',
        roles: ['dns-server'],
        zone: 'lan',
        address: '10.0.0.53',
        position: { x: 580, y: 160 },
      },
      {
        id: 'dns2',
        name: 'DNS02',
        roles: ['dns-server'],
        zone: 'lan',
        address: '10.0.0.54',
        position: { x: 800, y: 160 },
      },
      {
        id: 'exch',
        name: 'EXCH01',
        roles: ['mail-server'],
        zone: 'lan',
        address: '10.0.0.25',
        position: { x: 580, y: 260 },
      },
      {
        id: 'mx2',
        name: 'MAIL02',
        roles: ['mail-server'],
        zone: 'lan',
        address: '10.0.0.26',
        position: { x: 800, y: 260 },
      },
      {
        id: 'dc1',
        name: 'DC01',
        roles: ['directory-server'],
        zone: 'lan',
        address: 'dc01.corp.example',
        position: { x: 580, y: 350 },
      },
    ],
    changeRequest: { title: 'Open SEG ports', ticket: 'CHG-2077', paper: 'a4', objectPrefix: 'ACME-SEG' },
    groupNames: { 'node1,node2': 'DMZ-NODES', exch: 'EXCHANGE' },
    upgradeFrom: '8.0',
    features: { pop3: false, 'rest-api': false },
    exclusions: [
      {
        rule: 'smtp',
        source: 'net',
        destination: 'node1',
        protocol: 'tcp',
        port: 25,
        kind: 'allowed',
        note: 'FW-RULE-12',
      },
      { rule: 'smtp', source: 'node1', destination: 'exch', protocol: 'tcp', port: 25, kind: 'allowed' },
      {
        rule: 'dns',
        source: 'node2',
        destination: 'dns2',
        protocol: 'udp',
        port: 53,
        kind: 'not-needed',
        note: 'the DMZ forwarder answers',
      },
    ],
  };

  it('opens to the plan it was made from, decisions and all', () => {
    expect(decodeShare(STORED)).toEqual({ ok: true, value: PLAN });
    expect(decodeShare(`#${STORED}`)).toEqual({ ok: true, value: PLAN });
  });
});

describe('p3 links with firewall devices', () => {
  it('reads every vendor and interface index of a hand-written p3 link as meant when written', () => {
    const link = linkOf(
      [
        3,
        'Devices',
        '10.0',
        [
          ['u', 'U', 0, 0, 0],
          ['d', 'D', 1, 0, 0],
          ['t', 'T', 2, 0, 0],
        ],
        [
          ['net', 'NET', [10], -1, 0],
          ['node', 'NODE', [1], 1, 0],
        ],
        0,
        // No group names, no upgrade, no decisions: their places held by [], 0 and 0.
        [],
        0,
        0,
        // [id, name, vendor index, [zone index or -1, interface name, ...], x, y]
        [
          ['fa', 'FA', 0, [-1, 'outside', 1, 'dmz'], 10, 20],
          ['fb', 'FB', 1, [1, 'port1', 2, 'port2']],
          ['fc', 'FC', 2, [2, 'ethernet1/1', 0, 'ethernet1/2']],
          ['fd', 'FD', 3, []],
          ['fe', 'FE', 4, [0, 'eth0']],
          ['ff', 'FF', 5, [], -5, 0],
        ],
      ],
      3,
    );
    const expected: Plan = {
      format: 'portolan-plan',
      version: 3,
      name: 'Devices',
      productVersion: '10.0',
      zones: [
        { id: 'u', name: 'U', trust: 'untrusted' },
        { id: 'd', name: 'D', trust: 'dmz' },
        { id: 't', name: 'T', trust: 'trusted' },
      ],
      hosts: [
        { id: 'net', name: 'NET', roles: ['internet'] },
        { id: 'node', name: 'NODE', roles: ['processing-node'], zone: 'd' },
      ],
      firewalls: [
        {
          id: 'fa',
          name: 'FA',
          vendor: 'cisco-asa',
          interfaces: [{ name: 'outside' }, { zone: 'd', name: 'dmz' }],
          position: { x: 10, y: 20 },
        },
        {
          id: 'fb',
          name: 'FB',
          vendor: 'fortigate',
          interfaces: [
            { zone: 'd', name: 'port1' },
            { zone: 't', name: 'port2' },
          ],
        },
        {
          id: 'fc',
          name: 'FC',
          vendor: 'panos',
          interfaces: [
            { zone: 't', name: 'ethernet1/1' },
            { zone: 'u', name: 'ethernet1/2' },
          ],
        },
        { id: 'fd', name: 'FD', vendor: 'nftables', interfaces: [] },
        { id: 'fe', name: 'FE', vendor: 'iptables', interfaces: [{ zone: 'u', name: 'eth0' }] },
        { id: 'ff', name: 'FF', vendor: 'other', interfaces: [], position: { x: -5, y: 0 } },
      ],
    };
    expect(decodeShare(link)).toEqual({ ok: true, value: expected });
  });

  it('reads no devices from a p2 link, as a p2 reader did', () => {
    // p2 links never held devices: an element in their place is not read.
    const link = linkOf([
      2,
      'Old',
      '10.0',
      [['d', 'D', 1, 0, 0]],
      [],
      0,
      [],
      0,
      [[], [], []],
      [['fa', 'FA', 0, []]],
    ]);
    expect(decodeShare(link)).toEqual({
      ok: true,
      value: {
        format: 'portolan-plan',
        version: 3,
        name: 'Old',
        productVersion: '10.0',
        zones: [{ id: 'd', name: 'D', trust: 'dmz' }],
        hosts: [],
      },
    });
  });
});

describe('a stored p3 link with devices', () => {
  // Made once by the p3 encoder from the plan below and kept as it was made: a link people hold.
  // It must open to this same plan for as long as Portolan reads p3 links.
  const STORED =
    'p3.ZVLLasMwEPyVoLNEJCcKuebdQh6lFHoQOri2cAy1bGy3gX59Z6XaKQRfLGlmdndmzQxt9nWLc-6-y8x1YwVjWF79DB4obiSXlpv5UvKZlBa_jBQ4O67OjCfc6MUjoioq8veU-rRwlfM4JJxgeDQsmn_PwSjwhQJAQIAriEDD17lT_13GwSgL1DiXwlUi-SLg02pAIx3C4sFigMEszbhGixF86wg8pkBwbdFjBGtSDoNcGucn0Jw0ddvDJBTfPB2oTVAwEHZozgCktiTN5vLCQXn_Lnbbwy4YiMnYLfWBwEgnAUMoDbuWoZkMQUTO5vIKDoSADCmAWvquzPGO5oKtlmuY9EdtUtqYlTgdTm8hDaBcfw3GqilKQuB-RuGY30fIby3Oe7BmaJ-u609a78txK55fcD2H24GMDZMyMquyy4BZt6nPrpO2_kKEsDXOWDghp_gAtfYX';

  const PLAN: Plan = {
    format: 'portolan-plan',
    version: 3,
    name: 'Stored devices',
    productVersion: '10.0',
    zones: [
      { id: 'dmz', name: 'DMZ', trust: 'dmz', position: { x: 0, y: 0 }, size: { width: 480, height: 300 } },
      {
        id: 'lan',
        name: 'LAN',
        trust: 'trusted',
        position: { x: 560, y: 0 },
        size: { width: 480, height: 300 },
      },
      { id: 'mgmt', name: 'Management', trust: 'trusted' },
    ],
    hosts: [
      { id: 'net', name: 'Internet', roles: ['internet'], position: { x: -300, y: 100 } },
      {
        id: 'node1',
        name: 'SEG-NODE01',
        roles: ['processing-node'],
        zone: 'dmz',
        address: '192.0.2.11',
        position: { x: 20, y: 60 },
      },
      {
        id: 'am1',
        name: 'SEG-AM01',
        roles: ['array-manager', 'web-components'],
        zone: 'lan',
        address: '10.0.0.5',
        position: { x: 580, y: 60 },
      },
      { id: 'ws1', name: 'ADMIN-WS01', roles: ['admin-workstation'], zone: 'mgmt', address: '10.0.5.11' },
    ],
    firewalls: [
      {
        id: 'edge',
        name: 'FW-EDGE',
        vendor: 'fortigate',
        interfaces: [{ name: 'wan1' }, { zone: 'dmz', name: 'port2' }],
        position: { x: -150, y: 380 },
      },
      {
        id: 'core',
        name: 'FW-CORE',
        vendor: 'cisco-asa',
        interfaces: [
          { zone: 'dmz', name: 'dmz' },
          { zone: 'lan', name: 'inside' },
          { zone: 'mgmt', name: 'mgmt' },
        ],
        position: { x: 500, y: 380 },
      },
      {
        id: 'pa',
        name: 'PA-MGMT',
        vendor: 'panos',
        interfaces: [
          { zone: 'mgmt', name: 'ethernet1/1' },
          { zone: 'lan', name: 'ethernet1/2' },
        ],
      },
      { id: 'lab', name: 'LAB-NFT', vendor: 'nftables', interfaces: [] },
      { id: 'old', name: 'OLD-IPT', vendor: 'iptables', interfaces: [{ zone: 'lan', name: 'eth0.100' }] },
      { id: 'misc', name: 'Branch router', vendor: 'other', interfaces: [{ name: 'ge-0/0/0' }] },
    ],
    changeRequest: { title: 'Open SEG ports', ticket: 'CHG-3001', paper: 'a4' },
  };

  it('opens to the plan it was made from, devices and all', () => {
    expect(decodeShare(STORED)).toEqual({ ok: true, value: PLAN });
    expect(decodeShare(`#${STORED}`)).toEqual({ ok: true, value: PLAN });
  });
});
