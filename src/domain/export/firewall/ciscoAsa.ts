import type { AddressGroup, GroupedRule } from '../../grouping';
import type { Plan } from '../../plan';
import { visibleText } from '../../text';
import type { ExportInput } from '../types';
import {
  addressFamily,
  behindInterface,
  shortName,
  exportTarget,
  headerLines,
  Namer,
  oneLine,
  ruleComment,
  rulesFor,
  unmatchedNote,
  unsupportedLine,
  type Device,
  type FirewallTarget,
  type TargetLimits,
  type Unsupported,
} from './common';

/**
 * Cisco ASA (9.x) configuration lines to paste in configuration mode:
 *
 * - one `object network` per member address: `host`, `subnet` (IPv4 with a mask, IPv6 with a
 *   prefix), or `fqdn v4` for a DNS name (plus a `fqdn v6` object where the name meets IPv6 or
 *   any on the other side of a rule), since the ASA resolves names itself;
 * - one `object-group network` per address group, of `network-object object …` lines;
 * - one `object-group service NAME tcp|udp` of `port-object eq …` lines per list of two or more
 *   ports (one port is written `eq N` in the rule);
 * - one extended access-list per source zone (`<PREFIX>-<ZONE>-in`), each grouped rule as a
 *   `remark` with its number and justification followed by one `permit` line per protocol;
 * - the `access-group` lines binding each list to its interface, commented out with `!`.
 *
 * For a device of the plan: its rules only, one list per interface they enter by
 * (`<PREFIX>-<nameif>-in`), and the `access-group` lines written. An inbound list cannot name the
 * interface a packet leaves by, so an `any` side (the Internet) that shares its interface with
 * hosts of the plan gets deny lines for them first, and such rules come last in their list.
 *
 * Every name starts with the plan's object prefix, so nothing on the device is redefined. The file
 * first clears its own access lists (`clear configure access-list <own>`) and removes its own
 * object-groups, then creates them again: pasting it twice leaves the same configuration, and a
 * changed plan's file replaces the entries of the earlier one instead of adding to them.
 *
 * Rules always name object-groups (never a bare `object`): the ASA takes both, and the object-group
 * form is also the one the cisco.asa parser used by the tests reads back. The Internet (`any`)
 * is written `any`, which on 9.x matches IPv4 and IPv6; a rule with `any` on both sides is never
 * written. Unified ACLs mix IPv4 and IPv6 lines, but no packet goes from one family to the other:
 * a rule whose sides share no family is not written, and members that cannot reach the other side
 * are named. What cannot be expressed (hosts without an address) is a `!` comment where the rule
 * would be and a note, never a broader rule.
 */

/** ASA object, object-group and access-list names: at most 64 characters. */
export const ASA_NAME_MAX = 64;
/** An access-list remark: at most 100 characters. */
export const ASA_REMARK_MAX = 100;
/** Hosts in no zone (the Internet) are taken to be behind this interface. */
const NO_ZONE = 'outside';

export const ASA_LIMITS: TargetLimits = {
  nameMax: ASA_NAME_MAX,
  nameChar: /[A-Za-z0-9._-]/,
  nameFill: '-',
  // Keywords that stand where an object name goes in an ACE.
  reserved: ['any', 'any4', 'any6', 'host', 'object', 'object-group', 'interface', 'eq', 'range', 'log'],
  commentMax: ASA_REMARK_MAX,
  commentUnit: 'characters',
  families: ['ipv4', 'ipv6'],
  fqdn: ['ipv4', 'ipv6'],
};

type Family = 'ipv4' | 'ipv6';
const LABEL: Record<Family, string> = { ipv4: 'IPv4', ipv6: 'IPv6' };

/** A valid ASA name: letters, digits, `-`, `_` and `.`, everything else made `_`. */
export function asaName(name: string): string {
  const cleaned = visibleText(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[_.-]+|[_.-]+$/g, '');
  return cleaned === '' ? 'X' : cleaned;
}

/** Text for a `!` comment or a remark: one line, printable ASCII (accents dropped, others `?`). */
function ascii(text: string): string {
  return oneLine(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/…/g, '...')
    .replace(/[^\x20-\x7e]/g, '?');
}

/** The rule's remark: its number, sides and justification, at most 100 characters. */
export function asaRemark(rule: GroupedRule): string {
  const text = ascii(ruleComment(rule, 1000)).replace(/\s+/g, ' ').trim();
  return text.length <= ASA_REMARK_MAX ? text : `${text.slice(0, ASA_REMARK_MAX - 3)}...`;
}

/** 255.255.255.0 for 24. */
function netmask(prefix: number): string {
  const bits = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((s) => (bits >>> s) & 255).join('.');
}

/** The `object network` body line for an address of the plan. */
function objectLine(address: string, family: 'ipv4' | 'ipv6' | 'fqdn4' | 'fqdn6'): string {
  if (family === 'fqdn4') return `fqdn v4 ${address}`;
  if (family === 'fqdn6') return `fqdn v6 ${address}`;
  if (!address.includes('/')) return `host ${address}`;
  if (family === 'ipv6') return `subnet ${address}`;
  const [base, len] = address.split('/');
  const prefix = Number(len);
  const mask = netmask(prefix);
  const network = base!
    .split('.')
    .map((octet, i) => Number(octet) & Number(mask.split('.')[i]))
    .join('.');
  return `subnet ${network} ${mask}`;
}

interface Member {
  /** "NAME (address)" for notes. */
  label: string;
  address: string;
  family: 'ipv4' | 'ipv6' | 'name' | 'any' | 'none';
}

function members(plan: Plan, group: AddressGroup): Member[] {
  const names = new Map(plan.hosts.map((h) => [h.id, visibleText(h.name)]));
  return group.addresses.map((address, i) => {
    const name = names.get(group.hostIds[i]!) ?? group.hostIds[i]!;
    return { label: `${name} (${visibleText(address)})`, address, family: addressFamily(address) };
  });
}

interface Side {
  any: boolean;
  ipv4: boolean;
  ipv6: boolean;
  names: boolean;
  /** Members of each family, as "NAME (address)". */
  of: Record<Family, string[]>;
  missing: string[];
}

function side(plan: Plan, group: AddressGroup): Side {
  const names = new Map(plan.hosts.map((h) => [h.id, visibleText(h.name)]));
  const s: Side = {
    any: false,
    ipv4: false,
    ipv6: false,
    names: false,
    of: { ipv4: [], ipv6: [] },
    missing: [],
  };
  members(plan, group).forEach((m, i) => {
    const host = names.get(group.hostIds[i]!) ?? group.hostIds[i]!;
    if (m.family === 'any') s.any = true;
    else if (m.family === 'ipv4' || m.family === 'ipv6') {
      s[m.family] = true;
      s.of[m.family].push(m.label);
    } else if (m.family === 'name') s.names = true;
    else s.missing.push(`${host} has no address`);
  });
  return s;
}

/** Whether a side can carry packets of a family (a DNS name can, through fqdn v4 / v6). */
const carries = (s: Side, f: Family) => s.any || s[f] || s.names;
const concrete = (s: Side) => s.ipv4 || s.ipv6 || s.names;

export function toCiscoAsa(input: ExportInput, device?: Device): { text: string; notes: string[] } {
  const { plan } = input;
  const grouping = device?.grouping ?? rulesFor(input);
  const zoneNames = new Map(plan.zones.map((z) => [z.id, visibleText(z.name)]));
  const sides = new Map(grouping.groups.map((g) => [g.key, side(plan, g)]));

  // Which DNS-name groups need a fqdn v6 object too: those meeting IPv6 or any across a rule.
  const needsV6 = new Set<string>();
  for (const r of grouping.rules) {
    const src = sides.get(r.source.key)!;
    const dst = sides.get(r.destination.key)!;
    if (src.names && (dst.ipv6 || dst.any || dst.names)) needsV6.add(r.source.key);
    if (dst.names && (src.ipv6 || src.any || src.names)) needsV6.add(r.destination.key);
  }

  // Names: objects, object-groups and service groups share one namespace on the ASA.
  const namer = new Namer(ASA_LIMITS, plan);
  const objects: string[] = [];
  const objectNames = new Map<string, string>();
  const objectFor = (label: string, address: string, kind: 'ipv4' | 'ipv6' | 'fqdn4' | 'fqdn6') => {
    const key = `${kind} ${address} ${label}`;
    let name = objectNames.get(key);
    if (name === undefined) {
      name = namer.name(label);
      objectNames.set(key, name);
      objects.push(`object network ${name}`, ` ${objectLine(address, kind)}`);
    }
    return name;
  };
  const groupNames = new Map<string, string>();
  const groups: string[] = [];
  const groupFor = (group: AddressGroup) => {
    let name = groupNames.get(group.key);
    if (name !== undefined) return name;
    const hostNames = new Map(plan.hosts.map((h) => [h.id, visibleText(h.name)]));
    const refs: string[] = [];
    group.addresses.forEach((address, i) => {
      const family = addressFamily(address);
      const host = hostNames.get(group.hostIds[i]!) ?? group.hostIds[i]!;
      if (family === 'ipv4' || family === 'ipv6') refs.push(objectFor(host, address, family));
      else if (family === 'name') {
        const label = visibleText(address);
        refs.push(objectFor(label, address, 'fqdn4'));
        if (needsV6.has(group.key)) refs.push(objectFor(`${label}_v6`, address, 'fqdn6'));
      }
    });
    name = namer.name(`GRP-${group.name}`);
    groupNames.set(group.key, name);
    groups.push(
      `object-group network ${name}`,
      ...[...new Set(refs)].map((r) => ` network-object object ${r}`),
    );
    return name;
  };
  const services = new Map<string, string>();
  const serviceGroups: string[] = [];
  const portSpec = (protocol: string, ports: number[]) => {
    if (ports.length === 1) return `eq ${ports[0]}`;
    const key = `${protocol} ${ports.join(',')}`;
    let name = services.get(key);
    if (name === undefined) {
      name = namer.name(`${protocol.toUpperCase()}-${ports.join('-')}`);
      services.set(key, name);
      serviceGroups.push(
        `object-group service ${name} ${protocol}`,
        ...ports.map((p) => ` port-object eq ${p}`),
      );
    }
    return `object-group ${name}`;
  };

  // One access-list per source zone (on a device: per interface entered), in the order their first rules come.
  const nameifTaken = new Set<string>();
  const acls = new Map<
    string,
    { name: string; nameif: string; zone: string; lines: string[]; last: string[] }
  >();
  const aclFor = (zoneId: string | undefined, nameif?: string) => {
    const key = nameif === undefined ? (zoneId ?? '') : `if:${nameif}`;
    let acl = acls.get(key);
    if (acl === undefined && nameif !== undefined) {
      acl = { name: namer.name(`${nameif}-in`), nameif, zone: `interface ${nameif}`, lines: [], last: [] };
      acls.set(key, acl);
    }
    if (acl === undefined) {
      const zone = zoneId === undefined ? NO_ZONE : (zoneNames.get(zoneId) ?? zoneId);
      acl = {
        name: namer.name(`${zone}-in`),
        nameif: shortName(asaName(zone).toLowerCase().replace(/\./g, '_'), 48, nameifTaken),
        zone: zoneId === undefined ? 'hosts in no zone (the Internet)' : `zone ${ascii(zone)}`,
        lines: [],
        last: [],
      };
      acls.set(key, acl);
    }
    return acl;
  };

  // On a device: the plan's hosts an any side shares its interface with, as one object-group.
  const behindGroups = new Map<string, string>();
  const behindGroup = (rule: GroupedRule, role: 'source' | 'destination') => {
    const { hosts, unmatched } = behindInterface(device!, rule, role);
    if (unmatched.length > 0) unsupported.push(unmatchedNote(rule, role, unmatched));
    if (hosts.length === 0) return undefined;
    const key = hosts.map((h) => h.hostId).join(',');
    let name = behindGroups.get(key);
    if (name === undefined) {
      const hop = device!.hops.get(rule.number)!;
      name = namer.name(`${role === 'source' ? hop.from.name : hop.to.name}-HOSTS`);
      behindGroups.set(key, name);
      const refs = hosts.map((h) => objectFor(h.name, h.address, addressFamily(h.address) as Family));
      groups.push(
        `object-group network ${name}`,
        ...[...new Set(refs)].map((r) => ` network-object object ${r}`),
      );
    }
    return name;
  };

  const unsupported: Unsupported[] = [...(device?.unbound ?? [])];
  let denies = false;
  for (const rule of grouping.rules) {
    const acl = aclFor(rule.sourceZone, device?.hops.get(rule.number)!.from.name);
    const src = sides.get(rule.source.key)!;
    const dst = sides.get(rule.destination.key)!;
    const problems: string[] = [];
    const remarks: string[] = [];
    for (const [role, group, s] of [
      ['source', rule.source, src],
      ['destination', rule.destination, dst],
    ] as const)
      for (const m of s.missing) problems.push(`${role} ${group.name}: ${m}, and an ACL matches addresses`);

    const shared = (['ipv4', 'ipv6'] as const).some((f) => carries(src, f) && carries(dst, f));
    if (src.any && dst.any)
      problems.push('both sides are any address; a rule without an address match would allow everything');
    else if (!src.any && !dst.any && concrete(src) && concrete(dst)) {
      // Members of one family with no member of that family (nor a name) on the other side.
      for (const f of ['ipv4', 'ipv6'] as const) {
        const other: Family = f === 'ipv4' ? 'ipv6' : 'ipv4';
        const reaches = (s: Side, fam: Family) => s[fam] || s.names;
        if (src.of[f].length > 0 && !reaches(dst, f))
          problems.push(
            `${LABEL[f]} sources (${src.of[f].join(', ')}) cannot reach the ${LABEL[other]} destinations ` +
              `(${dst.of[other].join(', ')}): no rule passes a packet from one address family to the other`,
          );
        // The pair is said once: here only when the sources of the other family reach something.
        if (dst.of[f].length > 0 && !reaches(src, f) && reaches(dst, other))
          problems.push(
            `${LABEL[f]} destinations (${dst.of[f].join(', ')}) cannot be reached from the ${LABEL[other]} sources ` +
              `(${src.of[other].join(', ')}): no rule passes a packet from one address family to the other`,
          );
      }
    }

    const statements: string[] = [];
    const denied: string[] = [];
    if (shared && !(src.any && dst.any)) {
      const from = src.any ? 'any' : `object-group ${groupFor(rule.source)}`;
      const to = dst.any ? 'any' : `object-group ${groupFor(rule.destination)}`;
      const notFrom = device && src.any ? behindGroup(rule, 'source') : undefined;
      const notTo = device && dst.any ? behindGroup(rule, 'destination') : undefined;
      for (const protocol of ['tcp', 'udp'] as const) {
        const ports = [...new Set(rule.services.filter((s) => s.protocol === protocol).map((s) => s.port))];
        if (ports.length === 0) continue;
        const spec = portSpec(protocol, ports);
        if (notFrom)
          denied.push(
            `access-list ${acl.name} extended deny ${protocol} object-group ${notFrom} ${to} ${spec}`,
          );
        if (notTo)
          denied.push(
            `access-list ${acl.name} extended deny ${protocol} ${from} object-group ${notTo} ${spec}`,
          );
        statements.push(`access-list ${acl.name} extended permit ${protocol} ${from} ${to} ${spec}`);
      }
    }
    const what =
      statements.length > 0 ? 'left out of this rule' : 'no access-list line written for this rule';
    for (const p of problems) {
      const u = { rule: rule.number, text: `${p} (${what}).` };
      unsupported.push(u);
      remarks.push(`! ${ascii(unsupportedLine(u))}`);
    }
    // A rule with deny lines comes last, so they never hide another rule's permit.
    const into = denied.length > 0 ? acl.last : acl.lines;
    if (denied.length > 0) denies = true;
    if (statements.length > 0) into.push(`access-list ${acl.name} remark ${asaRemark(rule)}`);
    else remarks.unshift(`! ${asaRemark(rule)}`);
    into.push(...remarks, ...denied, ...statements);
  }
  for (const acl of acls.values()) acl.lines.push(...acl.last);

  const notes = unsupported.map(unsupportedLine);
  const bindLines = [
    'Clearing a list also removes its access-group binding: bind it again (lines at the end).',
    'Each access-list holds the rules whose sources are in one zone; an ACL ends in an implicit deny.',
    'Binding it (the access-group lines at the end, commented out) replaces the list already bound',
    'to that interface: to keep the current one, copy its entries into this list first',
    '(show running-config access-group). The interface names are the zone names: use your nameif.',
  ];
  const deviceBindLines = [
    "Each access-list holds the rules entering by one interface (the device's nameif, as the plan",
    'names it), and the access-group lines at the end bind it there, inbound, again after the clear.',
    'Binding replaces the list already bound to that interface: to keep the current one, copy its',
    'entries into this list first (show running-config access-group). An ACL ends in an implicit deny.',
    ...(denies
      ? [
          'An inbound list cannot name the interface a packet leaves by, so a permit from or to any (the',
          "Internet) would also reach the plan's hosts behind the same interface. Such a rule is preceded by",
          'deny lines for those hosts (object-groups ending -HOSTS), and comes last in its list so the deny',
          'lines hide no other rule. The ASA relies on the plan listing every address behind that interface:',
          'an address the plan does not hold is not denied.',
        ]
      : []),
  ];
  const header = [
    ...headerLines(input, 'Cisco ASA', device),
    `Object prefix: ${namer.prefix}. Every object, object-group and access-list here starts with it.`,
    '',
    'Paste in configuration mode (configure terminal) on ASA 9.x; IPv4 and IPv6 share each list.',
    'It first clears its own access-lists and object-groups, then creates them again: pasting it',
    'twice gives the same configuration, and a changed plan replaces the lists and groups of the same',
    'names. Lists of zones no longer in the plan, and their groups, stay: remove them by hand first',
    `(show running-config access-list | include ^access-list ${namer.prefix}-).`,
    'The first paste prints an error for each object-group it cannot remove yet: harmless.',
    ...(device ? deviceBindLines : bindLines),
    'fqdn objects need DNS on the ASA: dns domain-lookup <nameif> and a dns server-group name-server.',
  ];
  if (notes.length > 0)
    header.push('', 'Not expressible on the ASA (also marked where each rule is):', ...notes);

  // A zone whose every rule is left out gets no list: clearing one there would unbind the
  // interface with nothing in its place.
  const written = [...acls.values()].filter((a) => a.lines.some((l) => l.startsWith('access-list ')));
  const body: string[] = [];
  for (const acl of acls.values()) {
    const bound = written.includes(acl)
      ? `bind to interface ${acl.nameif}`
      : 'nothing written, so no access-list (an earlier one of this name is left as it is)';
    body.push('!', `! Rules from ${acl.zone}: ${bound}`, ...acl.lines);
  }
  const groupNamesWritten = groups.filter((l) => l.startsWith('object-group ')).map((l) => l.split(' ')[2]!);
  const serviceNamesWritten = serviceGroups
    .filter((l) => l.startsWith('object-group '))
    .map((l) => l.split(' ')[2]!);
  const lines = [
    ...header.map((l) => (l === '' ? '!' : `! ${ascii(l)}`)),
    '!',
    ...written.map((a) => `clear configure access-list ${a.name}`),
    ...groupNamesWritten.map((n) => `no object-group network ${n}`),
    ...serviceNamesWritten.map((n) => `no object-group service ${n}`),
    '!',
    ...objects,
    ...groups,
    ...serviceGroups,
    ...body,
    '!',
    ...(device
      ? [
          '! Bind each list to the interface its rules enter by (replaces the list bound there):',
          ...written.map((a) => `access-group ${a.name} in interface ${a.nameif}`),
        ]
      : [
          '! Bind each list to the interface its sources are behind (replaces the list bound there):',
          ...written.map((a) => `! access-group ${a.name} in interface ${a.nameif}`),
        ]),
    '',
  ];
  return { text: lines.join('\n'), notes };
}

export const ciscoAsaTarget: FirewallTarget = {
  label: 'Cisco ASA',
  suffix: '-cisco-asa.txt',
  limits: ASA_LIMITS,
  vendor: 'cisco-asa',
  // nameif: up to 48 characters; kept to those that need no quoting in an access-group line.
  interfaceProblem: (name) =>
    name.length === 0 || name.length > 48
      ? 'is not 1 to 48 characters long, as an ASA nameif is'
      : !/^[A-Za-z][A-Za-z0-9._-]*$/.test(name)
        ? 'does not start with a letter followed by letters, digits, ".", "_" and "-"'
        : undefined,
  // ASA configuration has no quoting: plan text only reaches remarks and `!` lines, as ASCII.
  quote: (text) => ascii(text),
  comment: (text) => `! ${ascii(text)}`,
  objectName: asaName,
  render: toCiscoAsa,
};

/** `<plan name>-cisco-asa.txt`: the grouped rules of the change request's scope as ASA configuration. */
export const exportCiscoAsa = exportTarget(ciscoAsaTarget);
