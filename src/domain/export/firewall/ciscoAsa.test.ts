/*
 * Cisco ASA export: golden files, and every output read back by the cisco.asa Ansible
 * collection's own parsers (Debian package `ansible`, run with /usr/bin/python3 through
 * asa_parse.py): access-lists by AclsTemplate, object-groups by OGsTemplate, and `object network`
 * blocks (which OGsTemplate does not read) by asa_parse.py's own small parse. The test resolves
 * the names back to addresses and ports, expands every permit line to (family, source, destination,
 * protocol/port) and compares with the same expansion of the grouped rules.
 *
 * Regenerate the golden files (then review the diff):
 *   UPDATE_GOLDEN=1 npx vitest run src/domain/export/firewall/ciscoAsa.test.ts
 *
 * The parser is lenient (an unknown word is skipped, not refused), so each parsed line is also
 * written back from its fields and must equal the file's line. What this does not prove: that a
 * real ASA accepts the file (no ASA image runs here), nor how it resolves fqdn objects.
 *
 * Every created name starts with the plan's object prefix, written here by hand ("Single server"
 * → SINGLE), never taken from the code under test; the file first clears exactly the access-lists
 * and removes exactly the object-groups the parser reads back from it.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deriveFlows } from '../../engine';
import type { GroupedRule } from '../../grouping';
import { SINGLE_SERVER } from '../../plan';
import type { Plan } from '../../plan';
import type { ExportInput } from '../types';
import { ASA_NAME_MAX, ASA_REMARK_MAX, asaRemark, exportCiscoAsa as ciscoAsaResult } from './ciscoAsa';
import { rulesFor } from './common';
import { HOSTILE } from './hostile.testing';
import {
  DMZ_RELAY_NO_DEVICES,
  EXAMPLE_PLANS,
  MIXED_RELAY,
  asFile,
  V6_SINGLE,
  expectGolden,
  skipsValidator,
  withAddress,
  PREFIXES,
} from './validators.testing';

const exportCiscoAsa = asFile(ciscoAsaResult);
const DATE = new Date('2026-03-02T10:00:00Z');
const PYTHON = '/usr/bin/python3';
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'asa_parse.py');

const input = (plan: Plan): ExportInput => ({
  plan,
  derivation: deriveFlows(plan),
  scope: { includeInternal: false },
  date: DATE,
});
const asa = (plan: Plan) => exportCiscoAsa(input(plan));
const data = (plan: Plan) => asa(plan).data as string;

/** Nodes of both families (one an IPv6 block), a DNS-name host and a host without an address. */
const DUAL_RELAY: Plan = withAddress(
  withAddress(withAddress(DMZ_RELAY_NO_DEVICES, 'node2', '2001:db8:2::/64'), 'exch', undefined),
  'am',
  'am01.corp.example.com',
);

const EXAMPLES: [string, Plan][] = [...EXAMPLE_PLANS, ['v6-single', V6_SINGLE], ['mixed-relay', MIXED_RELAY]];
const ALL: [string, Plan][] = [...EXAMPLES, ['dual-relay', DUAL_RELAY], ['hostile', HOSTILE]];

/** The object prefix of each plan, written by hand in validators.testing.ts. */
const PREFIX = PREFIXES;

/** The names the file creates, as the parser reads them back: objects, object-groups, access-lists. */
const createdNames = (parsed: Parsed) => [
  ...Object.keys(parsed.objects),
  ...Object.keys(parsed.ogs.ogs?.network ?? {}),
  ...Object.keys(parsed.ogs.ogs?.service ?? {}),
  ...Object.keys(parsed.acls.acls ?? {}),
];

// ---------- the validator ----------

const MISSING = (() => {
  const probe = spawnSync(PYTHON, ['-c', 'import ansible_collections.cisco.asa'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0)
    return `${PYTHON} cannot import ansible_collections.cisco.asa: apt-get install -y ansible`;
  return null;
})();
const UNAVAILABLE = skipsValidator('Cisco ASA validator', MISSING);

interface PortProtocol {
  eq?: number | string;
  range?: Record<string, unknown>;
}
interface AceSide {
  any?: boolean;
  object_group?: string;
  service_object_group?: string;
  port_protocol?: PortProtocol;
  [other: string]: unknown;
}
interface Ace {
  remark?: string;
  grant?: string;
  protocol?: string;
  source: AceSide;
  destination: AceSide;
  [other: string]: unknown;
}
interface Parsed {
  acls: { acls?: Record<string, { name: string; acl_type?: string; aces: Ace[] }> };
  ogs: {
    ogs?: {
      network?: Record<string, { object?: string[]; [other: string]: unknown }>;
      service?: Record<string, { protocol?: string; port_object?: PortProtocol[]; [other: string]: unknown }>;
    };
  };
  objects: Record<string, string[][]>;
}

function parse(text: string): Parsed {
  if (MISSING) throw new Error(`Cisco ASA validator missing: ${MISSING}`);
  const run = spawnSync(PYTHON, [SCRIPT], { input: text, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Parsed;
}

// ---------- addresses as canonical blocks ----------

function toBig(address: string): { family: 'ip' | 'ip6'; value: bigint } {
  if (!address.includes(':')) {
    const parts = address.split('.').map(Number);
    expect(parts.length).toBe(4);
    return { family: 'ip', value: parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n) };
  }
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const h = head ? head.split(':') : [];
  const t = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  expect(groups.length).toBe(8);
  return { family: 'ip6', value: groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n) };
}

interface Atom {
  family: 'ip' | 'ip6' | '*';
  value: string;
}

/** "ip:<network hex>/<len>": the block an address or CIDR covers. */
function block(address: string, len?: number): Atom {
  const { family, value } = toBig(address);
  const width = family === 'ip' ? 32 : 128;
  const bits = BigInt(width - (len ?? width));
  return { family, value: `${family}:${((value >> bits) << bits).toString(16)}/${len ?? width}` };
}

/** Prefix length of a dotted mask. */
const maskLength = (mask: string) => toBig(mask).value.toString(2).replace(/0+$/, '').length;

/** Pairs a packet can have: one side any, or both of one family. */
function triples(rule: number, sources: Atom[], destinations: Atom[], services: string[]): string[] {
  const out: string[] = [];
  for (const s of sources)
    for (const d of destinations) {
      if (s.family === '*' && d.family === '*') continue;
      const family = s.family === '*' ? d.family : s.family;
      if (d.family !== '*' && d.family !== family) continue;
      for (const svc of services) out.push(`${rule} ${family} ${s.value} ${d.value} ${svc}`);
    }
  return out;
}

// ---------- what the plan says ----------

/** Every packet class the grouped rules allow, from the grouping alone: DNS names in both families. */
function expectedTriples(rules: GroupedRule[]): string[] {
  const atoms = (addresses: string[]): Atom[] =>
    [...new Set(addresses)].flatMap((a): Atom[] => {
      if (a === 'any') return [{ family: '*', value: '*' }];
      if (a === '') return [];
      if (/^[0-9a-f.:]+(\/\d+)?$/i.test(a)) {
        const [addr, len] = a.split('/');
        return [block(addr!, len === undefined ? undefined : Number(len))];
      }
      return [
        { family: 'ip', value: `name:${a}` },
        { family: 'ip6', value: `name:${a}` },
      ];
    });
  const out = new Set<string>();
  for (const r of rules)
    for (const t of triples(
      r.number,
      atoms(r.source.addresses),
      atoms(r.destination.addresses),
      r.services.map((s) => `${s.protocol}/${s.port}`),
    ))
      out.add(t);
  return [...out].sort();
}

// ---------- what the parser read back ----------

function actualTriples(text: string, parsed: Parsed): { triples: string[]; aclOfRule: Map<number, string> } {
  const objects = new Map<string, Atom>();
  for (const [name, body] of Object.entries(parsed.objects)) {
    expect(body, name).toHaveLength(1);
    const [kind, a, b, ...rest] = body[0]!;
    expect(rest).toEqual([]);
    if (kind === 'host') objects.set(name, block(a!));
    else if (kind === 'subnet' && b !== undefined) {
      const atom = block(a!, maskLength(b));
      expect(atom.value.split('/')[0], 'network address is the block start').toBe(
        block(a!).value.split('/')[0],
      );
      objects.set(name, atom);
    } else if (kind === 'subnet') {
      const [addr, len] = a!.split('/');
      objects.set(name, block(addr!, Number(len)));
    } else if (kind === 'fqdn' && (a === 'v4' || a === 'v6'))
      objects.set(name, { family: a === 'v4' ? 'ip' : 'ip6', value: `name:${b!}` });
    else throw new Error(`unexpected object ${name}: ${JSON.stringify(body)}`);
  }
  const networks = parsed.ogs.ogs?.network ?? {};
  const groups = new Map<string, Atom[]>();
  for (const [name, g] of Object.entries(networks)) {
    expect(Object.keys(g).sort(), name).toEqual(['name', 'object', 'object_type']);
    groups.set(
      name,
      g.object!.map((o) => {
        expect(objects.has(o), o).toBe(true);
        return objects.get(o)!;
      }),
    );
  }
  const services = new Map<string, { protocol: string; ports: number[] }>();
  for (const [name, s] of Object.entries(parsed.ogs.ogs?.service ?? {})) {
    expect(Object.keys(s).sort(), name).toEqual(['name', 'object_type', 'port_object', 'protocol']);
    services.set(name, {
      protocol: s.protocol!,
      ports: s.port_object!.map((p) => {
        expect(Object.keys(p).sort()).toEqual(['eq', 'range']);
        expect(typeof p.eq).toBe('number');
        return p.eq as number;
      }),
    });
  }
  // Nothing defined and not used, nothing used and not defined.
  const usedGroups = new Set<string>();
  const usedServices = new Set<string>();

  const fileLines = text.split('\n').filter((l) => l.startsWith('access-list '));
  const acls = parsed.acls.acls ?? {};
  const parsedCount = Object.values(acls).reduce((n, a) => n + a.aces.length, 0);
  expect(parsedCount, 'every access-list line yields an entry').toBe(fileLines.length);

  const out: string[] = [];
  const aclOfRule = new Map<number, string>();
  const rebuilt: string[] = [];
  for (const [name, acl] of Object.entries(acls)) {
    expect(acl.acl_type).toBe('extended');
    expect(name.length).toBeLessThanOrEqual(ASA_NAME_MAX);
    let rule: number | undefined;
    for (const ace of acl.aces) {
      if (ace.remark !== undefined) {
        expect(Object.keys(ace).sort()).toEqual(['destination', 'remark', 'source']);
        rule = Number(/^Rule (\d+): /.exec(ace.remark)![1]);
        expect(aclOfRule.has(rule), `rule ${rule} has one remark`).toBe(false);
        aclOfRule.set(rule, name);
        rebuilt.push(`access-list ${name} remark ${ace.remark}`);
        continue;
      }
      expect(rule, 'a permit line follows its remark').toBeDefined();
      expect(Object.keys(ace).sort()).toEqual(['destination', 'grant', 'protocol', 'source']);
      expect(ace.grant).toBe('permit');
      expect(['tcp', 'udp']).toContain(ace.protocol);
      const side = (s: AceSide, role: 'source' | 'destination') => {
        // The parser's template tests `'host' in <field>` as a substring, so an object-group whose
        // name holds "host" also comes back as `host: <that name>`: the ASA itself reads tokens.
        // Only that exact echo is dropped; any other extra match still fails below.
        if (
          s.object_group !== undefined &&
          s.object_group.toLowerCase().includes('host') &&
          s.host === s.object_group
        )
          delete s.host;
        const keys = Object.keys(s).filter((k) => k !== 'port_protocol' && k !== 'service_object_group');
        expect(keys.length, `${role}: exactly one address match`).toBe(1);
        if (role === 'source') expect(s.port_protocol).toEqual({ range: {} });
        if (s.any === true) return { text: 'any', atoms: [{ family: '*', value: '*' }] as Atom[] };
        expect(groups.has(s.object_group!), s.object_group).toBe(true);
        usedGroups.add(s.object_group!);
        return { text: `object-group ${s.object_group!}`, atoms: groups.get(s.object_group!)! };
      };
      const src = side(ace.source, 'source');
      const dst = side(ace.destination, 'destination');
      let ports: number[];
      let portText: string;
      const svc = ace.destination.service_object_group;
      const { eq, ...restPort } = ace.destination.port_protocol ?? {};
      expect(restPort).toEqual({ range: {} });
      if (svc !== undefined) {
        expect(eq).toBeUndefined();
        expect(services.get(svc)?.protocol).toBe(ace.protocol);
        usedServices.add(svc);
        ports = services.get(svc)!.ports;
        portText = `object-group ${svc}`;
      } else {
        expect(typeof eq).toBe('number');
        ports = [eq as number];
        portText = `eq ${eq}`;
      }
      expect(src.text !== 'any' || dst.text !== 'any', 'never any to any').toBe(true);
      rebuilt.push(`access-list ${name} extended permit ${ace.protocol} ${src.text} ${dst.text} ${portText}`);
      const written = triples(
        rule!,
        src.atoms,
        dst.atoms,
        ports.map((p) => `${ace.protocol}/${p}`),
      );
      expect(written.length, 'a permit line some packet can match').toBeGreaterThan(0);
      out.push(...written);
    }
  }
  // The parser saw every word: each line written back from its fields is the file's line.
  for (const name of Object.keys(acls))
    expect(rebuilt.filter((l) => l.startsWith(`access-list ${name} `))).toEqual(
      fileLines.filter((l) => l.startsWith(`access-list ${name} `)),
    );
  expect(rebuilt.length).toBe(fileLines.length);
  expect([...usedGroups].sort()).toEqual([...groups.keys()].sort());
  expect([...usedServices].sort()).toEqual([...services.keys()].sort());
  const referenced = new Set(Object.values(networks).flatMap((g) => g.object ?? []));
  expect([...referenced].sort()).toEqual([...objects.keys()].sort());
  return { triples: [...new Set(out)].sort(), aclOfRule };
}

// ---------- the tests ----------

describe('Cisco ASA export', () => {
  it.each(EXAMPLES)('%s matches its golden file', (name, plan) => {
    const file = asa(plan);
    expect(file.filename).toBe(`${plan.name}-cisco-asa.txt`);
    expect(file.mime).toBe('text/plain;charset=utf-8');
    expectGolden(`${name}-cisco-asa.txt`, file.data as string);
  });

  it.skipIf(UNAVAILABLE).each(ALL)(
    '%s is read back by the cisco.asa parser as exactly the grouped rules',
    (_, plan) => {
      const text = data(plan);
      const { triples: actual, aclOfRule } = actualTriples(text, parse(text));
      expect(actual.length).toBeGreaterThan(0);
      const rules = rulesFor(input(plan)).rules;
      expect(actual).toEqual(expectedTriples(rules));
      // One list per source zone: rules share a list exactly when their sources share a zone.
      const zoneOfAcl = new Map<string, string>();
      for (const r of rules) {
        const acl = aclOfRule.get(r.number);
        if (acl === undefined) continue;
        const zone = r.sourceZone ?? '';
        expect(zoneOfAcl.get(acl) ?? zone).toBe(zone);
        zoneOfAcl.set(acl, zone);
      }
      expect(new Set(zoneOfAcl.values()).size).toBe(zoneOfAcl.size);
      for (const acl of zoneOfAcl.keys()) expect(text).toContain(`\n! access-group ${acl} in interface `);
    },
  );

  it.skipIf(UNAVAILABLE).each(ALL)(
    '%s first clears exactly its access-lists, then removes exactly its object-groups, then creates them',
    (_, plan) => {
      const text = data(plan);
      const parsed = parse(text);
      const acls = Object.keys(parsed.acls.acls ?? {});
      const networks = Object.keys(parsed.ogs.ogs?.network ?? {});
      const services = Object.keys(parsed.ogs.ogs?.service ?? {});
      expect(acls.length).toBeGreaterThan(0);
      expect(networks.length).toBeGreaterThan(0);
      const lines = text.split('\n');
      // The configuration lines: everything but `!` comments (and the final empty line).
      const config = lines.flatMap((line, index) =>
        line === '' || line.startsWith('!') ? [] : [{ line, index }],
      );
      const clears = config.slice(0, acls.length).map((c) => c.line);
      const removals = config.slice(acls.length, acls.length + networks.length + services.length);
      const rest = config.slice(acls.length + networks.length + services.length);
      // First: `clear configure access-list` for exactly the lists the parser reads back.
      expect(clears.map((l) => /^clear configure access-list (\S+)$/.exec(l)?.[1]).sort()).toEqual(
        [...acls].sort(),
      );
      // Then: `no object-group` for exactly the object-groups defined later, networks first.
      const removed = (kind: string, from: typeof removals) =>
        from.map((r) => new RegExp(`^no object-group ${kind} (\\S+)$`).exec(r.line)?.[1]).sort();
      expect(removed('network', removals.slice(0, networks.length))).toEqual([...networks].sort());
      expect(removed('service', removals.slice(networks.length))).toEqual([...services].sort());
      for (const r of removals) {
        const [, kind, group] = /^no object-group (network|service) (\S+)$/.exec(r.line)!;
        const definedAt = lines.findIndex((l) => l.startsWith(`object-group ${kind} ${group}`));
        expect(definedAt, `${group} is defined after its removal`).toBeGreaterThan(r.index);
      }
      // Then everything else, and never a clear or a removal again.
      expect(rest.length).toBeGreaterThan(0);
      expect(rest[0]!.line).toMatch(/^object network /);
      for (const r of rest) expect(r.line).not.toMatch(/^(clear|no) /);
    },
  );

  it.skipIf(UNAVAILABLE).each(ALL)(
    '%s starts every object, object-group and access-list name with the prefix',
    (name, plan) => {
      const prefix = PREFIX[name]!;
      const text = data(plan);
      expect(text).toContain(`\n! Object prefix: ${prefix}. `);
      const created = createdNames(parse(text));
      expect(created.length).toBeGreaterThan(3);
      for (const n of created) expect(n.startsWith(`${prefix}-`), n).toBe(true);
      // And every name a line makes or refers to, the commented access-group lines included.
      const named = text.split('\n').flatMap((line) => {
        const whole =
          /^(?:object network|object-group network|object-group service|clear configure access-list|no object-group network|no object-group service|! access-group|access-list| network-object object) (\S+)/.exec(
            line,
          );
        const refs = line.startsWith('access-list ')
          ? [...line.matchAll(/ object-group (\S+)/g)].map((m) => m[1]!)
          : [];
        return [...(whole ? [whole[1]!] : []), ...refs];
      });
      expect(named.length).toBeGreaterThan(created.length);
      for (const n of named) expect(n.startsWith(`${prefix}-`), n).toBe(true);
    },
  );

  it.skipIf(UNAVAILABLE).each(EXAMPLE_PLANS)(
    '%s creates no name equal to a host name of the plan',
    (_, plan) => {
      const hosts = new Set(plan.hosts.map((h) => h.name.toLowerCase()));
      const created = createdNames(parse(data(plan)));
      expect(created.length).toBeGreaterThan(0);
      expect(created.filter((n) => hosts.has(n.toLowerCase()))).toEqual([]);
    },
  );

  it.skipIf(UNAVAILABLE)('steps around a host named like a created name, whatever the case', () => {
    // SQL01 renamed to what EXCH01's object would be called.
    const renamed: Plan = {
      ...DMZ_RELAY_NO_DEVICES,
      hosts: DMZ_RELAY_NO_DEVICES.hosts.map((h) => (h.id === 'sql' ? { ...h, name: 'dmz-relay-exch01' } : h)),
    };
    const text = data(renamed);
    const created = createdNames(parse(text));
    expect(created.filter((n) => n.toLowerCase() === 'dmz-relay-exch01')).toEqual([]);
    expect(text).toContain('object network DMZ-RELAY-EXCH01-2\n host 10.0.1.25\n');
    expect(text).toContain(
      'object-group network DMZ-RELAY-GRP-EXCH01\n network-object object DMZ-RELAY-EXCH01-2\n',
    );
  });

  it('writes every note as a comment in the file, every comment and remark on one line, within limits', () => {
    for (const [, plan] of ALL) {
      const file = asa(plan);
      const text = file.data as string;
      for (const note of file.notes ?? []) expect(text).toContain(`\n! ${note}\n`);
      for (const line of text.split('\n')) {
        expect(line).toMatch(
          /^(!( .*)?|access-list \S+ (remark|extended permit) .*|object(-group)? .*| \S.*|clear configure access-list \S+|no object-group (network|service) \S+|)$/,
        );
        expect(line).toMatch(/^[\x20-\x7e]*$/);
        const remark = / remark (.*)$/.exec(line)?.[1];
        if (remark !== undefined) expect(remark.length).toBeLessThanOrEqual(ASA_REMARK_MAX);
        for (const [, name] of line.matchAll(
          /(?:^object(?:-group)? \S+ |object-group |object |^access-list |^clear configure access-list )(\S+)/g,
        )) {
          expect(name!.length).toBeLessThanOrEqual(ASA_NAME_MAX);
          expect(name).toMatch(/^[A-Za-z0-9._-]+$/);
        }
      }
    }
  });
});

describe('what the plan asks that the ASA writes differently or not at all', () => {
  it('matches a DNS name with an fqdn object, and adds fqdn v6 where the other side has IPv6', () => {
    const v4 = data(SINGLE_SERVER);
    expect(v4).toContain('object network SINGLE-www.marshal.com\n fqdn v4 www.marshal.com\n');
    expect(v4).not.toContain('fqdn v6');
    expect(v4).toContain(
      'access-list SINGLE-Internal-network-in extended permit tcp object-group SINGLE-GRP-SEG01 object-group SINGLE-GRP-WWW-MARSHAL-COM object-group SINGLE-TCP-80-443\n',
    );
    expect(asa(SINGLE_SERVER).notes).toBeUndefined();
    const v6 = data(V6_SINGLE);
    expect(v6).toContain('object network SINGLE-www.marshal.com_v6\n fqdn v6 www.marshal.com\n');
    expect(v6).toContain(
      'object-group network SINGLE-GRP-WWW-MARSHAL-COM\n network-object object SINGLE-www.marshal.com\n network-object object SINGLE-www.marshal.com_v6\n',
    );
  });

  it('notes a host without an address, marks it at the rule, and never widens the rule', () => {
    const file = asa(DUAL_RELAY);
    const text = file.data as string;
    const notes = (file.notes ?? []).filter((n) => n.includes('EXCH01 has no address'));
    expect(notes).toEqual([
      'Rule 1: destination EXCH01: EXCH01 has no address, and an ACL matches addresses (no access-list line written for this rule).',
      'Rule 5: source EXCH01: EXCH01 has no address, and an ACL matches addresses (no access-list line written for this rule).',
    ]);
    expect(text).toContain(
      `\n! Rule 1: DMZ-PROCESSING-NODES -> EXCH01, SMTP mail transfer (Trustwave KB 10905)\n! ${notes[0]}\n`,
    );
    expect(text).toContain(`\n! ${notes[1]}\n`);
    expect(text).not.toMatch(/ remark Rule [15]: /);
    expect(text).not.toContain('EXCH01\n');
    // Only the Internet side is ever any, and never both.
    for (const line of text.split('\n').filter((l) => l.includes(' permit ')))
      expect(line).toMatch(
        /permit (tcp|udp) object-group \S+ (any|object-group \S+) |permit tcp any object-group DMZ-RELAY-GRP-DMZ-PROCESSING-NODES eq 25$/,
      );
  });

  it('matches a DNS-name host with fqdn objects of both families where it meets IPv6', () => {
    const text = data(DUAL_RELAY);
    expect(text).toContain(
      'object network DMZ-RELAY-am01.corp.example.com\n fqdn v4 am01.corp.example.com\nobject network DMZ-RELAY-am01.corp.example.com_v6\n fqdn v6 am01.corp.example.com\n',
    );
    expect(text).toContain(
      'access-list DMZ-RELAY-DMZ-in extended permit tcp object-group DMZ-RELAY-GRP-DMZ-PROCESSING-NODES object-group DMZ-RELAY-GRP-SEG-AM01 eq 19001\n',
    );
  });

  it('does not write a rule with any on both sides, and says so', () => {
    const plan: Plan = {
      ...SINGLE_SERVER,
      hosts: SINGLE_SERVER.hosts.map((h) => (h.id === 'seg01' ? { ...h, address: 'any' } : h)),
    };
    const file = asa(plan);
    const text = file.data as string;
    const notes = (file.notes ?? []).filter((n) => n.includes('both sides are any'));
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) {
      expect(text).toContain(`\n! ${n}\n`);
      const rule = /^Rule (\d+):/.exec(n)![1];
      expect(text).not.toMatch(new RegExp(` remark Rule ${rule}: `));
    }
    expect(text).not.toMatch(/permit \S+ any any/);
  });

  it('says which members of one family cannot reach the other family', () => {
    const file = asa(MIXED_RELAY);
    expect(file.notes).toEqual([
      'Rule 1: IPv4 sources (SEG-NODE01 (192.0.2.11), SEG-NODE02 (192.0.2.12)) cannot reach the IPv6 destinations (EXCH01 (2001:db8::25)): no rule passes a packet from one address family to the other (no access-list line written for this rule).',
      'Rule 5: IPv6 sources (EXCH01 (2001:db8::25)) cannot reach the IPv4 destinations (SEG-NODE01 (192.0.2.11), SEG-NODE02 (192.0.2.12)): no rule passes a packet from one address family to the other (no access-list line written for this rule).',
    ]);
    const dual = asa(DUAL_RELAY);
    expect(dual.notes).toContain(
      'Rule 2: IPv6 sources (SEG-NODE02 (2001:db8:2::/64)) cannot reach the IPv4 destinations (DC01 (10.0.0.2)): no rule passes a packet from one address family to the other (left out of this rule).',
    );
    expect(dual.data).toContain('object network DMZ-RELAY-SEG-NODE02\n subnet 2001:db8:2::/64\n');
    const relay = asa(withAddress(DMZ_RELAY_NO_DEVICES, 'dc', '2001:db8::2'));
    expect(relay.notes).toContain(
      'Rule 2: IPv4 sources (SEG-NODE01 (192.0.2.11), SEG-NODE02 (192.0.2.12)) cannot reach the IPv6 destinations (DC01 (2001:db8::2)): no rule passes a packet from one address family to the other (no access-list line written for this rule).',
    );
  });

  it('writes IPv4 blocks with a mask from their network address', () => {
    const plan = withAddress(DMZ_RELAY_NO_DEVICES, 'exch', '10.0.1.25/23');
    expect(data(plan)).toContain('object network DMZ-RELAY-EXCH01\n subnet 10.0.0.0 255.255.254.0\n');
  });
});

describe('names and text from the plan', () => {
  const long = 'N'.repeat(80);
  const plan: Plan = {
    ...DMZ_RELAY_NO_DEVICES,
    name: 'Plan\nwith a break',
    changeRequest: { ticket: 'CHG-1\naccess-list X extended permit ip any any' },
    zones: DMZ_RELAY_NO_DEVICES.zones.map((z) => ({ ...z, name: `${long} ${z.id}` })),
    hosts: DMZ_RELAY_NO_DEVICES.hosts.map((h) =>
      h.id === 'node1' || h.id === 'node2'
        ? { ...h, name: `${long}${h.id}` }
        : h.id === 'exch'
          ? { ...h, name: 'Ëxch\n01 "x"' }
          : h,
    ),
  };

  it('cuts names to 64 characters, keeps them apart, and keeps plan text on its comment line', () => {
    const file = asa(plan);
    const text = file.data as string;
    // Prefix "Plan with a break" → PLAN-WITH-A (12 characters would end inside BREAK). One namer
    // for every name, in the order they are made: the DMZ zone's list first ("PLAN-WITH-A-" and
    // 52 N: no word ends in the second half), then the two nodes, which clash with it (-2, -3),
    // then the second zone's list (-4).
    const cut = `PLAN-WITH-A-${'N'.repeat(52)}`;
    const clash = (n: number) => `PLAN-WITH-A-${'N'.repeat(50)}-${n}`;
    expect(cut.length).toBe(ASA_NAME_MAX);
    expect(clash(2).length).toBe(ASA_NAME_MAX);
    expect(text).toContain(`object network ${clash(2)}\n host 192.0.2.11\n`);
    expect(text).toContain(`object network ${clash(3)}\n host 192.0.2.12\n`);
    expect(text).toContain('object network PLAN-WITH-A-Exch-01-x\n');
    const acls = [...new Set([...text.matchAll(/^access-list (\S+) /gm)].map((m) => m[1]!))];
    expect(acls).toEqual([cut, clash(4), 'PLAN-WITH-A-outside-in']);
    expect(text.startsWith('! Cisco ASA rules for "Plan with a break", generated by Portolan.\n')).toBe(true);
    expect(text).toContain('\n! Change request: CHG-1 access-list X extended permit ip any any.\n');
    expect(text.split('\n').filter((l) => l.startsWith('access-list X'))).toEqual([]);
  });

  it('keeps a remark within 100 characters, marking the cut', () => {
    const rule = rulesFor(input(DMZ_RELAY_NO_DEVICES)).rules[0]!;
    const remark = asaRemark({ ...rule, justification: `Ünïcödé\n${'x'.repeat(300)}` });
    expect(remark.length).toBe(ASA_REMARK_MAX);
    expect(remark).toMatch(/^Rule 1: DMZ-PROCESSING-NODES -> EXCH01, Unicode x+\.\.\.$/);
    for (const [, p] of ALL)
      for (const r of rulesFor(input(p)).rules) expect(asaRemark(r).length).toBeLessThanOrEqual(100);
  });

  it.skipIf(UNAVAILABLE)('is still read back exactly when names are long and odd', () => {
    const text = data(plan);
    expect(actualTriples(text, parse(text)).triples).toEqual(expectedTriples(rulesFor(input(plan)).rules));
  });
});
