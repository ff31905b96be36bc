import { describe, expect, it } from 'vitest';
import { host, testPlan } from '../plan/plan.testing';
import { ROLE_IDS, compareVersions, type RoleId } from '../catalog';
import { DMZ_RELAY, SINGLE_SERVER, type Host, type Plan, type Zone } from '../plan';
import { deriveFlows, type Flow } from './index';

const BOUNDARIES = ['6.0', '6.5', '7.0', '7.1', '8.0', '10.0', '10.3'];

/**
 * The vendor table, restated independently of the catalog: [rule, source, destination, services,
 * first version, first version without it].
 */
const EXPECTED: [string, RoleId, RoleId, string[], string?, string?][] = [
  ['smtp', 'processing-node', 'internet', ['tcp/25']],
  ['smtp', 'internet', 'processing-node', ['tcp/25']],
  ['smtp', 'processing-node', 'mail-server', ['tcp/25']],
  ['smtp', 'mail-server', 'processing-node', ['tcp/25']],
  ['dns', 'array-manager', 'dns-server', ['udp/53', 'tcp/53']],
  ['dns', 'processing-node', 'dns-server', ['udp/53', 'tcp/53']],
  ['dns', 'web-components', 'dns-server', ['udp/53', 'tcp/53']],
  ['spamcensor-updates', 'array-manager', 'internet', ['tcp/80', 'tcp/443']],
  ['node-http', 'processing-node', 'internet', ['tcp/80', 'tcp/443'], '6.5'],
  ['management-console', 'admin-workstation', 'array-manager', ['tcp/443'], '10.0'],
  ['pop3', 'pop3-client', 'processing-node', ['tcp/110']],
  ['ldap', 'array-manager', 'directory-server', ['tcp/389']],
  ['sql', 'array-manager', 'sql-server', ['tcp/1433']],
  ['array-manager-service', 'processing-node', 'array-manager', ['tcp/19001']],
  ['array-manager-service', 'web-components', 'array-manager', ['tcp/19001']],
  ['array-manager-service', 'admin-workstation', 'array-manager', ['tcp/19001'], undefined, '10.0'],
  ['controller-service', 'array-manager', 'processing-node', ['tcp/19001']],
  ['rest-api', 'rest-client', 'array-manager', ['tcp/19006'], '8.0'],
];

function plan(hosts: Host[], productVersion = '10.0', zones: Zone[] = []): Plan {
  return testPlan({ name: 'Test', productVersion, zones, hosts });
}

/** One host per role, each on its own. */
const everyRole = (v: string) =>
  plan(
    ROLE_IDS.map((r) => host(r, [r])),
    v,
  );

const key = (f: Flow) => `${f.ruleId} ${f.sourceHostId}>${f.destinationHostId} ${f.protocol}/${f.port}`;

describe('deriveFlows: every rule at every version boundary', () => {
  it.each(BOUNDARIES)('gives exactly the vendor table at %s', (v) => {
    const expected = EXPECTED.filter(
      ([, , , , from, before]) =>
        (!from || compareVersions(v, from) >= 0) && (!before || compareVersions(v, before) < 0),
    ).flatMap(([rule, src, dst, services]) => services.map((s) => `${rule} ${src}>${dst} ${s}`));
    const { flows, localFlows } = deriveFlows(everyRole(v));
    expect(flows.map(key).sort()).toEqual(expected.sort());
    expect(localFlows).toEqual([]);
  });

  it('replaces the workstation tcp/19001 flow with tcp/443 at 10.0', () => {
    const admin = (v: string) =>
      deriveFlows(everyRole(v))
        .flows.filter((f) => f.sourceHostId === 'admin-workstation')
        .map((f) => `${f.protocol}/${f.port}`);
    expect(admin('8.0')).toEqual(['tcp/19001']);
    expect(admin('10.0')).toEqual(['tcp/443']);
  });
});

describe('deriveFlows: hosts, addresses and zones', () => {
  it('gives one flow per source host, destination host, service and rule', () => {
    const p = plan([
      host('am', ['array-manager']),
      host('n1', ['processing-node']),
      host('n2', ['processing-node']),
      host('dns1', ['dns-server']),
      host('dns2', ['dns-server']),
    ]);
    const dns = deriveFlows(p).flows.filter((f) => f.ruleId === 'dns');
    expect(dns).toHaveLength(3 * 2 * 2);
    expect(new Set(dns.map((f) => f.id)).size).toBe(12);
  });

  it('uses host addresses, "any" for an Internet host without one and www.marshal.com for updates', () => {
    const p = plan([host('am', ['array-manager'], { address: '10.0.0.5' }), host('net', ['internet'])]);
    const [http, https] = deriveFlows(p).flows.filter((f) => f.ruleId === 'spamcensor-updates');
    expect(http).toMatchObject({
      sourceAddress: '10.0.0.5',
      destinationAddress: 'www.marshal.com',
      port: 80,
    });
    expect(https).toMatchObject({ destinationAddress: 'www.marshal.com', port: 443 });

    const q = plan([host('n', ['processing-node'], { address: '192.0.2.1' }), host('net', ['internet'])]);
    const inbound = deriveFlows(q).flows.find((f) => f.ruleId === 'smtp' && f.sourceHostId === 'net');
    expect(inbound).toMatchObject({ sourceAddress: 'any', destinationAddress: '192.0.2.1' });
  });

  it('keeps an Internet host address when it has one', () => {
    const q = plan([
      host('n', ['processing-node']),
      host('net', ['internet'], { address: '203.0.113.0/24' }),
    ]);
    const out = deriveFlows(q).flows.find((f) => f.ruleId === 'smtp' && f.sourceHostId === 'n');
    expect(out?.destinationAddress).toBe('203.0.113.0/24');
  });

  it('crosses a firewall between zones and for unzoned hosts, not inside a zone', () => {
    const zones: Zone[] = [
      { id: 'a', name: 'A', trust: 'trusted' },
      { id: 'b', name: 'B', trust: 'dmz' },
    ];
    const crossing = (amZone?: string, sqlZone?: string) =>
      deriveFlows(
        plan(
          [
            host('am', ['array-manager'], amZone ? { zone: amZone } : {}),
            host('sql', ['sql-server'], sqlZone ? { zone: sqlZone } : {}),
          ],
          '10.0',
          zones,
        ),
      ).flows.find((f) => f.ruleId === 'sql')?.crossesFirewall;
    expect(crossing('a', 'a')).toBe(false);
    expect(crossing('a', 'b')).toBe(true);
    expect(crossing('a', undefined)).toBe(true);
    expect(crossing(undefined, undefined)).toBe(true);
  });
});

describe('deriveFlows: co-located roles', () => {
  it('keeps flows between roles on one host apart as local flows', () => {
    const { flows, localFlows } = deriveFlows(
      plan([host('seg', ['array-manager', 'processing-node', 'web-components', 'sql-server'])]),
    );
    expect(flows).toEqual([]);
    expect(localFlows.map(key).sort()).toEqual(
      [
        'array-manager-service seg>seg tcp/19001',
        'controller-service seg>seg tcp/19001',
        'sql seg>seg tcp/1433',
      ].sort(),
    );
    // Node -> AM and web -> AM are one flow on one host, with both source roles recorded.
    const ams = localFlows.find((f) => f.ruleId === 'array-manager-service');
    expect(ams?.sourceRoles).toEqual(['processing-node', 'web-components']);
  });

  it('merges the same flow asked for by several roles of one host', () => {
    const { flows } = deriveFlows(
      plan([host('seg', ['array-manager', 'processing-node']), host('dns', ['dns-server'])]),
    );
    const dns = flows.filter((f) => f.ruleId === 'dns');
    expect(dns.map(key)).toEqual(['dns seg>dns udp/53', 'dns seg>dns tcp/53']);
    expect(dns[0]?.sourceRoles).toEqual(['array-manager', 'processing-node']);
  });

  it('sends a single-server example only its outside flows', () => {
    const { flows, localFlows } = deriveFlows(SINGLE_SERVER);
    expect(localFlows.length).toBeGreaterThan(0);
    expect(flows.every((f) => f.sourceHostId !== f.destinationHostId)).toBe(true);
  });

  it('is deterministic', () => {
    expect(deriveFlows(DMZ_RELAY)).toEqual(deriveFlows(structuredClone(DMZ_RELAY)));
  });
});

describe('warnings', () => {
  const ids = (p: Plan) => deriveFlows(p).warnings.map((w) => w.id);
  const zones: Zone[] = [
    { id: 'lan', name: 'LAN', trust: 'trusted' },
    { id: 'dmz', name: 'DMZ', trust: 'dmz' },
    { id: 'out', name: 'Guest Wi-Fi', trust: 'untrusted' },
  ];
  const base = (v: string, extra: Host[], amZone = 'lan') =>
    plan(
      [
        host('am', ['array-manager'], { zone: amZone }),
        host('sql', ['sql-server'], { zone: 'lan' }),
        host('dns', ['dns-server'], { zone: 'lan' }),
        host('n', ['processing-node'], { zone: 'dmz' }),
        host('net', ['internet']),
        host('mx', ['mail-server'], { zone: 'lan' }),
        ...extra,
      ],
      v,
      zones,
    );

  it('has nothing to say about a sound plan', () => {
    expect(deriveFlows(base('10.0', [])).warnings).toEqual([]);
    expect(deriveFlows(DMZ_RELAY).warnings).toEqual([]);
  });

  it('shows bidirectional controls in names as code points in warning messages', () => {
    const p = base('10.0', [], 'dmz');
    p.hosts[0] = { ...p.hosts[0]!, name: 'AM\u202E10' };
    p.zones = p.zones.map((z) => (z.id === 'dmz' ? { ...z, name: 'D\u2066MZ' } : z));
    const messages = deriveFlows(p).warnings.map((w) => w.message);
    expect(
      messages.some((m) => m.startsWith('The Array Manager AM<U+202E>10 is in D<U+2066>MZ, a DMZ zone.')),
    ).toBe(true);
    expect(messages.join(' ')).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('warns about the Configurator across a firewall before 10.0 (NetBIOS, KB Q10026)', () => {
    const ws = host('ws', ['admin-workstation'], { zone: 'dmz' });
    const [w] = deriveFlows(base('8.0', [ws])).warnings;
    expect(w).toMatchObject({
      id: 'netbios-configurator:ws:am',
      severity: 'warning',
      hostIds: ['ws', 'am'],
      reference: 'Trustwave KB Q10026',
    });
    expect(w?.message).toContain('NetBIOS (ports 135\u2013139)');
    // Same zone: no firewall, no warning. From 10.0: no Configurator.
    expect(ids(base('8.0', [{ ...ws, zone: 'lan' }]))).toEqual([]);
    expect(ids(base('10.0', [ws]))).toEqual([]);
  });

  it('warns when the 10.x management console is reachable from an untrusted zone', () => {
    const ws = host('ws', ['admin-workstation'], { zone: 'out' });
    expect(ids(base('10.0', [ws]))).toEqual(['console-untrusted:ws']);
    expect(ids(base('10.0', [{ ...ws, zone: 'dmz' }]))).toEqual([]);
    expect(ids(base('10.0', [host('ws', ['admin-workstation', 'internet'])]))).toEqual([
      'console-untrusted:ws',
    ]);
  });

  it('warns when the Array Manager is outside a trusted zone', () => {
    const w = deriveFlows(base('10.0', [], 'dmz')).warnings;
    expect(w.map((x) => [x.id, x.severity])).toEqual([['array-manager-zone:am', 'warning']]);
    expect(w[0]?.message).toContain('is in DMZ, a DMZ zone');
    const unzoned = base('10.0', []);
    delete unzoned.hosts[0]!.zone;
    expect(deriveFlows(unzoned).warnings.map((x) => [x.id, x.severity])).toEqual([
      ['array-manager-zone:am', 'info'],
    ]);
    // A plan without zones says nothing about zones.
    expect(ids(plan([host('am', ['array-manager']), host('s', ['sql-server'])]))).not.toContain(
      'array-manager-zone:am',
    );
  });

  it('reports a missing SQL Server as an error, and a missing DNS server and Internet as warnings', () => {
    const { warnings } = deriveFlows(plan([host('am', ['array-manager']), host('n', ['processing-node'])]));
    expect(warnings.map((w) => [w.id, w.severity])).toEqual([
      ['missing-role:sql-server', 'error'],
      ['missing-role:internet', 'warning'],
      ['missing-role:dns-server', 'warning'],
      ['missing-role:mail-server', 'info'],
    ]);
    expect(warnings[0]?.message).toBe(
      'No SQL Server in the plan. AM needs one for SQL Server database (tcp/1433); SEG cannot work without it. ' +
        'Add a SQL Server host.',
    );
    expect(warnings[1]?.hostIds.sort()).toEqual(['am', 'n']);
    expect(warnings[1]?.ruleIds).toEqual(['smtp', 'spamcensor-updates', 'node-http']);
  });

  it('reports nodes without an Array Manager', () => {
    const { warnings } = deriveFlows(plan([host('n', ['processing-node'])]));
    expect(warnings.find((w) => w.id === 'missing-role:array-manager')?.severity).toBe('error');
  });

  it('warns about a REST API client before 8.0 and not from 8.0', () => {
    const rest = host('rest', ['rest-client'], { zone: 'lan' });
    const w = deriveFlows(base('7.1', [rest])).warnings;
    expect(w.map((x) => x.id)).toEqual(['role-not-in-version:rest-client']);
    expect(w[0]?.message).toBe(
      'REST API client has no flows in MailMarshal SMTP 7.1 (REST API: 8.0 and later), so REST takes no part ' +
        'in this version. Pick another product version or remove the role.',
    );
    expect(ids(base('8.0', [rest]))).toEqual([]);
  });

  it('lists errors before warnings before advice', () => {
    const order = { error: 0, warning: 1, info: 2 };
    const { warnings } = deriveFlows(plan([host('n', ['processing-node'], { zone: 'x' })], '6.0'));
    const ranks = warnings.map((w) => order[w.severity]);
    expect(ranks).toEqual([...ranks].sort());
  });
});
