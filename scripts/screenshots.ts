import { launchChromium, serveBuiltApp } from '../bench/browser';

/** `npm run screenshots`: the README's pictures of the main screen, light and dark. */
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
} finally {
  await browser.close();
  await app.close();
}
