import type { AddressGroup, GroupedRule } from '../../grouping';
import { isHostname } from '../../plan';
import { visibleText } from '../../text';
import type { ExportInput } from '../types';
import {
  addressFamily,
  behindInterface,
  exportTarget,
  headerLines,
  isReserved,
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
 * PAN-OS: `set` commands for the CLI's configure mode, one line each, in the vsys-less form a
 * single-vsys firewall takes:
 *
 * - an address object per member address (`ip-netmask` for addresses and blocks, IPv4 or IPv6;
 *   `fqdn` for DNS names, which PAN-OS resolves itself);
 * - a static address group per address group of two or more members (a one-member group is its
 *   address object, under the group's name);
 * - a service object per protocol and port list (PAN-OS services hold one protocol);
 * - a security rule per grouped rule: zones from the plan's zones, `rule-type interzone` where
 *   they differ (so `from A to B` never matches inside a zone) and `intrazone` where they are the
 *   same, `application any` with the explicit services (a port-based rule), action allow, the rule
 *   number and justification as its description.
 *
 * Every address, group, service and rule name starts with the plan's object prefix, so nothing on
 * the firewall is redefined and no name can be a reserved word (`any` would widen a rule to every
 * address). A plan zone whose name is a reserved word is written `<name>-zone`, never `any`.
 *
 * `any` only where the plan's side is any (the Internet); a rule never has any on both sides. A
 * member without a usable address is left out of its side, with a note, and a side left empty
 * means no rule: never a broader one. The CLI has no comments, so the header and the notes are
 * `#` lines the admin does not paste (the header says how to keep only the `set` lines).
 *
 * For a device of the plan: its rules only, `from`/`to` its interfaces as the plan names them
 * (PAN-OS zone names). An any side (the Internet) that shares its zone with hosts of the plan is
 * written as those hosts with `negate-source` / `negate-destination yes`, so it cannot reach them.
 *
 * Not checked by a Palo Alto parser: the tests check the command shapes, names and references
 * with a grammar of their own (panos.test.ts).
 */

/** Security rule names: 63 characters from PAN-OS 8.1 on. */
export const RULE_NAME_MAX = 63;
/** Address, address group and service names. */
export const OBJECT_NAME_MAX = 63;
/** Zone names. */
export const ZONE_NAME_MAX = 31;
/** Descriptions. */
export const DESCRIPTION_MAX = 1023;

export const PANOS_LIMITS: TargetLimits = {
  nameMax: OBJECT_NAME_MAX,
  nameChar: /[A-Za-z0-9._-]/,
  nameFill: '-',
  // Words PAN-OS reads as keywords where an address, zone or service name goes.
  reserved: [
    'any',
    'all',
    'none',
    'default',
    'application-default',
    'select',
    'multicast',
    'service-http',
    'service-https',
  ],
  commentMax: DESCRIPTION_MAX,
  commentUnit: 'characters',
  families: ['ipv4', 'ipv6'],
  fqdn: ['ipv4', 'ipv6'],
};

/** Text for one `#` line. */
const comment = (text: string) => (text === '' ? '#' : `# ${oneLine(text)}`);

/** A name PAN-OS takes unquoted: letters, digits, `-`, `_` and `.`, none of them at either end. */
function objectName(text: string, fallback: string): string {
  return nameFrom(text, PANOS_LIMITS.nameChar, PANOS_LIMITS.nameFill) || fallback;
}

/** The families a member address can be matched in (a DNS name and any: both). */
function families(address: string): ('ipv4' | 'ipv6')[] {
  const f = addressFamily(address);
  if (f === 'ipv4' || f === 'ipv6') return [f];
  if (f === 'any' || f === 'name') return ['ipv4', 'ipv6'];
  return [];
}

/**
 * A description inside double quotes: one line, `"` made `'` and `\` made `/` (nothing can close
 * the quotes), `?` left out (the interactive CLI may take it as a request for help), at most 1023
 * characters.
 */
export function description(rule: GroupedRule): string {
  const text = oneLine(ruleComment(rule, 4 * DESCRIPTION_MAX))
    .replace(/"/g, "'")
    .replace(/\\/g, '/')
    .replace(/\?/g, '');
  return `"${text.length <= DESCRIPTION_MAX ? text : `${text.slice(0, DESCRIPTION_MAX - 3)}...`}"`;
}

/** An address object's value, or why the member has none PAN-OS can use. */
function addressValue(address: string): { value: string } | { any: true } | { problem: string } {
  const family = addressFamily(address);
  if (family === 'any') return { any: true };
  if (family === 'none') return { problem: 'has no address' };
  if (family === 'ipv4' || family === 'ipv6') {
    const value = address.includes('/') ? address : `${address}/${family === 'ipv4' ? 32 : 128}`;
    return { value: `ip-netmask ${value}` };
  }
  if (isHostname(address) && address.length <= 255) return { value: `fqdn ${address}` };
  return {
    problem: `has an address that is neither an IP address nor a DNS name (${oneLine(visibleText(address))})`,
  };
}

interface Side {
  /** The name the rule uses: an address, an address group, or `any`. */
  name: string | null;
  problems: string[];
}

export function toPanos(input: ExportInput, device?: Device): { text: string; notes: string[] } {
  const { plan } = input;
  const grouping = device?.grouping ?? rulesFor(input);
  const hostNames = new Map(plan.hosts.map((h) => [h.id, oneLine(visibleText(h.name))]));
  const namer = new Namer(PANOS_LIMITS, plan);
  const objects: string[] = [];
  const groupLines: string[] = [];
  const serviceLines: string[] = [];
  const ruleLines: string[] = [];
  const unsupported: Unsupported[] = [...(device?.unbound ?? [])];

  // Group names first: they are the names of the grouped rules CSV and the PDF, kept when they fit.
  const groupName = new Map<string, string>();
  for (const group of grouping.groups) groupName.set(group.key, namer.name(objectName(group.name, 'GROUP')));

  // One address object per member address, named after the one-member group or the host.
  const addressObject = new Map<string, string>();
  const addressFor = (hostId: string, value: string, name: () => string) => {
    const key = JSON.stringify([hostId, value]);
    let objectName = addressObject.get(key);
    if (objectName === undefined) {
      objectName = name();
      addressObject.set(key, objectName);
      objects.push(`set address ${objectName} ${value}`);
    }
    return objectName;
  };

  const sides = new Map<string, Side>();
  const sideOf = (group: AddressGroup): Side => {
    const known = sides.get(group.key);
    if (known) return known;
    const members: string[] = [];
    const problems: string[] = [];
    let any = false;
    group.addresses.forEach((address, i) => {
      const hostId = group.hostIds[i]!;
      const v = addressValue(address);
      if ('any' in v) any = true;
      else if ('problem' in v) problems.push(`${hostNames.get(hostId) ?? hostId} ${v.problem}`);
      else
        members.push(
          addressFor(hostId, v.value, () =>
            group.addresses.length === 1
              ? groupName.get(group.key)!
              : namer.name(objectName(hostNames.get(hostId) ?? hostId, 'HOST')),
          ),
        );
    });
    let side: Side;
    if (any) side = { name: 'any', problems: [] };
    else if (members.length === 0) side = { name: null, problems };
    else if (group.addresses.length === 1) side = { name: members[0]!, problems };
    else {
      const name = groupName.get(group.key)!;
      const unique = [...new Set(members)];
      groupLines.push(`set address-group ${name} static [ ${unique.join(' ')} ]`);
      side = { name, problems };
    }
    sides.set(group.key, side);
    return side;
  };

  const services = new Map<string, string>();
  const serviceFor = (protocol: 'tcp' | 'udp', ports: number[], rule: number) => {
    const key = `${protocol} ${ports.join(',')}`;
    let name = services.get(key);
    if (name === undefined) {
      const wanted = `${protocol}-${ports.join('-')}`;
      name = namer.name(
        `${namer.prefix}-${wanted}`.length <= OBJECT_NAME_MAX ? wanted : `${protocol}-rule-${rule}`,
      );
      services.set(key, name);
      serviceLines.push(`set service ${name} protocol ${protocol} port ${ports.join(',')}`);
    }
    return name;
  };

  // Zones are the firewall's own: named after the plan's zones, never a reserved word.
  const zoneNames = new Map<string, string>();
  const zoneTaken = new Set<string>(PANOS_LIMITS.reserved);
  for (const zone of plan.zones) {
    const base = objectName(zone.name, 'ZONE');
    const name = isReserved(PANOS_LIMITS, base) ? `${base}-zone` : base;
    zoneNames.set(
      zone.id,
      shortName(name.slice(0, ZONE_NAME_MAX).replace(/[-_.]+$/, ''), ZONE_NAME_MAX, zoneTaken),
    );
  }
  const usedZones = new Set<string>();
  const zoneOf = (id: string | undefined) => {
    if (id === undefined || !zoneNames.has(id)) return 'any';
    usedZones.add(id);
    return zoneNames.get(id)!;
  };

  // On a device: the plan's hosts an any side shares its zone with, as one address group.
  const behindGroups = new Map<string, string>();
  const notBehind = (rule: GroupedRule, role: 'source' | 'destination'): string | undefined => {
    const { hosts, unmatched } = behindInterface(device!, rule, role);
    if (unmatched.length > 0) unsupported.push(unmatchedNote(rule, role, unmatched));
    if (hosts.length === 0) return undefined;
    const members = hosts.map((h) =>
      addressFor(h.hostId, (addressValue(h.address) as { value: string }).value, () =>
        namer.name(objectName(h.name, 'HOST')),
      ),
    );
    const unique = [...new Set(members)];
    if (unique.length === 1) return unique[0]!;
    const key = unique.join(' ');
    let name = behindGroups.get(key);
    if (name === undefined) {
      const hop = device!.hops.get(rule.number)!;
      name = namer.name(`${role === 'source' ? hop.from.name : hop.to.name}-HOSTS`);
      behindGroups.set(key, name);
      groupLines.push(`set address-group ${name} static [ ${unique.join(' ')} ]`);
    }
    return name;
  };
  const usedInterfaces = new Map<string, string | undefined>();

  for (const rule of grouping.rules) {
    const source = sideOf(rule.source);
    const destination = sideOf(rule.destination);
    const problems = [
      ...source.problems.map((p) => `source ${rule.source.name}: ${p}`),
      ...destination.problems.map((p) => `destination ${rule.destination.name}: ${p}`),
    ];
    let written = false;
    // A packet keeps its family: a rule whose sides share none could never match.
    const familiesOf = (g: AddressGroup) => new Set(g.addresses.flatMap(families));
    const sourceFamilies = familiesOf(rule.source);
    const shared = [...familiesOf(rule.destination)].some((f) => sourceFamilies.has(f));
    if (source.name === 'any' && destination.name === 'any')
      problems.push('both sides are any address: a rule matching every address is not written');
    else if (source.name !== null && destination.name !== null && !shared)
      problems.push(
        'the sources and the destinations share no address family (IPv4 and IPv6): the rule could never match',
      );
    else if (source.name !== null && destination.name !== null) {
      const names = (['tcp', 'udp'] as const).flatMap((protocol) => {
        const ports = [...new Set(rule.services.filter((s) => s.protocol === protocol).map((s) => s.port))];
        return ports.length === 0 ? [] : [serviceFor(protocol, ports, rule.number)];
      });
      const name = namer.name(
        objectName(`R${rule.number}-${rule.source.name}-${rule.destination.name}`, `R${rule.number}`),
        RULE_NAME_MAX,
      );
      const list = (xs: string[]) => (xs.length === 1 ? xs[0]! : `[ ${xs.join(' ')} ]`);
      const hop = device?.hops.get(rule.number);
      if (hop) for (const i of [hop.from, hop.to]) usedInterfaces.set(i.name, i.zone);
      const from = hop ? hop.from.name : zoneOf(rule.sourceZone);
      const to = hop ? hop.to.name : zoneOf(rule.destinationZone);
      // Zones that differ in the plan: interzone; the same zone: intrazone; both any: universal.
      const type = hop
        ? from === to
          ? ' rule-type intrazone'
          : ' rule-type interzone'
        : rule.sourceZone === undefined && rule.destinationZone === undefined
          ? ''
          : rule.sourceZone === rule.destinationZone
            ? ' rule-type intrazone'
            : ' rule-type interzone';
      const notSource = device && source.name === 'any' ? notBehind(rule, 'source') : undefined;
      const notDestination =
        device && destination.name === 'any' ? notBehind(rule, 'destination') : undefined;
      ruleLines.push(
        comment(ruleComment(rule, 1000)),
        `set rulebase security rules ${name} from ${from} to ${to}${type}` +
          ` source ${notSource ?? source.name} destination ${notDestination ?? destination.name}` +
          `${notSource ? ' negate-source yes' : ''}${notDestination ? ' negate-destination yes' : ''}` +
          ` source-user any category any` +
          ` application any service ${list(names)} action allow description ${description(rule)}`,
      );
      written = true;
    }
    const what = written ? 'left out of this rule' : 'no rule written';
    const here = problems.map((p) => ({ rule: rule.number, text: `${p} (${what})` }));
    if (!written) ruleLines.push(comment(ruleComment(rule, 1000)));
    for (const u of here) ruleLines.push(comment(`NOT WRITTEN: ${unsupportedLine(u)}`));
    unsupported.push(...here);
  }

  const zones = plan.zones.filter((z) => usedZones.has(z.id));
  const header = [
    ...headerLines(input, 'PAN-OS', device),
    "NOT VERIFIED BY A VENDOR PARSER: checked against a grammar of Portolan's own, not by PAN-OS.",
    `Object prefix: ${namer.prefix}. Every address, group, service and rule name here starts with it.`,
    '',
    'Paste only the set lines, in configure mode, then review and commit:',
    "  grep '^set ' FILE",
    'These lines (starting #) are not commands: the CLI has no comment syntax.',
    'Vsys-less form, for a single-vsys firewall. Multi-vsys: set system setting target-vsys first.',
    'Panorama: put them under a device group (pre-rulebase for the rules).',
    '',
    'New rules are added at the end of the rulebase: move each above any deny rule,',
    '  move rulebase security rules NAME before DENY-RULE',
    "Port-based rules: application any with the plan's ports as services. For App-ID, replace",
    'application any with the applications and service with application-default.',
    'Setting the same names again gives the same objects and rules, but set adds members to a group and',
    `removes nothing: to replace an earlier import, delete its rules and groups (names start ${namer.prefix}-) first.`,
    'Rules whose zones differ are rule-type interzone: they never match traffic inside one zone.',
    'DNS names are fqdn address objects: the firewall resolves them itself.',
    ...(device
      ? [
          "from and to are the device's interfaces as the plan names them, taken as PAN-OS zone names.",
          'A side that is any (the Internet) sharing its zone with hosts of the plan is those hosts, negated.',
        ]
      : [
          'A side in no zone of the plan (the Internet) is from/to any zone; its addresses still limit the rule.',
        ]),
  ];
  if (device && usedInterfaces.size > 0) {
    header.push('', 'Zones the rules use: they must exist on the firewall with these names:');
    for (const [name, zoneId] of usedInterfaces) {
      const zone = plan.zones.find((z) => z.id === zoneId);
      header.push(`  ${name} (plan zone "${zone ? oneLine(visibleText(zone.name)) : '(no zone)'}")`);
    }
  } else if (zones.length > 0) {
    header.push(
      '',
      'Zones the rules use: they must exist on the firewall with these names (or edit the lines):',
    );
    for (const z of zones)
      header.push(`  ${zoneNames.get(z.id)!} (plan zone "${oneLine(visibleText(z.name))}")`);
  }
  const notes = unsupported.map(unsupportedLine);
  if (notes.length > 0) header.push('', 'Not written (also marked where each rule is):', ...notes);

  const lines = [
    ...header.map(comment),
    '',
    comment('Addresses'),
    ...objects,
    ...(groupLines.length > 0 ? ['', comment('Address groups'), ...groupLines] : []),
    ...(serviceLines.length > 0 ? ['', comment('Services'), ...serviceLines] : []),
    '',
    comment('Security rules'),
    ...ruleLines,
  ];
  return { text: `${lines.join('\n')}\n`, notes };
}

export const panosTarget: FirewallTarget = {
  label: 'PAN-OS',
  suffix: '-panos.txt',
  limits: PANOS_LIMITS,
  vendor: 'panos',
  interfaceProblem: (name) =>
    name.length === 0 || name.length > ZONE_NAME_MAX
      ? `is not 1 to ${ZONE_NAME_MAX} characters long, as PAN-OS zone names are`
      : !/^[A-Za-z0-9._-]+$/.test(name)
        ? 'holds characters other than letters, digits, ".", "_" and "-"'
        : isReserved(PANOS_LIMITS, name)
          ? 'is a word PAN-OS reads as a keyword there'
          : undefined,
  quote: (text) => `"${oneLine(text).replace(/"/g, "'").replace(/\\/g, '/').replace(/\?/g, '')}"`,
  comment,
  objectName: (text) => objectName(text, ''),
  render: toPanos,
};

/** `<plan name>-panos.txt`: the grouped rules of the change request's scope as PAN-OS set commands. */
export const exportPanos = exportTarget(panosTarget);
