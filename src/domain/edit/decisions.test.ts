import { describe, expect, it } from 'vitest';
import { host, testPlan, type PlanParts } from '../plan/plan.testing';
import { deriveFlows, type Flow } from '../engine';
import { requestFlows } from '../export';
import { canBeInArray, cleanDecisions } from './cleanDecisions';
import {
  excludeFlows,
  includeFlows,
  setFeature,
  setHostArray,
  setHostsArray,
  setHostUses,
} from './decisions';
import { formatProblem } from '../problems';
import { removeHosts, updateHost } from './edit';
import { restorePlan } from '../plan';
import { DMZ_RELAY, TWO_SITES, TWO_SITES_TWO_ARRAYS } from '../plan';
import type { Host, Plan } from '../plan';

const plan = (hosts: Host[], extra: PlanParts = {}): Plan => testPlan({ name: 'Decisions', hosts, ...extra });
const rows = (flows: readonly Flow[]) =>
  flows.map((f) => `${f.ruleId} ${f.sourceHostId}>${f.destinationHostId} ${f.protocol}/${f.port}`).sort();
const of = (p: Plan, rule: string) => rows(deriveFlows(p).flows.filter((f) => f.ruleId === rule));

describe('features in use', () => {
  const base = plan([
    host('am', ['array-manager']),
    host('dc', ['directory-server']),
    host('net', ['internet']),
    host('pop', ['pop3-client']),
    host('node', ['processing-node']),
    host('rest', ['rest-client']),
  ]);
  it('are all on by default: the plan keeps every conditional rule', () => {
    expect(of(base, 'ldap')).toEqual(['ldap am>dc tcp/389']);
    expect(of(base, 'spamcensor-updates')).toEqual([
      'spamcensor-updates am>net tcp/443',
      'spamcensor-updates am>net tcp/80',
    ]);
    expect(of(base, 'pop3')).toEqual(['pop3 pop>node tcp/110']);
    expect(of(base, 'rest-api')).toEqual(['rest-api rest>am tcp/19006']);
  });
  it('switched off, take their flows with them and nothing else', () => {
    for (const id of ['ldap', 'spamcensor-updates', 'pop3', 'rest-api'] as const) {
      const off = setFeature(base, id, false);
      expect(off.features).toEqual({ [id]: false });
      expect(of(off, id)).toEqual([]);
      const others = (p: Plan) => rows(deriveFlows(p).flows.filter((f) => f.ruleId !== id));
      expect(others(off)).toEqual(others(base));
      // Back on: the entry goes, as if never set.
      expect(setFeature(off, id, true)).toEqual(base);
    }
  });
  it('switched off, take their missing-host warnings too', () => {
    // No Internet host: the update site has nowhere to go, which is worth a warning...
    const noInternet = plan([host('am', ['array-manager']), host('node', ['processing-node'])]);
    const warned = (p: Plan) =>
      deriveFlows(p).warnings.filter((w) => w.ruleIds.includes('spamcensor-updates'));
    expect(warned(noInternet)).toHaveLength(1);
    // ...unless the updates are not used.
    expect(warned(setFeature(noInternet, 'spamcensor-updates', false))).toEqual([]);
  });
});

describe('arrays', () => {
  const twoArrays = plan([
    host('am1', ['array-manager']),
    host('am2', ['array-manager']),
    host('n1', ['processing-node'], { array: 'am1' }),
    host('n2', ['processing-node'], { array: 'am2' }),
    host('n3', ['processing-node']),
    host('web', ['web-components'], { array: 'am2' }),
  ]);
  it('keep tcp/19001 between the hosts of one array; a host in none keeps every array, with a warning', () => {
    expect(of(twoArrays, 'array-manager-service')).toEqual([
      'array-manager-service n1>am1 tcp/19001',
      'array-manager-service n2>am2 tcp/19001',
      'array-manager-service n3>am1 tcp/19001',
      'array-manager-service n3>am2 tcp/19001',
      'array-manager-service web>am2 tcp/19001',
    ]);
    expect(of(twoArrays, 'controller-service')).toEqual([
      'controller-service am1>n1 tcp/19001',
      'controller-service am1>n3 tcp/19001',
      'controller-service am2>n2 tcp/19001',
      'controller-service am2>n3 tcp/19001',
    ]);
    const warning = deriveFlows(twoArrays).warnings.find((w) => w.id === 'array-unassigned')!;
    expect(warning.hostIds).toEqual(['n3']);
    expect(warning.message).toBe(
      'N3 belongs to no array, so it talks to every Array Manager (AM1 and AM2). Pick the array of each in its panel.',
    );
  });
  it('do not matter with one Array Manager, and need no choice', () => {
    const one = plan([host('am1', ['array-manager']), host('n1', ['processing-node'])]);
    expect(of(one, 'array-manager-service')).toEqual(['array-manager-service n1>am1 tcp/19001']);
    expect(deriveFlows(one).warnings.map((w) => w.id)).not.toContain('array-unassigned');
  });
  it('are set and cleared one host at a time', () => {
    const set = setHostArray(twoArrays, 'n3', 'am2');
    expect(of(set, 'array-manager-service')).not.toContain('array-manager-service n3>am1 tcp/19001');
    expect(setHostArray(set, 'n3', 'am2')).toBe(set);
    expect(setHostArray(set, 'n3', undefined).hosts[4]).toEqual(host('n3', ['processing-node']));
  });
  it('are set for several hosts at once, leaving alone those that cannot be in an array', () => {
    const mixed = plan([
      host('am1', ['array-manager']),
      host('am2', ['array-manager']),
      host('n1', ['processing-node'], { array: 'am1' }),
      host('n2', ['processing-node']),
      host('web', ['web-components'], { array: 'am2' }),
      host('both', ['web-components', 'sql-server']),
      host('dns', ['dns-server']),
      host('other', ['processing-node'], { array: 'am1' }),
    ]);
    const ids = ['n1', 'n2', 'web', 'both', 'dns', 'am1'];
    expect(mixed.hosts.filter(canBeInArray).map((h) => h.id)).toEqual(['n1', 'n2', 'web', 'both', 'other']);

    const set = setHostsArray(mixed, ids, 'am2');
    expect(set.hosts).toEqual([
      host('am1', ['array-manager']),
      host('am2', ['array-manager']),
      host('n1', ['processing-node'], { array: 'am2' }),
      host('n2', ['processing-node'], { array: 'am2' }),
      host('web', ['web-components'], { array: 'am2' }),
      host('both', ['web-components', 'sql-server'], { array: 'am2' }),
      host('dns', ['dns-server']),
      host('other', ['processing-node'], { array: 'am1' }),
    ]);
    // Hosts already in it, or unable to be in one, are the very same objects.
    expect(set.hosts[4]).toBe(mixed.hosts[4]);
    expect(set.hosts[6]).toBe(mixed.hosts[6]);
    expect(set.hosts[0]).toBe(mixed.hosts[0]);
    expect(mixed.hosts[2]).toEqual(host('n1', ['processing-node'], { array: 'am1' }));
    // Nothing to change: the same plan.
    expect(setHostsArray(set, ids, 'am2')).toBe(set);
    expect(setHostsArray(mixed, ['dns', 'am1', 'gone'], 'am2')).toBe(mixed);
    expect(setHostsArray(mixed, [], undefined)).toBe(mixed);

    const none = setHostsArray(set, ['n1', 'n2', 'web', 'dns'], undefined);
    expect(none.hosts).toEqual([
      host('am1', ['array-manager']),
      host('am2', ['array-manager']),
      host('n1', ['processing-node']),
      host('n2', ['processing-node']),
      host('web', ['web-components']),
      host('both', ['web-components', 'sql-server'], { array: 'am2' }),
      host('dns', ['dns-server']),
      host('other', ['processing-node'], { array: 'am1' }),
    ]);
    expect('array' in none.hosts[2]!).toBe(false);
    expect(of(none, 'array-manager-service')).toEqual([
      'array-manager-service both>am2 tcp/19001',
      'array-manager-service n1>am1 tcp/19001',
      'array-manager-service n1>am2 tcp/19001',
      'array-manager-service n2>am1 tcp/19001',
      'array-manager-service n2>am2 tcp/19001',
      'array-manager-service other>am1 tcp/19001',
      'array-manager-service web>am1 tcp/19001',
      'array-manager-service web>am2 tcp/19001',
    ]);
  });
});

describe('counterparts', () => {
  const p = plan([
    host('dns1', ['dns-server']),
    host('dns2', ['dns-server']),
    host('m1', ['mail-server']),
    host('m2', ['mail-server']),
    host('node', ['processing-node']),
  ]);
  it('restrict a host to the DNS servers it uses (all by default)', () => {
    expect(of(p, 'dns')).toEqual([
      'dns node>dns1 tcp/53',
      'dns node>dns1 udp/53',
      'dns node>dns2 tcp/53',
      'dns node>dns2 udp/53',
    ]);
    const one = setHostUses(p, 'node', 'dns-server', ['dns2']);
    expect(one.hosts[4]!.uses).toEqual({ 'dns-server': ['dns2'] });
    expect(of(one, 'dns')).toEqual(['dns node>dns2 tcp/53', 'dns node>dns2 udp/53']);
    // Choosing every DNS server is the default, and is not kept.
    expect(setHostUses(one, 'node', 'dns-server', ['dns1', 'dns2']).hosts[4]).toEqual(p.hosts[4]);
  });
  it('restrict both directions with mail servers', () => {
    const one = setHostUses(p, 'node', 'mail-server', ['m1']);
    expect(of(one, 'smtp')).toEqual(['smtp m1>node tcp/25', 'smtp node>m1 tcp/25']);
  });
});

describe('exclusions', () => {
  const d = deriveFlows(DMZ_RELAY);
  const sql = d.flows.find((f) => f.ruleId === 'sql')!;
  it('leave the change request, but not the flows', () => {
    const excluded = excludeFlows(DMZ_RELAY, [sql], 'allowed', ' FW-1 ');
    expect(excluded.exclusions).toEqual([
      {
        rule: 'sql',
        source: 'am',
        destination: 'sql',
        protocol: 'tcp',
        port: 1433,
        kind: 'allowed',
        note: 'FW-1',
      },
    ]);
    const after = deriveFlows(excluded);
    expect(after.flows).toEqual(d.flows);
    expect(after.excluded.get(sql.id)?.kind).toBe('allowed');
    const all = requestFlows(after, { includeInternal: true });
    expect(all).toHaveLength(d.flows.length - 1);
    expect(all).not.toContainEqual(sql);
  });
  it('need a reason when the flow is not needed', () => {
    expect(excludeFlows(DMZ_RELAY, [sql], 'not-needed', '  ')).toBe(DMZ_RELAY);
    expect(excludeFlows(DMZ_RELAY, [sql], 'not-needed', 'Reports only').exclusions?.[0]?.note).toBe(
      'Reports only',
    );
  });
  it('can be taken back', () => {
    const excluded = excludeFlows(DMZ_RELAY, [sql], 'allowed', '');
    expect(includeFlows(excluded, [sql])).toEqual(DMZ_RELAY);
  });
});

describe('deleting hosts or roles cleans the decisions that name them, in the same edit', () => {
  it('drops arrays, counterparts and exclusions that name a deleted host', () => {
    const p = TWO_SITES_TWO_ARRAYS;
    const without = removeHosts(p, new Set(['seg-am02', 'dns-br01', 'sql01']));
    for (const h of without.hosts) {
      expect(h.array).not.toBe('seg-am02');
      expect(h.uses?.['dns-server'] ?? []).not.toContain('dns-br01');
    }
    // The branch nodes used only DNS-BR01: with it gone they use every DNS server again.
    expect(without.hosts.find((h) => h.id === 'seg-node05')!.uses).toEqual({
      'mail-server': ['exch-br01', 'exch-br02', 'exch-br03', 'exch-br04'],
    });
    expect(without.exclusions).toBeUndefined();
  });
  it('drops a counterpart that loses its role', () => {
    const p = updateHost(TWO_SITES_TWO_ARRAYS, 'dns-dmz01', { roles: ['sql-server'] });
    expect(p.hosts.find((h) => h.id === 'seg-node01')!.uses?.['dns-server']).toBeUndefined();
  });
  it('leaves a plan without such decisions as it is', () => {
    expect(cleanDecisions(TWO_SITES)).toBe(TWO_SITES);
    expect(cleanDecisions(TWO_SITES_TWO_ARRAYS)).toBe(TWO_SITES_TWO_ARRAYS);
  });
});

describe('decisions that name what is not there are refused on import, with their paths', () => {
  const problems = (p: unknown) => {
    const r = restorePlan(p);
    return r.ok ? [] : r.problems.map(formatProblem);
  };
  const base = (): Plan =>
    plan([
      host('am', ['array-manager']),
      host('sql', ['sql-server']),
      host('dns', ['dns-server']),
      host('node', ['processing-node']),
    ]);
  it('an array headed by a host that is not an Array Manager, or held by one that is no node', () => {
    const p = base();
    p.hosts[3]!.array = 'sql';
    p.hosts[2]!.array = 'am';
    p.hosts[1]!.array = 'gone';
    expect(problems(p)).toEqual([
      'hosts[1].array: no host has the id "gone"',
      'hosts[2].array: only processing nodes and web components belong to an array',
      'hosts[3].array: SQL is not an Array Manager, so it heads no array',
    ]);
  });
  it('counterparts that are missing, lack the role, repeat, or none at all', () => {
    const p = base();
    p.hosts[3]!.uses = { 'dns-server': ['dns', 'dns', 'sql', 'nowhere'] };
    p.hosts[0]!.uses = { 'mail-server': [] };
    expect(problems(p)).toEqual([
      'hosts[0].uses.mail-server: must hold at least 1 entry',
      'hosts[3].uses.dns-server[1]: DNS is listed twice',
      'hosts[3].uses.dns-server[2]: SQL is not a dns-server',
      'hosts[3].uses.dns-server[3]: no host has the id "nowhere"',
    ]);
  });
  it('exclusions of unknown hosts, without a reason, or of the same flow twice', () => {
    const p = base();
    const flow = { rule: 'sql', source: 'am', destination: 'sql', protocol: 'tcp', port: 1433 } as const;
    p.exclusions = [
      { ...flow, kind: 'allowed' },
      { ...flow, kind: 'not-needed', note: 'x' },
      { ...flow, source: 'ghost', kind: 'not-needed', note: '  ' },
    ];
    expect(problems(p)).toEqual([
      'exclusions[1]: the same flow as exclusions[0]',
      'exclusions[2].source: no host has the id "ghost"',
      'exclusions[2].note: a flow marked not needed needs the reason',
    ]);
  });
  it('a feature marked in use is the default, and is not kept', () => {
    const p = base();
    p.features = { ldap: true, pop3: false };
    const r = restorePlan(p);
    expect(r.ok && r.value.features).toEqual({ pop3: false });
    p.features = { ldap: true };
    const all = restorePlan(p);
    expect(all.ok && 'features' in all.value).toBe(false);
  });
});
