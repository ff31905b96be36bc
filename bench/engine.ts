import { performance } from 'node:perf_hooks';
import { deriveFlows, estimateFlows } from '../src/domain/engine';
import { check } from './report';
import { generatePlan } from './plans';
import { fmt, median, percentile } from './stats';

/**
 * Median time for deriveFlows on generated plans (target: <= 10 ms for 1,000 hosts), and for the
 * size check that runs before every edit (target: <= 1 ms for 10,000 hosts).
 */
export function benchEngine(): void {
  console.log('\n== Flow engine (deriveFlows), Node.js ==');
  for (const hosts of [10, 100, 1000]) {
    const plan = generatePlan(hosts);
    const iterations = hosts >= 1000 ? 300 : 1000;
    for (let i = 0; i < 100; i++) deriveFlows(plan);
    const times: number[] = [];
    let result = deriveFlows(plan);
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      result = deriveFlows(plan);
      times.push(performance.now() - t0);
    }
    const line =
      `${String(hosts).padStart(5)} hosts, ${String(result.flows.length).padStart(6)} flows, ` +
      `${String(result.warnings.length).padStart(3)} warnings: median ${fmt(median(times))}, ` +
      `p95 ${fmt(percentile(times, 95))} (${iterations} runs)`;
    console.log(line);
    if (hosts === 1000) check('deriveFlows median, 1,000 hosts', median(times), 10, 'ms');
  }

  const big = generatePlan(10_000);
  for (let i = 0; i < 50; i++) estimateFlows(big);
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t0 = performance.now();
    estimateFlows(big);
    times.push(performance.now() - t0);
  }
  check('Plan size check (estimateFlows) median, 10,000 hosts', median(times), 1, 'ms');
}
