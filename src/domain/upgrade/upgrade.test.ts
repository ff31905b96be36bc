import { describe, expect, it } from 'vitest';
import { testPlan } from '../plan/plan.testing';
import {
  PRODUCT_RELEASES,
  ROLE_IDS,
  compareVersions,
  getRule,
  type CatalogRule,
  type RoleId,
} from '../catalog';
import { deriveFlows, type Flow } from '../engine';
import { DMZ_RELAY, type Host, type Plan } from '../plan';
import {
  deltaInScope,
  deltaPairs,
  deltaSummary,
  setProductVersion,
  setUpgradeFrom,
  upgradeAdvisories,
  upgradeDelta,
  versionSwitchSummary,
} from './index';

const host = (id: string, roles: RoleId[], zone?: string): Host => ({
  id,
  name: id.toUpperCase(),
  roles,
  ...(zone ? { zone } : {}),
});

const plan = (hosts: Host[], productVersion: string, upgradeFrom?: string): Plan =>
  testPlan({ name: 'Upgrade', productVersion, hosts, ...(upgradeFrom ? { upgradeFrom } : {}) });

/** One host per role, each on its own. */
const everyRole = (to: string) =>
  plan(
    ROLE_IDS.map((r) => host(r, [r])),
    to,
  );

const tuple = (f: Flow) => `${f.sourceHostId}>${f.destinationHostId} ${f.protocol}/${f.port}`;
const tuples = (flows: Flow[]) => flows.map(tuple).sort();

/*
 * The flows of the vendor table that depend on the version, restated by hand from
 * seg-port-requirements.txt (for the plan with one host per role): [flow, first version with it,
 * first version without it]. Every other row holds in all versions.
 */
const VERSIONED: [string, string?, string?][] = [
  // tcp/80 tcp/443 Outbound, Node Controller Receiver Engine → Any, 6.5 and above
  ['processing-node>internet tcp/80', '6.5'],
  ['processing-node>internet tcp/443', '6.5'],
  // tcp/443 Incoming, workstations → Management Console website, 10.X and above
  ['admin-workstation>array-manager tcp/443', '10.0'],
  // tcp/19001 Incoming, Configurator and Console (8.X and below) → Array Manager
  ['admin-workstation>array-manager tcp/19001', undefined, '10.0'],
  // tcp/19006 Incoming, REST API clients → Array Manager, 8.X and above
  ['rest-client>array-manager tcp/19006', '8.0'],
];
const holds = (v: string, from?: string, before?: string) =>
  (!from || compareVersions(v, from) >= 0) && (!before || compareVersions(v, before) < 0);
const present = (v: string) => new Set(VERSIONED.filter(([, f, b]) => holds(v, f, b)).map(([t]) => t));

describe('upgradeDelta against the vendor table', () => {
  it('6.0 → 10.0: web access for the nodes, the web console and the REST API open; the Configurator closes', () => {
    const d = upgradeDelta(everyRole('10.0'), '6.0');
    expect(tuples(d.added)).toEqual([
      'admin-workstation>array-manager tcp/443',
      'processing-node>internet tcp/443',
      'processing-node>internet tcp/80',
      'rest-client>array-manager tcp/19006',
    ]);
    expect(tuples(d.removed)).toEqual(['admin-workstation>array-manager tcp/19001']);
    expect(d.removed[0]!.ruleId).toBe('array-manager-service');
    // At 6.0: SMTP 4, DNS 3 × 2, updates 2, POP3, LDAP, SQL, tcp/19001 to the Array Manager 3 and
    // to the node 1 = 19 flows, of which the Configurator's goes.
    expect(d.kept).toHaveLength(18);
    expect(deltaSummary(d)).toBe('+4 to add, \u22121 to remove, 18 unchanged');
  });

  it('7.1 → 8.0: only the REST API opens', () => {
    const d = upgradeDelta(everyRole('8.0'), '7.1');
    expect(tuples(d.added)).toEqual(['rest-client>array-manager tcp/19006']);
    expect(d.removed).toEqual([]);
    expect(versionSwitchSummary(d)).toBe('MailMarshal 7.1 \u2192 SEG 8.0: 1 flow added, 0 removed');
  });

  it('8.0 → 10.0: the web console replaces the Configurator and Console', () => {
    const d = upgradeDelta(everyRole('10.0'), '8.0');
    expect(tuples(d.added)).toEqual(['admin-workstation>array-manager tcp/443']);
    expect(tuples(d.removed)).toEqual(['admin-workstation>array-manager tcp/19001']);
    expect(versionSwitchSummary(d)).toBe('SEG 8.0 \u2192 10.0: 1 flow added, 1 removed');
  });

  const versions = PRODUCT_RELEASES.map((r) => r.version);
  const pairs = versions.flatMap((a) => versions.filter((b) => b !== a).map((b) => [a, b] as const));
  it.each(pairs)('%s → %s gives exactly the rows whose versions differ', (from, to) => {
    const d = upgradeDelta(everyRole(to), from);
    const before = present(from);
    const after = present(to);
    expect(tuples(d.added)).toEqual([...after].filter((t) => !before.has(t)).sort());
    expect(tuples(d.removed)).toEqual([...before].filter((t) => !after.has(t)).sort());
    // Kept, added and removed split the two versions' flows with nothing left over.
    expect(d.kept.length + d.added.length).toBe(deriveFlows(everyRole(to)).flows.length);
    expect(d.kept.length + d.removed.length).toBe(deriveFlows(everyRole(from)).flows.length);
    expect(d.flows).toHaveLength(d.kept.length + d.added.length + d.removed.length);
    for (const f of d.flows) expect(d.change.get(f.id)).toBeDefined();
  });

  it('keeps a port another rule still needs between the same hosts', () => {
    // Two rules asking for the same port between the same roles, one of them only before 10.0.
    const catalog: CatalogRule[] = [
      {
        ...getRule('array-manager-service'),
        id: 'array-manager-service',
        endpoints: [
          { source: 'admin-workstation', destination: 'array-manager', versions: { before: '10.0' } },
        ],
      },
      {
        ...getRule('array-manager-service'),
        id: 'controller-service',
        endpoints: [{ source: 'web-components', destination: 'array-manager', versions: {} }],
      },
    ];
    const both = plan(
      [host('am', ['array-manager']), host('ws', ['admin-workstation', 'web-components'])],
      '10.0',
    );
    const d = upgradeDelta(both, '8.0', deriveFlows(both, catalog), catalog);
    expect(d.removed).toEqual([]);
    expect(tuples(d.kept)).toEqual(['ws>am tcp/19001']);
  });

  it('tells a rule to a named address from the rule to any address on the same port', () => {
    // One server that is Array Manager and node: updates go to www.marshal.com from every
    // version, web access to any address from 6.5.
    const single = plan(
      [host('seg', ['array-manager', 'processing-node']), host('net', ['internet'])],
      '6.5',
    );
    const d = upgradeDelta(single, '6.0');
    expect(d.added.map((f) => `${f.destinationAddress} ${f.protocol}/${f.port}`)).toEqual([
      'any tcp/80',
      'any tcp/443',
    ]);
    expect(d.kept.filter((f) => f.port === 80).map((f) => f.destinationAddress)).toEqual(['www.marshal.com']);
  });

  it('limits the delta to the change request scope', () => {
    const zoned = plan(
      [
        host('am', ['array-manager'], 'in'),
        host('ws', ['admin-workstation'], 'in'),
        host('rest', ['rest-client'], 'out'),
      ],
      '10.0',
    );
    zoned.zones = [
      { id: 'in', name: 'In', trust: 'trusted' },
      { id: 'out', name: 'Out', trust: 'dmz' },
    ];
    const d = upgradeDelta(zoned, '7.1');
    expect(tuples(d.added)).toEqual(['rest>am tcp/19006', 'ws>am tcp/443']);
    const crossing = deltaInScope(d, { includeInternal: false });
    expect(tuples(crossing.added)).toEqual(['rest>am tcp/19006']);
    expect(crossing.removed).toEqual([]);
    expect(deltaInScope(d, { includeInternal: true })).toBe(d);
  });

  it('marks each arrow and each service in its label', () => {
    const d = upgradeDelta(everyRole('10.0'), '8.0');
    const pairs = deltaPairs(d);
    const admin = pairs.find((p) => p.source === 'admin-workstation' && p.target === 'array-manager')!;
    expect(admin.label).toBe('+tcp/443, \u2212tcp/19001');
    expect(admin.change).toBe('mixed');
    // tcp/19001 goes: rose dashes over the line.
    expect(admin.partlyRemoved).toBe(true);
    const sql = pairs.find((p) => p.source === 'array-manager' && p.target === 'sql-server')!;
    expect(sql.label).toBe('tcp/1433');
    expect(sql.change).toBe('keep');
    const rest = deltaPairs(upgradeDelta(everyRole('8.0'), '7.1')).find((p) => p.source === 'rest-client')!;
    expect([rest.label, rest.change]).toEqual(['+tcp/19006', 'add']);
    expect(rest.partlyRemoved).toBeUndefined();
    const gone = deltaPairs(upgradeDelta(everyRole('6.0'), '6.5')).find(
      (p) => p.source === 'processing-node' && p.target === 'internet',
    )!;
    // tcp/25 stays, tcp/80 and tcp/443 go: the arrow is mixed.
    expect([gone.label, gone.change]).toEqual(['tcp/25, \u2212tcp/80, \u2212tcp/443', 'mixed']);
  });
});

describe('upgrade advisories', () => {
  const ids = (p: Plan, from: string) => upgradeAdvisories(p, from).map((a) => a.id);
  it('name what an upgrade across each version brings, for the roles the plan has', () => {
    expect(ids(everyRole('10.0'), '8.0')).toEqual(['configurator-retired', 'web-console-exposure']);
    expect(ids(everyRole('10.0'), '6.0')).toEqual([
      'configurator-retired',
      'web-console-exposure',
      'rest-api',
      'node-web-access',
      'tls-revocation',
    ]);
    expect(ids(everyRole('8.0'), '7.1')).toEqual(['rest-api']);
    // Not across a boundary, or back down: nothing to advise.
    expect(ids(everyRole('7.0'), '6.5')).toEqual([]);
    expect(ids(everyRole('7.1'), '7.0')).toEqual(['tls-revocation']);
    expect(ids(everyRole('8.0'), '10.0')).toEqual([]);
    // No REST client in the plan: nothing about the REST API.
    expect(ids(plan([host('am', ['array-manager'])], '8.0'), '7.1')).toEqual([]);
  });
  it('say that the NetBIOS ports of the Configurator can close, and keep the web console inside', () => {
    const [configurator, console] = upgradeAdvisories(DMZ_RELAY, '8.0');
    expect(configurator!.text).toMatch(/NetBIOS ports \(135–139\)/);
    expect(configurator!.reference).toMatch(/Q10026/);
    expect(console!.text).toMatch(/tcp\/443/);
    expect(console!.text).toMatch(/intranet/);
  });
});

describe('upgrade edits', () => {
  it('sets and clears the version compared with', () => {
    const p = everyRole('10.0');
    const compared = setUpgradeFrom(p, '8.0');
    expect(compared.upgradeFrom).toBe('8.0');
    expect(setUpgradeFrom(compared, '8.0')).toBe(compared);
    expect('upgradeFrom' in setUpgradeFrom(compared, undefined)).toBe(false);
    // The plan's own version is no comparison.
    expect(setUpgradeFrom(p, '10.0')).toBe(p);
  });
  it('ends the comparison when the product version becomes the version compared with', () => {
    const compared = setUpgradeFrom(everyRole('10.0'), '8.0');
    const back = setProductVersion(compared, '8.0');
    expect(back.productVersion).toBe('8.0');
    expect('upgradeFrom' in back).toBe(false);
    expect(setProductVersion(compared, '7.1').upgradeFrom).toBe('8.0');
  });
});
