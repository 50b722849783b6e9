// The RA certificate list at 1024 px and 1366 px (issue 11, Layout): headers never stack one character per line
// (each header at most two lines high), and the CRL table's cells of a row line up (same top, same height). The mail
// outbox: it fits a phone's width (414 px), and its one-time URLs are in the monospace font.
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { sideways } from './layout-kit';
import { openMail, openRa, serverRow, upload } from './ra-kit';
import { sjisFile } from './tsv-files';

/** Each header's height in lines of its own text (line-height from the computed style). */
async function headerLines(page: Page, table: string): Promise<{ text: string; lines: number }[]> {
  return page.locator(`[data-testid="${table}"] thead th`).evaluateAll((ths) =>
    ths.map((th) => {
      const style = getComputedStyle(th);
      const line = style.lineHeight === 'normal' ? parseFloat(style.fontSize) * 1.2 : parseFloat(style.lineHeight);
      const inner = th.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      return { text: th.textContent ?? '', lines: inner / line };
    }),
  );
}

test('RA certificate list: headers at most two lines, CRL rows line up, at 1024 px and 1366 px', async ({ page }) => {
  test.setTimeout(120_000);
  await openRa(page);
  await upload(page, 'server-issue', sjisFile('issue.tsv', [serverRow('www.example.ac.jp'), serverRow('a-rather-long-host-name-for-the-list.example.ac.jp')]));
  await expect(page.getByTestId('ra-complete')).toBeVisible();
  await page.getByTestId('ra-tab-certs').click();
  await expect(page.getByTestId('ra-cert-row')).toHaveCount(2);
  for (const width of [1024, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    for (const table of ['ra-cert-table', 'ra-crl-table']) {
      const headers = await headerLines(page, table);
      expect(headers.length).toBeGreaterThan(3);
      for (const h of headers) expect(h.lines, `${width}px ${table} 「${h.text}」`).toBeLessThanOrEqual(2.05);
    }
    const rows = page.getByTestId('ra-crl-table').locator('tbody tr');
    expect(await rows.count()).toBe(6);
    const boxes = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => { const r = td.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; })));
    for (const [i, cells] of boxes.entries()) {
      for (const c of cells) {
        expect(Math.abs(c.top - cells[0].top), `${width}px CRL row ${i + 1}: a cell's top`).toBeLessThanOrEqual(1);
        expect(Math.abs(c.bottom - cells[0].bottom), `${width}px CRL row ${i + 1}: a cell's bottom`).toBeLessThanOrEqual(1);
      }
      // Rows follow one another without overlap or gaps.
      if (i > 0) expect(Math.abs(cells[0].top - boxes[i - 1][0].bottom)).toBeLessThanOrEqual(2);
    }
  }
});

test('mail outbox: one-time URLs in monospace, other link buttons in the page font; the list fits 414 px', async ({ page }) => {
  await openRa(page);
  await upload(page, 'server-issue', sjisFile('mail.tsv', [serverRow('a-rather-long-host-name-for-the-mail-list.example.ac.jp')]));
  await expect(page.getByTestId('ra-complete')).toBeVisible();
  const reader = await openMail(page, 'サーバ証明書発行受付通知');
  const font = (l: Locator) => l.evaluate((el) => getComputedStyle(el).fontFamily);
  const pageFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(pageFont).not.toContain('monospace');
  expect(await font(reader.getByTestId('ra-mail-link'))).toContain('monospace');
  expect(await font(page.getByTestId('ra-mail-subject').first())).toBe(pageFont);

  // A phone: the page does not scroll sideways with the list shown, nor with a mail open under it.
  await page.setViewportSize({ width: 414, height: 800 });
  await expect(page.getByTestId('ra-mail-list').locator('tbody tr')).toHaveCount(1);
  expect(await sideways(page), 'mail list and reader').toBeLessThanOrEqual(0);
});
