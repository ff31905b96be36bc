import { serializePlan } from '../src/domain/plan';
import { launchChromium } from './browser';
import { exportTimed, importTimed, watchLongTasks } from './page';
import { generatePlan } from './plans';
import { check } from './report';

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
    const page = await browser.newPage({ serviceWorkers: 'block', acceptDownloads: true });
    await page.goto(url);
    await page.getByRole('button', { name: 'Import plan' }).waitFor();
    await watchLongTasks(page);
    // Interactive: drawn, its arrows routed and applied, and the page idle (a 50 ms idle period).
    const opened = await importTimed(page, 'large.portolan.json', serializePlan(plan));
    check('Import 1,000 hosts, to interactive', opened.total, 1500, 'ms');
    check('Import 1,000 hosts: longest main-thread task', opened.longest, 200, 'ms');

    // Each export starts on a settled page, so its figures are the export's own.
    const pdf = await exportTimed(page, 'PDF');
    check('PDF, 1,000 hosts: click to file', pdf.total, 5000, 'ms');
    check('PDF, 1,000 hosts: longest main-thread task', pdf.longest, 200, 'ms');
    const nft = await exportTimed(page, 'nftables');
    check('nftables, 1,000 hosts: click to file', nft.total, 2000, 'ms');
    check('nftables, 1,000 hosts: longest main-thread task', nft.longest, 200, 'ms');
  } finally {
    await browser.close();
  }
}
