// The validator page's journeys (issue 11): a UTF-8/UTF-16 file converted to Shift-JIS and saved (the saved file is
// judged by `upki-tsv validate` and glibc iconv, not by the page), or opened in the builder; a file checked as the
// wrong kind leads with the likely kind and re-checks in one click; an issue link reaches a cell on another page.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { cell, cliValidate, errorCount, iconvSjis, removeTmp, saveDownload } from './builder-kit';
import { clientIssueRow, sjisFile, utf8File, type UploadFile } from './tsv-files';

async function validate(page: Page, kind: string, file: UploadFile): Promise<void> {
  await page.getByLabel('申請の種類').selectOption(kind);
  await page.getByLabel('申請TSVファイル').setInputFiles(file);
  await expect(page.getByTestId('summary')).toContainText(file.name);
}

const user = (i: number) => `CN=USER ${i},OU=${String(i).padStart(4, '0')},O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP`;

test.beforeEach(async ({ page }) => {
  await page.goto('/#/validate');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('TSV検証');
});
test.afterAll(() => removeTmp());

test('a UTF-8 file: 「Shift-JISに変換して保存」 saves a file the CLI accepts and iconv reads back to the same text', async ({ page }) => {
  const rows = [clientIssueRow({ 1: user(1) }), clientIssueRow({ 1: user(2), 11: '山田　太郎' })];
  const original = utf8File('utf8-client.tsv', rows);
  await validate(page, 'client-issue', original);
  await expect(page.getByTestId('file-issues')).toContainText('U103');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Shift-JISに変換して保存' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('utf8-client-sjis.tsv');
  const path = await saveDownload(download);
  // Independent checks: the project's CLI validates it clean (no U103, no error), glibc iconv decodes the same text.
  const cli = cliValidate('client-issue', path);
  expect(JSON.stringify(cli)).not.toContain('U103');
  expect(errorCount(cli)).toBe(0);
  expect(cli.ok).toBe(true);
  expect(iconvSjis(path)).toBe(original.buffer.toString('utf8'));
  expect(readFileSync(path).includes(Buffer.from('山田', 'utf8'))).toBe(false);
  // The page checks the saved file at once.
  await expect(page.getByTestId('converted')).toContainText('utf8-client-sjis.tsv');
  await expect(page.getByTestId('verdict')).toHaveText(/この検査ではエラーはありません/);
});

test('a UTF-16 file converts too; a UTF-8 file with 髙 and ① says which characters do not fit and where, and saves nothing', async ({ page }) => {
  const text = [clientIssueRow({ 1: user(1) }), clientIssueRow({ 1: user(2) })].map((r) => r.join('\t')).join('\r\n') + '\r\n';
  const utf16: UploadFile = { name: 'utf16.tsv', mimeType: 'text/plain', buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) };
  await validate(page, 'client-issue', utf16);
  await expect(page.getByTestId('file-issues')).toContainText('UTF-16');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Shift-JISに変換して保存' }).click();
  const path = await saveDownload(await downloading);
  expect(iconvSjis(path)).toBe(text);
  expect(cliValidate('client-issue', path).ok).toBe(true);

  let downloads = 0;
  page.on('download', () => downloads++);
  await validate(page, 'client-issue', utf8File('bad-chars.tsv', [clientIssueRow({ 1: user(1) }), clientIssueRow({ 1: user(2), 11: '髙橋　①郎' })]));
  await page.getByRole('button', { name: 'Shift-JISに変換して保存' }).click();
  const misfits = page.getByTestId('convert-misfits');
  await expect(misfits).toContainText('書けない文字が2個');
  await expect(misfits).toContainText('2行目 11列目 1文字目: 「髙」(U+9AD9) →「高」');
  await expect(misfits).toContainText('2行目 11列目 4文字目: 「①」');
  expect(downloads).toBe(0);
});

test('a UTF-8 file opens in the builder with 「TSV作成で開く」', async ({ page }) => {
  await validate(page, 'client-issue', utf8File('to-builder.tsv', [clientIssueRow({ 1: user(1) }), clientIssueRow({ 1: user(2), 11: '髙橋　一郎' })]));
  await page.getByRole('button', { name: 'TSV作成で開く' }).click();
  await expect(page).toHaveURL(/#\/builder/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('申請TSVの作成');
  await expect(cell(page, 0, 1)).toHaveValue(user(1));
  await expect(cell(page, 1, 11)).toHaveValue('髙橋　一郎');
});

test('a client file checked as server: the page leads with U105 and the likely kind, details collapsed; one click re-checks', async ({ page }) => {
  const rows = Array.from({ length: 30 }, (_, i) => clientIssueRow({ 1: user(i + 1) }));
  await validate(page, 'server-issue', sjisFile('client-as-server.tsv', rows));
  const lead = page.getByTestId('wrong-width-lead');
  await expect(lead).toContainText('すべての行（30件）で項目数が「サーバ証明書発行申請」の13項目と合いません（U105）');
  await expect(lead.getByTestId('kind-guess')).toContainText('このファイルは「クライアント証明書発行申請」（15項目）のようです。');
  // Not 30 expanded boxes: the per-row details are closed, and not even in the DOM.
  await expect(page.getByTestId('row-details')).not.toHaveAttribute('open', '');
  await expect(page.getByTestId('result-table')).toHaveCount(0);
  await expect(page.locator('.record-detail')).toHaveCount(0);
  await page.getByTestId('row-details').locator('summary').click();
  await expect(page.getByTestId('result-table')).toBeVisible();
  await expect(page.locator('.record-detail[open]')).toHaveCount(0);

  await lead.getByRole('button', { name: 'クライアント証明書発行申請として検査' }).click();
  await expect(page.getByLabel('申請の種類')).toHaveValue('client-issue');
  await expect(page.getByTestId('verdict')).toHaveText(/この検査ではエラーはありません/);
  await expect(page.getByTestId('wrong-width-lead')).toHaveCount(0);
});

test('問題の一覧: a link to a record on page 2 shows that page, opens the record and focuses the offending cell', async ({ page }) => {
  const rows = Array.from({ length: 60 }, (_, i) => clientIssueRow({ 1: user(i + 1), 10: i + 1 === 3 || i + 1 === 33 ? '' : 'admin@example.ac.jp' }));
  await validate(page, 'client-issue', sjisFile('links.tsv', rows));
  const index = page.getByTestId('issue-index');
  await expect(index).toContainText('201:10,利用管理者mail');
  await expect(index).toContainText('2件');
  await expect(page.getByTestId('result-pager').getByTestId('pager-where')).toContainText('1 / 3 ページ');
  await index.getByRole('button', { name: 'SEQ 33' }).click();
  await expect(page.getByTestId('result-pager').getByTestId('pager-where')).toContainText('2 / 3 ページ');
  const target = page.getByTestId('cells-33').locator('td[data-column="10"]');
  await expect(target).toBeFocused();
  await expect(target).toBeInViewport();

  // From 「エラー・警告のある行だけ表示」 too; and a line in the table's エラー内容 column is a link to its cell.
  await page.getByTestId('result-pager').getByRole('button', { name: '最初' }).click();
  await page.getByLabel('エラー・警告のある行だけ表示').check();
  await page.locator('[data-testid=result-table] > tbody > tr[data-seq="3"]').getByTestId('issue-link').click();
  await expect(page.getByTestId('cells-3').locator('td[data-column="10"]')).toBeFocused();
  await index.getByRole('button', { name: 'SEQ 33' }).click();
  await expect(page.getByTestId('cells-33').locator('td[data-column="10"]')).toBeFocused();
});

test('where no Web Worker can start (blocked by policy), the page validates on its own thread: same report, pages, links', async ({ page }) => {
  await page.addInitScript(() => {
    window.Worker = class {
      constructor() {
        throw new Error('workers are blocked here');
      }
    } as unknown as typeof Worker;
  });
  await page.reload();
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const rows = Array.from({ length: 30 }, (_, i) => clientIssueRow({ 1: user(i + 1), 10: i + 1 === 25 ? '' : 'admin@example.ac.jp' }));
  await validate(page, 'client-issue', sjisFile('no-worker.tsv', rows));
  await expect(page.getByTestId('summary')).toContainText('NG: 1');
  await expect(page.getByTestId('result-pager').getByTestId('pager-where')).toContainText('1 / 2 ページ');
  await page.getByTestId('issue-index').getByRole('button', { name: 'SEQ 25' }).click();
  await expect(page.getByTestId('result-pager').getByTestId('pager-where')).toContainText('2 / 2 ページ');
  await expect(page.getByTestId('cells-25').locator('td[data-column="10"]')).toBeFocused();
  expect(workers).toEqual([]);
});
