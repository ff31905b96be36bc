import { launchChromium } from './browser';
import { check } from './report';

/** A 500-line inventory as a spreadsheet export would give it: 20 zones, three roles, addresses. */
export function inventoryCsv(lines = 500): string {
  const roles = ['Admin workstation', 'REST API client', 'POP3 client'];
  const rows = ['Name,IP address,Role,Zone'];
  for (let i = 0; i < lines; i++)
    rows.push(`WS-${String(i).padStart(4, '0')},10.50.${i >> 8}.${i & 255},${roles[i % 3]},Site ${i % 20}`);
  return rows.join('\n');
}

/**
 * "Import hosts" with 500 lines, in Chromium through its dialog: from pasting the rows to the
 * 500 hosts in the plan, drawn and the page idle again. Target: under a second.
 */
export async function benchInventory(url: string): Promise<void> {
  console.log('\n== Import hosts: 500 lines, Chromium ==');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ serviceWorkers: 'block', viewport: { width: 1440, height: 900 } });
    await page.goto(url);
    await page.getByRole('navigation', { name: 'Components' }).waitFor();
    await page.getByRole('button', { name: 'Import hosts', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import hosts' });
    const rows = dialog.getByLabel('Rows');
    await rows.waitFor();
    // Pasted as a person pastes: the rows on the clipboard, Ctrl+V in the field.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate((text) => navigator.clipboard.writeText(text), inventoryCsv());
    await rows.focus();
    const started = Date.now();
    await page.keyboard.press('Control+V');
    await page.getByRole('dialog').getByRole('status').waitFor();
    console.log(`      pasted and read after ${Date.now() - started} ms`);
    await dialog.getByRole('button', { name: 'Add 500 hosts' }).click();
    await page.getByRole('status').filter({ hasText: 'Added 500 hosts and 20 new zones.' }).waitFor();
    await page.evaluate(`new Promise((resolve) => {
      const check = () => requestIdleCallback((idle) => (idle.timeRemaining() >= 49 ? resolve() : check()));
      check();
    })`);
    check('Import hosts, 500 lines: paste to the hosts drawn', Date.now() - started, 1000, 'ms');
  } finally {
    await browser.close();
  }
}
