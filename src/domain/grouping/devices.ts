import { firewallPaths, type Hop } from '../engine';
import { FIREWALL_VENDOR_LABELS, type Firewall, type Plan } from '../plan';
import { visibleText } from '../text';
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

/** Rules under one heading: a device's (with the interfaces each enters and leaves by), or none. */
export interface RuleSection {
  key: string;
  /** Absent for a plan without devices: one list, no heading. */
  title?: string;
  detail?: string;
  rows: { rule: GroupedRule; hop?: Hop }[];
}

/**
 * The rules as the panel lists them. Without devices: every rule, in number order, under no heading.
 * With devices: under each device the rules its path passes (a rule keeps its number on each),
 * then those between zones no device joins ("No path"), then those inside one zone.
 */
export function ruleSections(plan: Plan, grouping: Grouping): RuleSection[] {
  if (!plan.firewalls?.length) return [{ key: 'all', rows: grouping.rules.map((rule) => ({ rule })) }];
  const { devices, noPath } = rulesByDevice(plan, grouping);
  const sections: RuleSection[] = devices.map(({ firewall, rules }) => ({
    key: `device-${firewall.id}`,
    title: visibleText(firewall.name),
    detail: FIREWALL_VENDOR_LABELS[firewall.vendor],
    rows: rules,
  }));
  if (noPath.length > 0)
    sections.push({
      key: 'no-path',
      title: 'No path',
      detail: 'no device of the plan joins these zones',
      rows: noPath.map((rule) => ({ rule })),
    });
  const inside = grouping.rules.filter((r) => !crossesZones(r));
  if (inside.length > 0)
    sections.push({
      key: 'inside',
      title: 'Inside a zone',
      detail: 'these pass no device',
      rows: inside.map((rule) => ({ rule })),
    });
  return sections;
}
