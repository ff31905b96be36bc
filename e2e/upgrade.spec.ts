import { expect, test, type Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import Papa from 'papaparse';
import { canvas, edge, exportAs, flowRow, openExample } from './helpers';

/*
 * Upgrade planning on the "DMZ relay with internal array" example (SEG 10.0) with the flows
 * inside a zone shown. From MailMarshal 7.1, the vendor table adds the REST API (tcp/19006, 8.0
 * and later) and the web console (tcp/443, 10.0 and later) and drops the Configurator's
 * tcp/19001 from the admin workstations (8.x and below): worked out by hand below.
 */

const MINUS = '\u2212';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await openExample(page, /DMZ relay/);
  await page.getByLabel('Include flows inside a zone').check();
});

const table = (page: Page) => page.getByRole('table', { name: 'Flows' });

/** The Change column's cell of every row the table draws (all of them, for this plan). */
const changes = (page: Page) => table(page).locator('tbody tr[data-row] td:first-child').allInnerTexts();

test('"Upgrade from" marks the canvas, adds the Change column and its filter, and undo takes it back', async ({
  page,
}) => {
  const from = page.getByLabel('Upgrade from');
  await expect(from).toHaveValue('');
  // The plan's own version is no comparison.
  await expect(from.getByRole('option', { name: 'SEG 10.0' })).toBeDisabled();
  await from.selectOption({ label: 'MailMarshal 7.1' });

  // The canvas: "+" to add, "−" to remove, the rest faded.
  await expect(edge(page, 'Automation', 'SEG-AM01')).toHaveAccessibleName(
    'Flow from Automation to SEG-AM01: +tcp/19006, inside a zone, to add for the upgrade',
  );
  await expect(edge(page, 'Admin workstations', 'SEG-AM01')).toHaveAccessibleName(
    `Flow from Admin workstations to SEG-AM01: +tcp/443, ${MINUS}tcp/19001, inside a zone, changed by the upgrade (services marked + are added, ${MINUS} removed)`,
  );
  // tcp/19001 goes and tcp/443 comes: rose dashes over the line.
  await expect(
    edge(page, 'Admin workstations', 'SEG-AM01').locator('path.portolan-edge-partly-removed'),
  ).toHaveCSS('stroke-dasharray', '3px, 9px');
  await expect(edge(page, 'Automation', 'SEG-AM01').locator('path.portolan-edge-partly-removed')).toHaveCount(
    0,
  );
  const kept = edge(page, 'SEG-AM01', 'SQL01');
  await expect(kept).toHaveAccessibleName(
    'Flow from SEG-AM01 to SQL01: tcp/1433, inside a zone, unchanged by the upgrade',
  );
  await expect(kept.locator('path').first()).toHaveCSS('opacity', '0.35');
  await expect(canvas(page).getByText(`${MINUS}tcp/19001`, { exact: true })).toHaveCSS(
    'text-decoration-line',
    'line-through',
  );

  // The arrow's details list the flow the upgrade removes, though the target no longer has it.
  await edge(page, 'Admin workstations', 'SEG-AM01').focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('listitem').filter({ hasText: 'tcp/19001' })).toContainText('To remove');
  await expect(details.getByRole('listitem').filter({ hasText: 'tcp/443' })).toContainText('To add');
  await page.keyboard.press('Escape');

  // The table: the Change column, what changes first, a summary, and a filter on the change.
  await expect(table(page).getByRole('columnheader').first()).toHaveText('Change');
  await expect(
    page.getByText(`MailMarshal 7.1 \u2192 SEG 10.0: +2 to add, ${MINUS}1 to remove, 26 unchanged`),
  ).toBeVisible();
  expect((await changes(page)).slice(0, 4)).toEqual(['Add', 'Add', 'Remove', 'Keep']);
  await page.getByLabel('Filter by change').selectOption('Remove');
  await expect(table(page).locator('tbody tr[data-row]')).toHaveCount(1);
  await expect(flowRow(page, /Admin workstations.*SEG-AM01.*tcp\/19001/)).toHaveCount(1);
  await page.getByLabel('Filter by change').selectOption('Add');
  await expect(table(page).locator('tbody tr[data-row]')).toHaveCount(2);

  // One undo step ends the comparison.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(from).toHaveValue('');
  await expect(table(page).getByRole('columnheader').first()).toHaveText('Source');
  await expect(edge(page, 'SEG-AM01', 'SQL01')).toHaveAccessibleName(
    'Flow from SEG-AM01 to SQL01: tcp/1433, inside a zone',
  );
});

test('the upgrade CSV and PDF hold what to open before and what to close after', async ({ page }) => {
  await page.getByLabel('Upgrade from').selectOption({ label: 'MailMarshal 7.1' });
  const csv = await exportAs(page, 'CSV');
  expect(csv.name).toBe('DMZ relay with internal array-upgrade-7.1-to-10.0.csv');
  const text = csv.body.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows = Papa.parse<string[]>(text.slice(1).trimEnd(), { newline: '\r\n' }).data;
  expect(rows[0]!.slice(0, 11)).toEqual([
    'Source',
    'Source Address',
    'Source Zone',
    'Destination',
    'Destination Address',
    'Destination Zone',
    'Protocol',
    'Port',
    'Rule',
    'Justification',
    'Change',
  ]);
  expect(rows.slice(1).map((r) => [r[0], r[1], r[3], r[4], r[6], r[7], r[8], r[10]])).toEqual([
    ['Admin workstations', '10.0.5.0/24', 'SEG-AM01', '10.0.0.5', 'tcp', '443', 'management-console', 'Add'],
    ['Automation', '10.0.7.14', 'SEG-AM01', '10.0.0.5', 'tcp', '19006', 'rest-api', 'Add'],
    [
      'Admin workstations',
      '10.0.5.0/24',
      'SEG-AM01',
      '10.0.0.5',
      'tcp',
      '19001',
      'array-manager-service',
      'Remove',
    ],
  ]);

  const pdf = await exportAs(page, 'PDF');
  expect(pdf.name).toBe('DMZ relay with internal array-upgrade-7.1-to-10.0.pdf');
  const doc = await getDocument({ data: new Uint8Array(pdf.body), verbosity: 0 }).promise;
  let words = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    words += ` ${content.items.map((it) => ('str' in it ? it.str : '')).join(' ')}`;
  }
  words = words.replace(/\s+/g, ' ');
  expect(words).toContain('Rules to open before the upgrade');
  expect(words).toContain('Rules to close after the upgrade is complete');
  expect(words).toMatch(/NetBIOS/);
  expect(words).toMatch(/intranet/);
});

test('changing the product version says what changed and offers to compare the two', async ({ page }) => {
  const version = page.getByLabel('Product version');
  await version.selectOption({ label: 'SEG 8.0' });
  // Said once to screen readers (the canvas's live region) and shown as a notice.
  const said = 'SEG 10.0 \u2192 8.0: 1 flow added, 1 removed';
  await expect(canvas(page).getByRole('status')).toHaveText(said);
  await expect(page.getByRole('paragraph').filter({ hasText: said })).toBeVisible();
  await version.selectOption({ label: 'SEG 10.0' });
  await expect(canvas(page).getByRole('status')).toHaveText('SEG 8.0 \u2192 10.0: 1 flow added, 1 removed');
  await page.getByRole('button', { name: 'Compare with 8.0' }).click();
  await expect(page.getByLabel('Upgrade from')).toHaveValue('8.0');
  await expect(
    page.getByText(`SEG 8.0 \u2192 10.0: +1 to add, ${MINUS}1 to remove, 27 unchanged`),
  ).toBeVisible();
  // Choosing the version compared with as the product version ends the comparison.
  await version.selectOption({ label: 'SEG 8.0' });
  await expect(page.getByLabel('Upgrade from')).toHaveValue('');
});
