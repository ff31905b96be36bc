import { expect, test, type Page } from '@playwright/test';
import { bringIntoView, flowRow, hostNode, openExample } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

const details = (page: Page) => page.getByRole('complementary', { name: 'Details' });

/** Selects a host by its card and waits for its panel. */
async function selectHost(page: Page, name: string) {
  await bringIntoView(page, hostNode(page, name));
  await hostNode(page, name).click();
  await expect(details(page).getByLabel('Name')).toHaveValue(name);
}

test('a feature switched off in "Features in use" takes its flows out of the table; undo brings them back', async ({
  page,
}) => {
  await openExample(page, /DMZ relay/);
  await page.getByLabel('Include flows inside a zone').check();
  // The table draws only the rows in view: the filter keeps those of interest there.
  await page.getByLabel('Filter flows').fill('SEG-AM01 DC01');
  const ldap = flowRow(page, /SEG-AM01.*DC01.*tcp\/389/);
  await expect(ldap).toHaveCount(1);

  const features = details(page)
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Features in use' }) });
  const box = features.getByRole('checkbox', {
    name: 'Directory look-ups over LDAP (groups, SMTP AUTH, quarantine addresses from AD)',
  });
  await expect(box).toBeChecked();
  // The plan has a REST client but no POP3 client.
  await expect(features.getByRole('checkbox', { name: 'The POP3 server' })).toHaveAccessibleDescription(
    'no POP3 client in the plan',
  );
  await expect(features.getByRole('checkbox', { name: 'The REST API' })).toHaveAccessibleDescription('');

  await box.uncheck();
  await expect(box).not.toBeChecked();
  await expect(flowRow(page, /tcp\/389/)).toHaveCount(0);
  // The rest stays: the Array Manager still looks up names on DC01, which is its DNS server too.
  await expect(flowRow(page, /SEG-AM01.*DC01.*udp\/53/)).toHaveCount(1);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(box).toBeChecked();
  await expect(ldap).toHaveCount(1);
});

test('a node joins another array from its panel: its tcp/19001 flows and its card follow', async ({
  page,
}) => {
  await openExample(page, /Two sites, two arrays \(10\.0\)/);
  // Every node and web components host has its array on its card and in its name.
  await expect(hostNode(page, 'SEG-NODE05')).toHaveAccessibleName(
    'SEG-NODE05: Processing node, 10.20.0.11, array SEG-AM02',
  );
  await expect(hostNode(page, 'SEG-NODE05')).toContainText('Array SEG-AM02');
  await expect(hostNode(page, 'SEG-AM01')).toContainText('Array head');

  await selectHost(page, 'SEG-NODE05');
  const array = details(page).getByLabel('Array', { exact: true });
  await expect(array.locator('option:checked')).toHaveText('SEG-AM02');
  await expect(array.locator('option')).toHaveText(['— (every array)', 'SEG-AM01', 'SEG-AM02']);

  await page.getByLabel('Filter flows').fill('SEG-NODE01 19001');
  const toAm01 = flowRow(page, /SEG-NODE01.*SEG-AM01.*tcp\/19001/);
  const fromAm01 = flowRow(page, /SEG-AM01.*SEG-NODE01.*tcp\/19001/);
  const toAm02 = flowRow(page, /SEG-NODE01.*SEG-AM02.*tcp\/19001/);
  const fromAm02 = flowRow(page, /SEG-AM02.*SEG-NODE01.*tcp\/19001/);
  await expect(toAm01).toHaveCount(1);
  await expect(fromAm01).toHaveCount(1);
  await expect(toAm02).toHaveCount(0);
  await expect(fromAm02).toHaveCount(0);

  await selectHost(page, 'SEG-NODE01');
  await expect(array.locator('option:checked')).toHaveText('SEG-AM01');
  await array.selectOption({ label: 'SEG-AM02' });
  await expect(toAm01).toHaveCount(0);
  await expect(fromAm01).toHaveCount(0);
  await expect(toAm02).toHaveCount(1);
  await expect(fromAm02).toHaveCount(1);
  await expect(hostNode(page, 'SEG-NODE01')).toContainText('Array SEG-AM02');
  await expect(hostNode(page, 'SEG-NODE01')).toHaveAccessibleName(/, array SEG-AM02$/);

  // In no array, it talks to both Array Managers.
  await array.selectOption({ label: '— (every array)' });
  await expect(toAm01).toHaveCount(1);
  await expect(toAm02).toHaveCount(1);
  await expect(hostNode(page, 'SEG-NODE01')).toContainText('No array');
  await expect(details(page)).toContainText('In no array, it talks to every Array Manager.');
});

test('a node restricted to one DNS server keeps only its DNS flows to it; the last one cannot go', async ({
  page,
}) => {
  await openExample(page, /Two sites, 40 hosts/);
  await page.getByLabel('Include flows inside a zone').check();
  await page.getByLabel('Filter flows').fill('SEG-NODE05 dns');
  const dns = flowRow(page, /SEG-NODE05.*udp\/53/);
  await expect(dns).toHaveCount(4);

  await selectHost(page, 'SEG-NODE05');
  const uses = details(page).getByRole('group', { name: 'Uses DNS servers' });
  const names = ['DNS-DMZ01', 'DNS01', 'DNS02', 'DNS-BR01'];
  for (const name of names) await expect(uses.getByRole('checkbox', { name, exact: true })).toBeChecked();
  await expect(uses).toContainText('All 4, the default.');
  // A processing node talks to mail servers too; the Array Manager alone to domain controllers.
  await expect(details(page).getByRole('group', { name: 'Uses mail servers' })).toBeVisible();
  await expect(details(page).getByRole('group', { name: 'Uses domain controllers' })).toHaveCount(0);

  for (const name of ['DNS-DMZ01', 'DNS01', 'DNS02']) {
    await uses.getByRole('checkbox', { name, exact: true }).uncheck();
  }
  await expect(uses).toContainText('1 of 4: DNS-BR01.');
  await expect(dns).toHaveCount(1);
  await expect(dns).toContainText('DNS-BR01');
  await expect(flowRow(page, /SEG-NODE05.*DNS-BR01.*tcp\/53/)).toHaveCount(1);
  await expect(flowRow(page, /SEG-NODE05.*DNS0/)).toHaveCount(0);

  // The last one stays: a host must use at least one.
  const last = uses.getByRole('checkbox', { name: 'DNS-BR01', exact: true });
  await last.click();
  await expect(last).toBeChecked();
  await expect(uses).toContainText('A host must use at least one.');
  await expect(dns).toHaveCount(1);

  // Ticking all of them again is the default once more.
  for (const name of ['DNS-DMZ01', 'DNS01', 'DNS02']) {
    await uses.getByRole('checkbox', { name, exact: true }).check();
  }
  await expect(uses).toContainText('All 4, the default.');
  await expect(dns).toHaveCount(4);
});
