// The builder at 200% zoom: a 1280×800 screen seen as 640×400 CSS px at device scale 2 (WCAG 1.4.10 reflow).
// The wide grid may scroll sideways inside its own region; the page itself must not.
import { test, expect } from './fixtures';
import { cell, chooseKind, importProfile, openBuilder, removeTmp } from './builder-kit';

test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
test.afterAll(() => removeTmp());

/** Controls and panels of the page (outside the grid's own scroll region) that reach past the viewport. */
function overflowing(page: import('@playwright/test').Page) {
  return page.locator('section.builder').evaluate((root) => {
    const width = document.documentElement.clientWidth;
    const scroller = root.querySelector('.grid-scroll');
    return [...root.querySelectorAll<HTMLElement>('.panel, .toolbar, .kind-picker, button, input, select, textarea, label')]
      .filter((el) => el.getClientRects().length > 0 && !(scroller && scroller.contains(el)) && !el.closest('.visually-hidden'))
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .map((el) => el.outerHTML.slice(0, 100));
  });
}

test('at 200% zoom the toolbar and panels reflow and only the grid scrolls sideways', async ({ page }) => {
  await openBuilder(page);
  expect(await page.evaluate(() => window.devicePixelRatio)).toBe(2);
  await importProfile(page);
  await chooseKind(page, 'サーバ証明書発行申請');
  await page.getByRole('button', { name: '行を追加' }).click();
  await page.getByLabel('空白列も表示').check();
  await expect(cell(page, 0, 13)).toBeAttached();
  await page.getByRole('button', { name: '新規作成' }).click();
  await page.getByText('既存のTSVファイルを開いて編集').click();
  await page.getByRole('button', { name: '行1の補助機能' }).click();
  await expect(page.getByTestId('row-tools')).toBeVisible();

  expect(await overflowing(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
  // The toolbar wraps onto several lines rather than running off the side: when its buttons side by side are wider
  // than the toolbar (how wide depends on the fonts installed), it is taller than one line.
  const toolbar = page.getByRole('toolbar', { name: '行の操作' });
  const box = (await toolbar.boundingBox())!;
  const buttons = await toolbar.getByRole('button').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => ({ width: r.width, height: r.height })));
  const oneLine = buttons.reduce((sum, b) => sum + b.width, 0);
  expect(box.x + box.width).toBeLessThanOrEqual(640);
  const tallest = buttons.reduce((max, b) => (b.height > max ? b.height : max), 0);
  if (oneLine > box.width) expect(box.height).toBeGreaterThan(tallest * 1.5);
  // The grid is wider than the screen and scrolls inside its region, which fits the viewport.
  const grid = await page.locator('.grid-scroll').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, right: el.getBoundingClientRect().right }));
  expect(grid.scroll).toBeGreaterThan(grid.client);
  expect(grid.right).toBeLessThanOrEqual(640);
  // The last column is reachable by scrolling the grid, not the page.
  await cell(page, 0, 13).focus();
  expect(await page.locator('.grid-scroll').evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.scrollX)).toBe(0);
});
