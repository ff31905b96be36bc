import { performance } from 'node:perf_hooks';
import { deriveFlows } from '../src/domain/engine';
import { generatePlan } from './plans';
import { fmt, median, percentile } from './stats';

/** Median time for deriveFlows on generated plans. Target: <= 10 ms for 1,000 hosts. */
export function benchEngine(): void {
  console.log('\n== Flow engine (deriveFlows), Node.js ==');
  for (const hosts of [10, 100, 1000]) {
    const plan = generatePlan(hosts);
    const iterations = hosts >= 1000 ? 200 : 1000;
    for (let i = 0; i < 100; i++) deriveFlows(plan);
    const times: number[] = [];
    let result = deriveFlows(plan);
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      result = deriveFlows(plan);
      times.push(performance.now() - t0);
    }
    console.log(
      `${String(hosts).padStart(5)} hosts, ${String(result.flows.length).padStart(6)} flows, ` +
        `${String(result.warnings.length).padStart(3)} warnings: median ${fmt(median(times))}, ` +
        `p95 ${fmt(percentile(times, 95))} (${iterations} runs)`,
    );
  }
  console.log('Target: median <= 10 ms for 1,000 hosts.');
}
