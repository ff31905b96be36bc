import {
  ROLES,
  describeRange,
  featureOn,
  formatService,
  getRule,
  inRange,
  productName,
  type RoleId,
  type RuleId,
  type Severity,
} from '../catalog';
import type { Host } from '../plan';
import { visibleText } from '../text';
import type { EngineContext } from './deriveFlows';
import { firewallPaths } from './paths';
import type { Flow, Warning } from './types';

/**
 * Each check looks at the plan and its flows and reports where the plan goes against the
 * vendor's advice or cannot work. Adding a check means adding a function to CHECKS.
 */
type Check = (ctx: EngineContext, flows: readonly Flow[]) => Warning[];

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function names(ctx: EngineContext, ids: Iterable<string>): string {
  return listPhrase([...ids].map((id) => visibleText(ctx.hostsById.get(id)?.name ?? id)));
}

function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  if (items.length > 4) return `${items.slice(0, 3).join(', ')} and ${items.length - 3} more`;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function trustOf(ctx: EngineContext, host: Host) {
  return host.zone === undefined ? undefined : ctx.zonesById.get(host.zone)?.trust;
}

/** Before 10.0 the Configurator needs NetBIOS to the Array Manager, which should never cross a firewall. */
const netbiosConfigurator: Check = (ctx, flows) => {
  const pairs = new Map<string, Flow>();
  for (const f of flows) {
    if (f.ruleId !== 'array-manager-service' || !f.crossesFirewall) continue;
    if (!f.sourceRoles.includes('admin-workstation')) continue;
    pairs.set(`${f.sourceHostId}:${f.destinationHostId}`, f);
  }
  return [...pairs.entries()].map(([key, f]) => ({
    id: `netbios-configurator:${key}`,
    severity: 'warning',
    message:
      `${names(ctx, [f.sourceHostId])} manages ${names(ctx, [f.destinationHostId])} across a firewall. ` +
      `Before 10.0 the Configurator and Console also need NetBIOS (ports 135\u2013139) to the Array Manager, ` +
      `which the vendor advises never to open through a firewall. Put the workstation in the Array ` +
      `Manager\u2019s zone, or administer from a host inside it.`,
    hostIds: [f.sourceHostId, f.destinationHostId],
    ruleIds: ['array-manager-service'],
    reference: 'Trustwave KB Q10026',
  }));
};

/** The 10.x web console should not be reachable from an untrusted network. */
const consoleFromUntrusted: Check = (ctx, flows) => {
  const bySource = new Map<string, Set<string>>();
  for (const f of flows) {
    if (f.ruleId !== 'management-console') continue;
    const src = ctx.hostsById.get(f.sourceHostId);
    if (!src) continue;
    if (trustOf(ctx, src) !== 'untrusted' && !src.roles.includes('internet')) continue;
    const set = bySource.get(src.id) ?? new Set<string>();
    set.add(f.destinationHostId);
    bySource.set(src.id, set);
  }
  return [...bySource.entries()].map(([srcId, dsts]) => ({
    id: `console-untrusted:${srcId}`,
    severity: 'warning',
    message:
      `The Management Console on ${names(ctx, dsts)} is reachable from ${names(ctx, [srcId])}, which is in ` +
      `an untrusted network. Limit console access to the internal network unless exposing it is a ` +
      `deliberate, reviewed decision.`,
    hostIds: [srcId, ...dsts],
    ruleIds: ['management-console'],
  }));
};

/** The vendor advises installing the Array Manager in the trusted network. */
const arrayManagerZone: Check = (ctx) => {
  const out: Warning[] = [];
  const hasZones = ctx.plan.zones.length > 0;
  for (const host of ctx.hostsByRole.get('array-manager') ?? []) {
    const trust = trustOf(ctx, host);
    if (trust === 'trusted') continue;
    if (trust === undefined && !hasZones) continue;
    const zone = host.zone === undefined ? undefined : ctx.zonesById.get(host.zone);
    out.push({
      id: `array-manager-zone:${host.id}`,
      severity: trust === undefined ? 'info' : 'warning',
      message: zone
        ? `The Array Manager ${visibleText(host.name)} is in ${visibleText(zone.name)}, a ${trust === 'dmz' ? 'DMZ' : 'untrusted'} zone. ` +
          `The vendor advises installing the Array Manager in the trusted network.`
        : `The Array Manager ${visibleText(host.name)} is in no zone. The vendor advises installing it in the trusted ` +
          `network; put it in a trusted zone.`,
      hostIds: [host.id],
      ruleIds: ['array-manager-service'],
    });
  }
  return out;
};

/** A rule applies from one side, but the other side is missing from the plan. */
const missingRoles: Check = (ctx) => {
  const version = ctx.plan.productVersion;
  const missing = new Map<RoleId, { severity: Severity; ruleIds: Set<RuleId>; hostIds: Set<string> }>();
  const present = (role: RoleId) => (ctx.hostsByRole.get(role)?.length ?? 0) > 0;

  const note = (role: RoleId, severity: Severity, ruleId: RuleId, needers: readonly Host[]) => {
    const entry = missing.get(role) ?? { severity, ruleIds: new Set(), hostIds: new Set() };
    if (SEVERITY_ORDER[severity] < SEVERITY_ORDER[entry.severity]) entry.severity = severity;
    entry.ruleIds.add(ruleId);
    for (const h of needers) entry.hostIds.add(h.id);
    missing.set(role, entry);
  };

  for (const rule of ctx.catalog) {
    // A feature the plan does not use needs nothing at either end.
    if (rule.feature && !featureOn(ctx.plan.features, rule.feature)) continue;
    for (const ep of rule.endpoints) {
      if (!inRange(version, ep.versions)) continue;
      const srcSeverity = rule.whenMissing[ep.source];
      const dstSeverity = rule.whenMissing[ep.destination];
      if (dstSeverity && present(ep.source) && !present(ep.destination)) {
        note(ep.destination, dstSeverity, rule.id, ctx.hostsByRole.get(ep.source) ?? []);
      }
      if (srcSeverity && present(ep.destination) && !present(ep.source)) {
        note(ep.source, srcSeverity, rule.id, ctx.hostsByRole.get(ep.destination) ?? []);
      }
    }
  }

  return [...missing.entries()].map(([role, entry]) => {
    const rules = [...entry.ruleIds].map((id) => {
      const rule = getRule(id);
      return `${rule.title} (${rule.services.map(formatService).join(', ')})`;
    });
    const label = ROLES[role].label;
    return {
      id: `missing-role:${role}`,
      severity: entry.severity,
      message:
        `No ${label} in the plan. ${names(ctx, entry.hostIds)} need${entry.hostIds.size === 1 ? 's' : ''} ` +
        `one for ${listPhrase(rules)}` +
        (entry.severity === 'error' ? `; SEG cannot work without it.` : '.') +
        ` Add ${/^[AEIOU]/.test(label) ? 'an' : 'a'} ${label} host.`,
      hostIds: [...entry.hostIds],
      ruleIds: [...entry.ruleIds],
    };
  });
};

/** A host plays a role that has no flows at the chosen version (a REST API client before 8.0). */
const rolesWithoutFlows: Check = (ctx) => {
  const version = ctx.plan.productVersion;
  const out: Warning[] = [];
  for (const [role, hosts] of ctx.hostsByRole) {
    const endpoints = ctx.catalog.flatMap((rule) =>
      rule.endpoints
        .filter((ep) => ep.source === role || ep.destination === role)
        .map((ep) => ({ rule, ep })),
    );
    if (endpoints.length === 0 || endpoints.some(({ ep }) => inRange(version, ep.versions))) continue;
    const when = [
      ...new Set(endpoints.map(({ rule, ep }) => `${rule.title}: ${describeRange(ep.versions)}`)),
    ];
    out.push({
      id: `role-not-in-version:${role}`,
      severity: 'warning',
      message:
        `${ROLES[role].label} has no flows in ${productName(version)} ${version} ` +
        `(${listPhrase(when)}), so ${names(
          ctx,
          hosts.map((h) => h.id),
        )} take${hosts.length === 1 ? 's' : ''} ` +
        `no part in this version. Pick another product version or remove the role.`,
      hostIds: hosts.map((h) => h.id),
      ruleIds: [...new Set(endpoints.map(({ rule }) => rule.id))],
    });
  }
  return out;
};

/**
 * With several Array Managers, a processing node or web components host belongs to one of them.
 * One in none still talks to every Array Manager (as if they were one array), which no real
 * deployment does.
 */
const arrayMembership: Check = (ctx) => {
  const managers = ctx.hostsByRole.get('array-manager') ?? [];
  if (managers.length < 2) return [];
  const members = new Set([
    ...(ctx.hostsByRole.get('processing-node') ?? []),
    ...(ctx.hostsByRole.get('web-components') ?? []),
  ]);
  const loose = [...members].filter((h) => h.array === undefined);
  if (loose.length === 0) return [];
  return [
    {
      id: 'array-unassigned',
      severity: 'warning',
      message:
        `${names(
          ctx,
          loose.map((h) => h.id),
        )} belong${loose.length === 1 ? 's' : ''} to no array, so ` +
        `${loose.length === 1 ? 'it talks' : 'they talk'} to every Array Manager (${names(
          ctx,
          managers.map((h) => h.id),
        )}). ` +
        'Pick the array of each in its panel.',
      hostIds: loose.map((h) => h.id),
      ruleIds: ['array-manager-service', 'controller-service'],
    },
  ];
};

/**
 * The address families an address can be reached on. Plan addresses are checked when entered
 * (plan/address.ts, which loads on demand, so it is not imported here): only IPv6 addresses and
 * blocks hold a colon, and only IPv4 ones are digits and dots; `any` and a DNS name (it may
 * resolve to either) can be both. No address: unknown, so nothing to say.
 */
type Family = 'ipv4' | 'ipv6' | 'both' | 'unknown';

const IPV4_OR_BLOCK = /^\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?$/;

function familyOf(address: string): Family {
  if (address === '') return 'unknown';
  if (address.includes(':')) return 'ipv6';
  if (IPV4_OR_BLOCK.test(address)) return 'ipv4';
  return 'both';
}

/**
 * A packet never changes address family: a flow from an IPv4-only address to an IPv6-only one
 * (or back) can never pass, whatever the firewalls allow. One error per source and destination.
 */
const addressFamilies: Check = (ctx, flows) => {
  const families = new Map<string, Family>();
  const family = (address: string) => {
    let f = families.get(address);
    if (f === undefined) families.set(address, (f = familyOf(address)));
    return f;
  };
  // Most plans use one family: nothing to look for then.
  let v4 = false;
  let v6 = false;
  for (const host of ctx.plan.hosts) {
    const f = family(host.address ?? '');
    v4 ||= f === 'ipv4';
    v6 ||= f === 'ipv6';
  }
  if (!v4 || !v6) return [];

  const pairs = new Map<string, Flow[]>();
  for (const f of flows) {
    const src = family(f.sourceAddress);
    const dst = family(f.destinationAddress);
    if (!((src === 'ipv4' && dst === 'ipv6') || (src === 'ipv6' && dst === 'ipv4'))) continue;
    // Length-prefixed, so host ids holding ":" cannot make two pairs share a key.
    const key = `${f.sourceHostId.length}:${f.sourceHostId}:${f.destinationHostId}`;
    const list = pairs.get(key);
    if (list) list.push(f);
    else pairs.set(key, [f]);
  }

  return [...pairs.values()].map((pair) => {
    const first = pair[0]!;
    const byRule = new Map<RuleId, Set<string>>();
    for (const f of pair) {
      const services = byRule.get(f.ruleId) ?? new Set<string>();
      services.add(formatService(f));
      byRule.set(f.ruleId, services);
    }
    const services = [...byRule].map(([id, s]) => `${getRule(id).title} (${[...s].join(', ')})`);
    const end = (hostId: string, address: string) =>
      `${names(ctx, [hostId])} (${visibleText(address)}, ${family(address) === 'ipv6' ? 'IPv6' : 'IPv4'})`;
    return {
      id: `address-family:${first.sourceHostId}:${first.destinationHostId}`,
      severity: 'error',
      message:
        `${listPhrase(services)} from ${end(first.sourceHostId, first.sourceAddress)} to ` +
        `${end(first.destinationHostId, first.destinationAddress)} cannot pass: a packet never changes ` +
        `address family. Give both hosts addresses of the same family (on a dual-stack host, the one ` +
        `that matches), or a DNS name.`,
      hostIds: [first.sourceHostId, first.destinationHostId],
      ruleIds: [...byRule.keys()],
    };
  });
};

/**
 * With devices in the plan, a crossing flow between two places no device joins passes no firewall
 * the plan knows: said once per pair of places, named, with the flows' hosts.
 */
const noFirewallPath: Check = (ctx, flows) => {
  if (!ctx.plan.firewalls?.length) return [];
  const paths = firewallPaths(ctx.plan);
  const pairs = new Map<
    string,
    { a?: string; b?: string; hosts: Set<string>; rules: Set<RuleId>; count: number }
  >();
  for (const f of flows) {
    if (!f.crossesFirewall) continue;
    const a = ctx.hostsById.get(f.sourceHostId)?.zone;
    const b = ctx.hostsById.get(f.destinationHostId)?.zone;
    if (paths.between(a, b) !== undefined) continue;
    // One warning per unordered pair: a device joining A and B joins B and A.
    const [x, y] = [a ?? '', b ?? ''].sort();
    const key = `${x!.length}:${x!}|${y!}`;
    let pair = pairs.get(key);
    if (!pair)
      pairs.set(
        key,
        (pair = { a: x || undefined, b: y || undefined, hosts: new Set(), rules: new Set(), count: 0 }),
      );
    pair.hosts.add(f.sourceHostId).add(f.destinationHostId);
    pair.rules.add(f.ruleId);
    pair.count++;
  }
  const zoneName = (id: string | undefined) =>
    id === undefined ? 'the hosts in no zone' : visibleText(ctx.zonesById.get(id)?.name ?? id);
  return [...pairs.values()].map((p) => ({
    id: `no-firewall-path:${p.a ?? ''}:${p.b ?? ''}`,
    severity: 'warning',
    message:
      p.a === p.b
        ? `No firewall joins ${zoneName(p.a)} with each other: ${p.count} ${p.count === 1 ? 'flow passes' : 'flows pass'} ` +
          'no device of the plan. They stay in the change request under "no path"; put these hosts in zones.'
        : `No firewall joins ${zoneName(p.a)} and ${zoneName(p.b)}: ${p.count} ${p.count === 1 ? 'flow passes' : 'flows pass'} ` +
          'no device of the plan. They stay in the change request under "no path"; give a device an interface in each.',
    hostIds: [...p.hosts],
    ruleIds: [...p.rules],
  }));
};

export const CHECKS: readonly Check[] = [
  missingRoles,
  netbiosConfigurator,
  consoleFromUntrusted,
  arrayManagerZone,
  rolesWithoutFlows,
  arrayMembership,
  addressFamilies,
  noFirewallPath,
];

export function deriveWarnings(ctx: EngineContext, flows: readonly Flow[]): Warning[] {
  const all = CHECKS.flatMap((check) => check(ctx, flows));
  // Most serious first; the sort is stable, so checks keep their order within a severity.
  return all.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
