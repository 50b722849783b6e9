import { test, expect } from './fixtures';

test('the shell shows the offline notice, navigates by hash and remembers the language', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('offline-note')).toContainText('ブラウザの外へ送信されません');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');

  await page.getByRole('navigation').getByRole('link', { name: 'TSV検証' }).click();
  await expect(page).toHaveURL(/#\/validate$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('TSV検証');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Validate TSV');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('offline-note')).toContainText('never leave this browser');

  await page.goto('/#/no-such-page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

// The guard itself: each check must see what it is meant to see (then forget it, so these tests pass).
test('the guard records a request to another origin', async ({ page, netLog }) => {
  // A page without our CSP, so the request is really made.
  await page.goto('data:text/html,<img src="http://127.0.0.2:9/pixel.png">');
  await expect.poll(() => netLog.foreign).toEqual(['GET http://127.0.0.2:9/pixel.png']);
  netLog.foreign.length = 0;
});

test('the guard records a Content-Security-Policy violation of our page', async ({ page, netLog }) => {
  await page.goto('/');
  await page.evaluate(() => {
    const img = new Image();
    img.src = 'http://127.0.0.2:9/pixel.png';
  });
  await expect.poll(() => netLog.cspViolations.some((v) => v.includes('img-src'))).toBe(true);
  // Chromium still reports the attempt as a request (then blocks it): the guard counts attempts too.
  expect(netLog.foreign).toEqual(['GET http://127.0.0.2:9/pixel.png']);
  netLog.cspViolations.length = 0;
  netLog.foreign.length = 0;
});
