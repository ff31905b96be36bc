import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { deriveFlows } from '../src/domain/engine';
import { csvCells, parseCsv } from '../src/domain/export/csv';
import { requestFlows, requestRows } from '../src/domain/export/rows';
import { DMZ_RELAY, serializePlan, type Plan } from '../src/domain/plan';
import { hostNode } from './helpers';

const PLAN: Plan = {
  ...structuredClone(DMZ_RELAY),
  name: 'Contoso gateway',
  productVersion: '8.0',
  changeRequest: { title: 'SEG 8.0 firewall rules', requester: 'Dana Admin', ticket: 'CHG-2048' },
};

async function importText(page: Page, name: string, text: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import plan' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function download(page: Page, button: string) {
  const event = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await event;
  return { name: file.suggestedFilename(), body: await readFile(await file.path()) };
}

const expectedRows = (plan: Plan, includeInternal: boolean) =>
  requestRows(plan, requestFlows(deriveFlows(plan), { includeInternal })).map((r) =>
    csvCells(r).slice(0, 10),
  );

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('import a plan file, then export the CSV: every row matches the engine', async ({ page }) => {
  await importText(page, 'contoso.portolan.json', serializePlan(PLAN));
  await expect(page.getByLabel('Plan name')).toHaveValue('Contoso gateway');
  await expect(hostNode(page, 'SEG-AM01')).toBeVisible();
  await expect(page.getByLabel('Product version')).toHaveValue('8.0');

  const csv = await download(page, 'Export CSV');
  expect(csv.name).toBe('Contoso gateway-firewall-request.csv');
  const [header, ...rows] = parseCsv(csv.body.toString('utf8'));
  expect(header!.slice(0, 10)).toEqual([
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
  ]);
  expect(rows.map((r) => r.slice(0, 10))).toEqual(expectedRows(PLAN, false));

  // The scope checkbox drives the export too.
  await page.getByLabel('Include flows inside a zone').check();
  const all = await download(page, 'Export CSV');
  const [, ...allRows] = parseCsv(all.body.toString('utf8'));
  expect(allRows.map((r) => r.slice(0, 10))).toEqual(expectedRows(PLAN, true));
  expect(allRows.length).toBeGreaterThan(rows.length);
});

test('export the PDF: a valid multi-page change request holding every row', async ({ page }) => {
  await importText(page, 'contoso.portolan.json', serializePlan(PLAN));
  await expect(hostNode(page, 'SEG-AM01')).toBeVisible();
  const pdf = await download(page, 'Export PDF');
  expect(pdf.name).toBe('Contoso gateway-firewall-request.pdf');
  expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const doc = await getDocument({ data: new Uint8Array(pdf.body), verbosity: 0 }).promise;
  expect(doc.numPages).toBeGreaterThanOrEqual(5);
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += ` ${content.items.map((it) => ('str' in it ? it.str : '')).join(' ')}`;
  }
  text = text.replace(/\s+/g, ' ');
  expect(text).toContain('SEG 8.0 firewall rules');
  expect(text).toContain('CHG-2048');
  const rows = requestRows(PLAN, requestFlows(deriveFlows(PLAN), { includeInternal: false }));
  rows.forEach((r, i) => {
    expect(text).toContain(
      `${i + 1} ${r.source} ${r.sourceAddress} ${r.destination} ${r.destinationAddress} ${r.protocol} ${r.port}`,
    );
  });
  await expect(page.getByRole('button', { name: 'Export PDF' })).toBeEnabled();
});

test('an invalid plan file shows every problem with its path and changes nothing', async ({ page }) => {
  await importText(page, 'good.portolan.json', serializePlan(PLAN));
  await expect(hostNode(page, 'SEG-AM01')).toBeVisible();
  const bad = JSON.parse(serializePlan(PLAN)) as { hosts: { address?: string; zone?: string }[] };
  bad.hosts[3]!.address = '10.0.0.300';
  bad.hosts[4]!.zone = 'nowhere';
  await importText(page, 'bad.portolan.json', JSON.stringify(bad));
  const dialog = page.getByRole('dialog', { name: 'bad.portolan.json cannot be opened' });
  await expect(dialog).toBeVisible();
  const problems = dialog.getByRole('list', { name: 'Problems' });
  await expect(problems).toContainText('hosts[3].address: 10.0.0.300 is not an IPv4 address');
  await expect(problems).toContainText('hosts[4].zone: no zone has the id "nowhere"');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByLabel('Plan name')).toHaveValue('Contoso gateway');
  await expect(hostNode(page, 'SEG-AM01')).toBeVisible();
});

test('a plan file from a newer format, or cut short, says so plainly', async ({ page }) => {
  await importText(page, 'future.portolan.json', serializePlan(PLAN).replace('"version": 1', '"version": 3'));
  const dialog = page.getByRole('dialog', { name: 'future.portolan.json cannot be opened' });
  await expect(dialog).toContainText('saved by a newer Portolan (plan format version 3)');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const text = serializePlan(PLAN);
  await importText(page, 'cut.portolan.json', text.slice(0, text.length / 2));
  await expect(page.getByRole('dialog', { name: 'cut.portolan.json cannot be opened' })).toContainText(
    'may be truncated',
  );
});

test('export the plan and import it again: same plan, same flows', async ({ page }) => {
  await importText(page, 'contoso.portolan.json', serializePlan(PLAN));
  await expect(hostNode(page, 'SEG-AM01')).toBeVisible();
  const file = await download(page, 'Export plan');
  expect(file.name).toBe('Contoso gateway.portolan.json');
  expect(file.body.toString('utf8')).toBe(serializePlan(PLAN));

  await page.getByRole('button', { name: 'New plan' }).click();
  await page.getByRole('button', { name: 'Replace plan' }).click();
  await importText(page, file.name, file.body.toString('utf8'));
  await page.getByLabel('Include flows inside a zone').check();
  await expect(page.getByText(`${deriveFlows(PLAN).flows.length} flows`, { exact: true })).toBeVisible();
});

test('a plan file dropped on the page is imported', async ({ page }) => {
  const data = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.portolan.json', { type: 'application/json' }));
    return dt;
  }, serializePlan(PLAN));
  await page.dispatchEvent('main', 'dragover', { dataTransfer: data });
  await page.dispatchEvent('main', 'drop', { dataTransfer: data });
  await expect(page.getByLabel('Plan name')).toHaveValue('Contoso gateway');
});
