/*
 * FortiGate (FortiOS CLI) export: golden files, and every output read by a strict parser of the
 * config/edit/set/next/end grammar (fortios.testing.ts), checked against the FortiOS schema of the
 * Ansible collection fortinet.fortios (attribute names, types, enumerated values, in every FortiOS
 * release from 7.0), then resolved policy → address groups → addresses and services → ports, and
 * the (rule, source, destination, service) it allows compared with the grouped rules.
 *
 * Every policy is `edit 0` (FortiOS gives it the next free id), so policies are told apart by their
 * `set name`, which starts with the plan's object prefix and the rule number; the rule is read from
 * the policy's `Rule N:` comment and checked against the name. The prefixes are written here by
 * hand ("Single server" → SINGLE), never taken from the code under test.
 *
 * Regenerate the golden files (then review the diff):
 *   UPDATE_GOLDEN=1 npx vitest run src/domain/export/firewall/fortigate.test.ts
 *
 * The schema is read by /usr/bin/python3 from Debian's `ansible`; without it the validator tests
 * skip, saying why, and fail under PORTOLAN_REQUIRE_VALIDATORS=1.
 */
import { describe, expect, it } from 'vitest';
import { deriveFlows } from '../../engine';
import { SINGLE_SERVER } from '../../plan';
import type { Plan } from '../../plan';
import type { ExportInput } from '../types';
import { rulesFor } from './common';
import { exportFortigate as fortigateResult, MAX_OBJECT_NAME, MAX_POLICY_NAME, quote } from './fortigate';
import {
  createdNames,
  FortiosSyntaxError,
  loadSchema,
  OBJECT_TABLES,
  parseFortios,
  policiesByName,
  schemaMissing,
  schemaProblems,
  type Entry,
  type Schema,
  type Table,
} from './fortios.testing';
import { HOSTILE, fileStemOf } from './hostile.testing';
import {
  DMZ_RELAY_NO_DEVICES,
  EXAMPLE_PLANS,
  MIXED_RELAY,
  V6_SINGLE,
  asFile,
  expectGolden,
  ipToBig,
  skipsValidator,
  withAddress,
  PREFIXES,
} from './validators.testing';

const exportFortigate = asFile(fortigateResult);
const DATE = new Date('2026-03-02T10:00:00Z');

const input = (plan: Plan): ExportInput => ({
  plan,
  derivation: deriveFlows(plan),
  scope: { includeInternal: false },
  date: DATE,
});
const exportOf = (plan: Plan) => exportFortigate(input(plan));
const textOf = (plan: Plan) => exportOf(plan).data as string;

const withHost = (
  plan: Plan,
  id: string,
  change: (h: Plan['hosts'][number]) => Plan['hosts'][number],
): Plan => ({
  ...plan,
  hosts: plan.hosts.map((h) => (h.id === id ? change(h) : h)),
});
const EXAMPLES = EXAMPLE_PLANS;
const ALL: [string, Plan][] = [
  ...EXAMPLES,
  ['v6-single', V6_SINGLE],
  ['mixed-relay', MIXED_RELAY],
  ['hostile', HOSTILE],
];

/** The object prefix of each plan, written by hand in validators.testing.ts. */
const PREFIX = PREFIXES;

// ---------- the validator ----------

const MISSING = schemaMissing();
const UNAVAILABLE = skipsValidator('FortiOS schema validator', MISSING);
let cached: Schema | undefined;
function schema(): Schema {
  if (MISSING !== null) throw new Error(`FortiOS schema validator missing: ${MISSING}`);
  return (cached ??= loadSchema());
}

// ---------- addresses as numbers ----------

/** "ipv4 0a000000/24": the network of an address and prefix length. */
function network(address: string, length: number): { family: 'ipv4' | 'ipv6'; atom: string } {
  const { family, value } = ipToBig(address);
  const bits = BigInt((family === 'ipv4' ? 32 : 128) - length);
  return { family, atom: `${((value >> bits) << bits).toString(16)}/${length}` };
}

/** The prefix length of a dotted mask, which must be contiguous. */
function maskLength(mask: string): number {
  const bits = ipToBig(mask).value.toString(2).padStart(32, '0');
  expect(bits, `mask ${mask}`).toMatch(/^1*0*$/);
  return bits.indexOf('0') === -1 ? 32 : bits.indexOf('0');
}

// ---------- what the plan says ----------

interface Atom {
  family: 'ipv4' | 'ipv6' | '*';
  atom: string;
}

/**
 * "rule family source destination protocol/port" for every flow of the grouped rules FortiGate can
 * match: a DNS name meets IPv4 and IPv6 members, any, and other names in their family.
 */
function expectedTriples(plan: Plan): string[] {
  const out = new Set<string>();
  for (const rule of rulesFor(input(plan)).rules) {
    const atoms = (addresses: string[]): Atom[] =>
      addresses.flatMap((a): Atom[] => {
        if (a === 'any') return [{ family: '*', atom: '*' }];
        if (a === '') return []; // no address: a note, not a policy
        if (/^[0-9a-f.:]+(\/\d+)?$/i.test(a)) {
          const [ip, len] = a.split('/');
          const family = ip!.includes(':') ? 'ipv6' : 'ipv4';
          return [network(ip!, len === undefined ? (family === 'ipv4' ? 32 : 128) : Number(len))];
        }
        // A DNS name is resolved by the FortiGate in either family: fqdn objects of both.
        return [
          { family: 'ipv4', atom: `fqdn:${a.toLowerCase()}` },
          { family: 'ipv6', atom: `fqdn:${a.toLowerCase()}` },
        ];
      });
    for (const s of atoms(rule.source.addresses))
      for (const d of atoms(rule.destination.addresses)) {
        if (s.family === '*' && d.family === '*') continue;
        const family = s.family === '*' ? d.family : s.family;
        if (d.family !== '*' && d.family !== family) continue;
        for (const svc of rule.services)
          out.add(`${rule.number} ${family} ${s.atom} ${d.atom} ${svc.protocol}/${svc.port}`);
      }
  }
  return [...out].sort();
}

// ---------- what the FortiGate would read ----------

const one = (values: string[] | undefined, what: string): string => {
  expect(values, what).toHaveLength(1);
  return values![0]!;
};

/**
 * The triples the policies allow, resolved through the objects the script defines (each defined
 * before its first use, and each used). Also checks every policy's fixed settings and interfaces.
 */
function actualTriples(
  tables: Table[],
  interfaces: Map<string, string>,
  plan: Plan,
  prefix: string,
): string[] {
  const entries = (path: string) => tables.filter((t) => t.path === path).flatMap((t) => t.entries);
  const sets = (e: { sets: { attribute: string; values: string[] }[] }) =>
    new Map(e.sets.map((s) => [s.attribute, s.values]));
  const defined = new Map<string, { line: number; family: 'ipv4' | 'ipv6'; atoms: string[] }>();
  const used = new Set<string>();
  const define = (key: string, line: number, family: 'ipv4' | 'ipv6', atoms: string[]) => {
    expect(defined.has(key), `${key} defined twice`).toBe(false);
    defined.set(key, { line, family, atoms });
  };
  const resolve = (key: string, line: number, family: 'ipv4' | 'ipv6'): string[] => {
    if (key === 'address|all' || key === 'address6|all') return ['*'];
    const d = defined.get(key);
    expect(d, `${key} used on line ${line} but not defined`).toBeDefined();
    expect(d!.line, `${key} used on line ${line} before its definition`).toBeLessThan(line);
    expect(d!.family).toBe(family);
    used.add(key);
    return d!.atoms;
  };

  for (const e of entries('firewall address')) {
    const s = sets(e);
    const type = one(s.get('type'), `type of ${e.key}`);
    if (type === 'fqdn')
      define(`address|${e.key}`, e.line, 'ipv4', [`fqdn:${one(s.get('fqdn'), 'fqdn').toLowerCase()}`]);
    else {
      expect(type).toBe('ipmask');
      const [ip, mask] = s.get('subnet')!;
      const n = network(ip!, maskLength(mask!));
      expect(n.family).toBe('ipv4');
      define(`address|${e.key}`, e.line, 'ipv4', [n.atom]);
    }
    expect([...s.keys()].sort()).toEqual(type === 'fqdn' ? ['fqdn', 'type'] : ['subnet', 'type']);
  }
  for (const e of entries('firewall address6')) {
    const s = sets(e);
    const type = one(s.get('type'), `type of ${e.key}`);
    if (type === 'fqdn')
      define(`address6|${e.key}`, e.line, 'ipv6', [`fqdn:${one(s.get('fqdn'), 'fqdn').toLowerCase()}`]);
    else {
      expect(type).toBe('ipprefix');
      const [ip, len] = one(s.get('ip6'), 'ip6').split('/');
      const n = network(ip!, Number(len));
      expect(n.family).toBe('ipv6');
      define(`address6|${e.key}`, e.line, 'ipv6', [n.atom]);
    }
    expect([...s.keys()].sort()).toEqual(type === 'fqdn' ? ['fqdn', 'type'] : ['ip6', 'type']);
  }
  for (const [path, table, family] of [
    ['firewall addrgrp', 'address', 'ipv4'],
    ['firewall addrgrp6', 'address6', 'ipv6'],
  ] as const)
    for (const e of entries(path)) {
      const s = sets(e);
      expect([...s.keys()]).toEqual(['member']);
      const atoms = s.get('member')!.flatMap((m) => resolve(`${table}|${m}`, e.line, family));
      expect(atoms).not.toContain('*');
      define(`${table}|${e.key}`, e.line, family, atoms);
    }
  const services = new Map<string, { line: number; ports: string[] }>();
  for (const e of entries('firewall service custom')) {
    const s = sets(e);
    expect(one(s.get('protocol'), 'protocol')).toBe('TCP/UDP/SCTP');
    const ports: string[] = [];
    for (const protocol of ['tcp', 'udp', 'sctp'])
      for (const p of s.get(`${protocol}-portrange`) ?? []) {
        expect(p, 'a single destination port').toMatch(/^\d+$/);
        ports.push(`${protocol}/${p}`);
      }
    expect(ports.length).toBeGreaterThan(0);
    services.set(e.key, { line: e.line, ports });
  }
  const usedServices = new Set<string>();
  const resolveService = (name: string, line: number): string[] => {
    const d = services.get(name);
    expect(d, `service ${name} used on line ${line} but not defined`).toBeDefined();
    expect(d!.line).toBeLessThan(line);
    usedServices.add(name);
    return d!.ports;
  };
  for (const e of entries('firewall service group')) {
    const s = sets(e);
    expect([...s.keys()]).toEqual(['member']);
    expect(services.has(e.key), `service ${e.key} defined twice`).toBe(false);
    services.set(e.key, { line: e.line, ports: s.get('member')!.flatMap((m) => resolveService(m, e.line)) });
  }

  const rules = new Map(rulesFor(input(plan)).rules.map((r) => [r.number, r]));
  // The header shows each zone's name on one line: line breaks and control characters as spaces.
  const shown = (name: string) =>
    // eslint-disable-next-line no-control-regex -- the characters the header cannot show
    name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
  const zoneInterface = (zoneId: string | undefined) =>
    zoneId === undefined ? 'any' : interfaces.get(shown(plan.zones.find((z) => z.id === zoneId)!.name));
  const out = new Set<string>();
  const ruleOfPolicy = new Set<number>();
  const policies = policiesByName(tables); // names present and unique
  expect(policies.size).toBe(entries('firewall policy').length);
  for (const [name, e] of policies) {
    const s = sets(e);
    expect(e.key, `policy ${name}: a new policy, FortiOS's next free id`).toBe('0');
    const number = Number(/^Rule (\d+): \S/.exec(one(s.get('comments'), 'comments'))?.[1]);
    const rule = rules.get(number);
    expect(rule, `policy ${name} is no rule number`).toBeDefined();
    expect(ruleOfPolicy.has(number), `rule ${number} has two policies`).toBe(false);
    ruleOfPolicy.add(number);
    expect(name.startsWith(`${prefix}-${number}-`), `policy ${name} is rule ${number}`).toBe(true);
    expect(one(s.get('action'), 'action')).toBe('accept');
    expect(one(s.get('schedule'), 'schedule')).toBe('always');
    expect(one(s.get('logtraffic'), 'logtraffic')).toBe('all');
    expect(name.length).toBeLessThanOrEqual(MAX_POLICY_NAME);
    expect(one(s.get('srcintf'), 'srcintf')).toBe(zoneInterface(rule!.sourceZone));
    expect(one(s.get('dstintf'), 'dstintf')).toBe(zoneInterface(rule!.destinationZone));
    const ports = s.get('service')!.flatMap((svc) => resolveService(svc, e.line));
    let families = 0;
    for (const [src, dst, table, family] of [
      ['srcaddr', 'dstaddr', 'address', 'ipv4'],
      ['srcaddr6', 'dstaddr6', 'address6', 'ipv6'],
    ] as const) {
      expect(s.has(src)).toBe(s.has(dst));
      if (!s.has(src)) continue;
      families++;
      const from = s.get(src)!.flatMap((n) => resolve(`${table}|${n}`, e.line, family));
      const to = s.get(dst)!.flatMap((n) => resolve(`${table}|${n}`, e.line, family));
      expect(from.includes('*') && to.includes('*'), `policy ${name} from all to all`).toBe(false);
      for (const a of from)
        for (const b of to) for (const p of ports) out.add(`${number} ${family} ${a} ${b} ${p}`);
    }
    expect(families, `policy ${name} without addresses`).toBeGreaterThan(0);
    const known = ['name', 'srcintf', 'dstintf', 'srcaddr', 'dstaddr', 'srcaddr6', 'dstaddr6'];
    const fixed = ['action', 'schedule', 'service', 'logtraffic', 'comments'];
    for (const k of s.keys()) expect([...known, ...fixed]).toContain(k);
  }
  expect(
    [...defined.keys()].filter((k) => !used.has(k)),
    'objects no policy uses',
  ).toEqual([]);
  expect(
    [...services.keys()].filter((k) => !usedServices.has(k)),
    'services no policy uses',
  ).toEqual([]);
  return [...out].sort();
}

/** The header's zone → interface lines. */
function interfacesOf(text: string): Map<string, string> {
  return new Map([...text.matchAll(/^# {3}zone "(.*)" -> "(.*)"$/gm)].map((m) => [m[1]!, m[2]!]));
}

/** Parses, checks against the schema, and returns what the policies allow. */
function validate(plan: Plan, prefix: string): string[] {
  const text = textOf(plan);
  const tables = parseFortios(text);
  expect(schemaProblems(tables, schema())).toEqual([]);
  return actualTriples(tables, interfacesOf(text), plan, prefix);
}

/** The values of `set <attribute>` in `edit <key>` of table `path`. */
function setOf(text: string, path: string, key: string, attribute: string): string[] | undefined {
  const entry = parseFortios(text)
    .filter((t) => t.path === path)
    .flatMap((t) => t.entries)
    .find((e) => e.key === key);
  return entry?.sets.find((s) => s.attribute === attribute)?.values;
}

/** The values of `set <attribute>` in the policy named `name` (which must exist). */
function policySet(text: string, name: string, attribute: string): string[] | undefined {
  const policy = policiesByName(parseFortios(text)).get(name);
  expect(policy, `policy ${name}`).toBeDefined();
  return policy!.sets.find((s) => s.attribute === attribute)?.values;
}

/** The rule number of a policy, from its `Rule N:` comment. */
const ruleOf = (policy: Entry) =>
  Number(/^Rule (\d+):/.exec(policy.sets.find((s) => s.attribute === 'comments')!.values[0]!)![1]);

/** The rule numbers the script writes a policy for, in order. */
const policyRules = (text: string) => [...policiesByName(parseFortios(text)).values()].map(ruleOf);

/** The `edit` arguments under `config firewall policy`. */
const policyIds = (text: string) =>
  parseFortios(text)
    .filter((t) => t.path === 'firewall policy')
    .flatMap((t) => t.entries.map((e) => e.key));

// ---------- the tests ----------

describe('FortiGate export', () => {
  it.each(ALL)('%s matches its golden file', (name, plan) => {
    const file = exportOf(plan);
    expect(file.filename).toBe(`${fileStemOf(plan)}-fortigate.conf`);
    expect(file.mime).toBe('text/plain;charset=utf-8');
    expectGolden(`${name}-fortigate.conf`, file.data as string);
  });

  it.skipIf(UNAVAILABLE).each(ALL)(
    '%s parses, fits the FortiOS schema and allows exactly the grouped rules',
    (name, plan) => {
      const actual = validate(plan, PREFIX[name]!);
      expect(actual.length).toBeGreaterThan(0);
      expect(actual).toEqual(expectedTriples(plan));
    },
  );

  it('turns a DNS name into an fqdn address, with no note', () => {
    const file = exportOf(SINGLE_SERVER);
    const text = file.data as string;
    expect(text).toContain(
      'config firewall address\n' +
        '    edit "SINGLE-SEG01"\n        set type ipmask\n        set subnet 10.1.0.10 255.255.255.255\n    next\n' +
        '    edit "SINGLE-www.marshal.com"\n        set type fqdn\n        set fqdn "www.marshal.com"\n    next\nend\n',
    );
    expect(policySet(text, 'SINGLE-2-SEG01-WWW-MARSHAL-COM', 'dstaddr')).toEqual(['SINGLE-www.marshal.com']);
    expect(policySet(text, 'SINGLE-2-SEG01-WWW-MARSHAL-COM', 'dstaddr6')).toBeUndefined();
    // An IPv4 source: no IPv6 object for the name.
    expect(text).not.toContain('config firewall address6');
    expect(file.notes).toBeUndefined();
  });

  it('gives a DNS name an IPv6 fqdn object where it meets an IPv6 source (V6_SINGLE rule 2)', () => {
    const file = exportOf(V6_SINGLE);
    const text = file.data as string;
    expect(text).toContain(
      'config firewall address6\n' +
        '    edit "SINGLE-SEG01"\n        set type ipprefix\n        set ip6 2001:db8:1::10/128\n    next\n' +
        '    edit "SINGLE-www.marshal.com-v6"\n        set type fqdn\n        set fqdn "www.marshal.com"\n    next\nend\n',
    );
    // The IPv6 source meets the name in IPv6 only: no IPv4 object, no IPv4 addresses in the policy.
    expect(text).not.toContain('config firewall address\n');
    const rule2 = 'SINGLE-2-SEG01-WWW-MARSHAL-COM';
    expect(policySet(text, rule2, 'srcaddr6')).toEqual(['SINGLE-SEG01']);
    expect(policySet(text, rule2, 'dstaddr6')).toEqual(['SINGLE-www.marshal.com-v6']);
    expect(policySet(text, rule2, 'srcaddr')).toBeUndefined();
    expect(policySet(text, rule2, 'dstaddr')).toBeUndefined();
    expect(policySet(text, rule2, 'service')).toEqual(['SINGLE-TCP-80_443']);
    expect(policyRules(text)).toEqual([1, 2, 3]);
    expect(file.notes).toBeUndefined();
  });

  it.skipIf(UNAVAILABLE)('takes an address6 of type fqdn with an fqdn, as the FortiOS schema says', () => {
    // The schema itself, not an assumption: firewall_address6 has `type` with the value `fqdn`
    // and a string attribute `fqdn`, in every release from 7.0 the collection knows.
    const address6 = schema().firewall_address6!;
    const releases = address6.revisions.filter((r) => /^v7\./.test(r));
    expect(releases.length).toBeGreaterThan(0);
    expect(address6.attributes.type!.options!.fqdn).toEqual(expect.arrayContaining(releases));
    expect(address6.attributes.fqdn!.type).toBe('string');
    expect(address6.attributes.fqdn!.revisions).toEqual(expect.arrayContaining(releases));
    // And the file, read back, fits it.
    const tables = parseFortios(textOf(V6_SINGLE));
    expect(schemaProblems(tables, schema())).toEqual([]);
    const fqdn6 = tables
      .filter((t) => t.path === 'firewall address6')
      .flatMap((t) => t.entries)
      .filter((e) => e.sets.some((x) => x.attribute === 'type' && x.values[0] === 'fqdn'));
    expect(fqdn6.map((e) => e.key)).toEqual(['SINGLE-www.marshal.com-v6']);
  });

  it('uses all only on the Internet side and writes IPv6 as address6 with srcaddr6/dstaddr6', () => {
    const relay = textOf(DMZ_RELAY_NO_DEVICES);
    // "DMZ-RELAY-4-DMZ-PROCESSING-NODES-Internet" is 41 characters: cut at the word before 35.
    expect(policySet(relay, 'DMZ-RELAY-4-DMZ-PROCESSING-NODES', 'dstaddr')).toEqual(['all']);
    expect(policySet(relay, 'DMZ-RELAY-4-DMZ-PROCESSING-NODES', 'srcaddr')).toEqual([
      'DMZ-RELAY-DMZ-PROCESSING-NODES',
    ]);
    expect(policySet(relay, 'DMZ-RELAY-8-Internet-DMZ-PROCESSING', 'srcaddr')).toEqual(['all']);
    for (const [, plan] of ALL) {
      const rules = new Map(rulesFor(input(plan)).rules.map((r) => [r.number, r]));
      for (const [name, p] of policiesByName(parseFortios(textOf(plan))))
        for (const s of p.sets.filter((x) => /addr6?$/.test(x.attribute) && x.values.includes('all'))) {
          expect(s.values).toEqual(['all']);
          const rule = rules.get(ruleOf(p))!;
          const group = s.attribute.startsWith('src') ? rule.source : rule.destination;
          expect(group.addresses, `policy ${name} ${s.attribute}`).toContain('any');
        }
    }
    const v6 = textOf(V6_SINGLE);
    expect(v6).toContain(
      'config firewall address6\n    edit "SINGLE-SEG01"\n        set type ipprefix\n        set ip6 2001:db8:1::10/128\n',
    );
    expect(policySet(v6, 'SINGLE-3-Internet-SEG01', 'dstaddr6')).toEqual(['SINGLE-SEG01']);
    expect(policySet(v6, 'SINGLE-3-Internet-SEG01', 'srcaddr6')).toEqual(['all']);
    expect(policySet(v6, 'SINGLE-3-Internet-SEG01', 'srcaddr')).toBeUndefined();
  });

  it('notes a source and destination of different families, and writes nothing for them', () => {
    const file = exportOf(MIXED_RELAY);
    expect((file.notes ?? []).filter((n) => n.startsWith('Rule 1: '))).toEqual([
      'Rule 1: the IPv4 members of source DMZ-PROCESSING-NODES have no IPv4 destination (a packet cannot change address family) (no policy written for this rule).',
      'Rule 1: the IPv6 members of destination EXCH01 have no IPv6 source (a packet cannot change address family) (no policy written for this rule).',
    ]);
    const text = file.data as string;
    expect(text).toContain(
      `\n    # ${file.notes![0]!}\n    # ${file.notes![1]!}\n    edit 0\n        set name "DMZ-RELAY-2-DMZ-PROCESSING-NODES"\n`,
    );
    expect(policyRules(text)).toEqual([2, 3, 4, 6, 7, 8]);
  });

  it('notes a host without an address where its rule is, and writes the rest of the rule only', () => {
    const file = exportOf(withAddress(DMZ_RELAY_NO_DEVICES, 'node2', undefined));
    const note =
      'Rule 1: source DMZ-PROCESSING-NODES: SEG-NODE02 has no address; FortiGate matches addresses and DNS names only (left out of this policy).';
    expect(file.notes).toContain(note);
    const text = file.data as string;
    expect(text).toContain(`# ${note}\n`);
    expect(text).toContain(
      `    # ${note}\n    edit 0\n        set name "DMZ-RELAY-1-DMZ-PROCESSING-NODES"\n`,
    );
    expect(policySet(text, 'DMZ-RELAY-1-DMZ-PROCESSING-NODES', 'srcaddr')).toEqual(['DMZ-RELAY-SEG-NODE01']);
    expect(text).not.toContain('SEG-NODE02"');
    expect(policyRules(text)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

    const alone = exportOf(withAddress(DMZ_RELAY_NO_DEVICES, 'exch', undefined));
    expect(alone.notes).toContain(
      'Rule 1: destination EXCH01: EXCH01 has no address; FortiGate matches addresses and DNS names only (no policy written for this rule).',
    );
    expect(policyRules(alone.data as string)).toEqual([2, 3, 4, 6, 7, 8]);
  });

  it.skipIf(UNAVAILABLE)('stays exact with missing addresses and long names', () => {
    const longName = 'X'.repeat(100);
    const variants = [
      withAddress(DMZ_RELAY_NO_DEVICES, 'node2', undefined),
      withAddress(DMZ_RELAY_NO_DEVICES, 'exch', undefined),
      withHost(
        withHost(DMZ_RELAY_NO_DEVICES, 'node1', (h) => ({ ...h, name: `${longName}1` })),
        'node2',
        (h) => ({
          ...h,
          name: `${longName}2`,
        }),
      ),
    ];
    for (const plan of variants) expect(validate(plan, 'DMZ-RELAY')).toEqual(expectedTriples(plan));
  });

  it('does not write a rule whose two sides are any', () => {
    let plan = DMZ_RELAY_NO_DEVICES;
    for (const id of ['node1', 'node2', 'exch']) plan = withAddress(plan, id, 'any');
    const file = exportOf(plan);
    expect(file.notes).toContain(
      'Rule 1: both sides are any address; a policy from all to all would allow everything (no policy written for this rule).',
    );
    const text = file.data as string;
    expect(policyRules(text)).not.toContain(1);
    expect(policyRules(text).length).toBeGreaterThan(0);
    expect(text).toContain('    # Rule 1: both sides are any address');
    for (const p of parseFortios(text).flatMap((t) => (t.path === 'firewall policy' ? t.entries : []))) {
      const values = new Map(p.sets.map((s) => [s.attribute, s.values]));
      expect(values.get('srcaddr')?.includes('all') && values.get('dstaddr')?.includes('all')).not.toBe(true);
    }
  });

  it('cuts object names to 79 characters and resolves the clash', () => {
    const longName = 'X'.repeat(100);
    const plan = withHost(
      withHost(DMZ_RELAY_NO_DEVICES, 'node1', (h) => ({ ...h, name: `${longName}1` })),
      'node2',
      (h) => ({
        ...h,
        name: `${longName}2`,
      }),
    );
    const text = textOf(plan);
    // "DMZ-RELAY-" and 101 characters cut to 79; the second clashes and ends in "-2".
    expect(setOf(text, 'firewall addrgrp', 'DMZ-RELAY-DMZ-PROCESSING-NODES', 'member')).toEqual([
      `DMZ-RELAY-${'X'.repeat(69)}`,
      `DMZ-RELAY-${'X'.repeat(67)}-2`,
    ]);
    for (const t of parseFortios(text))
      for (const e of t.entries) expect(e.key.length).toBeLessThanOrEqual(MAX_OBJECT_NAME);
    expect(textOf(plan)).toBe(text);
  });

  it('quotes plan text safely: \\ and " escaped, line breaks made spaces', () => {
    expect(quote('a"b\\c\nd')).toBe('"a\\"b\\\\c d"');
    const [t] = parseFortios(
      `config firewall policy\n    edit 1\n        set comments ${quote('a"b\\c\nd')}\n    next\nend\n`,
    );
    expect(t!.entries[0]!.sets[0]!.values).toEqual(['a"b\\c d']);

    // A DNS name with a backslash and a quote would only reach the file as a quoted fqdn.
    const plan = {
      ...withHost(DMZ_RELAY_NO_DEVICES, 'exch', (h) => ({ ...h, name: 'EX"CH\\01\nNEW' })),
      name: 'Relay "north"\nline two',
    };
    const text = textOf(plan);
    expect(text.split('\n')[0]).toBe(
      '# FortiGate rules for "Relay "north" line two", generated by Portolan.',
    );
    const tables = parseFortios(text);
    const comments = tables
      .filter((x) => x.path === 'firewall policy')
      .flatMap((x) => x.entries)
      .map((e) => e.sets.find((s) => s.attribute === 'comments')!.values);
    for (const c of comments) expect(c).toHaveLength(1);
    for (const x of tables) for (const e of x.entries) expect(e.key).not.toMatch(/["\\\n]/);
  });

  it('keeps policy names within 35 characters and unique', () => {
    for (const [, plan] of ALL) {
      const names = parseFortios(textOf(plan))
        .filter((t) => t.path === 'firewall policy')
        .flatMap((t) => t.entries)
        .map((e) => e.sets.find((s) => s.attribute === 'name')!.values[0]!);
      for (const n of names) expect(n.length).toBeLessThanOrEqual(MAX_POLICY_NAME);
      expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    }
  });

  it.each(ALL)(
    '%s writes every policy as edit 0 with a unique name, and every created name with the prefix',
    (name, plan) => {
      const prefix = PREFIX[name]!;
      const text = textOf(plan);
      // The policy ids written: only 0, one per policy.
      const ids = policyIds(text);
      expect(ids.length).toBeGreaterThan(0);
      expect(new Set(ids)).toEqual(new Set(['0']));
      expect(text.match(/^ {4}edit \d+$/gm)).toEqual(ids.map(() => '    edit 0'));
      const tables = parseFortios(text);
      const policies = policiesByName(tables);
      expect(policies.size).toBe(ids.length);
      for (const policy of policies.keys()) {
        expect(policy.startsWith(`${prefix}-`), policy).toBe(true);
        expect(policy.length, policy).toBeLessThanOrEqual(MAX_POLICY_NAME);
      }
      const objects = tables
        .filter((t) => (OBJECT_TABLES as readonly string[]).includes(t.path))
        .flatMap((t) => t.entries.map((e) => e.key));
      expect(objects.length).toBeGreaterThan(0);
      for (const object of objects) expect(object.startsWith(`${prefix}-`), object).toBe(true);
      expect(text).toContain(`\n# Object prefix: ${prefix}. `);
    },
  );

  it.each(EXAMPLES)('%s creates no name equal to a host name of the plan', (_name, plan) => {
    const hosts = new Set(plan.hosts.map((h) => h.name.toLowerCase()));
    const created = createdNames(parseFortios(textOf(plan)));
    expect(created.length).toBeGreaterThan(0);
    expect(created.filter((n) => hosts.has(n.toLowerCase()))).toEqual([]);
  });

  it('steps around a host named like a created name, whatever the case', () => {
    // SQL01 renamed to what EXCH01's address object would be called.
    const plan = withHost(DMZ_RELAY_NO_DEVICES, 'sql', (h) => ({ ...h, name: 'dmz-relay-exch01' }));
    const text = textOf(plan);
    const created = createdNames(parseFortios(text));
    expect(created.filter((n) => n.toLowerCase() === 'dmz-relay-exch01')).toEqual([]);
    expect(created).toContain('DMZ-RELAY-EXCH01-2');
    expect(policySet(text, 'DMZ-RELAY-5-EXCH01-DMZ-PROCESSING', 'srcaddr')).toEqual(['DMZ-RELAY-EXCH01-2']);
  });
});

describe('FortiOS CLI parser', () => {
  const ok = 'config firewall address\n    edit "A"\n        set type ipmask\n    next\nend\n';
  const fails = (text: string, pattern: RegExp) => {
    expect(() => parseFortios(text)).toThrow(FortiosSyntaxError);
    expect(() => parseFortios(text)).toThrow(pattern);
  };

  it('reads blocks and # comment lines', () => {
    const tables = parseFortios(`# header\n#\n${ok}`);
    expect(tables).toEqual([
      {
        path: 'firewall address',
        line: 3,
        entries: [{ key: 'A', line: 4, sets: [{ attribute: 'type', values: ['ipmask'], line: 5 }] }],
      },
    ]);
  });

  it('rejects unbalanced blocks with the line number', () => {
    fails(`${ok}end\n`, /^line 6: end without config/);
    fails('config firewall address\n    edit "A"\n    next\n', /not closed by end/);
    fails('config firewall address\n    edit "A"\nend\n', /^line 3: end before next of edit A/);
    fails('config firewall address\n    edit "A"\n    edit "B"\n', /^line 3: edit before next/);
    fails('    edit "A"\n', /^line 1: edit outside config/);
    fails('config firewall address\n    set type ipmask\nend\n', /^line 2: set outside edit/);
    fails('config firewall address\n    next\nend\n', /^line 2: next without edit/);
  });

  it('rejects unknown statements and bad quoting', () => {
    fails(
      'config firewall address\n    edit "A"\n        unset type\n    next\nend\n',
      /^line 3: unknown statement unset/,
    );
    fails('config firewall address\n    edit "A\n    next\nend\n', /^line 2: unterminated/);
    fails('config firewall address\n    edit "A\\x"\n    next\nend\n', /^line 2: bad escape/);
    fails(
      'config firewall address\n    edit "A"B\n    next\nend\n',
      /^line 2: text right after a closing quote/,
    );
    fails('config firewall address\n    edit A"B"\n    next\nend\n', /^line 2: stray "/);
    fails(
      'config firewall address\n    edit "A"\n        set type ipmask\n        set type fqdn\n    next\nend\n',
      /set twice/,
    );
  });

  it.skipIf(UNAVAILABLE)('rejects what the FortiOS schema does not have', () => {
    const check = (text: string) => schemaProblems(parseFortios(text), schema());
    expect(check(ok)).toEqual([]);
    expect(
      check(
        'config firewall address\n    edit "A"\n        set subnett 10.0.0.1 255.255.255.255\n    next\nend\n',
      ),
    ).toEqual(['line 3: firewall address subnett: unknown attribute']);
    expect(check('config firewall policy\n    edit 1\n        set action allow\n    next\nend\n')[0]).toMatch(
      /^line 3: firewall policy action: allow is not one of accept, deny/,
    );
    expect(check('config firewall policy\n    edit one\n    next\nend\n')).toEqual([
      'line 2: edit one: policyid is an integer',
    ]);
    expect(check('config firewall addresses\n    edit "A"\n    next\nend\n')).toEqual([
      'line 1: unknown table config firewall addresses',
    ]);
    expect(
      check(`config firewall policy\n    edit 1\n        set name "${'n'.repeat(36)}"\n    next\nend\n`)[0],
    ).toMatch(/^line 3: name longer than 35 bytes/);
    expect(
      check('config firewall address\n    edit "A"\n        set type ipmask fqdn\n    next\nend\n'),
    ).toEqual(['line 3: firewall address type: takes one value']);
  });
});
