import { performance } from 'node:perf_hooks';
import { deriveFlows } from '../src/domain/engine';
import { groupFlows } from '../src/domain/grouping';
import { ENTERPRISE, TWO_SITES, type Plan } from '../src/domain/plan';
import { generatePlan } from './plans';
import { check } from './report';
import { fmt, median, percentile } from './stats';

/** The change request's default scope: the flows that cross a firewall. */
const crossing = (plan: Plan) => deriveFlows(plan).flows.filter((f) => f.crossesFirewall);

/**
 * How far grouping shrinks a change request (per-flow rows → grouped rules, and the groups they
 * use) for the 40-host examples and the 300-host plan, and how long grouping 10,000 flows takes
 * (target: <= 50 ms median).
 */
export function benchGrouping(): void {
  console.log('\n== Grouped rules (groupFlows), Node.js ==');
  const sizes: [string, Plan][] = [
    ['Two sites, 40 hosts', TWO_SITES],
    ['Enterprise, 40 hosts', ENTERPRISE],
    ['Generated, 300 hosts', generatePlan(300)],
  ];
  for (const [label, plan] of sizes) {
    const flows = crossing(plan);
    const { rules, groups } = groupFlows(plan, flows);
    console.log(
      `${label.padEnd(22)} ${String(flows.length).padStart(6)} per-flow rows → ` +
        `${String(rules.length).padStart(4)} grouped rules, ${String(groups.length).padStart(4)} groups`,
    );
  }

  // Every flow, crossing or not, so the plan gives at least 10,000.
  const plan = generatePlan(1000);
  const flows = deriveFlows(plan).flows;
  if (flows.length < 10_000) throw new Error(`the plan gives only ${flows.length} flows`);
  for (let i = 0; i < 10; i++) groupFlows(plan, flows);
  const times: number[] = [];
  let result = groupFlows(plan, flows);
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    result = groupFlows(plan, flows);
    times.push(performance.now() - t0);
  }
  console.log(
    `${String(flows.length).padStart(6)} flows → ${result.rules.length} rules, ${result.groups.length} groups: ` +
      `median ${fmt(median(times))}, p95 ${fmt(percentile(times, 95))} (50 runs)`,
  );
  check(`Grouping 10,000 flows median (${flows.length.toLocaleString('en')} here)`, median(times), 50, 'ms');
}
