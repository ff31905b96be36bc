import { writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

import { generatePlan } from '../bench/plans';
import { exportAs, importPlan, openExample } from './helpers';

/*
 * The diagram PNG is drawn off the page's main thread (OffscreenCanvas in the export worker): the
 * file has the SVG's size at twice the pixels, and a large plan never holds the page.
 */

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(body: Buffer) {
  expect([...body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(body.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

/** The width and height the SVG export declares on its root element. */
function svgSize(svg: string) {
  const root = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg);
  expect(root).not.toBeNull();
  return { width: Number(root![1]), height: Number(root![2]) };
}

async function pngBesideSvg(page: Page, stem: string, name: string) {
  const svg = await exportAs(page, 'Diagram (SVG)');
  const png = await exportAs(page, 'Diagram (PNG)');
  expect(png.name).toBe(`${stem}-diagram.png`);
  const { width, height } = svgSize(svg.body.toString('utf8'));
  expect(pngSize(png.body)).toEqual({ width: width * 2, height: height * 2 });
  await expect(page.getByText(`Saved ${stem}-diagram.png`)).toBeVisible();
  // Kept beside the SVG, to compare the two by eye.
  await writeFile(test.info().outputPath(`${name}.png`), png.body);
  await writeFile(test.info().outputPath(`${name}.svg`), svg.body);
}

test('the Enterprise diagram as a PNG: twice the SVG size', async ({ page }) => {
  await page.goto('/');
  await openExample(page, /^Enterprise/);
  await pngBesideSvg(page, 'Enterprise', 'enterprise');
});

test('a PNG with upgrade marks has the SVG size too', async ({ page }) => {
  await page.goto('/');
  await openExample(page, /^Two sites, 40 hosts/);
  await page.getByLabel('Upgrade from').selectOption('8.0');
  await pngBesideSvg(page, 'Two sites, 40 hosts', 'two-sites-upgrade');
});

// Its speed, and the page's longest task meanwhile, are `npm run bench:table`'s to measure.
test('the PNG of a 1,000-host plan with upgrade marks is drawn and saved', async ({ page }) => {
  test.slow();
  await page.goto('/');
  await importPlan(page, 'estate.portolan.json', { ...generatePlan(1000), upgradeFrom: '8.0' });
  await expect(page.getByLabel('Upgrade from')).toHaveValue('8.0');

  const file = await exportAs(page, 'Diagram (PNG)');
  expect(file.name).toBe('Generated 1000-diagram.png');
  const size = pngSize(file.body);
  expect(size.width).toBeGreaterThan(1000);
  expect(size.height).toBeGreaterThan(1000);
});
