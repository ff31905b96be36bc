import { expect, test, type Locator, type Page } from '@playwright/test';
import { openExample } from './helpers';

/*
 * The toolbar at the widths people use: every control whole, inside the bar and the window, none
 * over another, all on one line, with the plan's name readable and looking like a field to edit.
 */

interface Box {
  name: string;
  x: number;
  y: number;
  right: number;
  bottom: number;
}

const banner = (page: Page) => page.getByRole('banner');

async function boxOf(control: Locator): Promise<Box | string> {
  const name = await control.evaluate(
    (e) => e.getAttribute('aria-label') || e.id || e.textContent || e.tagName,
  );
  const box = await control.boundingBox();
  if (!box || box.width === 0 || box.height === 0) return `${name}: not shown`;
  return { name, x: box.x, y: box.y, right: box.x + box.width, bottom: box.y + box.height };
}

/** What is wrong with the bar's layout, as sentences: none when it is right. */
async function layoutProblems(page: Page): Promise<string[]> {
  const bar = banner(page);
  const header = await bar.boundingBox();
  if (!header) return ['the toolbar is not shown'];
  const window = page.viewportSize()!;
  const controls = [
    ...(await bar.getByRole('button').all()),
    ...(await bar.getByRole('combobox').all()),
    ...(await bar.getByRole('textbox').all()),
  ];
  const problems: string[] = [];
  const boxes: Box[] = [];
  for (const control of controls) {
    const box = await boxOf(control);
    if (typeof box === 'string') problems.push(box);
    else boxes.push(box);
  }
  // A half pixel of slack for subpixel layout.
  const e = 0.5;
  for (const b of boxes) {
    if (b.x < header.x - e || b.right > header.x + header.width + e)
      problems.push(`${b.name}: past the bar's side`);
    if (b.y < header.y - e || b.bottom > header.y + header.height + e)
      problems.push(`${b.name}: past the bar's top or foot`);
    if (b.x < -e || b.right > window.width + e) problems.push(`${b.name}: past the window's side`);
  }
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const apart = a.right <= b.x + e || b.right <= a.x + e || a.bottom <= b.y + e || b.bottom <= a.y + e;
      if (!apart) problems.push(`${a.name} overlaps ${b.name}`);
    }
  }
  // One line: a single horizontal line crosses every control, and the bar is one control high.
  const lowestTop = Math.max(...boxes.map((b) => b.y));
  const highestBottom = Math.min(...boxes.map((b) => b.bottom));
  if (lowestTop >= highestBottom) problems.push('the controls are on more than one line');
  if (header.height > 60) problems.push(`the bar is ${header.height} px high`);
  const overflow = await bar.evaluate((h) => h.scrollWidth - h.clientWidth);
  if (overflow > 0) problems.push(`the bar's content is ${overflow} px wider than the bar`);
  if (boxes.length < 12) problems.push(`only ${boxes.length} controls found`);
  return problems;
}

for (const width of [1024, 1280, 1440]) {
  test(`at ${width} px every toolbar control fits on one line, whole and apart, with or without an upgrade`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/');
    await openExample(page, /DMZ relay/);
    await expect.poll(() => layoutProblems(page)).toEqual([]);

    // The names the other tests and screen readers use are there whatever the width.
    const bar = banner(page);
    const buttons = [
      'Undo',
      'Redo',
      'Tidy layout',
      'New plan',
      'Examples',
      'Import plan',
      'Import hosts',
      'Export',
      'Share',
    ];
    for (const name of buttons) {
      await expect(bar.getByRole('button', { name, exact: true })).toBeVisible();
    }
    for (const label of ['Plan name', 'Product version', 'Upgrade from', 'Theme']) {
      await expect(bar.getByLabel(label, { exact: true })).toBeVisible();
    }

    // The longest version in the "Upgrade from" field still leaves room for everything.
    await bar.getByLabel('Upgrade from').selectOption({ label: 'MailMarshal 7.1' });
    await expect(bar.getByLabel('Upgrade from')).toHaveValue('7.1');
    await expect.poll(() => layoutProblems(page)).toEqual([]);
  });
}

test('the plan name looks like a field to edit and gets the room a name needs', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await openExample(page, /DMZ relay/);
  const name = page.getByLabel('Plan name');
  await expect(name).toHaveAttribute('title', /^Rename the plan/);

  // A border that shows against the bar, and a pencil drawn inside the field.
  const look = await name.evaluate((field) => {
    const style = getComputedStyle(field);
    return {
      width: parseFloat(style.borderTopWidth),
      color: style.borderTopColor,
      bar: getComputedStyle(field.closest('header')!).backgroundColor,
    };
  });
  expect(look.width).toBeGreaterThanOrEqual(1);
  expect(look.color).not.toMatch(/transparent|rgba\(\d+, \d+, \d+, 0\)/);
  expect(look.color).not.toBe(look.bar);
  const pencil = name.locator('xpath=..').locator('svg');
  await expect(pencil).toBeVisible();
  const [field, icon] = [await name.boundingBox(), await pencil.boundingBox()];
  expect(icon!.x).toBeGreaterThan(field!.x);
  expect(icon!.x + icon!.width).toBeLessThan(field!.x + field!.width);

  // Room for a name at 1280 px; at 1440 px this one shows whole.
  expect(field!.width).toBeGreaterThanOrEqual(180);
  await page.setViewportSize({ width: 1440, height: 800 });
  await expect.poll(() => name.evaluate((f) => f.scrollWidth <= f.clientWidth)).toBe(true);

  // A name longer than the room: cut short in the field, whole in its tooltip.
  const long = 'Head office relay, DMZ pair, internal array and the branch offices in three regions';
  await name.fill(long);
  await name.blur();
  await expect(name).toHaveAttribute('title', `Rename the plan: ${long}`);
  await expect.poll(() => layoutProblems(page)).toEqual([]);
  expect(await name.evaluate((f) => f.scrollWidth > f.clientWidth)).toBe(true);
});
