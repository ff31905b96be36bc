import { ROLE_IDS, type RoleId } from '../catalog';
import { GROUP_NAME_MAX, validGroupName, type Host, type Plan } from '../plan';

/**
 * Text made valid as (part of) an object name: accents dropped ("Zürich" → "Zurich"), every run of
 * other characters turned into one "-", no "-" or "_" at either end. Empty when nothing is left.
 */
export function sanitizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
}

/** Cuts a name to `max` characters, at a "-" when one falls in the second half, with no "-" left at the end. */
function truncate(name: string, max: number): string {
  if (name.length <= max) return name;
  let cut = name.slice(0, max);
  const dash = cut.lastIndexOf('-');
  if (name[max] !== '-' && dash >= max / 2) cut = cut.slice(0, dash);
  return cut.replace(/[-_]+$/g, '');
}

/** A role in a group's name, in the plural when it is the only one. */
const ROLE_WORDS: Record<RoleId, { plural: string; short: string }> = {
  'array-manager': { plural: 'ARRAY-MANAGERS', short: 'AM' },
  'processing-node': { plural: 'PROCESSING-NODES', short: 'NODE' },
  'sql-server': { plural: 'SQL-SERVERS', short: 'SQL' },
  'directory-server': { plural: 'DIRECTORY-SERVERS', short: 'DC' },
  'dns-server': { plural: 'DNS-SERVERS', short: 'DNS' },
  'admin-workstation': { plural: 'ADMIN-WORKSTATIONS', short: 'ADMIN' },
  'web-components': { plural: 'WEB-COMPONENTS', short: 'WEB' },
  'rest-client': { plural: 'REST-CLIENTS', short: 'REST' },
  'pop3-client': { plural: 'POP3-CLIENTS', short: 'POP3' },
  'mail-server': { plural: 'MAIL-SERVERS', short: 'MAIL' },
  internet: { plural: 'INTERNET', short: 'INTERNET' },
};

/** What the namer needs to know of a group. */
export interface GroupToName {
  key: string;
  /** Member hosts, in plan order. */
  hosts: readonly Host[];
  /** Member addresses, in the same order. */
  addresses: readonly string[];
  /** Set when a member stands for a fixed name rather than its host (the SpamCensor update site). */
  fixedAddress: boolean;
  zoneName?: string;
  /** Used only by rules inside a zone: named after the groups of rules that cross a firewall. */
  insideZoneOnly?: boolean;
}

/** The name Portolan would give a group, before it is made unique. */
function baseName(group: GroupToName): string {
  const [first] = group.hosts;
  if (group.hosts.length === 1 && first) {
    // One member: the host's own name, or the fixed name it stands for.
    const own = sanitizeName(group.fixedAddress ? group.addresses[0]!.toUpperCase() : first.name);
    if (own) return own;
  }
  // The roles every member holds; when they share none, every role any of them holds.
  const all = new Set<RoleId>(group.hosts.flatMap((h) => h.roles));
  const shared = ROLE_IDS.filter((r) => all.has(r) && group.hosts.every((h) => h.roles.includes(r)));
  const roles = shared.length > 0 ? shared : ROLE_IDS.filter((r) => all.has(r));
  const what =
    roles.length === 1
      ? ROLE_WORDS[roles[0]!].plural
      : `${roles.map((r) => ROLE_WORDS[r].short).join('-')}-HOSTS`;
  const zone = sanitizeName((group.zoneName ?? '').toUpperCase());
  return zone && zone !== what ? `${zone}-${what}` : what;
}

/**
 * Names every group: the user's name from `plan.groupNames` where there is one (checked by the plan
 * schema), otherwise zone and roles ("DMZ-PROCESSING-NODES") or the single member's own name. Names
 * are unique without regard to case, since some firewalls ignore it: later groups get -2, -3 … in
 * the order of their base name, larger groups first, then key, so a name does not depend on rule order.
 */
export function nameGroups(
  plan: Pick<Plan, 'groupNames'>,
  groups: readonly GroupToName[],
): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const given = plan.groupNames ?? {};
  // Every name the user gave is kept free for its own group, used in this grouping or not.
  for (const name of Object.values(given)) taken.add(name.toLowerCase());
  const rest: { group: GroupToName; base: string }[] = [];
  const claimed = new Set<string>();
  for (const group of groups) {
    const own = Object.hasOwn(given, group.key) ? given[group.key] : undefined;
    // A name is used once even if two keys somehow carry it.
    if (own !== undefined && validGroupName(own) === undefined && !claimed.has(own.toLowerCase())) {
      claimed.add(own.toLowerCase());
      names.set(group.key, own);
    } else {
      rest.push({ group, base: truncate(baseName(group) || 'GROUP', GROUP_NAME_MAX) });
    }
  }
  // Groups of crossing rules are named first, so their names are the same with or without the
  // flows inside zones in scope.
  rest.sort(
    (a, b) =>
      Number(a.group.insideZoneOnly ?? false) - Number(b.group.insideZoneOnly ?? false) ||
      compare(a.base, b.base) ||
      b.group.hosts.length - a.group.hosts.length ||
      compare(a.group.key, b.group.key),
  );
  for (const { group, base } of rest) {
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = `-${n}`;
      name = truncate(base, GROUP_NAME_MAX - suffix.length) + suffix;
    }
    taken.add(name.toLowerCase());
    names.set(group.key, name);
  }
  return names;
}

/** Plain code-unit order: the same in every locale. */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
