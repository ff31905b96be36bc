import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, serveBuiltApp } from '../bench/browser';

/**
 * `npm run screenshots`: the README's pictures. The main screen, light and dark; the 40-host
 * example before and after "Tidy layout"; the diagram page of its PDF change request (rendered
 * with pdftoppm from Debian's poppler-utils); the Enterprise example grouped; an upgrade compared; the architect's decisions; and the firewall devices.
 */
const app = await serveBuiltApp();
const browser = await launchChromium();
try {
  for (const theme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: theme });
    await page.addInitScript('window.__name = (f) => f');
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('menuitem', { name: /DMZ relay/ }).click();
    await page.getByRole('group', { name: /^SEG-AM01:/ }).click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `docs/screenshots/main-${theme}.png` });
    await page.close();
  }

  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /Two sites, 40 hosts/ }).click();
  const settled = () => page.locator('main [aria-busy="true"]').waitFor({ state: 'detached' });
  await page.waitForTimeout(800);
  await settled();
  await page.screenshot({ path: 'docs/screenshots/tidy-before.png' });
  await page.getByRole('button', { name: 'Tidy layout' }).click();
  await page.getByText('Laid out the plan.').waitFor();
  await page.getByRole('button', { name: 'Dismiss message' }).first().click();
  await page.waitForTimeout(800);
  await settled();
  await page.screenshot({ path: 'docs/screenshots/tidy-after.png' });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'PDF', exact: true }).click();
  const pdf = await (await download).path();
  const dir = mkdtempSync(join(tmpdir(), 'portolan-pdf-'));
  // The diagram is the PDF's second page.
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '2', '-l', '2', pdf, join(dir, 'page')]);
  const [png] = readdirSync(dir).filter((f) => f.endsWith('.png'));
  if (!png) throw new Error('pdftoppm made no picture');
  renameSync(join(dir, png), 'docs/screenshots/pdf-diagram.png');

  // The Enterprise example with similar hosts grouped, and its grouped rules below.
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /Enterprise/ }).click();
  await page.getByRole('button', { name: 'Replace plan' }).click();
  await page.getByLabel('Group similar hosts').check();
  await page.getByRole('tab', { name: 'Grouped rules' }).click();
  await page.waitForTimeout(800);
  await settled();
  await page.screenshot({ path: 'docs/screenshots/grouped.png' });

  // An upgrade from MailMarshal 7.1 to SEG 10.0 on the DMZ relay example, flows inside zones shown.
  await page.getByLabel('Group similar hosts').uncheck();
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /DMZ relay/ }).click();
  await page.getByRole('button', { name: 'Replace plan' }).click();
  await page.getByRole('tab', { name: /^Flows/ }).click();
  await page.getByLabel('Include flows inside a zone').check();
  await page.getByLabel('Upgrade from').selectOption({ label: 'MailMarshal 7.1' });
  await page.waitForTimeout(800);
  await settled();
  await page.screenshot({ path: 'docs/screenshots/upgrade.png' });

  // The architect's decisions: a node of the second array, and the counterparts it uses.
  await page.getByLabel('Upgrade from').selectOption({ label: '—' });
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /two arrays/ }).click();
  await page.getByRole('button', { name: 'Replace plan' }).click();
  await page.waitForTimeout(800);
  await settled();
  await page.getByRole('group', { name: /^SEG-NODE05:/ }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshots/decisions.png' });

  // The 40-host example's firewall devices, the internal one selected with its interfaces.
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /Two sites, 40 hosts/ }).click();
  await page.getByRole('button', { name: 'Replace plan' }).click();
  await page.waitForTimeout(800);
  await settled();
  await page.getByRole('group', { name: /^Firewall FW-CORE,/ }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshots/firewalls.png' });
} finally {
  await browser.close();
  await app.close();
}
