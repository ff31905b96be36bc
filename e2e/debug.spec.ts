import { test } from '@playwright/test';
import { hostNode, pane } from './helpers';
test('dbg', async ({ page }) => {
  await page.goto('/');
  const target = pane(page);
  const box = (await target.boundingBox())!;
  console.log('pane', box);
  await page
    .getByRole('navigation', { name: 'Components' })
    .getByRole('button', { name: 'Array Manager', exact: true })
    .dragTo(target, { targetPosition: { x: 300, y: 220 } });
  await page.waitForTimeout(500);
  console.log('node', await hostNode(page, 'SEG-AM01').boundingBox());
  console.log(await page.evaluate(() => localStorage.getItem('portolan.plan')));
  console.log(await page.locator('.react-flow__viewport').getAttribute('style'));
});
