import { CATALOG, featureOn, inRange, type CatalogRule, type RoleId } from '../catalog';
import type { Host, Plan, Zone } from '../plan';
import { COUNTERPART_ROLES, type CounterpartRole, type Exclusion } from '../plan';
import type { Derivation, Flow } from './types';

export interface EngineContext {
  plan: Plan;
  catalog: readonly CatalogRule[];
  hostsByRole: Map<RoleId, Host[]>;
  zonesById: Map<string, Zone>;
  hostsById: Map<string, Host>;
}

export function buildContext(plan: Plan, catalog: readonly CatalogRule[] = CATALOG): EngineContext {
  const hostsByRole = new Map<RoleId, Host[]>();
  const hostsById = new Map<string, Host>();
  for (const host of plan.hosts) {
    hostsById.set(host.id, host);
    for (const role of host.roles) {
      const list = hostsByRole.get(role);
      if (list) list.push(host);
      else hostsByRole.set(role, [host]);
    }
  }
  return { plan, catalog, hostsByRole, hostsById, zonesById: new Map(plan.zones.map((z) => [z.id, z])) };
}

export function hostAddress(host: Host): string {
  if (host.address) return host.address;
  // An Internet host with no address stands for the whole Internet.
  return host.roles.includes('internet') ? 'any' : '';
}

/**
 * A flow's id: rule, hosts and service. The source id is length-prefixed, so ids holding "|"
 * cannot make two flows share an id.
 */
export const flowId = (rule: string, source: string, destination: string, protocol: string, port: number) =>
  `${rule}|${source.length}:${source}|${destination}|${protocol}/${port}`;

/**
 * The array a host is in at one end of an array-internal flow: as the Array Manager it heads its
 * own; as a node or web components host it is in the one it names, or in none (undefined: it then
 * talks to every array, as before arrays could be chosen). A single server holding both roles is
 * in its own array as the Array Manager and in the one it names as a node.
 */
export const arrayAt = (host: Host, role: RoleId): string | undefined =>
  role === 'array-manager' ? host.id : host.array;

const isCounterpart = (role: RoleId): role is CounterpartRole =>
  (COUNTERPART_ROLES as readonly string[]).includes(role);

/** Two hosts are separated by a firewall unless both sit in the same zone. */
export function crossesFirewall(a: Host, b: Host): boolean {
  return a.zone === undefined || b.zone === undefined || a.zone !== b.zone;
}

const NO_HOSTS: Host[] = [];

/** A derivation before its warnings (see derive.ts for both together). */
export type FlowSet = Omit<Derivation, 'warnings'>;

/**
 * Derives every flow the plan needs at its product version. Pure: the same plan always gives the
 * same flows in the same order. The warnings are apart (derive.ts) so that what draws the canvas
 * need not carry their code.
 */
export function deriveFlowsWithoutWarnings(
  plan: Plan,
  catalog: readonly CatalogRule[] = CATALOG,
  ctx: EngineContext = buildContext(plan, catalog),
): FlowSet {
  const version = plan.productVersion;
  const flows: Flow[] = [];
  const localFlows: Flow[] = [];
  const merged = new Map<string, Flow>();

  // Addresses are looked up once per host, not once per flow.
  const addresses = new Map<Host, string>();
  for (const host of plan.hosts) addresses.set(host, hostAddress(host));

  // With one Array Manager (or none) every host is in the same array.
  const severalArrays = (ctx.hostsByRole.get('array-manager')?.length ?? 0) > 1;

  for (const rule of catalog) {
    // A feature the plan does not use needs no flows.
    if (rule.feature && !featureOn(plan.features, rule.feature)) continue;
    for (const endpoint of rule.endpoints) {
      if (!inRange(version, endpoint.versions)) continue;
      const sources = ctx.hostsByRole.get(endpoint.source) ?? NO_HOSTS;
      const destinations = ctx.hostsByRole.get(endpoint.destination) ?? NO_HOSTS;
      if (sources.length === 0 || destinations.length === 0) continue;
      const byArray = severalArrays && endpoint.sameArray === true;
      const dstChosen = isCounterpart(endpoint.destination) ? endpoint.destination : undefined;
      const srcChosen = isCounterpart(endpoint.source) ? endpoint.source : undefined;
      // Shared by every flow of this endpoint; copied before a merge changes them.
      const sourceRoles = [endpoint.source];
      const destinationRoles = [endpoint.destination];
      // Flow ids are built from pieces made once per rule and source, not once per flow: at
      // 15,000 flows the string building was most of the garbage the engine made.
      const suffixes = rule.services.map((s) => `|${s.protocol}/${s.port}`);

      for (const src of sources) {
        const sourceAddress = addresses.get(src) ?? '';
        // The source id is length-prefixed so ids holding "|" cannot make two flows share an id.
        const prefix = `${rule.id}|${src.id.length}:${src.id}|`;
        const srcArray = byArray ? arrayAt(src, endpoint.source) : undefined;
        const uses = dstChosen && src.uses?.[dstChosen];
        for (const dst of destinations) {
          // Inside one array only, once both ends have one; a host in none keeps every array.
          if (srcArray !== undefined) {
            const dstArray = arrayAt(dst, endpoint.destination);
            if (dstArray !== undefined && dstArray !== srcArray) continue;
          }
          // The counterparts a host uses, when it chose (DNS servers, mail servers, directories).
          if (uses && !uses.includes(dst.id)) continue;
          if (srcChosen) {
            const chosen = dst.uses?.[srcChosen];
            if (chosen && !chosen.includes(src.id)) continue;
          }
          const local = src === dst;
          // Hosts with one role each can meet only once per rule, so only co-located roles need the
          // duplicate check.
          const mayRepeat = src.roles.length > 1 || dst.roles.length > 1;
          const destinationAddress = rule.fixedDestinationAddress ?? addresses.get(dst) ?? '';
          const crosses = !local && crossesFirewall(src, dst);
          for (let k = 0; k < rule.services.length; k++) {
            const service = rule.services[k]!;
            const id = prefix + dst.id + suffixes[k]!;
            if (mayRepeat) {
              const existing = merged.get(id);
              if (existing) {
                if (!existing.sourceRoles.includes(endpoint.source)) {
                  existing.sourceRoles = [...existing.sourceRoles, endpoint.source];
                }
                if (!existing.destinationRoles.includes(endpoint.destination)) {
                  existing.destinationRoles = [...existing.destinationRoles, endpoint.destination];
                }
                continue;
              }
            }
            const flow: Flow = {
              id,
              ruleId: rule.id,
              sourceHostId: src.id,
              destinationHostId: dst.id,
              sourceRoles,
              destinationRoles,
              protocol: service.protocol,
              port: service.port,
              sourceAddress,
              destinationAddress,
              crossesFirewall: crosses,
            };
            if (mayRepeat) merged.set(id, flow);
            (local ? localFlows : flows).push(flow);
          }
        }
      }
    }
  }

  return { flows, localFlows, excluded: exclusionsOf(plan, flows) };
}

/** The plan's exclusions that name a flow it has, by flow id. */
function exclusionsOf(plan: Plan, flows: readonly Flow[]): ReadonlyMap<string, Exclusion> {
  const excluded = new Map<string, Exclusion>();
  if (!plan.exclusions?.length) return excluded;
  const ids = new Set(flows.map((f) => f.id));
  for (const e of plan.exclusions) {
    const id = flowId(e.rule, e.source, e.destination, e.protocol, e.port);
    if (ids.has(id)) excluded.set(id, e);
  }
  return excluded;
}
