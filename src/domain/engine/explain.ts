import {
  describeRange,
  formatService,
  getRule,
  ruleNotes,
  ruleText,
  type CatalogRule,
  type RuleId,
  type RuleNote,
  type RuleText,
} from '../catalog';
import type { Plan } from '../plan';
import type { Flow } from './types';

export interface FlowExplanation {
  rule: CatalogRule;
  /** The rule's words: when it is needed and why. */
  text: RuleText;
  /** Services of this rule between these hosts, e.g. "tcp/80, tcp/443". */
  services: string;
  /** The versions the rule applies to for these roles, e.g. "6.5 and later". */
  versions: string;
  /** Notes that hold at the plan's version. */
  notes: RuleNote[];
  flows: Flow[];
}

/**
 * Explains the flows between two hosts, one entry per catalog rule, at the plan's version.
 */
export function explainFlows(plan: Plan, flows: readonly Flow[]): FlowExplanation[] {
  const byRule = new Map<RuleId, Flow[]>();
  for (const f of flows) {
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  return [...byRule.values()].map((ruleFlows) => {
    const first = ruleFlows[0]!;
    const rule = getRule(first.ruleId);
    const ranges = rule.endpoints
      .filter(
        (ep) => first.sourceRoles.includes(ep.source) && first.destinationRoles.includes(ep.destination),
      )
      .map((ep) => describeRange(ep.versions));
    return {
      rule,
      text: ruleText(rule.id),
      services: [...new Set(ruleFlows.map((f) => formatService(f)))].join(', '),
      versions: [...new Set(ranges)].join('; '),
      notes: ruleNotes(rule.id, plan.productVersion),
      flows: ruleFlows,
    };
  });
}
