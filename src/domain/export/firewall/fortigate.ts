import type { AddressGroup, GroupedRule } from '../../grouping';
import type { Plan } from '../../plan';
import { visibleText } from '../../text';
import type { ExportInput } from '../types';
import {
  addressFamily,
  behindInterface,
  cutBytes,
  exportTarget,
  headerLines,
  nameFrom,
  Namer,
  oneLine,
  ruleComment,
  rulesFor,
  shortName,
  unmatchedNote,
  unsupportedLine,
  type Device,
  type FirewallTarget,
  type TargetLimits,
  type Unsupported,
} from './common';

/**
 * FortiGate (FortiOS CLI): a script of `config … / edit … / set … / next / end` blocks to paste
 * into the CLI console or run as a CLI script:
 *
 * - `config firewall address` / `address6`: one object per member address (a host, a block, or a
 *   DNS name as `set type fqdn`, which FortiOS resolves itself: an IPv4 object, and an IPv6 one
 *   where the name meets IPv6 across a rule);
 * - `config firewall addrgrp` / `addrgrp6`: one group per side of a rule with more than one member
 *   of that family (a side with one member uses its address object directly);
 * - `config firewall service custom`: one service per protocol and port (`TCP-25`), and
 *   `config firewall service group` for a rule with more than one;
 * - `config firewall policy`: one policy per grouped rule, `edit 0` (FortiOS's next free id, so no
 *   existing policy is touched) with a unique `set name`, `srcaddr`/`dstaddr` for IPv4 and
 *   `srcaddr6`/`dstaddr6` for IPv6 in the same policy, interfaces named after the plan's zones
 *   (for a device of the plan: its own interfaces, and its rules only).
 *
 * Every object, group, service and policy name starts with the plan's object prefix, so no object
 * already on the device is edited. Objects and groups of the same name are set again on a second
 * run (the same result); policy names are unique in a VDOM, so a second run cannot add a policy
 * twice (the header says how to replace an earlier run's policies).
 *
 * The Internet (`any`) is FortiOS's built-in `all`, only on a side that is any in the plan; a rule
 * with both sides any is not written. What FortiOS cannot be given (hosts without an address, a
 * source of one family to a destination of only the other) is a `#` line at the rule's place and a
 * note, never a broader policy.
 */

/** FortiOS table sizes (CLI reference): object names, policy names, policy comments. */
export const MAX_OBJECT_NAME = 79;
export const MAX_POLICY_NAME = 35;
export const MAX_POLICY_COMMENTS = 1023;
/** Interface and zone names on the FortiGate: system zone names are at most 35 characters. */
export const MAX_INTERFACE_NAME = 35;

export const FORTIGATE_LIMITS: TargetLimits = {
  nameMax: MAX_OBJECT_NAME,
  nameChar: /[A-Za-z0-9._-]/,
  nameFill: '-',
  // Built-in objects a created name must never equal: the addresses and schedule policies use.
  reserved: ['all', 'none', 'any', 'always', 'ALL', 'ALL_TCP', 'ALL_UDP'],
  commentMax: MAX_POLICY_COMMENTS,
  commentUnit: 'bytes',
  families: ['ipv4', 'ipv6'],
  fqdn: ['ipv4', 'ipv6'],
};

type Family = 'ipv4' | 'ipv6';
const FAMILIES: readonly Family[] = ['ipv4', 'ipv6'];
const LABEL: Record<Family, string> = { ipv4: 'IPv4', ipv6: 'IPv6' };
/** The built-in address objects for any address. */
const ALL: Record<Family, string> = { ipv4: 'all', ipv6: 'all' };

/**
 * A FortiOS CLI string: double-quoted, `\` and `"` escaped with `\`, on one line (line breaks and
 * other control characters become spaces).
 */
export function quote(text: string): string {
  return `"${oneLine(text).replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** An object name from plan text: ASCII letters, digits, `.`, `_` and `-`, so bytes equal characters. */
export function objectName(text: string, fallback: string): string {
  const cleaned = visibleText(text)
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cleaned || fallback;
}

/** The dotted mask of an IPv4 prefix length. */
function mask(bits: number): string {
  const value = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return [24, 16, 8, 0].map((s) => (value >>> s) & 255).join('.');
}

/** `set subnet` of an IPv4 host or block: address and dotted mask. */
function subnet(address: string): string {
  const [ip, len] = address.split('/');
  return `${ip!} ${mask(len === undefined ? 32 : Number(len))}`;
}

/** `set ip6` of an IPv6 host or block: always with a prefix length. */
const ip6 = (address: string) => (address.includes('/') ? address : `${address}/128`);

interface AddressObject {
  name: string;
  family: Family;
  /** The plan's address: IPv4/IPv6 host or block, or a DNS name (IPv4, `type fqdn`). */
  address: string;
  fqdn: boolean;
}

interface Side {
  any: boolean;
  /** Address objects of IP members by family, once each, in member order. */
  members: Record<Family, AddressObject[]>;
  /** Members that are DNS names (host id, name): an fqdn object in each family the rule needs. */
  names: [string, string][];
  missing: string[];
}

/** Everything named in the file: objects first, in the order the rules use them, then groups. */
class Names {
  private readonly interfaces = new Set<string>(['any']);
  readonly namer: Namer;
  readonly addresses = new Map<string, AddressObject>();
  readonly zones = new Map<string, string>();

  constructor(private readonly plan: Plan) {
    this.namer = new Namer(FORTIGATE_LIMITS, plan);
  }

  /** The address object of a member for one family (a DNS name has one per family). */
  address(hostId: string, address: string, family: Family): AddressObject {
    const fqdn = addressFamily(address) === 'name';
    const key = `${family}|${address.toLowerCase()}`;
    let found = this.addresses.get(key);
    if (!found) {
      const host = this.plan.hosts.find((h) => h.id === hostId);
      const base = fqdn ? objectName(address, 'fqdn') : objectName(host?.name ?? hostId, 'host');
      found = {
        name: this.namer.name(fqdn && family === 'ipv6' ? `${base}-v6` : base),
        family,
        address: fqdn ? visibleText(address) : address,
        fqdn,
      };
      this.addresses.set(key, found);
    }
    return found;
  }

  object(name: string): string {
    return this.namer.name(objectName(name, 'group'));
  }

  service(name: string): string {
    return this.namer.name(name);
  }

  policy(name: string): string {
    return this.namer.name(name, MAX_POLICY_NAME);
  }

  zone(zoneId: string | undefined): string {
    if (zoneId === undefined) return 'any';
    let name = this.zones.get(zoneId);
    if (name === undefined) {
      const zone = this.plan.zones.find((z) => z.id === zoneId);
      name = shortName(objectName(zone?.name ?? zoneId, 'zone'), MAX_INTERFACE_NAME, this.interfaces);
      this.zones.set(zoneId, name);
    }
    return name;
  }
}

function side(plan: Plan, group: AddressGroup, names: Names): Side {
  const hostNames = new Map(plan.hosts.map((h) => [h.id, visibleText(h.name)]));
  const out: Side = { any: false, members: { ipv4: [], ipv6: [] }, names: [], missing: [] };
  group.addresses.forEach((address, i) => {
    const hostId = group.hostIds[i]!;
    const family = addressFamily(address);
    if (family === 'any') out.any = true;
    else if (family === 'none') out.missing.push(`${hostNames.get(hostId) ?? hostId} has no address`);
    else if (family === 'name') out.names.push([hostId, address]);
    else {
      const object = names.address(hostId, address, family);
      if (!out.members[family].includes(object)) out.members[family].push(object);
    }
  });
  return out;
}

/** A side's objects in one family: its IP members, then its DNS names as fqdn objects of that family. */
function objectsOf(s: Side, family: Family, names: Names): AddressObject[] {
  const out = [...s.members[family]];
  for (const [hostId, address] of s.names) {
    const object = names.address(hostId, address, family);
    if (!out.includes(object)) out.push(object);
  }
  return out;
}

interface Policy {
  rule: GroupedRule;
  name: string;
  srcintf: string;
  dstintf: string;
  /** Address names by family; absent when that family is not written. */
  addresses: Partial<Record<Family, { src: string; dst: string }>>;
  /** Sides written as "not these addresses" (an any side sharing its interface with plan hosts). */
  negate: Partial<Record<Family, { src: boolean; dst: boolean }>>;
  service: string;
}

/** The script and what it could not express. */
export function toFortigate(input: ExportInput, device?: Device): { text: string; notes: string[] } {
  const { plan } = input;
  const grouping = device?.grouping ?? rulesFor(input);
  const names = new Names(plan);
  const sides = new Map<string, Side>();
  const sideOf = (g: AddressGroup) => {
    let s = sides.get(g.key);
    if (!s) sides.set(g.key, (s = side(plan, g, names)));
    return s;
  };
  for (const rule of grouping.rules) {
    sideOf(rule.source);
    sideOf(rule.destination);
  }

  const groups = new Map<string, { name: string; family: Family; members: string[] }>();
  /** The name a policy uses for one side and family: `all`, the one address, or an address group. */
  const sideName = (group: AddressGroup, s: Side, family: Family): string => {
    if (s.any) return ALL[family];
    const members = objectsOf(s, family, names);
    if (members.length === 1) return members[0]!.name;
    const key = `${family}|${group.key}`;
    let g = groups.get(key);
    if (!g) {
      const both = objectsOf(s, 'ipv4', names).length > 1 && members.length > 1 && family === 'ipv6';
      g = {
        name: names.object(both ? `${group.name}-v6` : group.name),
        family,
        members: members.map((m) => m.name),
      };
      groups.set(key, g);
    }
    return g.name;
  };

  const customs = new Map<string, { name: string; protocol: string; port: number }>();
  const serviceGroups = new Map<string, { name: string; members: string[] }>();
  const serviceName = (rule: GroupedRule): string => {
    const members = rule.services.map((svc) => {
      const key = `${svc.protocol}/${svc.port}`;
      let c = customs.get(key);
      if (!c) {
        c = { name: names.service(`${svc.protocol.toUpperCase()}-${svc.port}`), ...svc };
        customs.set(key, c);
      }
      return c.name;
    });
    if (members.length === 1) return members[0]!;
    const key = members.join(' ');
    let g = serviceGroups.get(key);
    if (!g) {
      const label = (['tcp', 'udp'] as const)
        .map((p) => {
          const ports = rule.services.filter((s) => s.protocol === p).map((s) => s.port);
          return ports.length > 0 ? `${p.toUpperCase()}-${ports.join('_')}` : '';
        })
        .filter(Boolean)
        .join('-');
      g = { name: names.service(label), members };
      serviceGroups.set(key, g);
    }
    return g.name;
  };

  /**
   * On a device, an any side is `all` but the plan's hosts behind the same interface: a group of
   * them with negate (the interface alone would let the policy reach them). Undefined: plain all.
   */
  const excluded = (
    rule: GroupedRule,
    role: 'source' | 'destination',
    family: Family,
  ): string | undefined => {
    if (!device) return undefined;
    const members = behindInterface(device, rule, role)
      .hosts.filter((h) => addressFamily(h.address) === family)
      .map((h) => names.address(h.hostId, h.address, family));
    if (members.length === 0) return undefined;
    if (members.length === 1) return members[0]!.name;
    const hop = device.hops.get(rule.number)!;
    const via = role === 'source' ? hop.from.name : hop.to.name;
    const key = `${family}|behind|${members.map((m) => m.name).join(',')}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        name: names.object(`${via}-hosts${family === 'ipv6' ? '-v6' : ''}`),
        family,
        members: members.map((m) => m.name),
      };
      groups.set(key, g);
    }
    return g.name;
  };

  const unsupported: Unsupported[] = [...(device?.unbound ?? [])];
  /** Per rule, in order: the `#` lines for what it cannot express, and its policy if one is written. */
  const entries: { rule: GroupedRule; problems: string[]; policy: Policy | null }[] = [];
  for (const rule of grouping.rules) {
    const src = sideOf(rule.source);
    const dst = sideOf(rule.destination);
    const problems: string[] = [];
    for (const [role, group, s] of [
      ['source', rule.source, src],
      ['destination', rule.destination, dst],
    ] as const)
      for (const m of s.missing)
        problems.push(`${role} ${group.name}: ${m}; FortiGate matches addresses and DNS names only`);
    const addresses: Policy['addresses'] = {};
    const negate: Policy['negate'] = {};
    // A DNS name carries either family; IPv6 is written for it only where it meets IPv6, any or a name.
    const has = (s: Side, f: Family) => s.any || s.members[f].length > 0 || s.names.length > 0;
    const specific = (s: Side, f: Family) => s.members[f].length > 0;
    const concrete = (s: Side) => s.members.ipv4.length + s.members.ipv6.length + s.names.length > 0;
    const wanted = (f: Family) =>
      f === 'ipv4' ||
      specific(src, f) ||
      specific(dst, f) ||
      (src.names.length > 0 && (dst.any || dst.names.length > 0)) ||
      (dst.names.length > 0 && src.any);
    if (src.any && dst.any)
      problems.push('both sides are any address; a policy from all to all would allow everything');
    else
      for (const family of FAMILIES) {
        const inSrc = has(src, family);
        const inDst = has(dst, family);
        if (inSrc && inDst) {
          if (wanted(family)) {
            const notSrc = src.any ? excluded(rule, 'source', family) : undefined;
            const notDst = dst.any ? excluded(rule, 'destination', family) : undefined;
            addresses[family] = {
              src: notSrc ?? sideName(rule.source, src, family),
              dst: notDst ?? sideName(rule.destination, dst, family),
            };
            if (notSrc || notDst) negate[family] = { src: !!notSrc, dst: !!notDst };
          }
        } else if (specific(inSrc ? src : dst, family) && concrete(src) && concrete(dst)) {
          const [have, lack] = inSrc ? ['source', 'destination'] : ['destination', 'source'];
          const group = inSrc ? rule.source : rule.destination;
          problems.push(
            `the ${LABEL[family]} members of ${have} ${group.name} have no ${LABEL[family]} ${lack} (a packet cannot change address family)`,
          );
        }
      }
    const written = Object.keys(addresses).length > 0;
    if (device && written)
      for (const [role, s] of [
        ['source', src],
        ['destination', dst],
      ] as const) {
        const { unmatched } = s.any ? behindInterface(device, rule, role) : { unmatched: [] };
        if (unmatched.length > 0) unsupported.push(unmatchedNote(rule, role, unmatched));
      }
    const what = written ? 'left out of this policy' : 'no policy written for this rule';
    const texts = problems.map((p) => `${p} (${what}).`);
    for (const text of texts) unsupported.push({ rule: rule.number, text });
    entries.push({
      rule,
      problems: texts,
      policy: written
        ? {
            rule,
            name: names.policy(
              `${rule.number}-${objectName(rule.source.name, 'src')}-${objectName(rule.destination.name, 'dst')}`,
            ),
            srcintf: device ? device.hops.get(rule.number)!.from.name : names.zone(rule.sourceZone),
            dstintf: device ? device.hops.get(rule.number)!.to.name : names.zone(rule.destinationZone),
            addresses,
            negate,
            service: serviceName(rule),
          }
        : null,
    });
  }

  // Only the objects some policy uses.
  const usedAddresses = new Set<string>();
  for (const e of entries)
    for (const a of Object.values(e.policy?.addresses ?? {})) {
      usedAddresses.add(a.src);
      usedAddresses.add(a.dst);
    }
  for (const g of groups.values())
    if (usedAddresses.has(g.name)) g.members.forEach((m) => usedAddresses.add(m));
  const objects = [...names.addresses.values()].filter((a) => usedAddresses.has(a.name));

  const lines: string[] = [];
  const block = (path: string, items: { edit: string; sets: [string, string][] }[]) => {
    if (items.length === 0) return;
    lines.push(`config ${path}`);
    for (const item of items) {
      lines.push(`    edit ${item.edit}`);
      for (const [attr, value] of item.sets) lines.push(`        set ${attr} ${value}`);
      lines.push('    next');
    }
    lines.push('end');
  };

  block(
    'firewall address',
    objects
      .filter((o) => o.family === 'ipv4')
      .map((o) => ({
        edit: quote(o.name),
        sets: o.fqdn
          ? [
              ['type', 'fqdn'],
              ['fqdn', quote(o.address)],
            ]
          : [
              ['type', 'ipmask'],
              ['subnet', subnet(o.address)],
            ],
      })),
  );
  block(
    'firewall address6',
    objects
      .filter((o) => o.family === 'ipv6')
      .map((o) => ({
        edit: quote(o.name),
        sets: o.fqdn
          ? [
              ['type', 'fqdn'],
              ['fqdn', quote(o.address)],
            ]
          : [
              ['type', 'ipprefix'],
              ['ip6', ip6(o.address)],
            ],
      })),
  );
  for (const family of FAMILIES)
    block(
      family === 'ipv4' ? 'firewall addrgrp' : 'firewall addrgrp6',
      [...groups.values()]
        .filter((g) => g.family === family && usedAddresses.has(g.name))
        .map((g) => ({ edit: quote(g.name), sets: [['member', g.members.map(quote).join(' ')]] })),
    );
  block(
    'firewall service custom',
    [...customs.values()].map((c) => ({
      edit: quote(c.name),
      sets: [
        ['protocol', 'TCP/UDP/SCTP'],
        [`${c.protocol}-portrange`, String(c.port)],
      ],
    })),
  );
  block(
    'firewall service group',
    [...serviceGroups.values()].map((g) => ({
      edit: quote(g.name),
      sets: [['member', g.members.map(quote).join(' ')]],
    })),
  );

  const header = [
    ...headerLines(input, 'FortiGate', device),
    '',
    `Object prefix: ${names.namer.prefix}. Every address, group, service and policy name here starts with it.`,
    '',
    'FortiOS 7.0 or later (IPv4 and IPv6 in one policy table). Paste into the CLI console or run as a CLI script.',
    'Each policy is edit 0: FortiOS gives it the next free id, so no existing policy is changed. Objects of',
    'the same name are set again, not duplicated. Policies are created, not updated: before running it a',
    'second time, or for a changed plan, delete the policies of the earlier run (their names start with the',
    `prefix: show firewall policy | grep -f ${names.namer.prefix}-, then delete <id> in config firewall policy).`,
    'FortiOS keeps policy names unique in a VDOM, so it refuses a policy whose name is already there.',
    'New policies go to the end of the policy list: move them above any policy that would deny this traffic.',
    ...(device
      ? [
          "srcintf and dstintf are the device's interfaces as the plan names them: the interface a rule's",
          'traffic enters by and the one it leaves by, never "any".',
          ...(entries.some((e) => e.policy && Object.keys(e.policy.negate).length > 0)
            ? [
                'A side that is any (the Internet) shares its interface with hosts of the plan: the policy says',
                '"not these addresses" there (srcaddr-negate / dstaddr-negate), so it cannot reach them.',
              ]
            : []),
        ]
      : [
          'Before running, map each zone of the plan to your interface or zone name (replace it in srcintf/dstintf):',
          ...[...names.zones].map(([id, name]) => {
            const zone = plan.zones.find((z) => z.id === id);
            return `  zone "${oneLine(zone?.name ?? id)}" -> "${name}"`;
          }),
        ]),
  ];
  if (entries.some((e) => e.policy && (e.policy.srcintf === 'any' || e.policy.dstintf === 'any')))
    header.push('Hosts in no zone are on interface "any"; the addresses still limit each policy.');
  const notes = unsupported.map(unsupportedLine);
  if (notes.length > 0)
    header.push('', 'Not expressible in FortiGate (also marked where each rule is):', ...notes);

  const policies = entries.flatMap((e) => {
    const out = e.problems.map((p) => `    # ${unsupportedLine({ rule: e.rule.number, text: p })}`);
    const p = e.policy;
    if (p) {
      out.push('    edit 0');
      const set = (attr: string, value: string) => out.push(`        set ${attr} ${value}`);
      set('name', quote(p.name));
      set('srcintf', quote(p.srcintf));
      set('dstintf', quote(p.dstintf));
      if (p.addresses.ipv4) {
        set('srcaddr', quote(p.addresses.ipv4.src));
        if (p.negate.ipv4?.src) set('srcaddr-negate', 'enable');
        set('dstaddr', quote(p.addresses.ipv4.dst));
        if (p.negate.ipv4?.dst) set('dstaddr-negate', 'enable');
      }
      if (p.addresses.ipv6) {
        set('srcaddr6', quote(p.addresses.ipv6.src));
        if (p.negate.ipv6?.src) set('srcaddr6-negate', 'enable');
        set('dstaddr6', quote(p.addresses.ipv6.dst));
        if (p.negate.ipv6?.dst) set('dstaddr6-negate', 'enable');
      }
      set('action', 'accept');
      set('schedule', quote('always'));
      set('service', quote(p.service));
      set('logtraffic', 'all');
      set('comments', quote(cutBytes(oneLine(ruleComment(p.rule, 2000)), MAX_POLICY_COMMENTS)));
      out.push('    next');
    }
    return out;
  });
  lines.push('config firewall policy', ...policies, 'end');

  const text = [...header.map((l) => (l === '' ? '#' : `# ${oneLine(l)}`)), ...lines, ''].join('\n');
  return { text, notes };
}

export const fortigateTarget: FirewallTarget = {
  label: 'FortiGate',
  suffix: '-fortigate.conf',
  limits: FORTIGATE_LIMITS,
  vendor: 'fortigate',
  // An interface or zone name goes in quotes; "any" would match every interface.
  interfaceProblem: (name) =>
    name.length === 0 || name.length > MAX_INTERFACE_NAME
      ? `is not 1 to ${MAX_INTERFACE_NAME} characters long, as FortiGate interface and zone names are`
      : !/^[A-Za-z0-9._-]+$/.test(name)
        ? 'holds characters other than letters, digits, ".", "_" and "-"'
        : name.toLowerCase() === 'any'
          ? 'is "any", which matches every interface'
          : undefined,
  quote,
  comment: (text) => `# ${oneLine(text)}`,
  objectName: (text) => nameFrom(text, FORTIGATE_LIMITS.nameChar, FORTIGATE_LIMITS.nameFill),
  render: toFortigate,
};

/** `<plan name>-fortigate.conf`: the grouped rules of the change request's scope as a FortiOS CLI script. */
export const exportFortigate = exportTarget(fortigateTarget);
