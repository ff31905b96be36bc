import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { FEATURE_IDS, ROLE_IDS, RULE_IDS } from '../catalog';
import { fail, ok, type Problem, type Result } from '../problems';
import { restorePlan } from '../plan';
import { MAX_FRAGMENT_CHARS } from './detect';
import {
  COUNTERPART_ROLES,
  FIREWALL_VENDORS,
  PLAN_FORMAT,
  TRUST_LEVELS,
  type ChangeRequest,
  type Exclusion,
  type Firewall,
  type Host,
  type Plan,
  type Zone,
} from '../plan';

/*
 * Share links carry the whole plan in the URL fragment: `p2.` (the encoding's version marker)
 * then base64url of the deflated plan, written as compact arrays instead of keyed objects. See
 * docs/share-links.md. Decoding never throws: every failure is a Problem a person can read.
 *
 * p2 adds the architect's decisions (plan format 2) after the elements p1 has. A Portolan that
 * reads only p1 refuses a p2 link as made by a newer Portolan, rather than open it without the
 * decisions, which would ask for flows the architect ruled out. p3 adds the firewall devices
 * (plan format 3) the same way: a p2 reader refuses the link rather than send every flow to one
 * unnamed firewall. p1 and p2 links still open here, as they meant when made.
 */

export const SHARE_VERSION = 3;
const PREFIX = `p${SHARE_VERSION}.`;
/** Inflated payloads beyond this are refused while inflating (a "zip bomb" stops early). */
export const MAX_INFLATED_BYTES = 4_000_000;

/*
 * Words that plans repeat. Deflate may refer back into this preset dictionary, which shortens
 * small payloads noticeably. Never change it: deflate refers back from the dictionary's end, so
 * any edit, even an addition, garbles old links. A new dictionary needs a new encoding (p2).
 */
const DICTIONARY = strToU8(
  // Generic words of SEG plans, not any one plan's names.
  '["Internet","any","Internal network","DMZ","Trusted","Untrusted","SEG-AM0","SEG-NODE0","SEG-WEB0",' +
    '"SQL0","DC0","DNS0","MAIL0","EXCH0","ADMIN-WS0","REST-CLIENT0","POP3-CLIENT0","Zone ","10.0","8.0",' +
    '"10.0.0.","10.1.","192.168.","172.16.","192.0.2.","Untitled plan"',
);

// --- bytes <-> base64url -------------------------------------------------------------------

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Compressed input is fed this much at a time: deflate expands at most ~1,032:1, so one step
 * adds at most about 530 KB before the ceiling is checked again. */
const INFLATE_STEP = 512;

export interface Inflated {
  bytes?: Uint8Array;
  /** The output passed the ceiling, and inflating stopped there. */
  tooLarge?: boolean;
  /** How many bytes were inflated before stopping: at most one step past the ceiling. */
  inflated: number;
}

/**
 * Inflates with a ceiling on the output, feeding the input a little at a time so a "zip bomb"
 * stops at the ceiling instead of being unpacked whole first. No bytes when the data is damaged.
 */
export function inflateLimited(data: Uint8Array, limit = MAX_INFLATED_BYTES): Inflated {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  const inflater = new Inflate({ dictionary: DICTIONARY }, (chunk, final) => {
    total += chunk.length;
    chunks.push(chunk);
    if (final) finished = true;
  });
  try {
    for (let at = 0; at < data.length && !finished; at += INFLATE_STEP) {
      const end = Math.min(at + INFLATE_STEP, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
      if (total > limit) return { tooLarge: true, inflated: total };
    }
  } catch {
    return { inflated: total };
  }
  if (!finished) return { inflated: total };
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { bytes, inflated: total };
}

// --- plan <-> compact arrays -----------------------------------------------------------------

type CompactZone = [string, string, number, [number, number] | 0, [number, number] | 0];
type CompactHost = [string, string, number[], number, string | 0, number?, number?];
/** Change-request fields in a fixed order; 0 where a field is absent. */
type CompactRequest = (string | 0)[];
/** Renamed groups as [key, name] pairs. */
type CompactNames = [string, string][];
/**
 * Later additions go at the end, so links without them still read: the group names, then the
 * version upgraded from. Readers that predate an addition ignore it. The decisions came with p2,
 * the devices with p3; in a p3 link with devices, 0 holds the decisions' place when there are none.
 */
type CompactPlan = [
  number,
  string,
  string,
  CompactZone[],
  CompactHost[],
  CompactRequest | 0,
  CompactNames?,
  (string | 0)?,
  (CompactDecisions | 0)?,
  CompactFirewall[]?,
];

/**
 * A device (p3): id, name, vendor (its index in FIREWALL_VENDORS), its interfaces as one flat list
 * of pairs (zone index, or -1 for the hosts in no zone; then the interface's name), and its
 * position last, as x and y, when it has one (as a host's).
 */
type CompactFirewall = [string, string, number, (number | string)[], number?, number?];

function compactFirewall(firewall: Firewall, zoneIndex: ReadonlyMap<string, number>): CompactFirewall {
  const row: CompactFirewall = [
    firewall.id,
    firewall.name,
    FIREWALL_VENDORS.indexOf(firewall.vendor),
    firewall.interfaces.flatMap((i) => [i.zone === undefined ? -1 : (zoneIndex.get(i.zone) ?? -1), i.name]),
  ];
  if (firewall.position) row.push(firewall.position.x, firewall.position.y);
  return row;
}

/**
 * The decisions (p2): features switched off (their ids); per host that decided anything its
 * index, its array's Array Manager (a host index, or -1) and the hosts it uses per counterpart
 * role (host indexes, or 0 for all); the exclusions as [rule (index in RULE_IDS), source,
 * destination (host indexes), protocol (0 tcp, 1 udp), port, kind (0 already allowed, 1 not
 * needed), note or 0].
 */
type CompactHostDecision = [number, number, ...(number[] | 0)[]];
type CompactExclusion = [number, number, number, number, number, number, string | 0];
type CompactDecisions = [string[], CompactHostDecision[], CompactExclusion[]];

function compactDecisions(plan: Plan): CompactDecisions | undefined {
  const off = FEATURE_IDS.filter((id) => plan.features?.[id] === false);
  const index = new Map(plan.hosts.map((h, i) => [h.id, i]));
  const at = (id: string) => index.get(id) ?? -1;
  const hosts: CompactHostDecision[] = [];
  plan.hosts.forEach((h, i) => {
    if (h.array === undefined && h.uses === undefined) return;
    hosts.push([
      i,
      h.array === undefined ? -1 : at(h.array),
      ...COUNTERPART_ROLES.map((role) => h.uses?.[role]?.map(at) ?? 0),
    ]);
  });
  const exclusions = (plan.exclusions ?? []).map((e): CompactExclusion => [
    RULE_IDS.indexOf(e.rule),
    at(e.source),
    at(e.destination),
    e.protocol === 'tcp' ? 0 : 1,
    e.port,
    e.kind === 'allowed' ? 0 : 1,
    e.note ?? 0,
  ]);
  if (off.length === 0 && hosts.length === 0 && exclusions.length === 0) return undefined;
  return [off, hosts, exclusions];
}

function compact(plan: Plan): CompactPlan {
  const zoneIndex = new Map(plan.zones.map((z, i) => [z.id, i]));
  const cr = plan.changeRequest;
  const compacted: CompactPlan = [
    plan.version,
    plan.name,
    plan.productVersion,
    plan.zones.map((z) => [
      z.id,
      z.name,
      TRUST_LEVELS.indexOf(z.trust),
      z.position ? [z.position.x, z.position.y] : 0,
      z.size ? [z.size.width, z.size.height] : 0,
    ]),
    plan.hosts.map((h) => {
      const row: CompactHost = [
        h.id,
        h.name,
        h.roles.map((r) => ROLE_IDS.indexOf(r)),
        h.zone === undefined ? -1 : (zoneIndex.get(h.zone) ?? -1),
        h.address ?? 0,
      ];
      if (h.position) row.push(h.position.x, h.position.y);
      return row;
    }),
    cr ? compactRequest(cr) : 0,
  ];
  // Left out when there are none, so such links stay exactly as they were.
  const names = Object.entries(plan.groupNames ?? {});
  if (names.length > 0) compacted[6] = names;
  const decisions = compactDecisions(plan);
  if (plan.upgradeFrom !== undefined || decisions) {
    // An empty list where there are no names: earlier readers expect a list in that place.
    compacted[6] ??= [];
    compacted[7] = plan.upgradeFrom ?? 0;
  }
  if (decisions) compacted[8] = decisions;
  // Left out when there are none: such a plan's link holds no more than a p2 link did.
  const firewalls = plan.firewalls ?? [];
  if (firewalls.length > 0) {
    compacted[6] ??= [];
    compacted[7] ??= 0;
    compacted[8] ??= 0;
    compacted[9] = firewalls.map((f) => compactFirewall(f, zoneIndex));
  }
  return compacted;
}

/**
 * The change request's fields in their places. Later fields go at the end (readers that predate
 * one ignore it) and are left off when absent, so plans without them make the same links as before.
 */
const REQUEST_FIELDS = ['title', 'requester', 'ticket', 'window', 'notes', 'paper', 'objectPrefix'] as const;
/** The fields every reader of p1 and p2 links knows, always written. */
const FIRST_REQUEST_FIELDS = 6;

function compactRequest(cr: ChangeRequest): CompactRequest {
  const row: CompactRequest = REQUEST_FIELDS.map((k) => cr[k] ?? 0);
  while (row.length > FIRST_REQUEST_FIELDS && row[row.length - 1] === 0) row.pop();
  return row;
}

class Damaged extends Error {}

const isArray = (v: unknown, what: string): unknown[] => {
  if (!Array.isArray(v)) throw new Damaged(what);
  return v;
};

/**
 * Back to the plan's documented shape; the plan schema then checks every value. `linkVersion` is
 * the link's marker: what a link of that version could not hold is not read from it.
 */
function expand(data: unknown, linkVersion: number): unknown {
  const [
    version,
    name,
    productVersion,
    zones,
    hosts,
    request,
    groupNames,
    upgradeFrom,
    decisions,
    firewalls,
  ] = isArray(data, 'the plan');
  const zoneRows = isArray(zones, 'the zones');
  const zoneIds = zoneRows.map((z) => (Array.isArray(z) ? z[0] : undefined) as unknown);
  const point = (v: unknown) => (Array.isArray(v) ? { x: v[0] as unknown, y: v[1] as unknown } : undefined);
  const doc: Record<string, unknown> = {
    format: PLAN_FORMAT,
    version,
    name,
    productVersion,
    zones: zoneRows.map((z, i) => {
      const [id, zname, trust, position, size] = isArray(z, `zone ${i + 1}`);
      const zone: Record<string, unknown> = {
        id,
        name: zname,
        trust: TRUST_LEVELS[trust as number] ?? trust,
      };
      if (Array.isArray(position)) zone.position = point(position);
      if (Array.isArray(size)) zone.size = { width: size[0] as unknown, height: size[1] as unknown };
      return zone as unknown as Zone;
    }),
    hosts: isArray(hosts, 'the hosts').map((h, i) => {
      const row = isArray(h, `host ${i + 1}`);
      const [id, hname, roles, zone, address] = row;
      const host: Record<string, unknown> = {
        id,
        name: hname,
        roles: Array.isArray(roles) ? (roles as unknown[]).map((r) => ROLE_IDS[r as number] ?? r) : roles,
      };
      if (zone !== -1) host.zone = typeof zone === 'number' ? (zoneIds[zone] ?? `#${zone}`) : zone;
      if (address !== 0) host.address = address;
      if (row.length > 5) host.position = { x: row[5], y: row[6] };
      return host as unknown as Host;
    }),
  };
  if (request !== 0) {
    const values = isArray(request, 'the change request');
    const cr: Record<string, unknown> = {};
    REQUEST_FIELDS.forEach((k, i) => {
      if (values[i] !== 0 && values[i] !== undefined) cr[k] = values[i];
    });
    doc.changeRequest = cr;
  }
  if (groupNames !== undefined) {
    const names: Record<string, unknown> = {};
    for (const [i, entry] of isArray(groupNames, 'the group names').entries()) {
      const [key, value] = isArray(entry, `group name ${i + 1}`);
      // Own properties only: a key such as "__proto__" must not reach the prototype.
      if (typeof key === 'string')
        Object.defineProperty(names, key, { value, enumerable: true, writable: true, configurable: true });
      else throw new Damaged(`group name ${i + 1}`);
    }
    // Written only to carry the upgrade's version after it: no names means none were given.
    if (Object.keys(names).length > 0) doc.groupNames = names;
  }
  if (upgradeFrom !== undefined && upgradeFrom !== 0) doc.upgradeFrom = upgradeFrom;
  if (decisions !== undefined && !(linkVersion >= 3 && decisions === 0)) expandDecisions(decisions, doc);
  if (firewalls !== undefined && linkVersion >= 3) doc.firewalls = expandFirewalls(firewalls, zoneIds);
  return doc;
}

/** The devices back into the plan's shape: vendor and zone indexes become their ids. */
function expandFirewalls(data: unknown, zoneIds: readonly unknown[]): unknown[] {
  return isArray(data, 'the firewalls').map((f, i) => {
    const row = isArray(f, `firewall ${i + 1}`);
    const [id, name, vendor, interfaces] = row;
    const pairs = isArray(interfaces, `the interfaces of firewall ${i + 1}`);
    if (pairs.length % 2 !== 0) throw new Damaged(`the interfaces of firewall ${i + 1}`);
    const list: Record<string, unknown>[] = [];
    for (let k = 0; k < pairs.length; k += 2) {
      const zone = pairs[k];
      const iface: Record<string, unknown> = {};
      if (zone !== -1) iface.zone = typeof zone === 'number' ? (zoneIds[zone] ?? `#${zone}`) : zone;
      iface.name = pairs[k + 1];
      list.push(iface);
    }
    const firewall: Record<string, unknown> = {
      id,
      name,
      vendor: typeof vendor === 'number' ? (FIREWALL_VENDORS[vendor] ?? vendor) : vendor,
      interfaces: list,
    };
    if (row.length > 4) firewall.position = { x: row[4], y: row[5] };
    return firewall;
  });
}

/** The decisions back into the plan's shape; host indexes become ids (the schema checks the rest). */
function expandDecisions(data: unknown, doc: Record<string, unknown>) {
  const [off, hostRows, exclusionRows] = isArray(data, 'the decisions');
  const hosts = doc.hosts as Record<string, unknown>[];
  const idAt = (i: unknown) => {
    const host = typeof i === 'number' ? hosts[i] : undefined;
    if (!host) throw new Damaged('a decision');
    return host.id;
  };
  const features: Record<string, boolean> = {};
  for (const id of isArray(off, 'the features')) {
    if (typeof id !== 'string') throw new Damaged('the features');
    features[id] = false;
  }
  if (Object.keys(features).length > 0) doc.features = features;
  for (const row of isArray(hostRows, 'the host decisions')) {
    const [i, array, ...uses] = isArray(row, 'a host decision');
    const host = typeof i === 'number' ? hosts[i] : undefined;
    if (!host) throw new Damaged('a host decision');
    if (array !== -1) host.array = idAt(array);
    const chosen: Record<string, unknown> = {};
    COUNTERPART_ROLES.forEach((role, k) => {
      if (uses[k] !== 0 && uses[k] !== undefined)
        chosen[role] = isArray(uses[k], 'a host decision').map(idAt);
    });
    if (Object.keys(chosen).length > 0) host.uses = chosen;
  }
  const exclusions = isArray(exclusionRows, 'the exclusions').map((row): Partial<Exclusion> => {
    const [rule, source, destination, protocol, port, kind, note] = isArray(row, 'an exclusion');
    const e: Record<string, unknown> = {
      rule: RULE_IDS[rule as number] ?? rule,
      source: idAt(source),
      destination: idAt(destination),
      protocol: protocol === 0 ? 'tcp' : protocol === 1 ? 'udp' : protocol,
      port,
      kind: kind === 0 ? 'allowed' : kind === 1 ? 'not-needed' : kind,
    };
    if (note !== 0) e.note = note;
    return e;
  });
  if (exclusions.length > 0) doc.exclusions = exclusions;
}

// --- public API --------------------------------------------------------------------------------

/** The URL fragment (without `#`) that carries the plan. */
export function encodeShare(plan: Plan): string {
  const json = JSON.stringify(compact(plan));
  return PREFIX + toBase64Url(deflateSync(strToU8(json), { level: 9, mem: 8, dictionary: DICTIONARY }));
}

const damaged = (detail: string): Problem => ({
  path: '',
  message: `the link is damaged or cut short (${detail}). Ask for the link again, and copy all of it.`,
});

/** What the last-resort guard says; tests check that it never has to. */
export const UNEXPECTED_FAILURE = 'it could not be read';

/** Reads a fragment back into a plan, or says plainly what is wrong with the link. Never throws. */
export function decodeShare(fragment: string): Result<Plan> {
  try {
    return decode(fragment);
  } catch {
    // Every expected failure is handled in decode(); this is the last guard for the unexpected.
    return fail(damaged(UNEXPECTED_FAILURE));
  }
}

function decode(fragment: string): Result<Plan> {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (text.length > MAX_FRAGMENT_CHARS) {
    return fail({
      path: '',
      message: `the link is too long to be a Portolan plan (${text.length} characters; at most ${MAX_FRAGMENT_CHARS})`,
    });
  }
  const marker = /^p(\d{1,6})\./.exec(text);
  if (!marker)
    return fail({
      path: '',
      message: 'this is not a Portolan share link: it does not start with a version marker such as "p1."',
    });
  const version = Number(marker[1]);
  if (version > SHARE_VERSION) {
    return fail({
      path: '',
      message: `this link was made by a newer Portolan (link format ${version}; this one reads up to ${SHARE_VERSION}). Open it in an up-to-date Portolan.`,
    });
  }
  // p1 links (before the decisions) and p2 links (before the devices) read the same way: they
  // hold no decisions element, or no devices element.
  if (version < 1) return fail({ path: '', message: `link format ${version} does not exist` });
  const bytes = fromBase64Url(text.slice(marker[0].length));
  if (!bytes || bytes.length === 0)
    return fail(damaged('it holds characters or a length a share link never has'));
  const inflated = inflateLimited(bytes);
  if (inflated.tooLarge)
    return fail({ path: '', message: 'the link unpacks to more than any plan needs, so it was not opened' });
  if (!inflated.bytes) return fail(damaged('the compressed data does not unpack'));
  let data: unknown;
  try {
    data = JSON.parse(strFromU8(inflated.bytes));
  } catch {
    return fail(damaged('the unpacked data is not readable'));
  }
  let doc: unknown;
  try {
    doc = expand(data, version);
  } catch (e) {
    return fail(damaged(`${e instanceof Damaged ? e.message : 'the plan'} is not in the expected shape`));
  }
  const result = restorePlan(doc);
  if (result.ok) return ok(result.value);
  return {
    ok: false,
    problems: result.problems.map((p) => ({ ...p, message: `${p.message} (in the shared plan)` })),
  };
}

/** The whole link for a page at `base` (origin and path, e.g. https://host/portolan/). */
export function shareUrl(base: string, plan: Plan): string {
  return `${base.split('#')[0]}#${encodeShare(plan)}`;
}

export { MAX_FRAGMENT_CHARS, looksLikeShare } from './detect';
