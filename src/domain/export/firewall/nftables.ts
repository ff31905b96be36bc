import type { AddressGroup, GroupedRule } from '../../grouping';
import { objectPrefix } from '../../plan';
import type { Plan } from '../../plan';
import type { ExportInput } from '../types';
import {
  addressFamily,
  behindInterface,
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
 * nftables: one file `nft -f` loads as one transaction. Everything lives in the plan's own table,
 * `inet <PREFIX>` (the plan's object prefix, `-` made `_`), and the file replaces it whole:
 *
 *   table inet P { chain P_rules { } … }   creates the table, chain and sets if missing
 *   flush chain … / flush set …           (for the merge recipe, see the header)
 *   delete table inet P                   removes what an earlier load made
 *   table inet P { … }                    and makes it again
 *
 * so loading the file twice leaves the same ruleset as loading it once, and loading a changed
 * plan's file leaves exactly the new rules. Inside the table:
 *
 * - one named set per address group and family (`<GROUP>_v4` of `type ipv4_addr`, `<GROUP>_v6` of
 *   `type ipv6_addr`), with `flags interval` since members may be CIDR blocks, and `auto-merge` so
 *   overlapping members (a host inside a block of the same group) load instead of failing;
 * - one regular chain, `portolan_rules`, with one accept statement per grouped rule, family
 *   (IPv4 and IPv6 never mixed) and protocol (tcp and udp apart);
 * - a base chain `forward`, commented out, for a firewall that takes this table as its forward filter.
 *
 * For a device of the plan: its rules only, each statement bound to the interfaces it enters and
 * leaves by (`iifname "dmz" oifname "wan1"`), and an any side (the Internet) that shares its
 * interface with hosts of the plan matched as "not those hosts" (`ip daddr != @…`).
 *
 * A chain can only be jumped to from its own table, and an accept in one table does not override a
 * drop in another, so the header says how to load the same sets and chain into the admin's own
 * table instead (Debian's /etc/nftables.conf has `table inet filter` with a `forward` chain).
 *
 * The Internet (`any`) side gets no address match, but a rule never has none on both sides. What
 * nftables cannot match (DNS names, hosts without an address, sides with no family in common) is a
 * comment where the rule would be and a note for the person downloading, never a broader rule.
 */

/** Set names: prefix and group name cut to this length, then `_v4`/`_v6`. nft allows far more; this stays readable. */
const SET_BASE_MAX = 52;
/** nft refuses comments longer than 128 bytes (NFTNL_UDATA_COMMENT_MAXLEN); one kept for the terminator. */
const COMMENT_MAX_BYTES = 127;

export const NFT_LIMITS: TargetLimits = {
  nameMax: 64,
  // nft identifiers: letters, digits and `_` (it takes `/`, `.` and `-` too, but not everywhere).
  nameChar: /[A-Za-z0-9_]/,
  nameFill: '_',
  // Words of the nft grammar that cannot be a bare identifier.
  reserved: [
    'table',
    'chain',
    'set',
    'map',
    'flush',
    'delete',
    'add',
    'insert',
    'ip',
    'ip6',
    'inet',
    'filter',
  ],
  commentMax: COMMENT_MAX_BYTES,
  commentUnit: 'bytes',
  families: ['ipv4', 'ipv6'],
  fqdn: [],
};

/**
 * The table and chain names of a plan. The table is `<PREFIX>_portolan`, not the prefix alone: a
 * prefix chosen as `filter` must not make the file replace the admin's own `table inet filter`,
 * nor one chosen as `drop` be read as a keyword.
 */
export function nftNames(plan: Plan) {
  const namer = new Namer(NFT_LIMITS, plan);
  return { namer, table: namer.name('portolan'), chain: namer.name('rules') };
}

type Family = 'ipv4' | 'ipv6';
const FAMILIES: readonly Family[] = ['ipv4', 'ipv6'];
const MATCH: Record<Family, string> = { ipv4: 'ip', ipv6: 'ip6' };
const SUFFIX: Record<Family, string> = { ipv4: '_v4', ipv6: '_v6' };
const TYPE: Record<Family, string> = { ipv4: 'ipv4_addr', ipv6: 'ipv6_addr' };
const LABEL: Record<Family, string> = { ipv4: 'IPv4', ipv6: 'IPv6' };

/** Text for a quoted string: one line, no double quote (nft strings have no escapes). */
const quotable = (text: string) => oneLine(text).replace(/"/g, "'");

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** The rule's comment, within nft's limit in bytes (ruleComment counts characters). */
function nftComment(rule: GroupedRule): string {
  for (let max = COMMENT_MAX_BYTES; ; max--) {
    const text = quotable(ruleComment(rule, max));
    if (utf8Length(text) <= COMMENT_MAX_BYTES) return text;
  }
}

/** Set base names for every group, unique and stable (group order is the grouping's). */
function setBases(groups: readonly AddressGroup[], namer: Namer): Map<string, string> {
  return new Map(groups.map((group) => [group.key, namer.name(group.name, SET_BASE_MAX)]));
}

interface Side {
  any: boolean;
  ipv4: string[];
  ipv6: string[];
  missing: string[];
}

function side(input: ExportInput, group: AddressGroup): Side {
  const m = membersByFamily(input.plan, group);
  const unique = (xs: string[]) => [...new Set(xs)];
  return { any: m.any, ipv4: unique(m.ipv4), ipv6: unique(m.ipv6), missing: m.missing };
}

export function toNftables(input: ExportInput, device?: Device): { text: string; notes: string[] } {
  const grouping = device?.grouping ?? rulesFor(input);
  const { namer, table, chain } = nftNames(input.plan);
  const bases = setBases(grouping.groups, namer);
  const sides = new Map(grouping.groups.map((g) => [g.key, side(input, g)]));
  const usedSets = new Map<string, { family: Family; elements: string[] }>();
  const unsupported: Unsupported[] = [...(device?.unbound ?? [])];
  const body: string[] = [];

  // On a device: the plan's hosts an any side shares its interface with, one set per family.
  const behindSets = new Map<string, string>();
  const notBehind = (rule: GroupedRule, role: 'source' | 'destination', family: Family) => {
    const { hosts } = behindInterface(device!, rule, role);
    const elements = [
      ...new Set(hosts.filter((h) => addressFamily(h.address) === family).map((h) => h.address)),
    ];
    if (elements.length === 0) return '';
    const hop = device!.hops.get(rule.number)!;
    const key = `${role === 'source' ? hop.from.name : hop.to.name}|${elements.join(',')}`;
    let base = behindSets.get(key);
    if (base === undefined) {
      base = namer.name(`${role === 'source' ? hop.from.name : hop.to.name}_hosts`, SET_BASE_MAX);
      behindSets.set(key, base);
    }
    usedSets.set(`${base}${SUFFIX[family]}`, { family, elements });
    return `${MATCH[family]} ${role === 'source' ? 'saddr' : 'daddr'} != @${base}${SUFFIX[family]} `;
  };

  const match = (group: AddressGroup, s: Side, family: Family, field: 'saddr' | 'daddr') => {
    if (s.any) return '';
    const name = `${bases.get(group.key)!}${SUFFIX[family]}`;
    usedSets.set(name, { family, elements: s[family] });
    return `${MATCH[family]} ${field} @${name} `;
  };

  for (const rule of grouping.rules) {
    const src = sides.get(rule.source.key)!;
    const dst = sides.get(rule.destination.key)!;
    const problems: string[] = [];
    for (const [role, group, s] of [
      ['source', rule.source, src],
      ['destination', rule.destination, dst],
    ] as const) {
      for (const m of s.missing)
        problems.push(`${role} ${group.name}: ${m}; nftables matches addresses only`);
    }
    const statements: string[] = [];
    const has = (s: Side, f: Family) => s.any || s[f].length > 0;
    const concrete = (s: Side) => s.ipv4.length + s.ipv6.length > 0;
    const comment = nftComment(rule);
    const hop = device?.hops.get(rule.number);
    const bound = hop ? `iifname "${hop.from.name}" oifname "${hop.to.name}" ` : '';
    if (device && !(src.any && dst.any))
      for (const [role, s] of [
        ['source', src],
        ['destination', dst],
      ] as const) {
        const { unmatched } = s.any ? behindInterface(device, rule, role) : { unmatched: [] };
        if (unmatched.length === 0) continue;
        const u = unmatchedNote(rule, role, unmatched);
        unsupported.push(u);
        body.push(`\t\t# ${oneLine(unsupportedLine(u))}`);
      }
    for (const family of FAMILIES) {
      const inSrc = has(src, family);
      const inDst = has(dst, family);
      if (inSrc && inDst) {
        if (src.any && dst.any) continue; // said once below
        const addresses =
          bound +
          (device && src.any ? notBehind(rule, 'source', family) : match(rule.source, src, family, 'saddr')) +
          (device && dst.any
            ? notBehind(rule, 'destination', family)
            : match(rule.destination, dst, family, 'daddr'));
        for (const protocol of ['tcp', 'udp'] as const) {
          const ports = rule.services.filter((s) => s.protocol === protocol).map((s) => s.port);
          if (ports.length === 0) continue;
          const dport = ports.length === 1 ? String(ports[0]) : `{ ${ports.join(', ')} }`;
          statements.push(`${addresses}${protocol} dport ${dport} accept comment "${comment}"`);
        }
      } else if (inSrc !== inDst && concrete(src) && concrete(dst)) {
        // A side with no address at all is said once, by its missing members.
        const [have, lack] = inSrc ? ['source', 'destination'] : ['destination', 'source'];
        const group = inSrc ? rule.source : rule.destination;
        problems.push(
          `the ${LABEL[family]} members of ${have} ${group.name} have no ${LABEL[family]} ${lack} (one rule cannot match IPv4 and IPv6 together)`,
        );
      }
    }
    if (src.any && dst.any)
      problems.push('both sides are any address; a rule without an address match would allow everything');
    const what = statements.length > 0 ? 'left out of this rule' : 'no statement written for this rule';
    for (const p of problems) unsupported.push({ rule: rule.number, text: `${p} (${what}).` });
    for (const p of problems)
      body.push(`\t\t# ${oneLine(unsupportedLine({ rule: rule.number, text: `${p} (${what}).` }))}`);
    body.push(...statements.map((s) => `\t\t${s}`));
  }

  const setNames = [...usedSets.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const sets: string[] = [];
  for (const name of setNames) {
    const { family, elements } = usedSets.get(name)!;
    sets.push(
      `\tset ${name} {`,
      `\t\ttype ${TYPE[family]}`,
      '\t\tflags interval',
      '\t\tauto-merge',
      `\t\telements = { ${elements.join(', ')} }`,
      '\t}',
      '',
    );
  }

  const header = [
    ...headerLines(input, 'nftables', device),
    `Object prefix: ${objectPrefix(input.plan)} (${namer.prefix} in nft names). Everything this file creates is in table inet ${table}.`,
    'The file replaces that table whole: plans applied to the same host need different prefixes.',
    '',
    `Load: nft -f FILE. It replaces table inet ${table} whole, in one transaction: loading it again`,
    'gives the same ruleset, and the file of a changed plan leaves exactly the new rules.',
    `Alone, the regular chain ${chain} filters nothing. Remove everything: nft delete table inet ${table}`,
    'A chain can only be jumped to from its own table, and an accept in one table does not undo a drop',
    'in another. So choose one:',
    '1. Into your own table (Debian: table inet filter in /etc/nftables.conf), before its final drop:',
    `     sed -e '/^delete table inet ${table}$/d' -e 's/inet ${table} /inet filter /' FILE | nft -f -`,
    `     nft add rule inet filter forward jump ${chain}     (once)`,
    `   Loading it again flushes and refills only the chain ${chain} and the sets of this file.`,
    `2. This table as the forward filter: uncomment chain forward at the end of table ${table}.`,
    '   Packets must then be accepted by every forward base chain, of this table and of any other.',
    '   Replies need: ct state established,related accept (in the commented chain).',
    ...(device
      ? [
          "Each rule names the interfaces it enters and leaves by (iifname, oifname): the device's own, as",
          'the plan names them. A side that is any (the Internet) sharing its interface with hosts of the plan',
          'excludes them (!= @…_hosts sets).',
        ]
      : []),
  ];
  const notes = unsupported.map(unsupportedLine);
  if (notes.length > 0)
    header.push('', 'Not expressible in nftables (also marked where each rule is):', ...notes);

  const lines = [
    ...header.map((l) => (l ? nftablesTarget.comment(l) : '#')),
    '',
    '# Create the table, chain and sets if missing, so the flushes and the delete below always apply.',
    `table inet ${table} {`,
    `\tchain ${chain} {`,
    '\t}',
    ...setNames.map(
      (name) => `\tset ${name} { type ${TYPE[usedSets.get(name)!.family]}; flags interval; auto-merge; }`,
    ),
    '}',
    `flush chain inet ${table} ${chain}`,
    ...setNames.map((name) => `flush set inet ${table} ${name}`),
    `delete table inet ${table}`,
    '',
    `table inet ${table} {`,
    ...sets,
    `\tchain ${chain} {`,
    ...body,
    '\t}',
    '',
    '\t# chain forward {',
    '\t# \ttype filter hook forward priority filter; policy drop;',
    '\t# \tct state established,related accept',
    `\t# \tjump ${chain}`,
    '\t# }',
    '}',
    '',
  ];
  return { text: lines.join('\n'), notes };
}

export const nftablesTarget: FirewallTarget = {
  label: 'nftables',
  suffix: '-nftables.nft',
  limits: NFT_LIMITS,
  vendor: 'nftables',
  interfaceProblem: linuxInterfaceProblem,
  quote: (text) => `"${quotable(text)}"`,
  comment: (text) => `# ${oneLine(text)}`,
  objectName: (text) => nameFrom(text, NFT_LIMITS.nameChar, NFT_LIMITS.nameFill),
  render: toNftables,
};

/** `<plan name>-nftables.nft`: the grouped rules of the change request's scope as an nftables table. */
export const exportNftables = exportTarget(nftablesTarget);
