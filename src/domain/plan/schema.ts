import * as z from 'zod/mini';
import { FEATURE_IDS, ROLE_IDS, RULE_IDS, isProductVersion } from '../catalog';
import { formatPath, type Problem } from '../problems';
import { addressProblem } from './address';
import { objectPrefixProblem } from './objectPrefix';
import { validGroupName } from './groupNames';
import {
  CANVAS_LIMIT,
  COUNTERPART_ROLES,
  CURRENT_PLAN_VERSION,
  FIREWALL_VENDORS,
  NAME_MAX,
  PLAN_FORMAT,
  TRUST_LEVELS,
  type Plan,
} from './types';

/*
 * Validation happens in two passes. The zod schema checks the shape (types, required fields,
 * lengths, enums); `semanticProblems` then checks what a schema cannot say well: addresses,
 * unique ids, and references from hosts to zones. Both report every problem with its path.
 */

const TEXT_MAX = 4000;

const text = (max: number) => z.string().check(z.maxLength(max));
const requiredText = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

const coordinate = z.number().check(z.gte(-CANVAS_LIMIT), z.lte(CANVAS_LIMIT));
const extent = z.number().check(z.positive(), z.lte(CANVAS_LIMIT));
const point = z.object({ x: coordinate, y: coordinate });
const size = z.object({ width: extent, height: extent });

/** Counterparts one host may list per role: far more than any plan has DNS or mail servers. */
export const MAX_USES = 500;
/** Flows a plan may exclude: as many as the largest plan has (see MAX_FLOWS). */
export const MAX_EXCLUSIONS = 20_000;

export const zoneSchema = z.object({
  id: requiredText(64),
  name: requiredText(NAME_MAX),
  trust: z.enum(TRUST_LEVELS),
  position: z.optional(point),
  size: z.optional(size),
});

export const hostSchema = z.object({
  id: requiredText(64),
  name: requiredText(NAME_MAX),
  roles: z.array(z.enum(ROLE_IDS)).check(z.minLength(1), z.maxLength(ROLE_IDS.length)),
  zone: z.optional(requiredText(64)),
  address: z.optional(text(255)),
  position: z.optional(point),
  array: z.optional(requiredText(64)),
  uses: z.optional(
    // An empty list would use none; leaving the role out is how a host uses every one.
    z.partialRecord(
      z.enum(COUNTERPART_ROLES),
      z.array(requiredText(64)).check(z.minLength(1), z.maxLength(MAX_USES)),
    ),
  ),
});

export const exclusionSchema = z.object({
  rule: z.enum(RULE_IDS),
  source: requiredText(64),
  destination: requiredText(64),
  protocol: z.enum(['tcp', 'udp']),
  port: z.int().check(z.gte(1), z.lte(65535)),
  kind: z.enum(['allowed', 'not-needed']),
  note: z.optional(text(500)),
});

/**
 * What a device calls an interface: 1 to 64 letters, digits and `.` `_` `-` `/` `:` (`outside`,
 * `port1`, `ethernet1/1`, `eth0.100`). Each vendor's file checks its own tighter limits.
 */
export const INTERFACE_NAME_RE = /^[A-Za-z0-9._/:-]{1,64}$/;
/** Devices in one plan, and interfaces on one device: far more than any SEG deployment crosses. */
export const MAX_FIREWALLS = 200;
export const MAX_INTERFACES = 64;

export const firewallInterfaceSchema = z.object({
  zone: z.optional(requiredText(64)),
  /** Checked in semanticProblems, with a sentence (INTERFACE_NAME_RE). */
  name: z.string().check(z.maxLength(255)),
});

export const firewallSchema = z.object({
  id: requiredText(64),
  name: requiredText(NAME_MAX),
  vendor: z.enum(FIREWALL_VENDORS),
  interfaces: z.array(firewallInterfaceSchema).check(z.maxLength(MAX_INTERFACES)),
  position: z.optional(point),
});

export const changeRequestSchema = z.object({
  title: z.optional(text(200)),
  requester: z.optional(text(200)),
  ticket: z.optional(text(200)),
  window: z.optional(text(200)),
  notes: z.optional(text(TEXT_MAX)),
  paper: z.optional(z.enum(['a4', 'letter'])),
  /** Checked in semanticProblems, with the rule's own words (objectPrefix.ts). */
  objectPrefix: z.optional(z.string()),
});

export const MAX_ZONES = 2000;
export const MAX_HOSTS = 10_000;
/** Renamed groups a plan may hold: far more than a plan has groups, and a bound on the file size. */
export const MAX_GROUP_NAMES = 2000;
/** A group key as grouping/ writes it: member ids, URI-encoded and joined by ",", or "#" and a hash. */
const GROUP_KEY_RE = /^(?:#[0-9a-f]{16}|[A-Za-z0-9%._~!*'()@,-]{1,64})$/;

export const planSchema = z.object({
  format: z.literal(PLAN_FORMAT),
  version: z.literal(CURRENT_PLAN_VERSION),
  name: requiredText(NAME_MAX),
  productVersion: z.string(),
  zones: z.array(zoneSchema).check(z.maxLength(MAX_ZONES)),
  hosts: z.array(hostSchema).check(z.maxLength(MAX_HOSTS)),
  firewalls: z.optional(z.array(firewallSchema).check(z.maxLength(MAX_FIREWALLS))),
  changeRequest: z.optional(changeRequestSchema),
  groupNames: z.optional(z.record(z.string(), z.string())),
  upgradeFrom: z.optional(z.string()),
  features: z.optional(z.partialRecord(z.enum(FEATURE_IDS), z.boolean())),
  exclusions: z.optional(z.array(exclusionSchema).check(z.maxLength(MAX_EXCLUSIONS))),
});

/**
 * The plan without its lists' entries, which are checked one by one: zod gathers nested issues by
 * spreading them into a call, and a plan with 10,000 broken hosts overflows the stack that way.
 */
const envelopeSchema = z.object({
  ...planSchema.shape,
  zones: z.array(z.unknown()).check(z.maxLength(MAX_ZONES)),
  hosts: z.array(z.unknown()).check(z.maxLength(MAX_HOSTS)),
  firewalls: z.optional(z.array(z.unknown()).check(z.maxLength(MAX_FIREWALLS))),
  exclusions: z.optional(z.array(z.unknown()).check(z.maxLength(MAX_EXCLUSIONS))),
});

// Keeps the schema and the hand-written Plan type from drifting apart.
type Parsed = z.infer<typeof planSchema>;
const _schemaMatchesType: (p: Parsed) => Plan = (p) => p;
void _schemaMatchesType;

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'number' && Number.isNaN(v)) return 'NaN';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return typeof v === 'object' ? 'an object' : typeof v;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  object: 'an object',
  record: 'an object',
  array: 'a list',
  boolean: 'true or false',
};

const count = (n: number) => n.toLocaleString('en');

/** Turns a zod issue into a sentence. Paths are formatted by the caller. */
function issueMessage(issue: z.core.$ZodIssue): string {
  const input: unknown = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return 'is missing';
      if (issue.expected === 'number' && typeof input === 'number') return 'must be a finite number';
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}, not ${describeValue(input)}`;
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'array')
        return `must hold at least ${String(issue.minimum)} ${Number(issue.minimum) === 1 ? 'entry' : 'entries'}`;
      return issue.inclusive
        ? `${describeValue(input)} is below the smallest allowed, ${String(issue.minimum)}`
        : `must be greater than ${String(issue.minimum)}`;
    case 'too_big':
      // With the count, so a person knows how far over the limit it is.
      if (issue.origin === 'string')
        return typeof input === 'string'
          ? `is ${count(input.length)} characters long, more than the ${count(Number(issue.maximum))} allowed`
          : `is longer than ${String(issue.maximum)} characters`;
      if (issue.origin === 'array')
        return Array.isArray(input)
          ? `holds ${count(input.length)} entries, more than the ${count(Number(issue.maximum))} allowed`
          : `holds more than ${String(issue.maximum)} entries`;
      return `${describeValue(input)} is above the largest allowed, ${String(issue.maximum)}`;
    case 'invalid_value':
      return `${describeValue(input)} is not one of: ${issue.values.map(String).join(', ')}`;
    default:
      return issue.message;
  }
}

function collect(
  problems: Problem[],
  result: { success: true } | { success: false; error: { issues: z.core.$ZodIssue[] } },
  prefix: readonly PropertyKey[] = [],
) {
  if (result.success) return;
  // One push per issue: a long list is never spread into a call.
  for (const issue of result.error.issues) {
    problems.push({ path: formatPath([...prefix, ...issue.path]), message: issueMessage(issue) });
  }
}

export function shapeProblems(input: unknown): { plan?: Plan; problems: Problem[] } {
  const problems: Problem[] = [];
  const envelope = envelopeSchema.safeParse(input, { reportInput: true });
  collect(problems, envelope);
  if (!envelope.success && !isLoose(input)) return { problems };
  const doc = input as Loose;
  const zones: unknown[] = [];
  const hosts: unknown[] = [];
  // Entries of a list that is too long are not checked: its length is already the problem.
  if (Array.isArray(doc.zones) && doc.zones.length <= MAX_ZONES) {
    doc.zones.forEach((zone, i) => {
      const r = zoneSchema.safeParse(zone, { reportInput: true });
      if (r.success) zones.push(r.data);
      else collect(problems, r, ['zones', i]);
    });
  }
  if (Array.isArray(doc.hosts) && doc.hosts.length <= MAX_HOSTS) {
    doc.hosts.forEach((host, i) => {
      const r = hostSchema.safeParse(host, { reportInput: true });
      if (r.success) hosts.push(r.data);
      else collect(problems, r, ['hosts', i]);
    });
  }
  const firewalls: unknown[] = [];
  if (Array.isArray(doc.firewalls) && doc.firewalls.length <= MAX_FIREWALLS) {
    doc.firewalls.forEach((firewall, i) => {
      const r = firewallSchema.safeParse(firewall, { reportInput: true });
      if (r.success) firewalls.push(r.data);
      else collect(problems, r, ['firewalls', i]);
    });
  }
  const exclusions: unknown[] = [];
  if (Array.isArray(doc.exclusions) && doc.exclusions.length <= MAX_EXCLUSIONS) {
    doc.exclusions.forEach((exclusion, i) => {
      const r = exclusionSchema.safeParse(exclusion, { reportInput: true });
      if (r.success) exclusions.push(r.data);
      else collect(problems, r, ['exclusions', i]);
    });
  }
  if (problems.length > 0 || !envelope.success) return { problems };
  const plan = { ...envelope.data, zones, hosts } as Plan;
  // A feature set to true is the default: kept as its absence, so every reader sees one plan.
  if (plan.features) {
    const off = Object.entries(plan.features).filter(([, on]) => on === false);
    if (off.length > 0) plan.features = Object.fromEntries(off);
    else delete plan.features;
  }
  if (doc.exclusions !== undefined) plan.exclusions = exclusions as Plan['exclusions'];
  // No devices is the same plan as no list: kept as its absence.
  if (firewalls.length > 0) plan.firewalls = firewalls as Plan['firewalls'];
  else delete plan.firewalls;
  return { plan, problems };
}

type Loose = Record<string, unknown>;
const isLoose = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Checks what the schema cannot say well: the product version, addresses, unique ids, and hosts'
 * zones. It reads the input defensively, so it also runs on a document whose shape is wrong and
 * every problem is reported in one go.
 */
export function semanticProblems(input: unknown): Problem[] {
  const doc = isLoose(input) ? input : {};
  const problems: Problem[] = [];
  if (typeof doc.productVersion === 'string' && !isProductVersion(doc.productVersion)) {
    problems.push({
      path: 'productVersion',
      message: `"${doc.productVersion}" is not a product version like 8.0 or 10.0`,
    });
  }

  const zoneIds = new Map<string, number>();
  list(doc.zones).forEach((zone, i) => {
    if (!isLoose(zone) || typeof zone.id !== 'string') return;
    const first = zoneIds.get(zone.id);
    if (first !== undefined) {
      problems.push({ path: `zones[${i}].id`, message: `"${zone.id}" is already used by zones[${first}]` });
    } else zoneIds.set(zone.id, i);
  });

  const hostIds = new Map<string, number>();
  list(doc.hosts).forEach((host, i) => {
    if (!isLoose(host)) return;
    if (typeof host.id === 'string') {
      const first = hostIds.get(host.id);
      if (first !== undefined) {
        problems.push({ path: `hosts[${i}].id`, message: `"${host.id}" is already used by hosts[${first}]` });
      } else hostIds.set(host.id, i);
    }
    const seen = new Set<unknown>();
    list(host.roles).forEach((role, r) => {
      if (typeof role === 'string' && seen.has(role)) {
        problems.push({ path: `hosts[${i}].roles[${r}]`, message: `${role} is listed twice` });
      }
      seen.add(role);
    });
    if (typeof host.zone === 'string' && Array.isArray(doc.zones) && !zoneIds.has(host.zone)) {
      problems.push({ path: `hosts[${i}].zone`, message: `no zone has the id "${host.zone}"` });
    }
    if (typeof host.address === 'string') {
      const message = addressProblem(host.address);
      if (message) problems.push({ path: `hosts[${i}].address`, message });
    }
  });
  groupNameProblems(doc.groupNames, problems);
  decisionProblems(doc, problems);
  firewallProblems(doc, zoneIds, problems);
  const request = isLoose(doc.changeRequest) ? doc.changeRequest : {};
  if (typeof request.objectPrefix === 'string') {
    const message = objectPrefixProblem(request.objectPrefix);
    if (message) problems.push({ path: 'changeRequest.objectPrefix', message });
  }
  if (typeof doc.upgradeFrom === 'string') {
    if (!isProductVersion(doc.upgradeFrom))
      problems.push({
        path: 'upgradeFrom',
        message: `"${doc.upgradeFrom}" is not a product version like 8.0 or 10.0`,
      });
    else if (doc.upgradeFrom === doc.productVersion)
      problems.push({
        path: 'upgradeFrom',
        message: `${doc.upgradeFrom} is the plan's own product version; an upgrade compares two different versions`,
      });
  }
  return problems;
}

/** `groupNames["seg-node01,seg-node02"]`, with a long or odd key shortened and quoted safely. */
const groupNamePath = (key: string) =>
  `groupNames[${JSON.stringify(key.length > 70 ? `${key.slice(0, 70)}…` : key)}]`;

/**
 * Group names are firewall object names: valid on common firewalls and unique, without regard to
 * case because some firewalls ignore it.
 */
function groupNameProblems(names: unknown, problems: Problem[]) {
  if (!isLoose(names)) return;
  const entries = Object.entries(names);
  if (entries.length > MAX_GROUP_NAMES) {
    problems.push({ path: 'groupNames', message: `holds more than ${MAX_GROUP_NAMES} entries` });
    return;
  }
  const seen = new Map<string, string>();
  for (const [key, name] of entries) {
    if (!GROUP_KEY_RE.test(key)) {
      problems.push({
        path: groupNamePath(key),
        message: 'is not a group key: host ids joined by ",", as Portolan writes them',
      });
    }
    if (typeof name !== 'string') continue;
    const message = validGroupName(name);
    if (message) {
      problems.push({ path: groupNamePath(key), message });
      continue;
    }
    const first = seen.get(name.toLowerCase());
    if (first !== undefined) {
      problems.push({
        path: groupNamePath(key),
        message: `"${name}" is already the name of ${groupNamePath(first)}`,
      });
    } else seen.set(name.toLowerCase(), key);
  }
}

/** A host's name for messages: its name, or its id when it has none. */
const hostLabel = (host: Loose) => (typeof host.name === 'string' ? host.name : String(host.id));

/**
 * The architect's decisions must name hosts that exist and fit: an array is an Array Manager, a
 * counterpart has the role it is chosen for, an exclusion names two hosts of the plan, once.
 */
function decisionProblems(doc: Loose, problems: Problem[]) {
  const hosts = new Map<string, Loose>();
  for (const host of list(doc.hosts))
    if (isLoose(host) && typeof host.id === 'string') hosts.set(host.id, host);
  const has = (host: Loose | undefined, role: string) => !!host && list(host.roles).includes(role);
  list(doc.hosts).forEach((host, i) => {
    if (!isLoose(host)) return;
    if (typeof host.array === 'string') {
      const am = hosts.get(host.array);
      const path = `hosts[${i}].array`;
      if (!am) problems.push({ path, message: `no host has the id "${host.array}"` });
      else if (!has(am, 'array-manager'))
        problems.push({ path, message: `${hostLabel(am)} is not an Array Manager, so it heads no array` });
      else if (!has(host, 'processing-node') && !has(host, 'web-components'))
        problems.push({
          path,
          message: 'only processing nodes and web components belong to an array',
        });
    }
    if (isLoose(host.uses)) {
      for (const [role, ids] of Object.entries(host.uses)) {
        const seen = new Set<unknown>();
        list(ids).forEach((id, k) => {
          const path = `hosts[${i}].uses.${role}[${k}]`;
          const other = typeof id === 'string' ? hosts.get(id) : undefined;
          if (typeof id !== 'string') return;
          if (!other) problems.push({ path, message: `no host has the id "${id}"` });
          else if (!has(other, role))
            problems.push({ path, message: `${hostLabel(other)} is not a ${role}` });
          else if (seen.has(id)) problems.push({ path, message: `${hostLabel(other)} is listed twice` });
          seen.add(id);
        });
      }
    }
  });
  const flows = new Map<string, number>();
  list(doc.exclusions).forEach((exclusion, i) => {
    if (!isLoose(exclusion)) return;
    for (const end of ['source', 'destination'] as const) {
      const id = exclusion[end];
      if (typeof id === 'string' && !hosts.has(id))
        problems.push({ path: `exclusions[${i}].${end}`, message: `no host has the id "${id}"` });
    }
    if (
      exclusion.kind === 'not-needed' &&
      (typeof exclusion.note !== 'string' || exclusion.note.trim() === '')
    )
      problems.push({ path: `exclusions[${i}].note`, message: 'a flow marked not needed needs the reason' });
    const key = JSON.stringify([
      exclusion.rule,
      exclusion.source,
      exclusion.destination,
      exclusion.protocol,
      exclusion.port,
    ]);
    const first = flows.get(key);
    if (first !== undefined)
      problems.push({ path: `exclusions[${i}]`, message: `the same flow as exclusions[${first}]` });
    else flows.set(key, i);
  });
}

/**
 * Devices: unique ids and names (a device's name names its files), interfaces named as a device
 * takes them, each bound to a zone of the plan (or to no zone), one interface per zone per device
 * and no two interfaces of one device of the same name.
 */
function firewallProblems(doc: Loose, zoneIds: ReadonlyMap<string, number>, problems: Problem[]) {
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  const zoneName = new Map<string, string>();
  for (const zone of list(doc.zones))
    if (isLoose(zone) && typeof zone.id === 'string' && typeof zone.name === 'string')
      zoneName.set(zone.id, zone.name);
  // Entries of a list that is too long are not checked: its length is already the problem.
  const firewalls = list(doc.firewalls);
  if (firewalls.length > MAX_FIREWALLS) return;
  firewalls.forEach((firewall, i) => {
    if (!isLoose(firewall)) return;
    if (typeof firewall.id === 'string') {
      const first = ids.get(firewall.id);
      if (first !== undefined)
        problems.push({
          path: `firewalls[${i}].id`,
          message: `"${firewall.id}" is already used by firewalls[${first}]`,
        });
      else ids.set(firewall.id, i);
    }
    if (typeof firewall.name === 'string') {
      const key = firewall.name.trim().toLowerCase();
      const first = names.get(key);
      if (first !== undefined)
        problems.push({
          path: `firewalls[${i}].name`,
          message: `"${firewall.name}" is already the name of firewalls[${first}] (device names name its files)`,
        });
      else names.set(key, i);
    }
    const faced = new Map<string, number>();
    const ifNames = new Map<string, number>();
    const interfaces = list(firewall.interfaces);
    if (interfaces.length > MAX_INTERFACES) return;
    interfaces.forEach((iface, k) => {
      if (!isLoose(iface)) return;
      const path = `firewalls[${i}].interfaces[${k}]`;
      if (typeof iface.name === 'string') {
        if (!INTERFACE_NAME_RE.test(iface.name))
          problems.push({
            path: `${path}.name`,
            message:
              iface.name === ''
                ? 'must not be empty: the name the device gives this interface'
                : `"${iface.name.length > 40 ? `${iface.name.slice(0, 40)}…` : iface.name}" is not an interface name: 1 to 64 letters, digits and . _ - / :`,
          });
        const first = ifNames.get(iface.name.toLowerCase());
        if (first !== undefined)
          problems.push({
            path: `${path}.name`,
            message: `"${iface.name}" is already interfaces[${first}] of this device`,
          });
        else ifNames.set(iface.name.toLowerCase(), k);
      }
      if (typeof iface.zone === 'string' && Array.isArray(doc.zones) && !zoneIds.has(iface.zone)) {
        problems.push({ path: `${path}.zone`, message: `no zone has the id "${iface.zone}"` });
        return;
      }
      if (iface.zone !== undefined && typeof iface.zone !== 'string') return;
      const zone = typeof iface.zone === 'string' ? iface.zone : '';
      const first = faced.get(zone);
      if (first !== undefined)
        problems.push({
          path: `${path}.zone`,
          message: `interfaces[${first}] of this device already faces ${zone === '' ? 'the hosts in no zone' : `zone ${zoneName.get(zone) ?? zone}`}`,
        });
      else faced.set(zone, k);
    });
  });
}
