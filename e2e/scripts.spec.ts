import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Plan } from '../src/domain/plan';
import { canvas, hostNode, exportAs } from './helpers';

/*
 * Names in any script stay distinct in every output, and a bidirectional override cannot make one
 * name pass for another: it shows as <U+202E> on the canvas, in the table, the CSV and the PDF.
 */

const SPOOF = 'SEG-\u202E10EDON';

const PLAN: Plan = {
  format: 'portolan-plan',
  version: 3,
  name: 'Multilingual estate',
  productVersion: '10.0',
  zones: [
    {
      id: 'dmz',
      name: 'Зона DMZ',
      trust: 'dmz',
      position: { x: 0, y: 0 },
      size: { width: 520, height: 400 },
    },
    {
      id: 'lan',
      name: '内部网络',
      trust: 'trusted',
      position: { x: 600, y: 0 },
      size: { width: 760, height: 400 },
    },
  ],
  hosts: [
    { id: 'n1', name: 'שרת-דואר', roles: ['processing-node'], zone: 'dmz', position: { x: 40, y: 60 } },
    { id: 'n2', name: SPOOF, roles: ['processing-node'], zone: 'dmz', position: { x: 40, y: 220 } },
    { id: 'am', name: 'Менеджер', roles: ['array-manager'], zone: 'lan', position: { x: 640, y: 60 } },
    { id: 'dns', name: '域名服务器', roles: ['dns-server'], zone: 'lan', position: { x: 900, y: 60 } },
    { id: 'mx', name: 'Łódź-poczta', roles: ['mail-server'], zone: 'lan', position: { x: 640, y: 220 } },
    { id: 'ws', name: '관리자', roles: ['admin-workstation'], zone: 'lan', position: { x: 900, y: 220 } },
  ],
};
const NAMES = ['שרת-דואר', 'Менеджер', '域名服务器', 'Łódź-poczta', '관리자'];

test('names in any script reach the canvas, the CSV and the PDF distinct, with overrides shown', async ({
  page,
}) => {
  await page.goto('/');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import plan' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'multi.portolan.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(PLAN)),
  });

  for (const name of NAMES) await expect(hostNode(page, name)).toBeVisible();
  const spoof = hostNode(page, 'SEG-<U\\+202E>10EDON');
  await expect(spoof).toBeVisible();
  await expect(spoof).toContainText('SEG-<U+202E>10EDON');
  await expect(canvas(page)).not.toContainText('\u202E');

  const csv = await exportAs(page, 'CSV');
  const rows = Papa.parse<string[]>(csv.body.toString('utf8').replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
  }).data;
  const sources = new Set(rows.slice(1).map((r) => r[0]));
  expect(sources).toContain('SEG-<U+202E>10EDON');
  expect(sources).toContain('שרת-דואר');
  expect(csv.body.toString('utf8')).not.toContain('\u202E');

  const pdf = await exportAs(page, 'PDF');
  const doc = await getDocument({ data: new Uint8Array(pdf.body), verbosity: 0 }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += ` ${content.items.map((it) => ('str' in it ? it.str : '')).join(' ')}`;
  }
  expect(text).not.toContain('?????');
  for (const name of ['Менеджер', '域名服务器', 'Łódź-poczta', '관리자', 'Зона DMZ', '内部网络']) {
    expect(text).toContain(name);
  }
  expect(text).toContain('SEG-<U+202E>10EDON');
  expect(text).not.toContain('\u202E');
});
