import { expect, test, type Page } from '@playwright/test';
import { addByKeyboard, canvas } from './helpers';

/*
 * Notices do not stack up over the canvas: the newest is shown (with the newest one that needs the
 * person, when older), the rest fold into one line with a count that opens them in place.
 */

async function exportAs(page: Page, format: string) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: format }).click();
}

/** The error a firewall export gives when the plan has no device of that vendor; it stays. */
const refusal = (page: Page, vendor: string) => page.getByText(`${vendor}: nothing to export`);

test('several notices fold into one line with a count that opens, closes and dismisses them all', async ({
  page,
}) => {
  await page.goto('/');
  // One firewall of vendor "Other": each vendor's export is refused with an error that stays.
  await addByKeyboard(page, 'Firewall');
  await expect(canvas(page).getByRole('group', { name: /^Firewall FW-1,/ })).toBeVisible();
  const vendors = ['nftables', 'iptables', 'Cisco ASA configuration', 'FortiGate configuration'];
  for (const vendor of vendors) {
    await exportAs(page, vendor.replace(' configuration', ''));
    await expect(page.getByRole('alert')).toContainText(`${vendor}: nothing to export`);
  }

  // Only the newest is shown; the other three are one line.
  const dismissOne = page.getByRole('button', { name: 'Dismiss message' });
  await expect(dismissOne).toHaveCount(1);
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(refusal(page, 'FortiGate configuration')).toBeVisible();
  for (const vendor of vendors.slice(0, 3)) await expect(refusal(page, vendor)).toBeHidden();
  const more = page.getByRole('button', { name: '3 more messages' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');

  // Opened from the keyboard, every notice shows with its own dismiss button; the earlier ones
  // are not live regions again, so screen readers do not read them out a second time.
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  for (const vendor of vendors) await expect(refusal(page, vendor)).toBeVisible();
  await expect(dismissOne).toHaveCount(4);
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(page.getByRole('group', { name: /: nothing to export$/ })).toHaveCount(3);

  // One dismissed from the open list: the count follows.
  await page
    .getByRole('group', { name: 'Export nftables: nothing to export' })
    .getByRole('button', { name: 'Dismiss message' })
    .click();
  await expect(refusal(page, 'nftables')).toHaveCount(0);
  const fewer = page.getByRole('button', { name: '2 more messages' });
  await expect(fewer).toHaveAttribute('aria-expanded', 'true');

  // Closed again: back to one notice and the line.
  await fewer.click();
  await expect(fewer).toHaveAttribute('aria-expanded', 'false');
  await expect(dismissOne).toHaveCount(1);
  await expect(refusal(page, 'iptables')).toBeHidden();

  // Good news is shown as the newest, but never hides the error still waiting for the person.
  await exportAs(page, 'Plan file');
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved Untitled plan.portolan.json' }),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('FortiGate configuration: nothing to export');
  await expect(fewer).toBeVisible();

  // Dismiss all clears every notice, shown or folded.
  await page.getByRole('button', { name: 'Dismiss all' }).click();
  await expect(page.getByText(/: nothing to export$/)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /more message/ })).toHaveCount(0);

  // Later notices start folded again, and one left behind is "1 more message".
  await exportAs(page, 'nftables');
  await expect(page.getByRole('alert')).toContainText('nftables: nothing to export');
  await exportAs(page, 'iptables');
  await expect(page.getByRole('alert')).toContainText('iptables: nothing to export');
  await expect(page.getByRole('button', { name: '1 more message' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await expect(dismissOne).toHaveCount(1);
});
