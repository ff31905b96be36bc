import { firewallPaths, type Hop } from '../engine';
import type { Firewall, Plan } from '../plan';
import type { GroupedRule, Grouping } from './types';

/*
 * The grouped rules per device: a rule is the same rule (same number, same groups and services)
 * on each device its zones' path passes, entering and leaving by that device's interfaces. A rule
 * never spans two pairs of zones, so all its flows share one path.
 */

/** A rule as one device sees it: the interface it enters by and the one it leaves by. */
export interface DeviceRule {
  rule: GroupedRule;
  hop: Hop;
}

export interface DeviceRules {
  firewall: Firewall;
  /** In rule-number order. */
  rules: DeviceRule[];
}

export interface RulesByDevice {
  /** Every device of the plan, in plan order, those without rules too. */
  devices: DeviceRules[];
  /** Crossing rules between places no device joins. */
  noPath: GroupedRule[];
}

/** Whether a rule goes between two places (different zones, or no zone at an end). */
export const crossesZones = (rule: Pick<GroupedRule, 'sourceZone' | 'destinationZone'>) =>
  rule.sourceZone === undefined ||
  rule.destinationZone === undefined ||
  rule.sourceZone !== rule.destinationZone;

/** The grouped rules per device of the plan; rules inside one zone pass none. */
export function rulesByDevice(
  plan: Pick<Plan, 'firewalls'>,
  grouping: Pick<Grouping, 'rules'>,
): RulesByDevice {
  const paths = firewallPaths(plan);
  const devices = (plan.firewalls ?? []).map((firewall): DeviceRules => ({ firewall, rules: [] }));
  const byId = new Map(devices.map((d) => [d.firewall.id, d]));
  const noPath: GroupedRule[] = [];
  for (const rule of grouping.rules) {
    if (!crossesZones(rule)) continue;
    const hops = paths.between(rule.sourceZone, rule.destinationZone);
    if (hops === undefined) noPath.push(rule);
    else for (const hop of hops) byId.get(hop.firewall.id)!.rules.push({ rule, hop });
  }
  for (const d of devices) d.rules.sort((a, b) => a.rule.number - b.rule.number);
  return { devices, noPath };
}
