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
  membersByFamily,
  nameFrom,
  Namer,
  oneLine,
  ruleComment,
  linuxInterfaceProblem,
  rulesFor,
  unmatchedNote,
  unsupportedLine,
  type Device,
  type FirewallTarget,
  type TargetLimits,
  type Unsupported,
} from './common';

/**
 * `iptables-restore` / `ip6tables-restore` input for the filter table: one user chain holding the
 * accept rules of the grouped rules, one file per address family (iptables cannot mix them).
 *
 * iptables has no address sets without ipset, so every grouped rule becomes one line per source
 * address × destination address × protocol, with `-m multiport` for up to 15 ports (more are
 * split). A side that is `any` has no `-s`/`-d`; a rule with neither is never written (it would
 * match every forwarded packet on those ports). What the file cannot express (DNS names, hosts
 * without an address, a source and a destination of different families) is written as a comment
 * at the rule's place and returned in `notes`; members of the other family are pointed to the
 * other file.
 *
 * The chain is the plan's own, `<PREFIX>-RULES`. The jump from FORWARD is not in the file but in
 * the header: `--noflush` keeps the host's own rules, re-declaring the chain empties it so loading
 * again replaces the rules (twice gives the same as once), and the jump is added once, by hand,
 * where it belongs among the host's rules (an `-A FORWARD` line in the file would add one more
 * jump at every load, after any DROP already there).
 *
 * For a device of the plan: its rules only, each line bound to the interfaces it enters and leaves
 * by (`-i dmz -o wan1`). An any side (the Internet) that shares its interface with hosts of the plan
 * first sends packets to those hosts back (`-j RETURN`, not accepted here); such rules come last in
 * the chain, so the RETURN lines hide no other rule.
 */

export type IpFamily = 'ipv4' | 'ipv6';

/** `-m multiport` takes at most 15 ports. */
export const MAX_MULTIPORT = 15;
/** The kernel keeps 255 bytes of a comment and cuts the rest silently. */
export const MAX_COMMENT_BYTES = 255;

export const IPTABLES_LIMITS: TargetLimits = {
  // Chain names: under 29 characters.
  nameMax: 28,
  nameChar: /[A-Za-z0-9_-]/,
  nameFill: '-',
  // Built-in chains and targets: a user chain of these names would be refused or misread.
  reserved: [
    'INPUT',
    'OUTPUT',
    'FORWARD',
    'PREROUTING',
    'POSTROUTING',
    'ACCEPT',
    'DROP',
    'REJECT',
    'RETURN',
    'LOG',
  ],
  commentMax: MAX_COMMENT_BYTES,
  commentUnit: 'bytes',
  families: ['ipv4', 'ipv6'],
  fqdn: [],
};

/** The plan's own chain: `<PREFIX>-RULES`. */
export const chainName = (plan: Plan) => new Namer(IPTABLES_LIMITS, plan).name('RULES');

const TOOL: Record<IpFamily, string> = { ipv4: 'iptables', ipv6: 'ip6tables' };
const LABEL: Record<IpFamily, string> = { ipv4: 'IPv4', ipv6: 'IPv6' };
const OTHER: Record<IpFamily, IpFamily> = { ipv4: 'ipv6', ipv6: 'ipv4' };

/**
 * The `--comment` argument, quoted: one line, no `"` (made `'`) or `\` (made `/`), so nothing in
 * a name can close the quotes, and at most 255 bytes.
 */
export function commentArgument(rule: GroupedRule): string {
  return quote(ruleComment(rule, 1000));
}

/** A quoted argument: one line, no `"` (made `'`) or `\` (made `/`), at most 255 bytes. */
function quote(text: string): string {
  return `"${cutBytes(oneLine(text).replace(/"/g, "'").replace(/\\/g, '/'), MAX_COMMENT_BYTES)}"`;
}

/** `ports` in runs of at most 15. */
function chunks(ports: number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ports.length; i += MAX_MULTIPORT) out.push(ports.slice(i, i + MAX_MULTIPORT));
  return out;
}

/** The members of one family of a group, as "NAME (address)". */
function named(plan: Plan, group: AddressGroup, family: IpFamily): string[] {
  const names = new Map(plan.hosts.map((h) => [h.id, visibleText(h.name)]));
  return group.addresses.flatMap((address, i) =>
    addressFamily(address) === family
      ? [`${names.get(group.hostIds[i]!) ?? group.hostIds[i]!} (${visibleText(address)})`]
      : [],
  );
}

interface Side {
  /** Addresses of this family, or `[null]` for any. */
  addresses: (string | null)[];
  /** Members of the other family, named (none when the side is any). */
  other: string[];
  /** Members this file's family has an address for (any counts). */
  has: boolean;
  missing: string[];
}

function side(plan: Plan, group: AddressGroup, family: IpFamily): Side {
  const members = membersByFamily(plan, group);
  const addresses = members.any ? [null] : [...new Set(members[family])];
  return {
    addresses,
    other: members.any ? [] : named(plan, group, OTHER[family]),
    has: addresses.length > 0,
    missing: members.missing.map(oneLine),
  };
}

/**
 * One grouped rule's lines (its `#` heading, its `-A` lines, what it cannot express) and notes;
 * `returns` when it sends some packets back first (a device's any side).
 */
export function ruleLines(
  plan: Plan,
  rule: GroupedRule,
  family: IpFamily,
  chain = chainName(plan),
  device?: Device,
) {
  const tool = TOOL[family];
  const otherTool = TOOL[OTHER[family]];
  const source = side(plan, rule.source, family);
  const destination = side(plan, rule.destination, family);
  const lines = [`# ${oneLine(ruleComment(rule, 1000))}`];
  const unsupported: Unsupported[] = [];
  const elsewhere: Unsupported[] = [];

  for (const m of source.missing)
    unsupported.push({
      rule: rule.number,
      text: `source ${rule.source.name}: ${m}, and ${tool} matches addresses only`,
    });
  for (const m of destination.missing)
    unsupported.push({
      rule: rule.number,
      text: `destination ${rule.destination.name}: ${m}, and ${tool} matches addresses only`,
    });
  // A packet keeps its family: sources of this family cannot reach destinations of the other.
  if (source.has && source.addresses[0] !== null && destination.other.length > 0)
    unsupported.push({
      rule: rule.number,
      text:
        `${LABEL[family]} sources (${named(plan, rule.source, family).join(', ')}) cannot reach ` +
        `${LABEL[OTHER[family]]} destinations (${destination.other.join(', ')}): no rule passes a ` +
        'packet from one address family to the other',
    });
  const away = (role: string, members: string[]) =>
    elsewhere.push({
      rule: rule.number,
      text: `the ${LABEL[OTHER[family]]} ${role} ${members.join(', ')} ${members.length === 1 ? 'is' : 'are'} in the ${otherTool} file`,
    });
  if (source.other.length > 0) away(source.other.length === 1 ? 'source' : 'sources', source.other);
  if (destination.other.length > 0)
    away(destination.other.length === 1 ? 'destination' : 'destinations', destination.other);

  const both = source.has && destination.has;
  if (both && source.addresses[0] === null && destination.addresses[0] === null)
    unsupported.push({
      rule: rule.number,
      text: 'both sides are any: a rule with neither -s nor -d would match every forwarded packet',
    });
  let returns = false;
  if (both && !(source.addresses[0] === null && destination.addresses[0] === null)) {
    const comment = commentArgument(rule);
    const hop = device?.hops.get(rule.number);
    const bound = hop ? ` -i ${hop.from.name} -o ${hop.to.name}` : '';
    // On a device, an any side excludes the plan's hosts behind its interface: RETURN first.
    const behind = (role: 'source' | 'destination', any: boolean) => {
      if (!device || !any) return [];
      const { hosts, unmatched } = behindInterface(device, rule, role);
      if (unmatched.length > 0) elsewhere.push(unmatchedNote(rule, role, unmatched));
      return [...new Set(hosts.filter((h) => addressFamily(h.address) === family).map((h) => h.address))];
    };
    const notFrom = behind('source', source.addresses[0] === null);
    const notTo = behind('destination', destination.addresses[0] === null);
    const write = (s: string | null, d: string | null, verdict: 'ACCEPT' | 'RETURN') => {
      for (const protocol of ['tcp', 'udp'] as const) {
        const ports = rule.services.filter((x) => x.protocol === protocol).map((x) => x.port);
        for (const run of chunks([...new Set(ports)])) {
          const match =
            run.length === 1
              ? `-p ${protocol} -m ${protocol} --dport ${run[0]}`
              : `-p ${protocol} -m multiport --dports ${run.join(',')}`;
          const from = s === null ? '' : ` -s ${s}`;
          const to = d === null ? '' : ` -d ${d}`;
          lines.push(
            `-A ${chain}${bound}${from}${to} ${match} -m comment --comment ${comment} -j ${verdict}`,
          );
        }
      }
    };
    for (const s of notFrom) for (const d of destination.addresses) write(s, d, 'RETURN');
    for (const s of source.addresses) for (const d of notTo) write(s, d, 'RETURN');
    returns = notFrom.length + notTo.length > 0;
    for (const s of source.addresses) for (const d of destination.addresses) write(s, d, 'ACCEPT');
  }
  for (const u of unsupported) lines.push(`# NOT WRITTEN: ${oneLine(unsupportedLine(u))}`);
  for (const u of elsewhere) lines.push(`# ${oneLine(unsupportedLine(u))}`);
  if (lines.length === 1) lines.push(`# No ${LABEL[family]} address on either side: nothing to write here.`);
  return { lines, notes: [...unsupported, ...elsewhere].map(unsupportedLine), returns };
}

/** The restore file for one family, and what it could not express. */
export function toIptables(
  input: ExportInput,
  family: IpFamily,
  device?: Device,
): { text: string; notes: string[] } {
  const tool = TOOL[family];
  const chain = chainName(input.plan);
  const grouping = device?.grouping ?? rulesFor(input);
  const header = [
    ...headerLines(input, tool, device),
    `Only ${LABEL[family]} addresses; the ${LABEL[OTHER[family]]} rules are in the ${TOOL[OTHER[family]]} file.`,
    `Object prefix: ${new Namer(IPTABLES_LIMITS, input.plan).prefix}. This file creates one chain, ${chain}, and changes nothing else.`,
    "Loading it replaces that chain's rules: plans applied to the same host need different prefixes.",
    '',
    `Load without touching the host's own rules (loading again replaces the chain's rules, so twice is once):`,
    `  ${tool}-restore --noflush FILE`,
    `Then, once, send forwarded traffic through the chain before any DROP or REJECT in FORWARD:`,
    `  ${tool} -I FORWARD -j ${chain}`,
    "The chain only accepts the plan's flows; what it does not accept returns to FORWARD.",
    'Under a DROP policy, replies are dropped unless FORWARD also accepts established connections, once:',
    `  ${tool} -I FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT`,
    `The jumps are not in this file: ${tool}-restore --noflush would add them again at every load.`,
    `Remove everything: ${tool} -D FORWARD -j ${chain}; ${tool} -F ${chain}; ${tool} -X ${chain}`,
  ];
  const body: string[] = [];
  const last: string[] = [];
  const notes: string[] = (device?.unbound ?? []).map(unsupportedLine);
  for (const rule of grouping.rules) {
    const r = ruleLines(input.plan, rule, family, chain, device);
    (r.returns ? last : body).push(...r.lines);
    notes.push(...r.notes);
  }
  body.push(...last);
  if (device) {
    header.push(
      "Each line names the interfaces it enters and leaves by (-i, -o): the device's own, as the plan names them.",
    );
    if (last.length > 0)
      header.push(
        'A side that is any (the Internet) sharing its interface with hosts of the plan sends packets to',
        'them back to FORWARD first (-j RETURN); those rules come last, so the RETURN lines hide no other rule.',
      );
    const unbound = (device.unbound ?? []).map(unsupportedLine);
    if (unbound.length > 0) header.push('', 'Not written:', ...unbound);
  }
  const lines = [
    ...header.map((l) => (l === '' ? '#' : `# ${oneLine(l)}`)),
    '*filter',
    `:${chain} - [0:0]`,
    ...body,
    'COMMIT',
  ];
  return { text: `${lines.join('\n')}\n`, notes };
}

function target(family: IpFamily): FirewallTarget {
  return {
    label: TOOL[family],
    suffix: `-${TOOL[family]}.rules`,
    limits: { ...IPTABLES_LIMITS, families: [family] },
    vendor: 'iptables',
    interfaceProblem: linuxInterfaceProblem,
    quote,
    comment: (text) => `# ${oneLine(text)}`,
    objectName: (text) => nameFrom(text, IPTABLES_LIMITS.nameChar, IPTABLES_LIMITS.nameFill),
    render: (input, device) => toIptables(input, family, device),
  };
}

export const iptablesTarget = target('ipv4');
export const ip6tablesTarget = target('ipv6');
/** `<plan name>-iptables.rules`: the IPv4 rules for `iptables-restore`. */
export const exportIptables = exportTarget(iptablesTarget);
/** `<plan name>-ip6tables.rules`: the IPv6 rules for `ip6tables-restore`. */
export const exportIp6tables = exportTarget(ip6tablesTarget);
