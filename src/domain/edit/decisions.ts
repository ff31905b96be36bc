import { type FeatureId, type RuleId } from '../catalog';
import { objectPrefixProblem } from '../plan';
import type { CounterpartRole, Exclusion, ExclusionKind, Host, Plan } from '../plan';
import { canBeInArray } from './cleanDecisions';

/*
 * The architect's decisions as pure edits: features in use, a host's array, the counterparts it
 * uses, and flows excluded from the change request. Each returns the plan unchanged when there is
 * nothing to do, and `cleanDecisions` drops decisions that name hosts gone or changed, so a delete
 * or a role change cleans them in the same undo step.
 */

/** Switches a feature on (its default: the entry goes) or off. */
export function setFeature(plan: Plan, id: FeatureId, on: boolean): Plan {
  const current = plan.features?.[id] !== false;
  if (current === on) return plan;
  const features = { ...plan.features };
  if (on) delete features[id];
  else features[id] = false;
  const next: Plan = { ...plan, features };
  if (Object.keys(features).length === 0) delete next.features;
  return next;
}

function withHost(plan: Plan, id: string, change: (h: Host) => Host): Plan {
  let changed = false;
  const hosts = plan.hosts.map((h) => {
    if (h.id !== id) return h;
    const next = change(h);
    changed ||= next !== h;
    return next;
  });
  return changed ? { ...plan, hosts } : plan;
}

/** Puts a processing node or web components host in the array of an Array Manager (undefined: in none). */
export function setHostArray(plan: Plan, hostId: string, arrayManagerId: string | undefined): Plan {
  return withHost(plan, hostId, (h) => {
    if (h.array === arrayManagerId) return h;
    const next = { ...h };
    if (arrayManagerId === undefined) delete next.array;
    else next.array = arrayManagerId;
    return next;
  });
}

/**
 * Puts every one of several hosts that can be in an array (see canBeInArray) in the array of an
 * Array Manager (undefined: in none); the others are left as they are. The same plan when none
 * changes.
 */
export function setHostsArray(plan: Plan, ids: readonly string[], arrayManagerId: string | undefined): Plan {
  const chosen = new Set(ids);
  let changed = false;
  const hosts = plan.hosts.map((h) => {
    if (!chosen.has(h.id) || !canBeInArray(h) || h.array === arrayManagerId) return h;
    changed = true;
    const next = { ...h };
    if (arrayManagerId === undefined) delete next.array;
    else next.array = arrayManagerId;
    return next;
  });
  return changed ? { ...plan, hosts } : plan;
}

/**
 * The counterparts of one role a host uses (undefined: every host of that role, the default). A
 * list holding every such host is the default too, and is not kept.
 */
export function setHostUses(
  plan: Plan,
  hostId: string,
  role: CounterpartRole,
  ids: readonly string[] | undefined,
): Plan {
  const all = plan.hosts.filter((h) => h.roles.includes(role)).map((h) => h.id);
  // None chosen is no choice (a host uses at least one): like every one, it is not kept.
  const picked = ids && all.filter((id) => ids.includes(id));
  const chosen = picked && picked.length > 0 && picked.length < all.length ? picked : undefined;
  return withHost(plan, hostId, (h) => {
    const before = h.uses?.[role];
    if (before === undefined && chosen === undefined) return h;
    if (before && chosen && before.length === chosen.length && before.every((id, i) => id === chosen[i]))
      return h;
    const uses = { ...h.uses };
    if (chosen) uses[role] = chosen;
    else delete uses[role];
    const next: Host = { ...h, uses };
    if (Object.keys(uses).length === 0) delete next.uses;
    return next;
  });
}

/** What names a flow in an exclusion: its rule, hosts and service. */
export interface FlowRef {
  ruleId: RuleId;
  sourceHostId: string;
  destinationHostId: string;
  protocol: 'tcp' | 'udp';
  port: number;
}

const sameFlow = (e: Exclusion, f: FlowRef) =>
  e.rule === f.ruleId &&
  e.source === f.sourceHostId &&
  e.destination === f.destinationHostId &&
  e.protocol === f.protocol &&
  e.port === f.port;

/** The exclusion of a flow, if the plan has one. */
export const exclusionOf = (plan: Plan, flow: FlowRef): Exclusion | undefined =>
  plan.exclusions?.find((e) => sameFlow(e, flow));

/**
 * Leaves flows out of the change request, all with one decision: already allowed (with the
 * existing rule's reference, optional) or not needed (the reason is required: without one nothing
 * changes). Flows already excluded take the new decision.
 */
export function excludeFlows(plan: Plan, flows: readonly FlowRef[], kind: ExclusionKind, note: string): Plan {
  const text = note.trim();
  if (kind === 'not-needed' && text === '') return plan;
  if (flows.length === 0) return plan;
  const kept = (plan.exclusions ?? []).filter((e) => !flows.some((f) => sameFlow(e, f)));
  const added = flows.map((f): Exclusion => ({
    rule: f.ruleId,
    source: f.sourceHostId,
    destination: f.destinationHostId,
    protocol: f.protocol,
    port: f.port,
    kind,
    ...(text ? { note: text } : {}),
  }));
  return { ...plan, exclusions: [...kept, ...added] };
}

/** Puts flows back in the change request. */
export function includeFlows(plan: Plan, flows: readonly FlowRef[]): Plan {
  if (!plan.exclusions?.length) return plan;
  const kept = plan.exclusions.filter((e) => !flows.some((f) => sameFlow(e, f)));
  if (kept.length === plan.exclusions.length) return plan;
  const next: Plan = { ...plan, exclusions: kept };
  if (kept.length === 0) delete next.exclusions;
  return next;
}

/**
 * The plan with `prefix` as the start of every name its firewall files create (see
 * objectPrefix.ts); undefined or empty goes back to the default made from the plan's name. A
 * prefix that objectPrefixProblem refuses changes nothing: the same plan comes back.
 */
export function setObjectPrefix(plan: Plan, prefix: string | undefined): Plan {
  const value = prefix || undefined;
  if (value === plan.changeRequest?.objectPrefix) return plan;
  if (value !== undefined && objectPrefixProblem(value) !== null) return plan;
  const { objectPrefix: _old, ...request } = plan.changeRequest ?? {};
  const changeRequest = value === undefined ? request : { ...request, objectPrefix: value };
  const { changeRequest: _request, ...rest } = plan;
  // No change request left: the plan is as it was before one was written.
  return Object.keys(changeRequest).length > 0 ? { ...rest, changeRequest } : rest;
}
