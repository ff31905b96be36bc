import { expect, test } from '@playwright/test';
import { canvas } from './helpers';

/** 40 hosts over three zones (one of them new to no plan: all are new here) and none. */
function inventory(): string {
  const lines = ['Host name;IP address;Role;Zone;Trust'];
  const zones = ['Servers', 'DMZ', 'Admins', ''];
  const roles = ['Processing node', 'admin workstation', 'REST', 'DNS'];
  for (let i = 1; i <= 40; i++) {
    const zone = zones[i % 4]!;
    lines.push(
      `HOST-${String(i).padStart(2, '0')};10.20.0.${i};${roles[i % 4]};${zone};${zone === 'DMZ' ? 'dmz' : ''}`,
    );
  }
  return lines.join('\n');
}

test('"Import hosts" reads a 40-line CSV, previews it, and adds the 40 hosts in their zones as one undo step', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Import hosts', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import hosts' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a CSV file…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'hosts.csv', mimeType: 'text/csv', buffer: Buffer.from(inventory()) });
  await expect(dialog.getByRole('status')).toHaveText(
    '40 hosts to add, 3 new zones (DMZ, dmz; Admins, trusted; Servers, trusted)',
  );
  await expect(dialog.getByRole('table', { name: 'Hosts to add' }).getByRole('row')).toHaveCount(41);
  await dialog.getByRole('button', { name: 'Add 40 hosts' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Added 40 hosts and 3 new zones.' })).toBeVisible();

  await expect(canvas(page).locator('.react-flow__node-host')).toHaveCount(40);
  await expect(canvas(page).getByRole('group', { name: /^Zone DMZ, dmz, 10 hosts$/ })).toBeVisible();
  await expect(canvas(page).getByRole('group', { name: /^Zone Servers, trusted, 10 hosts$/ })).toBeVisible();
  await expect(canvas(page).getByRole('group', { name: /^Zone Admins, trusted, 10 hosts$/ })).toBeVisible();
  await expect(
    canvas(page).getByRole('group', { name: /^HOST-04: Processing node, 10\.20\.0\.4$/ }),
  ).toBeVisible();

  // One undo step takes them all out again.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(canvas(page).locator('.react-flow__node-host')).toHaveCount(0);
});

test('"Import hosts" shows each line’s problem and adds only the good lines', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Import hosts', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import hosts' });
  await dialog
    .getByLabel('Rows')
    .fill('name,address,roles\nDNS01,10.0.0.300,DNS\nDNS02,10.0.0.2,DNS\nMX01,10.0.0.3,Exchnage\n');
  await expect(dialog.getByRole('status')).toHaveText('1 host to add · 2 problems: those lines add nothing');
  const problems = dialog.getByRole('list', { name: 'Problems' });
  await expect(problems).toContainText('line 2: address: 10.0.0.300 is not an IPv4 address');
  await expect(problems).toContainText('line 4: roles: "Exchnage" is not a role');
  await dialog.getByRole('button', { name: 'Add 1 host' }).click();
  await expect(canvas(page).getByRole('group', { name: /^DNS02: DNS server, 10\.0\.0\.2$/ })).toBeVisible();
});
