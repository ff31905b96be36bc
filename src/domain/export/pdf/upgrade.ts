import { productName, type ProductVersion } from '../../catalog';
import { groupFlows, type AddressGroup, type Grouping } from '../../grouping';
import {
  deltaInScope,
  upgradeAdvisories,
  upgradeDelta,
  versionLabel,
  versionStep,
  type UpgradeAdvisory,
} from '../../upgrade';
import { requestRows } from '../rows';
import { appendix, flowList, type FlowListText } from './appendix';
import { excludedDetail, pairLabels, requesterDetails, scopeText, type CoverContent } from './cover';
import { decisionsNote } from './decisions';
import { INK, MARGIN, MUTED, RULE_LINE, TEAL, formatDate, type Doc, type PdfInput } from './doc';
import { exclusionsById, excludedFlows, excludedSection } from './excluded';
import { groupsSection } from './groups';
import type { RequestParts } from './parts';
import { plural, ruleTable, type RuleTableText } from './ruleTable';
import { warningsPage } from './warnings';

/*
 * The upgrade's change request: what a firewall must change for the plan to go from the version
 * it runs now to its product version. Rules to open before the upgrade, rules to close once it is
 * complete, the vendor's advisories for the step, and the rules that stay in the appendix. Like
 * the upgrade CSV, it describes the delta in the request's scope.
 */

/** The rules of `flows`, numbered on from `after`, so no two tables of the request share a number. */
function numbered(grouping: Grouping, after: number): Grouping {
  return { ...grouping, rules: grouping.rules.map((r) => ({ ...r, number: after + r.number })) };
}

/** The rules of both groupings, and every group either uses, once each, by name. */
function merged(a: Grouping, b: Grouping): Grouping {
  const groups = new Map<string, AddressGroup>();
  for (const g of [...a.groups, ...b.groups]) if (!groups.has(g.key)) groups.set(g.key, g);
  return {
    rules: [...a.rules, ...b.rules],
    groups: [...groups.values()].sort((x, y) => x.name.localeCompare(y.name)),
  };
}

const flowTotal = (g: Grouping) => g.rules.reduce((n, r) => n + r.flowIds.length, 0);

/** "2 rules carrying 4 flows" */
const ruleCount = (g: Grouping) =>
  `${plural(g.rules.length, 'rule')} carrying ${plural(flowTotal(g), 'flow')}`;

/** The upgrade's change request, from `from` to the plan's product version. */
export function upgradeRequest(input: PdfInput, from: ProductVersion): RequestParts {
  const { plan, derivation, scope } = input;
  const to = plan.productVersion;
  const full = upgradeDelta(plan, from, derivation);
  const delta = deltaInScope(full, scope);
  // The flows the architect left out, among those the upgrade opens, closes or keeps.
  const exclusions = exclusionsById(plan);
  const excluded = [
    ...excludedFlows(plan, full.added, exclusions, scope, 'Open'),
    ...excludedFlows(plan, full.removed, exclusions, scope, 'Close'),
    ...excludedFlows(plan, full.kept, exclusions, scope, 'Keep'),
  ];
  const open = groupFlows(plan, delta.added);
  const close = numbered(groupFlows(plan, delta.removed), open.rules.length);
  const kept = numbered(groupFlows(plan, delta.kept), open.rules.length + close.rules.length);
  const changed = merged(open, close);
  const advisories = upgradeAdvisories(plan, from, to);
  const step = versionStep(from, to);
  const rows = requestRows(plan, [...delta.added, ...delta.removed, ...delta.kept]);
  const [fromLabel, toLabel] = [versionLabel(from), versionLabel(to)];

  const openText: RuleTableText = {
    title: 'Rules to open before the upgrade',
    intro: (rules, flows) =>
      rules === 0
        ? `The flows that ${toLabel} needs and ${fromLabel} does not, to open before the upgrade.`
        : `${plural(rules, 'rule')} carrying ${plural(flows, 'flow')} that ${toLabel} needs and ${fromLabel} does not (listed in the appendix). Open them before the upgrade. Replies are assumed to be allowed by a stateful firewall.`,
    none: `None: ${toLabel} needs no flow in the scope of this request that ${fromLabel} does not already have.`,
  };
  const closeText: RuleTableText = {
    title: 'Rules to close after the upgrade is complete',
    intro: (rules, flows) =>
      rules === 0
        ? `The flows that ${fromLabel} needs and ${toLabel} does not, to close once the upgrade is complete.`
        : `${plural(rules, 'rule')} carrying ${plural(flows, 'flow')} that ${fromLabel} needs and ${toLabel} does not (listed in the appendix). Close them once the upgrade is complete, not before.`,
    none: `None: every flow ${fromLabel} needs in the scope of this request, ${toLabel} still needs.`,
  };
  const keptText: RuleTableText = {
    title: 'Appendix: unchanged rules',
    intro: (rules, flows) =>
      rules === 0
        ? `The flows that both ${fromLabel} and ${toLabel} need.`
        : `${plural(rules, 'rule')} carrying ${plural(flows, 'flow')} that both ${fromLabel} and ${toLabel} need: they stay as they are.`,
    none: 'None: no flow in the scope of this request stays as it is.',
  };
  const flowText = (what: string): FlowListText => ({
    title: `Appendix: flows to ${what}`,
    intro: (n) =>
      `The ${plural(n, 'flow')} the rules to ${what} carry, one line each, under the number of the rule that carries it.`,
  });

  const cover: CoverContent = {
    kicker: 'UPGRADE CHANGE REQUEST',
    title: plan.changeRequest?.title?.trim() || `Upgrade ${step}: ${plan.name}`,
    details: [
      ['Plan', plan.name],
      ['Product', `${productName(from)} ${from} \u2192 ${productName(to)} ${to}`],
      ...requesterDetails(input),
      ['Date', formatDate(input.date)],
      ['Scope', scopeText(scope)],
      ['Rules to open', `${ruleCount(open)}, before the upgrade`],
      ['Rules to close', `${ruleCount(close)}, once it is complete`],
      ['Unchanged rules', `${ruleCount(kept)} (in the appendix)`],
      ...excludedDetail(excluded.length),
      ['Hosts / zones', `${plan.hosts.length} hosts in ${plan.zones.length} zones`],
      ['Upgrade advisories', String(advisories.length)],
      ['Warnings', String(derivation.warnings.length)],
    ],
    pairs: {
      head: ['Zone pair', 'Open', 'Close', 'Unchanged'],
      body: pairCounts(input, [open, close, kept]),
    },
  };

  return {
    title: cover.title,
    subject: 'Upgrade change request',
    cover,
    body(doc) {
      // Each section below the one before when its heading and a few lines fit there.
      let end = ruleTable(doc, plan, open, openText);
      end = ruleTable(doc, plan, close, closeText, doc.section(120, end));
      if (changed.groups.length > 0) end = groupsSection(doc, plan, changed, doc.section(120, end));
      if (excluded.length > 0) end = excludedSection(doc, excluded, doc.section(120, end));
      end = advisoriesSection(doc, advisories, step, doc.section(160, end));
      warningsPage(doc, input, doc.section(100, end));
    },
    appendix(doc) {
      let end = decisionsNote(doc, plan, appendix(doc, input, rows));
      if (delta.added.length > 0)
        end = flowList(doc, plan, open, delta.added, doc.section(120, end), flowText('open'));
      if (delta.removed.length > 0)
        end = flowList(doc, plan, close, delta.removed, doc.section(120, end), flowText('close'));
      ruleTable(doc, plan, kept, keptText, doc.section(120, end));
    },
    footer: 'upgrade change request',
  };
}

/** Rules to open, close and keep per zone pair, in rule order. */
function pairCounts(input: PdfInput, groupings: Grouping[]): string[][] {
  const pairs = new Map<string, number[]>();
  groupings.forEach((grouping, i) => {
    for (const [label] of pairLabels(input.plan, grouping)) {
      const counts = pairs.get(label) ?? groupings.map(() => 0);
      counts[i]!++;
      pairs.set(label, counts);
    }
  });
  return [...pairs].map(([label, counts]) => [label, ...counts.map(String)]);
}

/** What the vendor advises for this step beyond the rules, one row each; returns where it ended. */
export function advisoriesSection(doc: Doc, advisories: UpgradeAdvisory[], step: string, y: number): number {
  const top = doc.heading(
    'Upgrade advisories',
    `What the vendor advises for ${step} beyond the rules above, for the roles in this plan.`,
    y,
  );
  if (advisories.length === 0)
    return (
      top +
      doc.text('None: the vendor advises nothing more for this upgrade and these hosts.', MARGIN, top, {
        colour: MUTED,
      })
    );
  doc.table({
    startY: top,
    margin: { left: MARGIN, right: MARGIN, top: MARGIN, bottom: MARGIN + 10 },
    head: [['Advisory', 'Advice', 'Catalog rules', 'Reference']],
    body: advisories.map((a) => [
      `${a.title}\n(from ${a.at})`,
      a.text,
      a.ruleIds.join(', '),
      a.reference ?? 'Trustwave knowledge-base article 10905',
    ]),
    rowPageBreak: 'avoid',
    showHead: 'everyPage',
    theme: 'grid',
    headStyles: { fillColor: TEAL },
    styles: {
      fontSize: 9,
      cellPadding: 4,
      textColor: INK,
      lineColor: RULE_LINE,
      lineWidth: 0.4,
      valign: 'top',
    },
    columnStyles: {
      0: { cellWidth: 170, fontStyle: 'bold' },
      2: { cellWidth: 120 },
      3: { cellWidth: 120 },
    },
  });
  return doc.lastTableEnd ?? top;
}
