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

export const CHECKS: readonly Check[] = [
  missingRoles,
  netbiosConfigurator,
  consoleFromUntrusted,
  arrayManagerZone,
  rolesWithoutFlows,
  arrayMembership,
];

export function deriveWarnings(ctx: EngineContext, flows: readonly Flow[]): Warning[] {
  const all = CHECKS.flatMap((check) => check(ctx, flows));
  // Most serious first; the sort is stable, so checks keep their order within a severity.
  return all.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
