/*
 * PAN-OS set commands: golden files, a grammar of our own for the command shapes the exporter
 * writes (there is no PAN-OS parser to run here), and the rules read back through that grammar,
 * expanded to (zones, source, destination, service) tuples and compared with the grouped rules.
 *
 * What the grammar proves: every line is a comment, blank, or one of the known `set` shapes with
 * the right keywords in the right places; brackets and quotes close; names are within PAN-OS's
 * characters and lengths; every address, group, service and zone a line uses is defined (or, for
 * zones, listed in the header) before it; nothing is defined twice; `rule-type` is interzone or
 * intrazone, intrazone only from a zone to itself, interzone never from a zone to itself. What it does not prove: that
 * PAN-OS accepts the lines (the shapes are written from Palo Alto's documentation and examples,
 * not checked by a vendor parser), nor where the rules land in an existing rulebase.
 *
 * Regenerate the golden files (then review the diff):
 *   UPDATE_GOLDEN=1 npx vitest run src/domain/export/firewall/panos.test.ts
 */
import { describe, expect, it } from 'vitest';
import { testPlan } from '../../plan/plan.testing';
import { deriveFlows } from '../../engine';
import { isHostname, isIPv4, isIPv6 } from '../../plan';
import { SINGLE_SERVER } from '../../plan';
import type { Plan } from '../../plan';
import type { ExportInput } from '../types';
import { oneLine, rulesFor } from './common';
import { visibleText } from '../../text';
import {
  DESCRIPTION_MAX,
  description,
  exportPanos as panosResult,
  OBJECT_NAME_MAX,
  RULE_NAME_MAX,
  ZONE_NAME_MAX,
} from './panos';
import { HOSTILE as SHARED_HOSTILE, fileStemOf } from './hostile.testing';
import {
  DMZ_RELAY_NO_DEVICES,
  EXAMPLE_PLANS,
  MIXED_RELAY,
  PREFIXES,
  V6_SINGLE,
  asFile,
  expectGolden,
} from './validators.testing';

const exportPanos = asFile(panosResult);

const DATE = new Date('2026-03-02T10:00:00Z');

const input = (plan: Plan, includeInternal = false): ExportInput => ({
  plan,
  derivation: deriveFlows(plan),
  scope: { includeInternal },
  date: DATE,
});
const exportOf = (plan: Plan, includeInternal = false) => exportPanos(input(plan, includeInternal));

const EXAMPLES: [string, Plan][] = [
  ...EXAMPLE_PLANS,
  ['v6-single', V6_SINGLE],
  ['mixed-relay', MIXED_RELAY],
  ['hostile', SHARED_HOSTILE],
];

// ---------- the grammar ----------

type Token =
  { kind: 'word'; text: string } | { kind: 'open' } | { kind: 'close' } | { kind: 'quoted'; text: string };

function tokenize(line: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ') {
      i++;
      continue;
    }
    if (c === '"') {
      const end = line.indexOf('"', i + 1);
      if (end < 0) throw new Error('unclosed quote');
      out.push({ kind: 'quoted', text: line.slice(i + 1, end) });
      i = end + 1;
      if (i < line.length && line[i] !== ' ') throw new Error('text straight after a closing quote');
      continue;
    }
    if (c === '[' || c === ']') {
      out.push({ kind: c === '[' ? 'open' : 'close' });
      i++;
      if (i < line.length && line[i] !== ' ') throw new Error(`text straight after ${c}`);
      continue;
    }
    let end = i;
    while (end < line.length && !' "[]'.includes(line[end]!)) end++;
    out.push({ kind: 'word', text: line.slice(i, end) });
    i = end;
  }
  return out;
}

/** A value: one word, or `[ word… ]` with at least one word. */
function value(tokens: Token[], at: number): { values: string[]; next: number } {
  const t = tokens[at];
  if (t?.kind === 'word') return { values: [t.text], next: at + 1 };
  if (t?.kind !== 'open') throw new Error(`a value expected at token ${at}`);
  const values: string[] = [];
  let i = at + 1;
  for (; tokens[i]?.kind === 'word'; i++) values.push((tokens[i] as { text: string }).text);
  if (tokens[i]?.kind !== 'close') throw new Error('[ without ]');
  if (values.length === 0) throw new Error('empty [ ]');
  return { values, next: i + 1 };
}

const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
/** Words PAN-OS reads as keywords where a name goes, written from Palo Alto's documentation. */
const RESERVED = new Set([
  'any',
  'all',
  'none',
  'default',
  'select',
  'multicast',
  'application-default',
  'service-http',
  'service-https',
]);

function checkName(name: string, max: number, what: string) {
  if (!NAME.test(name))
    throw new Error(`${what} name ${JSON.stringify(name)}: characters PAN-OS does not take`);
  if (name.length > max) throw new Error(`${what} name ${name}: longer than ${max}`);
  if (RESERVED.has(name.toLowerCase())) throw new Error(`${what} name ${name} is reserved`);
}

function checkNetmask(v: string) {
  const [address = '', prefix = '', ...more] = v.split('/');
  const v4 = isIPv4(address);
  if (more.length > 0 || (!v4 && !isIPv6(address))) throw new Error(`not an ip-netmask: ${v}`);
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > (v4 ? 32 : 128)) throw new Error(`bad prefix: ${v}`);
}

interface Rule {
  name: string;
  /** `rule-type`: interzone, intrazone, or absent (universal). */
  type: string | undefined;
  from: string[];
  to: string[];
  source: string[];
  destination: string[];
  service: string[];
  description: string;
}

interface Config {
  addresses: Map<string, string>;
  groups: Map<string, string[]>;
  services: Map<string, { protocol: string; ports: number[] }>;
  rules: Rule[];
  /** Firewall zone name → plan zone name, from the header. */
  zones: Map<string, string>;
}

const RULE_KEYS = [
  'from',
  'to',
  'rule-type',
  'source',
  'destination',
  'source-user',
  'category',
  'application',
  'service',
  'action',
  'description',
];

/** Reads the file the way the grammar allows, or throws naming the line. */
function parsePanos(text: string): Config {
  const config: Config = {
    addresses: new Map(),
    groups: new Map(),
    services: new Map(),
    rules: [],
    zones: new Map(),
  };
  const ruleNames = new Set<string>();
  const defined = (name: string) => {
    const lower = name.toLowerCase();
    return [...config.addresses.keys(), ...config.groups.keys(), ...config.services.keys()].some(
      (n) => n.toLowerCase() === lower,
    );
  };
  if (!text.endsWith('\n')) throw new Error('no final line break');
  text
    .slice(0, -1)
    .split('\n')
    .forEach((line, i) => {
      try {
        if (line === '') return;
        if (line.startsWith('#')) {
          const zone = /^# {3}(\S+) \(plan zone "(.*)"\)$/.exec(line);
          if (zone) config.zones.set(zone[1]!, zone[2]!);
          return;
        }
        const t = tokenize(line);
        const words = t.map((x) => (x.kind === 'word' ? x.text : x.kind));
        if (words[0] !== 'set') throw new Error('not a set command');
        const name = words[1] === 'rulebase' ? words[4] : words[2];
        if (name === undefined || t[words[1] === 'rulebase' ? 4 : 2]?.kind !== 'word')
          throw new Error('no name');
        if (words[1] === 'address') {
          checkName(name, OBJECT_NAME_MAX, 'address');
          if (defined(name)) throw new Error(`${name} defined twice`);
          if (t.length !== 5 || t[4]!.kind !== 'word') throw new Error('address NAME TYPE VALUE expected');
          if (words[3] === 'ip-netmask') checkNetmask(words[4]!);
          else if (words[3] === 'fqdn') {
            if (!isHostname(words[4]!)) throw new Error(`not a DNS name: ${words[4]}`);
          } else throw new Error(`address type ${words[3]}`);
          config.addresses.set(name, `${words[3]} ${words[4]}`);
        } else if (words[1] === 'address-group') {
          checkName(name, OBJECT_NAME_MAX, 'address group');
          if (defined(name)) throw new Error(`${name} defined twice`);
          if (words[3] !== 'static') throw new Error('static expected');
          const { values, next } = value(t, 4);
          if (next !== t.length) throw new Error('text after the members');
          for (const v of values)
            if (!config.addresses.has(v) && !config.groups.has(v)) throw new Error(`${v} not defined`);
          if (new Set(values).size !== values.length) throw new Error('a member twice');
          config.groups.set(name, values);
        } else if (words[1] === 'service') {
          checkName(name, OBJECT_NAME_MAX, 'service');
          if (defined(name)) throw new Error(`${name} defined twice`);
          if (t.length !== 7 || words[3] !== 'protocol' || words[5] !== 'port')
            throw new Error('service NAME protocol P port LIST expected');
          if (words[4] !== 'tcp' && words[4] !== 'udp') throw new Error(`protocol ${words[4]}`);
          const ports = words[6]!.split(',').map((p) => {
            if (!/^[1-9]\d{0,4}$/.test(p) || Number(p) > 65535) throw new Error(`port ${p}`);
            return Number(p);
          });
          config.services.set(name, { protocol: words[4], ports });
        } else if (words[1] === 'rulebase') {
          if (words[2] !== 'security' || words[3] !== 'rules')
            throw new Error('rulebase security rules expected');
          checkName(name, RULE_NAME_MAX, 'rule');
          if (ruleNames.has(name.toLowerCase())) throw new Error(`rule ${name} twice`);
          ruleNames.add(name.toLowerCase());
          const fields = new Map<string, string[]>();
          let description: string | undefined;
          for (let at = 5; at < t.length;) {
            const key = t[at];
            if (key?.kind !== 'word' || !RULE_KEYS.includes(key.text))
              throw new Error(`unknown rule keyword at ${at}`);
            if (fields.has(key.text) || (key.text === 'description' && description !== undefined))
              throw new Error(`${key.text} twice`);
            if (key.text === 'description') {
              const d = t[at + 1];
              if (d?.kind !== 'quoted') throw new Error('description must be quoted');
              description = d.text;
              at += 2;
              continue;
            }
            const v = value(t, at + 1);
            fields.set(key.text, v.values);
            at = v.next;
          }
          for (const k of RULE_KEYS.filter((k) => k !== 'description' && k !== 'rule-type'))
            if (!fields.has(k)) throw new Error(`rule without ${k}`);
          if (description === undefined) throw new Error('rule without description');
          if (description.length > DESCRIPTION_MAX) throw new Error('description too long');
          for (const k of ['source-user', 'category', 'application'])
            expect(fields.get(k), k).toEqual(['any']);
          expect(fields.get('action')).toEqual(['allow']);
          for (const k of ['from', 'to'] as const)
            for (const z of fields.get(k)!) {
              if (z === 'any') continue;
              checkName(z, ZONE_NAME_MAX, 'zone');
              if (!config.zones.has(z)) throw new Error(`zone ${z} not listed in the header`);
            }
          for (const k of ['source', 'destination'] as const) {
            const v = fields.get(k)!;
            if (v.includes('any') && v.length > 1) throw new Error(`${k}: any among others`);
            for (const a of v)
              if (a !== 'any' && !config.addresses.has(a) && !config.groups.has(a))
                throw new Error(`${a} not defined`);
          }
          if (fields.get('source')![0] === 'any' && fields.get('destination')![0] === 'any')
            throw new Error('any on both sides');
          const type = fields.get('rule-type');
          if (type !== undefined) {
            if (type.length !== 1 || (type[0] !== 'interzone' && type[0] !== 'intrazone'))
              throw new Error(`rule-type ${type.join(' ')}: interzone or intrazone expected`);
            const [from, to] = [fields.get('from')!, fields.get('to')!];
            const oneZone = from.length === 1 && to.length === 1 && from[0] === to[0];
            if (type[0] === 'intrazone' && !oneZone) throw new Error('intrazone between different zones');
            if (type[0] === 'interzone' && oneZone && from[0] !== 'any')
              throw new Error('interzone from a zone to itself: it can never match');
          }
          for (const s of fields.get('service')!)
            if (!config.services.has(s)) throw new Error(`service ${s} not defined`);
          config.rules.push({
            name,
            type: type?.[0],
            from: fields.get('from')!,
            to: fields.get('to')!,
            source: fields.get('source')!,
            destination: fields.get('destination')!,
            service: fields.get('service')!,
            description,
          });
        } else throw new Error(`unknown command set ${words[1]}`);
      } catch (e) {
        throw new Error(`line ${i + 1}: ${(e as Error).message}\n${line}`, { cause: e });
      }
    });
  return config;
}

// ---------- the tuples ----------

/** The families a packet to or from an atom can have: an IPv4 or IPv6 block, or both (any, a DNS name). */
function atomFamilies(atom: string): string[] {
  if (atom === '*' || !/^[\d.:a-fA-F]+\/\d+$/.test(atom)) return ['ipv4', 'ipv6'];
  return [atom.includes(':') ? 'ipv6' : 'ipv4'];
}

/** Whether a packet can go from `s` to `d`: a packet keeps its family. */
const sameFamily = (s: string, d: string) => atomFamilies(s).some((f) => atomFamilies(d).includes(f));

/**
 * "FROM>TO[ TYPE] SOURCE DESTINATION proto/port" for every packet class the rules allow, read back
 * (a source and destination of different families match no packet and are left out).
 */
function actualTuples(config: Config): string[] {
  const resolve = (name: string, seen: string[] = []): string[] => {
    if (name === 'any') return ['*'];
    if (seen.includes(name)) throw new Error(`group loop at ${name}`);
    const a = config.addresses.get(name);
    if (a !== undefined) return [a.startsWith('fqdn ') ? a.slice(5) : a.slice('ip-netmask '.length)];
    return config.groups.get(name)!.flatMap((m) => resolve(m, [...seen, name]));
  };
  const out = new Set<string>();
  for (const r of config.rules)
    for (const from of r.from)
      for (const to of r.to)
        for (const s of r.source.flatMap((x) => resolve(x)))
          for (const d of r.destination.flatMap((x) => resolve(x)))
            for (const svc of r.service) {
              if (!sameFamily(s, d)) continue;
              const { protocol, ports } = config.services.get(svc)!;
              const zones = `${from === 'any' ? '*' : config.zones.get(from)}>${to === 'any' ? '*' : config.zones.get(to)}`;
              for (const port of ports)
                out.add(`${zones}${r.type ? ` ${r.type}` : ''} ${s} ${d} ${protocol}/${port}`);
            }
  return [...out].sort();
}

/**
 * The same, from the grouped rules: what the plan says, for the members PAN-OS can name. The rule
 * type is what the plan's zones say: interzone where they differ (or one side is in none),
 * intrazone where they are the same, none when neither side is in a zone.
 */
function expectedTuples(plan: Plan, includeInternal = false): string[] {
  const zone = (id: string | undefined) => plan.zones.find((z) => z.id === id);
  const zoneName = (id: string | undefined) => (zone(id) ? oneLine(visibleText(zone(id)!.name)) : '*');
  const atoms = (addresses: string[]) =>
    addresses.includes('any')
      ? ['*']
      : addresses.flatMap((a) => {
          if (isIPv4(a)) return [`${a}/32`];
          if (isIPv6(a)) return [`${a}/128`];
          if (a.includes('/')) return [a];
          return isHostname(a) ? [a] : [];
        });
  const out = new Set<string>();
  for (const rule of rulesFor(input(plan, includeInternal)).rules) {
    const sources = atoms(rule.source.addresses);
    const destinations = atoms(rule.destination.addresses);
    if (sources[0] === '*' && destinations[0] === '*') continue;
    const { sourceZone: a, destinationZone: b } = rule;
    const type = a === undefined && b === undefined ? '' : a === b ? ' intrazone' : ' interzone';
    for (const s of sources)
      for (const d of destinations)
        for (const svc of rule.services)
          if (sameFamily(s, d))
            out.add(
              `${zoneName(rule.sourceZone)}>${zoneName(rule.destinationZone)}${type} ${s} ${d} ${svc.protocol}/${svc.port}`,
            );
  }
  return [...out].sort();
}

// ---------- names ----------

/** Every name the file creates: addresses, address groups, services and rules. */
const createdNames = (config: Config) => [
  ...config.addresses.keys(),
  ...config.groups.keys(),
  ...config.services.keys(),
  ...config.rules.map((r) => r.name),
];

/** The created names that are a host's name too, whatever the case. */
const hostNameClashes = (plan: Plan, config: Config) => {
  const hosts = new Set(plan.hosts.map((h) => h.name.toLowerCase()));
  return createdNames(config).filter((n) => hosts.has(n.toLowerCase()));
};

/** The grouped rule a written rule comes from, by the number its description starts with. */
const ruleNumber = (rule: Rule) => Number(/^Rule (\d+): /.exec(rule.description)![1]);

/**
 * What a rule's name must be: `<prefix>-R<n>-<source group>-<destination group>`, whole when it
 * fits in 63 characters, else cut after a whole word in the second half of the 63.
 */
function expectRuleName(name: string, full: string) {
  expect(name.length).toBeLessThanOrEqual(RULE_NAME_MAX);
  if (full.length <= RULE_NAME_MAX) {
    expect(name).toBe(full);
    return;
  }
  expect(full.startsWith(name), `${name} is not the start of ${full}`).toBe(true);
  expect('-_.', `${name} cuts ${full} inside a word`).toContain(full[name.length]);
  expect(name.length).toBeGreaterThanOrEqual(RULE_NAME_MAX / 2);
}

// ---------- the tests ----------

describe.each(EXAMPLES)('PAN-OS export of %s', (name, plan) => {
  const file = exportOf(plan);
  const text = file.data as string;

  it('is named after the plan and matches its golden file', () => {
    expect(file.filename).toBe(`${fileStemOf(plan)}-panos.txt`);
    expect(file.mime).toBe('text/plain;charset=utf-8');
    expectGolden(`${name}-panos.txt`, text);
  });

  it('follows the grammar and allows exactly the grouped rules', () => {
    const config = parsePanos(text);
    expect(config.rules.length).toBeGreaterThan(0);
    const actual = actualTuples(config);
    expect(actual).toEqual(expectedTuples(plan));
  });

  it('says it is not verified by a vendor parser, and how to paste only the commands', () => {
    expect(text).toContain('# NOT VERIFIED BY A VENDOR PARSER');
    expect(text).toContain("#   grep '^set ' FILE\n");
    for (const line of text.split('\n'))
      expect(line === '' || line.startsWith('#') || line.startsWith('set ')).toBe(true);
    for (const note of file.notes ?? []) expect(text).toContain(`# NOT WRITTEN: ${note}\n`);
  });

  it('starts every created name with the plan prefix, and names no host and no keyword', () => {
    const prefix = PREFIXES[name]!;
    expect(text).toContain(`# Object prefix: ${prefix}. `);
    const config = parsePanos(text);
    for (const n of createdNames(config)) {
      expect(n.startsWith(`${prefix}-`), n).toBe(true);
      expect(RESERVED.has(n.toLowerCase()), n).toBe(false);
    }
    expect(hostNameClashes(plan, config)).toEqual([]);
  });

  it('names each rule after its number and groups, cut at a word within 63 characters', () => {
    const grouped = new Map(rulesFor(input(plan)).rules.map((r) => [r.number, r]));
    for (const rule of parsePanos(text).rules) {
      const g = grouped.get(ruleNumber(rule))!;
      expectRuleName(rule.name, `${PREFIXES[name]}-R${g.number}-${g.source.name}-${g.destination.name}`);
    }
  });
});

describe('PAN-OS export', () => {
  it('with flows inside a zone as well, still allows exactly the grouped rules', () => {
    for (const [, plan] of EXAMPLES) {
      const config = parsePanos(exportOf(plan, true).data as string);
      expect(actualTuples(config)).toEqual(expectedTuples(plan, true));
    }
  });

  it('writes the DNS name as an fqdn object and IPv6 as a /128, with nothing left out', () => {
    const single = exportOf(SINGLE_SERVER);
    // No notes at all: the exporter leaves `notes` out when there are none.
    expect(single.notes).toBeUndefined();
    expect(single.data).toContain('set address SINGLE-WWW-MARSHAL-COM fqdn www.marshal.com\n');
    const v6 = exportOf(V6_SINGLE).data as string;
    expect(v6).toContain('set address SINGLE-SEG01 ip-netmask 2001:db8:1::10/128\n');
    const mixed = exportOf(MIXED_RELAY).data as string;
    expect(mixed).toContain('set address DMZ-RELAY-EXCH01 ip-netmask 2001:db8::25/128\n');
    // The v4 nodes and the v6-only Exchange server share no family: no rule between them.
    expect(mixed).not.toMatch(/source DMZ-RELAY-DMZ-PROCESSING-NODES destination DMZ-RELAY-EXCH01 /);
    expect(mixed).not.toMatch(/source DMZ-RELAY-EXCH01 /);
  });

  it('uses any only for the Internet side, and the plan zones on the others', () => {
    const text = exportOf(DMZ_RELAY_NO_DEVICES).data as string;
    expect(text).toContain(
      'set rulebase security rules DMZ-RELAY-R8-Internet-DMZ-PROCESSING-NODES from any to DMZ rule-type interzone source any destination DMZ-RELAY-DMZ-PROCESSING-NODES ',
    );
    expect(text).toContain('#   Internal-network (plan zone "Internal network")\n');
    expect(text.match(/ source any /g)).toHaveLength(1);
    expect(text.match(/ destination any /g)).toHaveLength(1);
  });
});

// ---------- reserved words, host names, rule types, long names, families ----------

/**
 * The DMZ relay with `any` everywhere a name goes: the DMZ zone, the first node and the node group
 * (renamed in the plan) are all called `any`, and the SQL server is called "Dmz-Relay-Dc01", the
 * name DC01's address object would get in another case.
 */
const ANY_PLAN: Plan = {
  ...DMZ_RELAY_NO_DEVICES,
  zones: DMZ_RELAY_NO_DEVICES.zones.map((z) => (z.id === 'dmz' ? { ...z, name: 'any' } : z)),
  hosts: DMZ_RELAY_NO_DEVICES.hosts.map((h) =>
    h.id === 'node1' ? { ...h, name: 'any' } : h.id === 'sql' ? { ...h, name: 'Dmz-Relay-Dc01' } : h,
  ),
  groupNames: { 'node1,node2': 'any' },
};

describe('a plan that names a zone, a host and a group any', () => {
  const text = exportOf(ANY_PLAN).data as string;
  const inside = exportOf(ANY_PLAN, true).data as string;

  it('renames the node group as the plan says (the test is about something)', () => {
    const nodes = rulesFor(input(ANY_PLAN)).groups.find((g) => g.key === 'node1,node2');
    expect(nodes?.name).toBe('any');
  });

  it('writes any only for the Internet, in zones and in addresses', () => {
    for (const t of [text, inside]) {
      const config = parsePanos(t);
      expect(actualTuples(config)).toEqual(expectedTuples(ANY_PLAN, t === inside));
      const grouped = new Map(rulesFor(input(ANY_PLAN, t === inside)).rules.map((r) => [r.number, r]));
      const internet = (ids: string[]) =>
        ids.every((id) => {
          const host = ANY_PLAN.hosts.find((h) => h.id === id)!;
          return host.roles.includes('internet') && host.zone === undefined;
        });
      let anyZones = 0;
      for (const rule of config.rules) {
        const g = grouped.get(ruleNumber(rule))!;
        if (rule.from.includes('any')) expect(internet(g.source.hostIds), rule.name).toBe(true);
        if (rule.to.includes('any')) expect(internet(g.destination.hostIds), rule.name).toBe(true);
        if (rule.source.includes('any')) expect(g.source.addresses).toEqual(['any']);
        if (rule.destination.includes('any')) expect(g.destination.addresses).toEqual(['any']);
        anyZones += Number(rule.from.includes('any')) + Number(rule.to.includes('any'));
      }
      // Rules 4 and 7 go to the Internet, rule 8 comes from it.
      expect(anyZones).toBe(3);
    }
    // The zone is any-zone, the group and the host are prefixed (the host after the group).
    expect(text).toContain('#   any-zone (plan zone "any")\n');
    expect(text).toContain(
      'set address-group DMZ-RELAY-any static [ DMZ-RELAY-any-2 DMZ-RELAY-SEG-NODE02 ]\n',
    );
    expect(text).toContain(
      'set rulebase security rules DMZ-RELAY-R8-Internet-any from any to any-zone rule-type interzone source any destination DMZ-RELAY-any ',
    );
    expect(text).toContain(
      'set rulebase security rules DMZ-RELAY-R1-any-EXCH01 from any-zone to Internal-network rule-type interzone source DMZ-RELAY-any destination DMZ-RELAY-EXCH01 ',
    );
  });

  it('starts every created name with the prefix, and never makes a host name or a keyword', () => {
    for (const t of [text, inside]) {
      const config = parsePanos(t);
      for (const n of createdNames(config)) {
        expect(n.startsWith('DMZ-RELAY-'), n).toBe(true);
        expect(RESERVED.has(n.toLowerCase()), n).toBe(false);
      }
      expect(hostNameClashes(ANY_PLAN, config)).toEqual([]);
    }
    // DC01 would be DMZ-RELAY-DC01, which a host is called (in another case): it gets a suffix.
    expect(text).toContain('set address DMZ-RELAY-DC01-2 ip-netmask 10.0.0.2/32\n');
    expect(text).not.toMatch(/ DMZ-RELAY-DC01 /i);
  });

  it('marks a rule interzone where its zones differ, intrazone inside one, and neither outside all', () => {
    const types = (t: string) =>
      parsePanos(t).rules.map((r) => `${ruleNumber(r)} ${r.from.join()}>${r.to.join()} ${r.type ?? '-'}`);
    // Written by hand from the plan: rules 1-8 cross the firewall, 9-12 stay in the internal network.
    expect(types(text)).toEqual([
      '1 any-zone>Internal-network interzone',
      '2 any-zone>Internal-network interzone',
      '3 any-zone>Internal-network interzone',
      '4 any-zone>any interzone',
      '5 Internal-network>any-zone interzone',
      '6 Internal-network>any-zone interzone',
      '7 Internal-network>any interzone',
      '8 any>any-zone interzone',
    ]);
    expect(types(inside).slice(8)).toEqual([
      '9 Internal-network>Internal-network intrazone',
      '10 Internal-network>Internal-network intrazone',
      '11 Internal-network>Internal-network intrazone',
      '12 Internal-network>Internal-network intrazone',
    ]);
    // The Array Manager in no zone: to the update site (in none either) the rule has no type.
    const outside = exportOf({
      ...DMZ_RELAY_NO_DEVICES,
      hosts: DMZ_RELAY_NO_DEVICES.hosts.map((h) => (h.id === 'am' ? { ...h, zone: undefined } : h)),
    }).data as string;
    expect(outside).toContain(
      'set rulebase security rules DMZ-RELAY-R12-SEG-AM01-WWW-MARSHAL-COM from any to any source DMZ-RELAY-SEG-AM01 destination DMZ-RELAY-WWW-MARSHAL-COM ',
    );
    expect(outside).toContain(
      'set rulebase security rules DMZ-RELAY-R10-SEG-AM01-DC01 from any to Internal-network rule-type interzone ',
    );
    expect(types(outside).filter((t) => t.endsWith(' -'))).toEqual(['12 any>any -']);
  });
});

describe('PAN-OS rule names', () => {
  it('keep whole words when cut to 63 characters', () => {
    // Two sites: rule 23 would be TWO-SITES-40-R23-BRANCH-OFFICE-PROCESSING-NODES-SERVER-NETWORK-MAIL-SERVERS (75).
    const twoSites = exportOf(EXAMPLES.find(([n]) => n === 'two-sites')![1]).data as string;
    expect(twoSites).toContain(
      'set rulebase security rules TWO-SITES-40-R23-BRANCH-OFFICE-PROCESSING-NODES-SERVER-NETWORK from ',
    );
    // 63 exactly: kept whole.
    expect(twoSites).toContain(
      'set rulebase security rules TWO-SITES-40-R8-DMZ-PROCESSING-NODES-BRANCH-OFFICE-MAIL-SERVERS from ',
    );
  });

  it('are cut after a word, not inside one, for very long group names', () => {
    const plan: Plan = {
      ...DMZ_RELAY_NO_DEVICES,
      changeRequest: { objectPrefix: 'ACME-MAILSEC' },
      hosts: DMZ_RELAY_NO_DEVICES.hosts.map((h) =>
        h.id === 'exch' ? { ...h, name: 'Exchange mailbox server in the headquarters' } : h,
      ),
      groupNames: { 'node1,node2': 'RELAY-NODES-OF-THE-MAIL-GATEWAY' },
    };
    const config = parsePanos(exportOf(plan).data as string);
    const names = config.rules.map((r) => r.name);
    // ACME-MAILSEC-R1-RELAY-NODES-OF-THE-MAIL-GATEWAY-Exchange-mailbox-server-in-the (78): the
    // 63rd character is inside "mailbox", so the name ends after "Exchange".
    expect(names[0]).toBe('ACME-MAILSEC-R1-RELAY-NODES-OF-THE-MAIL-GATEWAY-Exchange');
    // ACME-MAILSEC-R5-Exchange-mailbox-server-in-the-RELAY-NODES-OF-THE-MAIL-GATEWAY: ends after "OF".
    expect(names[4]).toBe('ACME-MAILSEC-R5-Exchange-mailbox-server-in-the-RELAY-NODES-OF');
    const grouped = new Map(rulesFor(input(plan)).rules.map((r) => [r.number, r]));
    for (const rule of config.rules) {
      const g = grouped.get(ruleNumber(rule))!;
      expectRuleName(rule.name, `ACME-MAILSEC-R${g.number}-${g.source.name}-${g.destination.name}`);
    }
    expect(config.rules.filter((r) => r.name.length > 55).length).toBeGreaterThan(2);
  });
});

describe('a v4 node group meeting a v6-only mail server', () => {
  const file = exportOf(MIXED_RELAY);
  const text = file.data as string;

  it('writes no rule that can never match: rules 1 and 5 are notes', () => {
    const config = parsePanos(text);
    const numbers = config.rules.map(ruleNumber);
    expect(numbers).toEqual([2, 3, 4, 6, 7, 8]);
    const resolve = (name: string): string[] => {
      if (name === 'any') return ['*'];
      const a = config.addresses.get(name);
      if (a !== undefined) return [a.replace(/^(fqdn|ip-netmask) /, '')];
      return config.groups.get(name)!.flatMap(resolve);
    };
    for (const rule of config.rules) {
      const sources = rule.source.flatMap(resolve);
      const destinations = rule.destination.flatMap(resolve);
      expect(
        sources.some((s) => destinations.some((d) => sameFamily(s, d))),
        `${rule.name} can never match`,
      ).toBe(true);
    }
    const why =
      'the sources and the destinations share no address family (IPv4 and IPv6): the rule could never match (no rule written)';
    expect(file.notes).toEqual([`Rule 1: ${why}`, `Rule 5: ${why}`]);
    expect(text).toContain(
      `# Rule 1: DMZ-PROCESSING-NODES -> EXCH01, SMTP mail transfer (Trustwave KB 10905)\n# NOT WRITTEN: Rule 1: ${why}\n`,
    );
    expect(text).not.toMatch(/^set rulebase .*description "Rule [15]: /m);
  });
});

describe('created PAN-OS names that are host names', () => {
  it('are none in the four examples', () => {
    const counts = EXAMPLE_PLANS.map(
      ([name, plan]) => `${name} ${hostNameClashes(plan, parsePanos(exportOf(plan).data as string)).length}`,
    );
    expect(counts).toEqual(['single-server 0', 'dmz-relay 0', 'two-sites 0', 'enterprise 0']);
  });
});

// ---------- what cannot be written ----------

const EVIL = `Evil" action deny [ x ] ?help \\ \`$(rm)\`\nset address X ip-netmask 0.0.0.0/0`;
const HOSTILE: Plan = testPlan({
  name: `Hostile ${EVIL}`,
  productVersion: '10.0',
  changeRequest: { ticket: `CHG ${EVIL}` },
  zones: [
    { id: 'dmz', name: `DMZ ${EVIL}`, trust: 'dmz' },
    { id: 'lan', name: 'A very long zone name that PAN-OS would refuse', trust: 'trusted' },
    { id: 'lan2', name: 'A very long zone name that PAN-OS would refuse too', trust: 'trusted' },
  ],
  hosts: [
    { id: 'i', name: `Internet ${EVIL}`, roles: ['internet'] },
    { id: 'n1', name: `NODE ${EVIL}`, roles: ['processing-node'], zone: 'dmz', address: '192.0.2.11' },
    { id: 'n2', name: `NODE ${EVIL}`, roles: ['processing-node'], zone: 'dmz', address: '192.0.2.12' },
    { id: 'am', name: 'AM', roles: ['array-manager'], zone: 'lan', address: '10.0.0.5' },
    {
      id: 'm1',
      name: `MAIL ${EVIL}`,
      roles: ['mail-server'],
      zone: 'lan',
      address: `mail.example.com"; $(evil)`,
    },
    { id: 'm2', name: 'MAIL2', roles: ['mail-server'], zone: 'lan' },
    { id: 'm3', name: 'MAIL3', roles: ['mail-server'], zone: 'lan2', address: '10.0.1.25' },
    {
      id: 'dc',
      name: 'DC',
      roles: ['directory-server', 'dns-server'],
      zone: 'lan2',
      address: 'dc01.corp.example',
    },
  ],
});

describe('a hostile plan', () => {
  const file = exportOf(HOSTILE);
  const text = file.data as string;

  it('still follows the grammar, and allows exactly what the plan says of the members it can name', () => {
    const config = parsePanos(text);
    expect(actualTuples(config)).toEqual(expectedTuples(HOSTILE));
    expect(config.addresses.get('dc01.corp.example') ?? [...config.addresses.values()]).toContain(
      'fqdn dc01.corp.example',
    );
    // Long and clashing zone names are cut to 31 and kept apart.
    expect([...config.zones.keys()].sort()).toEqual(
      [
        'A-very-long-zone-name-that-PA-2',
        'A-very-long-zone-name-that-PAN',
        'DMZ-Evil-action-deny-x-help-rm',
      ].sort(),
    );
  });

  it('keeps plan text inside the description quotes and the # lines', () => {
    for (const line of text.split('\n').filter((l) => l.startsWith('set ')))
      expect(line.match(/"/g)?.length ?? 0).toBeLessThanOrEqual(2);
    expect(text).not.toMatch(/^set address X /m);
    const commands = text
      .split('\n')
      .filter((l) => l.startsWith('set '))
      .join('\n');
    expect(commands).not.toMatch(/\?/);
    expect(commands).not.toMatch(/action deny/);
    expect(commands).toContain('action allow description "Rule ');
  });

  it('notes the members without a usable address and leaves them out, never widening the rule', () => {
    expect(file.notes!.length).toBeGreaterThan(0);
    expect(file.notes!.some((n) => n.includes('MAIL2 has no address'))).toBe(true);
    expect(
      file.notes!.some((n) =>
        n.includes('neither an IP address nor a DNS name (mail.example.com"; $(evil))'),
      ),
    ).toBe(true);
    for (const n of file.notes!)
      expect(n).toMatch(/^Rule \d+: .*\((left out of this rule|no rule written)\)$/);
  });

  it('keeps a description inside its quotes, on one line, within 1023 characters', () => {
    const rule = rulesFor(input(DMZ_RELAY_NO_DEVICES)).rules[0]!;
    const d = description({ ...rule, justification: `a "b" c\\d ?e\nset x ${'y'.repeat(2000)}` });
    expect(d).toMatch(/^"Rule 1: DMZ-PROCESSING-NODES -> EXCH01, a 'b' c\/d e set x y+\.\.\."$/);
    expect(d.length).toBe(DESCRIPTION_MAX + 2);
    expect(() =>
      parsePanos(
        `set service s protocol tcp port 1\nset rulebase security rules R from any to any source any destination any source-user any category any application any service s action allow description ${d}\n`,
      ),
    ).toThrow(/any on both sides/);
  });

  it('writes no rule when both sides are any', () => {
    const plan: Plan = {
      ...HOSTILE,
      hosts: HOSTILE.hosts.map((h) => (h.id === 'n1' || h.id === 'n2' ? { ...h, address: 'any' } : h)),
    };
    const f = exportOf(plan);
    expect(f.notes!.some((n) => n.includes('both sides are any address'))).toBe(true);
    const config = parsePanos(f.data as string);
    expect(actualTuples(config)).toEqual(expectedTuples(plan));
  });
});

// ---------- the grammar can fail ----------

describe('the PAN-OS grammar', () => {
  const ok = [
    '#   DMZ (plan zone "DMZ")',
    'set address A ip-netmask 10.0.0.1/32',
    'set address B fqdn www.example.com',
    'set address-group G static [ A B ]',
    'set service tcp-25 protocol tcp port 25,587',
    'set rulebase security rules R1 from DMZ to any source G destination any source-user any category any application any service tcp-25 action allow description "x"',
  ];
  const run = (lines: string[]) => () => parsePanos(`${lines.join('\n')}\n`);
  const swap = (i: number, line: string) => ok.map((l, j) => (j === i ? line : l));

  it('accepts a good file', () => {
    expect(run(ok)).not.toThrow();
    // A rule name of 63 characters, and both rule types where they can match.
    expect(run(swap(5, ok[5]!.replace('R1', 'R'.repeat(63))))).not.toThrow();
    expect(run(swap(5, ok[5]!.replace(' to any ', ' to any rule-type interzone ')))).not.toThrow();
    expect(run(swap(5, ok[5]!.replace(' to any ', ' to DMZ rule-type intrazone ')))).not.toThrow();
    expect(
      actualTuples(run(swap(5, ok[5]!.replace(' to any ', ' to DMZ rule-type intrazone ')))()),
    ).toContain('DMZ>DMZ intrazone 10.0.0.1/32 * tcp/25');
    expect(actualTuples(run(ok)())).toEqual([
      'DMZ>* 10.0.0.1/32 * tcp/25',
      'DMZ>* 10.0.0.1/32 * tcp/587',
      'DMZ>* www.example.com * tcp/25',
      'DMZ>* www.example.com * tcp/587',
    ]);
  });

  it.each([
    ['an unclosed quote', swap(5, ok[5]!.replace('"x"', '"x'))],
    ['an unclosed bracket', swap(3, 'set address-group G static [ A B')],
    ['an object used before it is defined', [ok[0]!, ok[3]!, ok[1]!, ok[2]!, ok[4]!, ok[5]!]],
    ['a zone not in the header', swap(0, '# nothing')],
    ['a name too long', swap(1, `set address ${'A'.repeat(64)} ip-netmask 10.0.0.1/32`)],
    ['a rule name too long (64)', swap(5, ok[5]!.replace('R1', 'R'.repeat(64)))],
    [
      'a rule-type other than interzone or intrazone',
      swap(5, ok[5]!.replace(' to any ', ' to any rule-type universal ')),
    ],
    ['a rule-type without a value', swap(5, ok[5]!.replace(' to any ', ' to any rule-type '))],
    ['a rule-type list', swap(5, ok[5]!.replace(' to any ', ' to any rule-type [ interzone intrazone ] '))],
    [
      'a rule-type twice',
      swap(5, ok[5]!.replace(' to any ', ' to any rule-type interzone rule-type interzone ')),
    ],
    [
      'intrazone between different zones',
      swap(5, ok[5]!.replace(' to any ', ' to any rule-type intrazone ')),
    ],
    ['interzone from a zone to itself', swap(5, ok[5]!.replace(' to any ', ' to DMZ rule-type interzone '))],
    ['a name that is a reserved word', swap(1, 'set address All ip-netmask 10.0.0.1/32')],
    ['a bad character', swap(1, 'set address A/B ip-netmask 10.0.0.1/32')],
    ['a bad address', swap(1, 'set address A ip-netmask 10.0.0.256/32')],
    ['a port out of range', swap(4, 'set service tcp-25 protocol tcp port 25,65536')],
    ['an unknown command', swap(4, 'set servce tcp-25 protocol tcp port 25')],
    ['a missing field', swap(5, ok[5]!.replace(' category any', ''))],
    ['any on both sides', swap(5, ok[5]!.replace('source G', 'source any'))],
    ['a name defined twice', [...ok.slice(0, 2), 'set address A ip-netmask 10.0.0.2/32', ...ok.slice(2)]],
    ['no final line break', ok],
  ])('refuses %s', (_, lines) => {
    const text = _ === 'no final line break' ? lines.join('\n') : `${lines.join('\n')}\n`;
    expect(() => parsePanos(text)).toThrow();
  });

  it('refuses a bad rule-type for that reason', () => {
    const with_ = (replacement: string) => run(swap(5, ok[5]!.replace(' to any ', replacement)));
    expect(with_(' to any rule-type universal ')).toThrow(
      /rule-type universal: interzone or intrazone expected/,
    );
    expect(with_(' to any rule-type [ interzone intrazone ] ')).toThrow(/interzone or intrazone expected/);
    expect(with_(' to any rule-type interzone rule-type interzone ')).toThrow(/rule-type twice/);
    expect(with_(' to any rule-type intrazone ')).toThrow(/intrazone between different zones/);
    expect(with_(' to DMZ rule-type interzone ')).toThrow(/interzone from a zone to itself/);
    expect(run(swap(5, ok[5]!.replace('R1', 'R'.repeat(64))))).toThrow(/rule name R+: longer than 63/);
  });
});
