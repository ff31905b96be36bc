import type { FeatureId } from '../../domain/catalog';
import {
  excludeFlows,
  includeFlows,
  setFeature,
  setHostArray,
  setHostUses,
  type FlowRef,
} from '../../domain/edit';
import type { CounterpartRole, ExclusionKind } from '../../domain/plan';
import { usePlanner } from '../state';

/*
 * The architect's decisions (see domain/plan/decisions.ts), each one undo step. Only the panels
 * that make them load this module.
 */

/** Switches a feature of the vendor table on or off ("Features in use"). */
export function setFeatureInUse(id: FeatureId, on: boolean) {
  const { plan, commit } = usePlanner.getState();
  commit(setFeature(plan, id, on));
}

/** Puts a processing node or web components host in an Array Manager's array (undefined: none). */
export function setArrayOf(hostId: string, arrayManagerId: string | undefined) {
  const { plan, commit } = usePlanner.getState();
  commit(setHostArray(plan, hostId, arrayManagerId));
}

/** The hosts of a role a host uses (undefined: all of them). */
export function setCounterparts(hostId: string, role: CounterpartRole, ids: readonly string[] | undefined) {
  const { plan, commit } = usePlanner.getState();
  commit(setHostUses(plan, hostId, role, ids));
}

/**
 * Leaves flows out of the change request as already allowed (with the existing rule's reference)
 * or not needed (with the reason, required): false, changing nothing, when a reason is missing.
 */
export function excludeFromRequest(flows: readonly FlowRef[], kind: ExclusionKind, note: string): boolean {
  const { plan, commit } = usePlanner.getState();
  const next = excludeFlows(plan, flows, kind, note);
  if (next === plan) return false;
  return commit(next);
}

/** Puts excluded flows back in the change request. */
export function includeInRequest(flows: readonly FlowRef[]) {
  const { plan, commit } = usePlanner.getState();
  commit(includeFlows(plan, flows));
}
