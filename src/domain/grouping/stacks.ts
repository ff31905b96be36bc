import { ROLES, ROLE_IDS, type RoleId } from '../catalog';
import type { Plan } from '../plan';
import type { Grouping } from './types';

/**
 * "Group similar hosts" on the canvas: hosts with the same roles in the same zone are drawn as one
 * stacked card, and the grouped rules as arrows between the cards. Every address group of a
 * grouped rule is a union of such stacks (hosts with the same roles in the same zone need the same
 * flows), so the cards split the hosts cleanly even where groups overlap (a domain controller
 * that also serves DNS has roles of its own, so a card of its own).
 */
export interface Stack {
  /** Its zone and roles: stable while those hosts are in the plan. */
  key: string;
  /** The card's id: its first member in plan order. */
  id: string;
  hostIds: string[];
  roles: RoleId[];
  zone?: string;
  /** "8 × Processing node"; a single host's stack is the host itself. */
  label: string;
  /** For a host of an opened stack: that stack's key, to fold it back. */
  openedFrom?: string;
}

export interface Stacks {
  stacks: Stack[];
  /** The stack each host is drawn in. */
  stackOf: ReadonlyMap<string, Stack>;
}

const ROLE_ORDER = new Map<RoleId, number>(ROLE_IDS.map((id, i) => [id, i]));

/** The key of a host's stack: its zone and its roles, in catalog order. */
export function stackKey(zone: string | undefined, roles: readonly RoleId[]): string {
  const sorted = [...new Set(roles)].sort((a, b) => ROLE_ORDER.get(a)! - ROLE_ORDER.get(b)!);
  return `${encodeURIComponent(zone ?? '')}|${sorted.join('+')}`;
}

/** The plan's hosts as stacks; hosts of an `expanded` stack key are drawn one by one. */
export function buildStacks(plan: Plan, expanded: ReadonlySet<string> = new Set()): Stacks {
  const byKey = new Map<string, string[]>();
  for (const h of plan.hosts) {
    const key = stackKey(h.zone, h.roles);
    const list = byKey.get(key);
    if (list) list.push(h.id);
    else byKey.set(key, [h.id]);
  }
  const hosts = new Map(plan.hosts.map((h) => [h.id, h]));
  const stacks: Stack[] = [];
  const stackOf = new Map<string, Stack>();
  const add = (stack: Stack) => {
    stacks.push(stack);
    for (const id of stack.hostIds) stackOf.set(id, stack);
  };
  const seen = new Set<string>();
  for (const h of plan.hosts) {
    const key = stackKey(h.zone, h.roles);
    const members = byKey.get(key)!;
    const label = h.roles.map((r) => ROLES[r].label).join(' · ');
    if (members.length > 1 && !expanded.has(key)) {
      if (seen.has(key)) continue;
      seen.add(key);
      add({
        key,
        id: h.id,
        hostIds: members,
        roles: [...h.roles],
        ...(h.zone !== undefined ? { zone: h.zone } : {}),
        label: `${members.length} × ${label}`,
      });
    } else {
      add({
        key: members.length > 1 ? `${key}#${h.id}` : key,
        id: h.id,
        hostIds: [h.id],
        roles: [...h.roles],
        ...(h.zone !== undefined ? { zone: h.zone } : {}),
        label: hosts.get(h.id)!.name,
        ...(members.length > 1 ? { openedFrom: key } : {}),
      });
    }
  }
  return { stacks, stackOf };
}

/**
 * Rules whose every source and destination host is in one card (two Array Managers that are also
 * nodes, talking to each other): no arrow can show them, so the card lists their numbers.
 */
export function rulesWithin(grouping: Grouping, { stackOf }: Stacks): Map<string, number[]> {
  const within = new Map<string, number[]>();
  for (const rule of grouping.rules) {
    const cards = new Set(
      [...rule.source.hostIds, ...rule.destination.hostIds].map((id) => stackOf.get(id)?.id),
    );
    if (cards.size !== 1) continue;
    const [card] = cards;
    if (card === undefined) continue;
    within.set(card, [...(within.get(card) ?? []), rule.number]);
  }
  return within;
}

/** One arrow between two cards: the grouped rules that run from the one to the other. */
export interface StackArrow {
  /** Card ids (first members). */
  source: string;
  target: string;
  ruleNumbers: number[];
  /** "tcp/25, tcp/443", each service once, in rule order. */
  services: string;
  /** "#5, #7: tcp/25, tcp/19001" */
  label: string;
  crossesFirewall: boolean;
  hasReverse: boolean;
}

/**
 * One arrow per pair of cards that some grouped rule connects, carrying the numbers of its rules.
 * A rule whose groups span several cards gives an arrow from each of its source cards to each of
 * its destination cards.
 */
export function stackArrows(grouping: Grouping, { stackOf }: Stacks): StackArrow[] {
  const arrows = new Map<string, StackArrow & { serviceSet: Set<string> }>();
  for (const rule of grouping.rules) {
    const from = new Set(rule.source.hostIds.map((id) => stackOf.get(id)).filter((s) => s !== undefined));
    const to = new Set(rule.destination.hostIds.map((id) => stackOf.get(id)).filter((s) => s !== undefined));
    const crosses =
      rule.sourceZone === undefined ||
      rule.destinationZone === undefined ||
      rule.sourceZone !== rule.destinationZone;
    for (const s of from) {
      for (const d of to) {
        if (s === d) continue;
        const key = `${s.id}\u0000${d.id}`;
        let arrow = arrows.get(key);
        if (!arrow) {
          arrow = {
            source: s.id,
            target: d.id,
            ruleNumbers: [],
            services: '',
            label: '',
            crossesFirewall: false,
            hasReverse: false,
            serviceSet: new Set(),
          };
          arrows.set(key, arrow);
        }
        arrow.ruleNumbers.push(rule.number);
        for (const sv of rule.services) arrow.serviceSet.add(`${sv.protocol}/${sv.port}`);
        arrow.crossesFirewall ||= crosses;
      }
    }
  }
  return [...arrows.values()].map(({ serviceSet, ...arrow }) => {
    const services = [...serviceSet].join(', ');
    return {
      ...arrow,
      services,
      label: `#${arrow.ruleNumbers.join(', #')}: ${services}`,
      hasReverse: arrows.has(`${arrow.target}\u0000${arrow.source}`),
    };
  });
}
