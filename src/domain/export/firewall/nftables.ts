import type { AddressGroup, GroupedRule } from '../../grouping';
import { fileStem } from '../rows';
import type { ExportInput, Exporter } from '../types';
import {
  headerLines,
  membersByFamily,
  ruleComment,
  rulesFor,
  shortName,
  unsupportedLine,
  type Unsupported,
} from './common';

/**
 * nftables: one file `nft -f` loads into an empty ruleset. Everything lives in its own table,
 * `inet portolan` (fixed, so a reload or a removal is always `nft delete table inet portolan`):
 *
 * - one named set per address group and family (`<GROUP>_v4` of `type ipv4_addr`, `<GROUP>_v6` of
 *   `type ipv6_addr`), with `flags interval` since members may be CIDR blocks, and `auto-merge` so
 *   overlapping members (a host inside a block of the same group) load instead of failing;
 * - one regular chain, `portolan_rules`, with one accept statement per grouped rule, family
 *   (IPv4 and IPv6 never mixed) and protocol (tcp and udp apart);
 * - a base chain `forward`, commented out, for a firewall that takes this table as its forward filter.
 *
 * A chain can only be jumped to from its own table, and an accept in one table does not override a
 * drop in another, so the header says how to load the same sets and chain into the admin's own
 * table instead (Debian's /etc/nftables.conf has `table inet filter` with a `forward` chain).
 *
 * The Internet (`any`) side gets no address match, but a rule never has none on both sides. What
 * nftables cannot match (DNS names, hosts without an address, sides with no family in common) is a
 * comment where the rule would be and a note for the person downloading, never a broader rule.
 */

export const NFT_TABLE = 'portolan';
export const NFT_CHAIN = 'portolan_rules';
/** Set names: the group name cut to this length, then `_v4`/`_v6`. nft allows far more; this stays readable. */
const SET_BASE_MAX = 40;
/** nft refuses comments longer than 128 bytes (NFTNL_UDATA_COMMENT_MAXLEN); one kept for the terminator. */
const COMMENT_MAX_BYTES = 127;

type Family = 'ipv4' | 'ipv6';
const FAMILIES: readonly Family[] = ['ipv4', 'ipv6'];
const MATCH: Record<Family, string> = { ipv4: 'ip', ipv6: 'ip6' };
const SUFFIX: Record<Family, string> = { ipv4: '_v4', ipv6: '_v6' };
const TYPE: Record<Family, string> = { ipv4: 'ipv4_addr', ipv6: 'ipv6_addr' };
const LABEL: Record<Family, string> = { ipv4: 'IPv4', ipv6: 'IPv6' };

/** Text for a `#` comment: one line. */
// eslint-disable-next-line no-control-regex -- control characters would end or garble the line
const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
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

/** A valid nft identifier from a group name: letters, digits and `_`, starting with a letter. */
function identifier(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `G_${cleaned}`;
}

/** Set base names for every group, unique and stable (group order is the grouping's). */
function setBases(groups: readonly AddressGroup[]): Map<string, string> {
  const taken = new Set<string>();
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const group of groups) {
    let base: string;
    do base = shortName(identifier(group.name), SET_BASE_MAX, taken).replace(/-/g, '_');
    while (used.has(base.toLowerCase()));
    used.add(base.toLowerCase());
    out.set(group.key, base);
  }
  return out;
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

export function toNftables(input: ExportInput): { text: string; notes: string[] } {
  const grouping = rulesFor(input);
  const bases = setBases(grouping.groups);
  const sides = new Map(grouping.groups.map((g) => [g.key, side(input, g)]));
  const usedSets = new Map<string, { family: Family; elements: string[] }>();
  const unsupported: Unsupported[] = [];
  const body: string[] = [];

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
    for (const family of FAMILIES) {
      const inSrc = has(src, family);
      const inDst = has(dst, family);
      if (inSrc && inDst) {
        if (src.any && dst.any) continue; // said once below
        const addresses =
          match(rule.source, src, family, 'saddr') + match(rule.destination, dst, family, 'daddr');
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

  const sets: string[] = [];
  for (const [name, { family, elements }] of [...usedSets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
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
    ...headerLines(input, 'nftables'),
    '',
    `Load: nft -f FILE. It creates table inet ${NFT_TABLE} with the sets and the regular chain ${NFT_CHAIN};`,
    `on its own that chain filters nothing. To reload, first: nft delete table inet ${NFT_TABLE}`,
    'A chain can only be jumped to from its own table, and an accept in one table does not undo a drop',
    'in another. So choose one:',
    '1. Into your own table (Debian: table inet filter in /etc/nftables.conf), before its final drop:',
    `     sed 's/^table inet ${NFT_TABLE} {$/table inet filter {/' FILE | nft -f -`,
    `     nft add rule inet filter forward jump ${NFT_CHAIN}`,
    `2. This table as the forward filter: uncomment chain forward at the end of table ${NFT_TABLE}.`,
    '   Packets must then be accepted by every forward base chain, of this table and of any other.',
  ];
  const notes = unsupported.map(unsupportedLine);
  if (notes.length > 0)
    header.push('', 'Not expressible in nftables (also marked where each rule is):', ...notes);

  const lines = [
    ...header.map((l) => oneLine(l ? `# ${l}` : '#')),
    '',
    `table inet ${NFT_TABLE} {`,
    ...sets,
    `\tchain ${NFT_CHAIN} {`,
    ...body,
    '\t}',
    '',
    '\t# chain forward {',
    '\t# \ttype filter hook forward priority filter; policy drop;',
    '\t# \tct state established,related accept',
    `\t# \tjump ${NFT_CHAIN}`,
    '\t# }',
    '}',
    '',
  ];
  return { text: lines.join('\n'), notes };
}

/** `<plan name>-nftables.nft`: the grouped rules of the change request's scope as an nftables table. */
export const exportNftables: Exporter = (input) => {
  const { text, notes } = toNftables(input);
  return {
    filename: `${fileStem(input.plan.name)}-nftables.nft`,
    mime: 'text/plain;charset=utf-8',
    data: text,
    ...(notes.length > 0 ? { notes } : {}),
  };
};
