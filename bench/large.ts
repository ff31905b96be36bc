import type { Page } from '@playwright/test';
import { serializePlan } from '../src/domain/plan';
import { launchChromium } from './browser';
import { generatePlan } from './plans';
import { check } from './report';

/** Collects the page's long tasks (over 50 ms) from now on. */
const WATCH = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.duration);
  }).observe({ type: 'longtask' });
})()`;
const LONGEST = `Math.max(0, ...window.__longTasks)`;
const RESET = `window.__longTasks = []`;
/** Resolves once the page has had an idle period of 50 ms (no task running or due). */
const IDLE = `new Promise((resolve) => {
  const deadline = performance.now() + 60000;
  const check = () => requestIdleCallback((idle) => {
    if (idle.timeRemaining() >= 49 || performance.now() > deadline) resolve();
    else check();
  });
  check();
})`;

async function exportTimed(page: Page, item: string): Promise<{ total: number; longest: number }> {
  await page.evaluate(RESET);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const started = Date.now();
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: item, exact: true }).click();
  // What the file cannot express is said before it is saved: saved at once, as a person would.
  const notes = page.getByRole('dialog').getByRole('button', { name: 'Save the file' });
  await Promise.race([download, notes.click({ timeout: 120_000 }).catch(() => undefined)]);
  await (await download).path();
  return { total: Date.now() - started, longest: await page.evaluate<number>(LONGEST) };
}

/**
 * A 1,000-host plan in Chromium: opened from a file through Import (to the first card drawn and
 * the page idle again) <= 1.5 s; its PDF <= 5 s and its nftables file <= 2 s from the click to the
 * file, with no main-thread task over 200 ms meanwhile.
 */
export async function benchLarge(url: string): Promise<void> {
  const plan = generatePlan(1000);
  console.log(`\n== A 1,000-host plan in Chromium (${plan.zones.length} zones) ==`);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(url);
    await page.getByRole('button', { name: 'Import plan' }).waitFor();
    await page.evaluate(WATCH);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import plan' }).click();
    const started = Date.now();
    await (
      await chooser
    ).setFiles({
      name: 'large.portolan.json',
      mimeType: 'application/json',
      buffer: Buffer.from(serializePlan(plan)),
    });
    await page.locator('.react-flow__node-host').first().waitFor({ timeout: 120_000 });
    // Interactive: drawn, its arrows routed and applied, and the page idle (a 50 ms idle period).
    await page.evaluate(IDLE);
    const opened = Date.now() - started;
    const openLongest = await page.evaluate<number>(LONGEST);
    check('Import 1,000 hosts, to interactive', opened, 1500, 'ms');
    check('Import 1,000 hosts: longest main-thread task', openLongest, 200, 'ms');

    // Each export starts on a settled page, so its figures are the export's own.
    await page.evaluate(IDLE);
    const pdf = await exportTimed(page, 'PDF');
    check('PDF, 1,000 hosts: click to file', pdf.total, 5000, 'ms');
    check('PDF, 1,000 hosts: longest main-thread task', pdf.longest, 200, 'ms');
    await page.evaluate(IDLE);
    const nft = await exportTimed(page, 'nftables');
    check('nftables, 1,000 hosts: click to file', nft.total, 2000, 'ms');
    check('nftables, 1,000 hosts: longest main-thread task', nft.longest, 200, 'ms');
  } finally {
    await browser.close();
  }
}
