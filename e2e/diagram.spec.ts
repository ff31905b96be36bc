import { expect, test, type Page } from '@playwright/test';
import { DMZ_RELAY_HOSTS, exportAs, openExample } from './helpers';

const HOSTS = DMZ_RELAY_HOSTS;

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await openExample(page, /DMZ relay/);
});

/** Picks the diagram as SVG or PNG from the toolbar's Export menu. */
const exportDiagram = (page: Page, item: 'SVG' | 'PNG') => exportAs(page, `Diagram (${item})`);

interface SvgSummary {
  errors: number;
  root: string;
  ns: string | null;
  width: number;
  height: number;
  cards: string[];
  zones: number;
  arrows: number[];
}

/** Parses the SVG with the browser's own XML parser, which reports any well-formedness error. */
async function readSvg(page: Page, text: string): Promise<SvgSummary> {
  return page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      root: root.localName,
      ns: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      cards: [...doc.querySelectorAll('g.host')].map((g) => g.querySelector('text')?.textContent ?? ''),
      zones: doc.querySelectorAll('g.zone').length,
      arrows: [...doc.querySelectorAll('polyline.flow')].map(
        (p) => (p.getAttribute('points') ?? '').trim().split(/\s+/).length,
      ),
    };
  }, text);
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(body: Buffer) {
  expect([...body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(body.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

test('the toolbar offers every format in one Export menu, by keyboard too', async ({ page }, info) => {
  const button = page.getByRole('button', { name: 'Export', exact: true });
  await page.locator('header').screenshot({ path: info.outputPath('toolbar.png') });
  await button.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'Export' });
  await expect(menu.getByRole('menuitem')).toHaveText([
    'Plan file',
    'CSV',
    'Grouped rules CSV',
    'PDF',
    'nftables',
    'iptables',
    'ip6tables',
    'Windows Firewall (PowerShell)',
    'Cisco ASA',
    'FortiGate',
    'PAN-OS (not verified by a vendor parser)',
    'Connectivity test (bash)',
    'Connectivity test (PowerShell)',
    'Diagram (SVG)',
    'Diagram (PNG)',
  ]);
  await expect(menu.getByRole('menuitem', { name: 'Plan file' })).toBeFocused();
  // Up from the first item wraps round to the last; then up again to the SVG.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Diagram (SVG)' })).toBeFocused();
  await page.screenshot({
    path: info.outputPath('menu.png'),
    clip: { x: 700, y: 0, width: 740, height: 260 },
  });
  const event = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await event).suggestedFilename()).toBe('DMZ relay with internal array-diagram.svg');
  // The keyboard is back on the Export button; End reaches the last item.
  await expect(button).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Diagram (PNG)' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(button).toBeFocused();
});

test('exports the diagram as SVG: one card per host, zones and arrows', async ({ page }) => {
  const file = await exportDiagram(page, 'SVG');
  expect(file.name).toBe('DMZ relay with internal array-diagram.svg');
  const text = file.body.toString('utf8');
  expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const svg = await readSvg(page, text);
  expect(svg.errors).toBe(0);
  expect(svg.root).toBe('svg');
  expect(svg.ns).toBe('http://www.w3.org/2000/svg');
  expect(svg.cards).toEqual(HOSTS);
  expect(svg.zones).toBe(2);
  expect(svg.arrows.length).toBeGreaterThan(8);
  for (const points of svg.arrows) expect(points).toBeGreaterThanOrEqual(2);
  expect(text).toContain('Trustwave knowledge-base article 10905');
});

test('exports the diagram as a PNG at twice the SVG size', async ({ page }, info) => {
  const svg = await readSvg(page, (await exportDiagram(page, 'SVG')).body.toString('utf8'));
  const file = await exportDiagram(page, 'PNG');
  expect(file.name).toBe('DMZ relay with internal array-diagram.png');
  const size = pngSize(file.body);
  expect(size).toEqual({ width: svg.width * 2, height: svg.height * 2 });
  expect(svg.width).toBeGreaterThan(800);
  await info.attach('diagram.png', { body: file.body, contentType: 'image/png' });
  await import('node:fs/promises').then((fs) => fs.writeFile(info.outputPath('diagram.png'), file.body));
  await expect(page.getByText('Saved DMZ relay with internal array-diagram.png')).toBeVisible();
});

test('an Export menu opened before its list of formats has loaded says so, then offers them', async ({
  browser,
}) => {
  const page = await browser.newPage();
  // Hold the list of formats back until the menu is open.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/exportFormats-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  const button = page.getByRole('button', { name: 'Export', exact: true });
  await button.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'Export' });
  await expect(menu.getByRole('status')).toHaveText('Loading formats…');
  await expect(menu.getByRole('menuitem')).toHaveCount(0);
  release();
  await expect(menu.getByRole('menuitem', { name: 'Plan file' })).toBeFocused();
  await expect(menu.getByRole('status')).toHaveCount(0);
  await page.close();
});
