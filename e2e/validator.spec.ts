// The validator page against the built app (dist/, served by vite preview). The fixture fails any test whose page
// makes a request off its own origin or trips the Content-Security-Policy.
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { clientIssueRow, serverCsrBase64, serverIssueRow, sjisFile, utf8File, type UploadFile } from './tsv-files';

async function validate(page: Page, kind: string, file: UploadFile): Promise<void> {
  await page.getByLabel('申請の種類').selectOption(kind);
  await page.getByLabel('申請TSVファイル').setInputFiles(file);
  await expect(page.getByTestId('summary')).toContainText(file.name);
}

const row = (page: Page, seq: number) => page.locator(`[data-testid=result-table] > tbody > tr[data-seq="${seq}"]`);

test.beforeEach(async ({ page }) => {
  await page.goto('/#/validate');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('TSV検証');
});

test('a valid server issue file: every row OK, no エラー内容 (validated in a Web Worker)', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const rows = ['www1.example.ac.jp', 'www2.example.ac.jp'].map((cn) => serverIssueRow(cn, serverCsrBase64(cn)));
  await validate(page, 'server-issue', sjisFile('server-issue.tsv', rows));

  await expect(page.getByTestId('verdict')).toHaveText(/この検査ではエラーはありません/);
  // Without an institution profile the page does not claim the RA will accept it (241, R101–R103 unchecked).
  await expect(page.getByTestId('institution-not-checked')).toContainText('241, R101–R103');
  for (const seq of [1, 2]) {
    await expect(row(page, seq).locator('td').nth(1)).toHaveText('OK');
    await expect(row(page, seq).locator('td').nth(2)).toHaveText('');
  }
  await expect(page.getByText('NG', { exact: true })).toHaveCount(0);
  expect(workers.some((u) => /validate\.worker/.test(u))).toBe(true);
});

test('the CSR checks run in the page: a CSR made for another CN is NG with U409 (DN differs from the CSR)', async ({ page }) => {
  const rows = [serverIssueRow('www1.example.ac.jp', serverCsrBase64('www1.example.ac.jp')), serverIssueRow('www2.example.ac.jp', serverCsrBase64('www1.example.ac.jp'))];
  await validate(page, 'server-issue', sjisFile('server-mismatch.tsv', rows));
  await expect(row(page, 1).locator('td').nth(1)).toHaveText('OK');
  await expect(row(page, 2).locator('td').nth(1)).toHaveText('NG');
  await expect(row(page, 2).locator('td').nth(2)).toContainText('U409:1,主体者DN,主体者DNがCSRに記述されたDNと異なります。');
  // The hint shows both DNs, so the user sees which one to change.
  await expect(page.getByTestId('issues-2')).toContainText('CN=www1.example.ac.jp');
});

test('a client issue file with errors: OK/NG rows, RA-style lines, highlighted cells and character', async ({ page }) => {
  const rows = [
    clientIssueRow(),
    clientIssueRow({ 1: 'CN=SECOND USER,OU=02,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP', 10: '' }),
    clientIssueRow({ 1: 'CN=THIRD USER,OU=03,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP', 11: '髙橋　一郎' }),
  ];
  await validate(page, 'client-issue', sjisFile('client-issue.tsv', rows));

  await expect(page.getByTestId('verdict')).toHaveText(/エラーがあります/);
  await expect(row(page, 1).locator('td').nth(1)).toHaveText('OK');
  await expect(row(page, 2).locator('td').nth(1)).toHaveText('NG');
  // NII's own code and text for a missing required field, in the RA's `code:column,name,message` form.
  await expect(row(page, 2).locator('td').nth(2)).toContainText('201:10,利用管理者mail,利用管理者mailは入力必須項目です');
  await expect(row(page, 3).locator('td').nth(1)).toHaveText('NG');
  await expect(row(page, 3).locator('td').nth(2)).toContainText(/^\S*:11,利用者氏名,/);

  // The NG records open with their cells; the offending cell is marked, and in it the offending character.
  const cells2 = page.getByTestId('cells-2');
  await expect(cells2.locator('td[data-bad="true"]')).toHaveAttribute('data-column', '10');
  const cells3 = page.getByTestId('cells-3');
  await expect(cells3.locator('td[data-column="11"] mark')).toHaveText('髙');
  await expect(cells3.locator('td[data-column="11"]')).toContainText('髙橋　一郎');
  // Each problem comes with a fix hint: the rule's own (replace 髙 by 高), or else how the column is written.
  await expect(page.getByTestId('issues-3')).toContainText('直し方: 「高」に置き換えてください。');
  await expect(page.getByTestId('issues-2')).toContainText('直し方: 利用管理者mail:');
  await expect(page.getByTestId('issues-2')).toContainText('例: xxxxx@example.com');

  // English: the same lines with English names and messages.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(row(page, 2).locator('td').nth(2)).toContainText(/^201:10,/);
  await expect(page.getByRole('columnheader', { name: 'Errors' })).toBeVisible();
});

test('a UTF-8 file gets the encoding error above the table', async ({ page }) => {
  await validate(page, 'client-issue', utf8File('utf8.tsv', [clientIssueRow()]));
  const fileIssues = page.getByTestId('file-issues');
  await expect(fileIssues).toContainText('Shift-JIS');
  await expect(fileIssues).toContainText('UTF-8');
});

test('bad input gives a clear message, never a crash: empty file, 10 MB of random bytes', async ({ page }) => {
  await validate(page, 'server-issue', { name: 'empty.tsv', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  await expect(page.getByTestId('file-issues')).toContainText('213:');
  await expect(page.getByTestId('file-issues')).toContainText('申請ファイルに入力がありません');

  await validate(page, 'server-issue', { name: 'random.bin', mimeType: 'application/octet-stream', buffer: randomBytes(10 * 1024 * 1024) });
  await expect(page.getByTestId('verdict')).toHaveText(/エラーがあります/);
  await expect(page.getByTestId('file-issues')).toBeVisible();
  // Still usable afterwards.
  await validate(page, 'client-issue', sjisFile('after.tsv', [clientIssueRow()]));
  await expect(row(page, 1).locator('td').nth(1)).toHaveText('OK');
});

test('1000 records (client issue, method 2): 20 per page, every page reachable, NG filter works', async ({ page }) => {
  const rows = Array.from({ length: 1000 }, (_, i) =>
    clientIssueRow({
      1: `CN=USER ${i + 1},OU=${String(i + 1).padStart(4, '0')},O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP`,
      3: '2',
      10: i % 2 === 1 ? '' : 'admin@example.ac.jp',
      12: '',
    }),
  );
  await validate(page, 'client-issue', sjisFile('bulk.tsv', rows));
  const bodyRows = page.locator('[data-testid=result-table] > tbody > tr[data-seq]');
  await expect(bodyRows).toHaveCount(20);
  await expect(page.getByTestId('summary')).toContainText('NG: 500');
  const pager = page.getByTestId('result-pager');
  await expect(pager.getByTestId('pager-where')).toHaveText('1 / 50 ページ（1000件中 1–20件目）');
  await pager.getByRole('button', { name: '最後' }).click();
  await expect(bodyRows.first()).toHaveAttribute('data-seq', '981');
  await expect(bodyRows.last()).toHaveAttribute('data-seq', '1000');
  await expect(row(page, 1000).locator('td').nth(2)).toContainText('201:10,');
  await page.getByLabel('エラー・警告のある行だけ表示').check();
  await expect(bodyRows).toHaveCount(20);
  await expect(pager.getByTestId('pager-where')).toContainText('500件中');
  await expect(bodyRows.first()).toHaveAttribute('data-seq', '2');
});

/** Long tasks (> 50 ms) on the page's main thread from now on, for the annotations (figures: npm run bench). */
async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(Math.round(e.duration)))).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { __long: number[] }).__long);
}

test('a 10 MB file of 50,000 rows: cancel works while it validates; then counts cover every row, the page holds one page, the last row is reachable', async ({ page }) => {
  const one = clientIssueRow({ 3: '2' });
  const rows = Array.from({ length: 50_000 }, (_, i) => (i % 3 === 0 ? clientIssueRow({ 3: '2', 10: '' }) : one));
  const file = sjisFile('huge.tsv', rows);
  expect(file.buffer.length).toBeGreaterThan(10_000_000);
  const longTasks = await watchLongTasks(page);
  await page.getByLabel('申請の種類').selectOption('client-issue');
  // While the worker validates, the page answers: the cancel button stops it, and nothing of the file is shown.
  await page.getByLabel('申請TSVファイル').setInputFiles(file);
  await page.getByTestId('validate-cancel').click();
  await expect(page.getByTestId('validate-cancelled')).toBeVisible();
  await expect(page.getByTestId('summary')).toHaveCount(0);
  // The page keeps working after a cancel (a new worker starts): the same file again, to the end.
  await page.getByLabel('申請TSVファイル').setInputFiles(file);
  await expect(page.getByTestId('validate-cancel')).toBeVisible();
  // It answers to clicks while the worker is busy: the English switch re-renders the status at once.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(page.getByTestId('summary')).toContainText('huge.tsv', { timeout: 120_000 });
  await expect(page.getByTestId('summary')).toContainText('レコード: 50000');
  await expect(page.getByTestId('file-issues').first()).toContainText('214:');
  // Bounded DOM: one page of records, whatever the file; every record is still reachable through the worker.
  const bodyRows = page.locator('[data-testid=result-table] > tbody > tr[data-seq]');
  await expect(bodyRows).toHaveCount(20);
  expect(await page.locator('*').count()).toBeLessThan(5000);
  await page.getByTestId('result-pager').getByRole('button', { name: '最後' }).click();
  await expect(bodyRows.last()).toHaveAttribute('data-seq', '50000');
  await expect(row(page, 50_000)).toBeVisible();
  expect(await page.locator('*').count()).toBeLessThan(5000);
  test.info().annotations.push({ type: 'long tasks (ms)', description: JSON.stringify(await longTasks()) });
});

test('a 1 MB cell: shown cut with its length, more on demand within a bound', async ({ page }) => {
  const long = 'あ'.repeat(1_048_576);
  const longTasks = await watchLongTasks(page);
  await validate(page, 'client-issue', sjisFile('long-cell.tsv', [clientIssueRow({ 11: long })]));
  await expect(row(page, 1).locator('td').nth(1)).toHaveText('NG');
  const cell = page.getByTestId('cells-1').locator('td[data-column="11"]');
  await expect(cell.getByTestId('cell-cut')).toContainText('全1,048,576文字のうち');
  const shownLength = async () => Array.from((await cell.getByTestId('cell-value').textContent()) ?? '').length;
  expect(await shownLength()).toBeLessThanOrEqual(202);
  await cell.getByTestId('cell-more').click();
  await expect(cell.getByTestId('cell-more')).toHaveCount(0);
  expect(await shownLength()).toBeGreaterThan(202);
  expect(await shownLength()).toBeLessThanOrEqual(1002);
  await expect(cell.getByTestId('cell-cut')).toContainText('全1,048,576文字のうち1–1,000文字目');
  // The RA line quoting nothing long: every line of the row stays short.
  expect(((await row(page, 1).locator('td').nth(2).textContent()) ?? '').length).toBeLessThan(2000);
  test.info().annotations.push({ type: 'long tasks (ms)', description: JSON.stringify(await longTasks()) });
});

test('at 200% zoom (1280×800 seen as 640×400 CSS px) the result reflows without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 400 });
  await validate(page, 'client-issue', sjisFile('zoom.tsv', [clientIssueRow({ 10: '', 11: '髙橋　一郎' })]));
  await expect(page.getByTestId('cells-1')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
});

test('a file dropped on the zone is validated like a chosen one', async ({ page }) => {
  const file = sjisFile('dropped.tsv', [clientIssueRow()]);
  await page.getByLabel('申請の種類').selectOption('client-issue');
  const dataTransfer = await page.evaluateHandle(
    ({ bytes, name }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name, { type: 'text/plain' }));
      return dt;
    },
    { bytes: [...file.buffer], name: file.name },
  );
  await page.getByTestId('tsv-drop').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('summary')).toContainText('dropped.tsv');
  await expect(row(page, 1).locator('td').nth(1)).toHaveText('OK');
});
