import type { Page } from '@playwright/test';
import { deriveFlows } from '../src/domain/engine';
import { requestFlows } from '../src/domain/export/rows';
import { serializePlan, type Plan } from '../src/domain/plan';
import { launchChromium } from './browser';
import { generatePlan } from './plans';
import { fmt, median } from './stats';

/** The smallest generated plan whose change request holds at least `flows` firewall-crossing flows. */
function planWithFlows(flows: number): { plan: Plan; count: number } {
  for (let n = 10; ; n += 2) {
    const plan = generatePlan(n);
    const count = requestFlows(deriveFlows(plan), { includeInternal: false }).length;
    if (count >= flows) return { plan, count };
  }
}

async function timeExport(page: Page, button: string, id: string): Promise<{ build: number; total: number }> {
  await page.evaluate(() => performance.clearMeasures());
  const started = Date.now();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  await (await download).path();
  const total = Date.now() - started;
  const build = await page.evaluate(
    (name) => performance.getEntriesByName(name)[0]?.duration ?? NaN,
    `portolan:export:${id}`,
  );
  return { build, total };
}

/**
 * Time to build the change request for a plan with 1,000 flows in Chromium, through the app's own
 * buttons. Targets: PDF <= 1.5 s, CSV <= 100 ms ("build" is the exporter's own time, measured in the
 * page; "click to file" adds loading the exporter's code and the download).
 */
export async function benchExports(url: string): Promise<void> {
  const { plan, count } = planWithFlows(1000);
  console.log(`\n== Change request exports, Chromium: ${count} flows (${plan.hosts.length} hosts) ==`);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ acceptDownloads: true });
    await page.addInitScript((text) => localStorage.setItem('portolan.plan', text), serializePlan(plan));
    await page.goto(url);
    await page.locator('.react-flow__node-host').first().waitFor();
    for (const [button, id, target] of [
      ['Export CSV', 'csv', '100 ms'],
      ['Export PDF', 'pdf', '1.5 s'],
    ] as const) {
      const runs = [];
      for (let i = 0; i < 5; i++) runs.push(await timeExport(page, button, id));
      console.log(
        `${id.toUpperCase()}: build median ${fmt(median(runs.map((r) => r.build)))}, ` +
          `click to file median ${fmt(median(runs.map((r) => r.total)))} (5 runs; target ${target})`,
      );
    }
  } finally {
    await browser.close();
  }
}
