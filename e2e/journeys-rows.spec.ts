// Issue 11, the rest of the admin's journeys: a CSR fills the focused row (panel and paste, undo), and 鍵・CSR
// offers no row whose column 1 the validator would refuse. CSRs are made by OpenSSL; exports judged by upki-tsv.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { cell, pasteInto, cliValidate, errorCount, openBuilder, removeTmp, saveDownload, tmp } from './builder-kit';

test.afterAll(() => removeTmp());

const O = 'Example University';

function opensslCsr(name: string, subject: string, sans: string[] = []): string {
  const out = join(tmp(), `${name}.csr`);
  const ext = sans.length ? ['-addext', `subjectAltName=${sans.map((s) => `DNS:${s}`).join(',')}`] : [];
  execFileSync('openssl', ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-subj', subject, ...ext, '-keyout', join(tmp(), `${name}.key`), '-out', out], { stdio: 'ignore' });
  return out;
}

test('a CSR fills the focused row instead of adding one (CSR panel, a paste into the row, a file dropped on it), says so, and undo takes it back', async ({ page }) => {
  const first = opensslCsr('focus1', `/C=JP/ST=Tokyo/L=Chiyoda-ku/O=${O}/CN=focus1.example.ac.jp`, ['focus1.example.ac.jp', 'alt1.example.ac.jp']);
  const second = opensslCsr('focus2', `/C=JP/ST=Tokyo/L=Chiyoda-ku/O=${O}/CN=focus2.example.ac.jp`);
  await openBuilder(page);
  await page.getByRole('button', { name: '行を追加', exact: true }).click();
  await page.getByRole('button', { name: '行を追加', exact: true }).click();
  for (const row of [0, 1]) {
    await cell(page, row, 8).fill('国立　花子');
    await cell(page, row, 9).fill('情報基盤センター');
    await cell(page, row, 10).fill('admin@example.ac.jp');
    await cell(page, row, 12).fill('nginx');
  }
  await cell(page, 1, 1).fill('CN=typed.example.ac.jp');

  // Row 2 was focused last: the panel offers it, and the CSR goes there.
  await page.getByText('CSRファイルから行を作成').click();
  const into = page.getByLabel(/選択中の行（行2）に入れる/);
  await expect(into).toBeChecked();
  await page.getByLabel('CSRファイル（.csr .pem、複数可）').setInputFiles(first);
  await expect(page.getByTestId('grid-row')).toHaveCount(2);
  await expect(cell(page, 1, 1)).toHaveValue(`CN=focus1.example.ac.jp,O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`);
  await expect(cell(page, 1, 11)).toHaveValue('focus1.example.ac.jp');
  await expect(cell(page, 1, 13)).toHaveValue('dNSName=alt1.example.ac.jp');
  await expect(cell(page, 1, 8)).toHaveValue('国立　花子'); // the row's other cells stay
  await expect(page.getByTestId('csr-import-result')).toHaveText('行2をCSRで埋めました（「元に戻す」で戻せます）。');
  await page.getByRole('button', { name: '元に戻す' }).click();
  await expect(cell(page, 1, 1)).toHaveValue('CN=typed.example.ac.jp');
  await expect(cell(page, 1, 7)).toHaveValue('');
  await page.getByRole('button', { name: 'やり直す' }).click();
  await expect(cell(page, 1, 11)).toHaveValue('focus1.example.ac.jp');

  // A PEM CSR pasted into another cell of row 1 fills row 1 (no new row).
  await pasteInto(page, 0, 1, readFileSync(second, 'utf8'));
  await expect(cell(page, 0, 1)).toHaveValue(`CN=focus2.example.ac.jp,O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`);
  await expect(cell(page, 0, 7)).toHaveValue(readFileSync(second, 'utf8').replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''));
  await expect(page.getByTestId('grid-row')).toHaveCount(2);
  await expect(page.getByTestId('announcer')).toContainText('行1を貼り付けたCSRから埋めました');

  // Unticked, the panel adds a row as before (row 1 is the focused one now).
  await page.getByLabel(/選択中の行（行1）に入れる/).uncheck();
  await page.getByLabel('CSRファイル（.csr .pem、複数可）').setInputFiles(opensslCsr('focus3', `/C=JP/ST=Tokyo/L=Chiyoda-ku/O=${O}/CN=focus3.example.ac.jp`));
  await expect(page.getByTestId('grid-row')).toHaveCount(3);
  await expect(page.getByTestId('csr-import-result')).toHaveText('CSR 1件から行を追加しました。');
  await page.getByRole('button', { name: '元に戻す' }).click();
  await expect(page.getByTestId('grid-row')).toHaveCount(2);

  // A CSR file dropped on a row fills that row.
  const dropped = readFileSync(opensslCsr('focus4', `/C=JP/ST=Tokyo/L=Chiyoda-ku/O=${O}/CN=focus4.example.ac.jp`), 'utf8');
  const dataTransfer = await page.evaluateHandle((pem) => {
    const data = new DataTransfer();
    data.items.add(new File([pem], 'focus4.csr', { type: 'application/pkcs10' }));
    return data;
  }, dropped);
  await page.getByTestId('grid-row').nth(0).dispatchEvent('drop', { dataTransfer });
  await expect(cell(page, 0, 11)).toHaveValue('focus4.example.ac.jp');
  await expect(page.getByTestId('grid-row')).toHaveCount(2);
  await expect(page.getByTestId('announcer')).toContainText('行1をCSRで埋めました');

  const button = page.getByTestId('export-button');
  await expect(button).toBeEnabled();
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const result = cliValidate('server-issue', await saveDownload(file));
  expect(errorCount(result), JSON.stringify(result)).toBe(0);
});

test('鍵・CSR: a CSR whose DN the validator would refuse is not offered to copy or send, and the reason is shown', async ({ page }) => {
  await page.goto('/#/keys');
  const drop = page.getByTestId('keys-import-drop').locator('input[type=file]');
  // A server CSR with an OU (abolished for servers): U222.
  await drop.setInputFiles(opensslCsr('with-ou', `/C=JP/ST=Tokyo/L=Chiyoda-ku/O=${O}/OU=IT/CN=ou.example.ac.jp`));
  const refused = page.getByTestId('keys-dn-refused');
  await expect(refused).toContainText('U222');
  await expect(page.getByTestId('keys-dn-refused-column1')).toContainText('U222');
  await expect(page.getByTestId('keys-copy-row')).toHaveCount(0);
  await expect(page.getByTestId('keys-send-to-builder')).toHaveCount(0);

  // A good one is offered, and its copied row pastes into the builder as a valid row's column 1.
  await drop.setInputFiles(opensslCsr('good', `/C=JP/ST=Tokyo/L=Chiyoda-ku/O=${O}/CN=good.example.ac.jp`));
  await expect(page.getByTestId('keys-copy-row')).toBeVisible();
  await expect(page.getByTestId('keys-send-to-builder')).toBeVisible();
  await expect(page.getByTestId('keys-dn-refused')).toHaveCount(0);
});

test('the builder’s institution profile form: ST suggests the romaji prefectures, 「東京都」 becomes 「Tokyo」 in one click; new rows get it', async ({ page }) => {
  await openBuilder(page);
  await page.getByRole('button', { name: '新規作成' }).click();
  const st = page.locator('#pf-st');
  // The value list is the spec's romaji prefectures, labelled in kanji.
  await expect(st).toHaveAttribute('list', 'pf-st-values');
  await expect(page.locator('#pf-st-values option')).toHaveCount(47);
  await expect(page.locator('#pf-st-values option[value="Tokyo"]')).toHaveAttribute('label', '東京都');
  await page.locator('#pf-o').fill(O);
  await page.locator('#pf-l').fill('Chiyoda-ku');
  await st.fill('東京都');
  const hint = page.getByTestId('pf-st-suggestion');
  await expect(hint).toContainText('「東京都」→「Tokyo」');
  await hint.getByRole('button', { name: '「Tokyo」にする' }).click();
  await expect(st).toHaveValue('Tokyo');
  await expect(hint).toHaveCount(0);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByRole('button', { name: '行を追加', exact: true }).click();
  await expect(cell(page, 0, 1)).toHaveValue(`CN=,O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`);
  // A second profile's L field offers the L already saved.
  await page.getByRole('button', { name: '新規作成' }).click();
  await expect(page.locator('#pf-l-values option[value="Chiyoda-ku"]')).toHaveCount(1);
});
