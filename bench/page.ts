import type { Page } from '@playwright/test';

/*
 * Timing work in the built app as a person meets it: from a click to the page idle again, or to
 * the file saved, with the longest main-thread task meanwhile. (Run in the page as source text:
 * tsx would wrap functions in a helper the page lacks.)
 */

/** Starts collecting the page's long tasks (over 50 ms). */
export const watchLongTasks = (page: Page) =>
  page.evaluate(`(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  })()`);

/** The longest task since the last reset, 0 when none was over 50 ms. */
export const longestTask = (page: Page) => page.evaluate<number>(`Math.max(0, ...window.__longTasks)`);
export const resetLongTasks = (page: Page) => page.evaluate(`window.__longTasks = []`);

/** Resolves once the page has had an idle period of 50 ms (no task running or due). */
export const untilIdle = (page: Page) =>
  page.evaluate(`new Promise((resolve) => {
    const deadline = performance.now() + 120000;
    const check = () => requestIdleCallback((idle) => {
      if (idle.timeRemaining() >= 49 || performance.now() > deadline) resolve();
      else check();
    });
    check();
  })`);

export interface Timed {
  /** From the click to the end, in ms. */
  total: number;
  /** The longest main-thread task meanwhile, in ms (0: none over 50 ms). */
  longest: number;
}

/** Runs `act` on a settled page and times it until `done` resolves and the page is idle again. */
export async function timed(
  page: Page,
  act: () => Promise<unknown>,
  done: () => Promise<unknown>,
): Promise<Timed> {
  await untilIdle(page);
  await resetLongTasks(page);
  const started = Date.now();
  await act();
  await done();
  await untilIdle(page);
  return { total: Date.now() - started, longest: await longestTask(page) };
}

/**
 * One item of the Export menu, from the pick to the file saved (what the file cannot express is
 * said first: saved at once, as a person would).
 */
export async function exportTimed(page: Page, item: string): Promise<Timed> {
  await untilIdle(page);
  await resetLongTasks(page);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const started = Date.now();
  const download = page.waitForEvent('download', { timeout: 300_000 });
  await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: item, exact: true }).click();
  const notes = page.getByRole('dialog').getByRole('button', { name: 'Save the file' });
  await Promise.race([download, notes.click({ timeout: 300_000 }).catch(() => undefined)]);
  await (await download).path();
  const total = Date.now() - started;
  return { total, longest: await longestTask(page) };
}

/** Opens a plan file through Import, timed to the first card drawn and the page idle again. */
export async function importTimed(page: Page, name: string, text: string): Promise<Timed> {
  await untilIdle(page);
  await resetLongTasks(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import plan' }).click();
  const started = Date.now();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.locator('.react-flow__node-host').first().waitFor({ timeout: 120_000 });
  await untilIdle(page);
  return { total: Date.now() - started, longest: await longestTask(page) };
}
