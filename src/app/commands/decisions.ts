import type { CounterpartRole, ExclusionKind, FeatureId } from '../../domain';
import {
  excludeFlows,
  includeFlows,
  setFeature,
  setHostArray,
  setHostsArray,
  setHostUses,
  type FlowRef,
} from '../../domain/edit';
import { defineCommand } from './command';

/*
 * The architect's decisions (see domain/edit/decisions.ts), each one undo step. Their code loads
 * with the panels that make them, which register them (registerCommands in registry.ts).
 */
export const DECISION_COMMANDS = {
  /** Switches a feature of the vendor table on or off ("Features in use"). */
  setFeatureInUse: defineCommand<{ feature: FeatureId; on: boolean }>({
    id: 'setFeatureInUse',
    label: 'Features in use',
    perform: (s, { feature, on }) => s.commit(setFeature(s.plan, feature, on)),
  }),
  /** Puts a processing node or web components host in an Array Manager's array (undefined: none). */
  setArrayOf: defineCommand<{ hostId: string; arrayManagerId: string | undefined }>({
    id: 'setArrayOf',
    label: 'Array',
    perform: (s, { hostId, arrayManagerId }) => s.commit(setHostArray(s.plan, hostId, arrayManagerId)),
  }),
  /**
   * Puts every one of several hosts that can be in an array (processing nodes and web components)
   * in an Array Manager's array (undefined: in none), one undo step; the others stay as they are.
   * False, changing nothing, when none changes.
   */
  setHostsArray: defineCommand<{ ids: readonly string[]; arrayManagerId: string | undefined }>({
    id: 'setHostsArray',
    label: 'Array',
    perform: (s, { ids, arrayManagerId }) => {
      const next = setHostsArray(s.plan, ids, arrayManagerId);
      return next !== s.plan && s.commit(next);
    },
  }),
  /** The hosts of a role a host uses (undefined: all of them). */
  setCounterparts: defineCommand<{
    hostId: string;
    role: CounterpartRole;
    ids: readonly string[] | undefined;
  }>({
    id: 'setCounterparts',
    label: 'Uses',
    perform: (s, { hostId, role, ids }) => s.commit(setHostUses(s.plan, hostId, role, ids)),
  }),
  /**
   * Leaves flows out of the change request as already allowed (with the existing rule's reference)
   * or not needed (with the reason, required): false, changing nothing, when a reason is missing.
   */
  excludeFromRequest: defineCommand<{ flows: readonly FlowRef[]; kind: ExclusionKind; note: string }>({
    id: 'excludeFromRequest',
    label: 'Leave out of the change request',
    perform: (s, { flows, kind, note }) => {
      const next = excludeFlows(s.plan, flows, kind, note);
      return next !== s.plan && s.commit(next);
    },
  }),
  /** Puts excluded flows back in the change request. */
  includeInRequest: defineCommand<{ flows: readonly FlowRef[] }>({
    id: 'includeInRequest',
    label: 'Put back in the change request',
    perform: (s, { flows }) => s.commit(includeFlows(s.plan, flows)),
  }),
};
