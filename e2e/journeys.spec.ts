// The usage admin's journeys across pages (issue 11), each in a fresh browser profile: from what people already
// have (an old certificate, CSR files, a spreadsheet, a key just made) to a file the RA accepts, nothing lost.
// Artefacts are judged by independent tools: OpenSSL, `upki-tsv validate`, and the simulated RA's own output.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { cell, pasteInto, chooseKind, cliValidate, errorCount, iconvSjis, importProfile, makeKeyForRow, openBuilder, removeTmp, saveDownload, tmp } from './builder-kit';
import { download, openMail, openRa, openssl, serverRow, upload } from './ra-kit';
import { clientIssueRow, sjisFile } from './tsv-files';

test.afterAll(() => removeTmp());

const EXAMPLE_O = 'Example University';

/** The 利用管理者 columns (8, 9, 10) and software (12) of a server row, typed as a user would. */
async function fillAdmin(page: Page, row: number): Promise<void> {
  await cell(page, row, 8).fill('国立　花子');
  await cell(page, row, 9).fill('情報基盤センター');
  await cell(page, row, 10).fill('admin@example.ac.jp');
  await cell(page, row, 12).fill('nginx');
}

async function exportFile(page: Page): Promise<string> {
  const button = page.getByTestId('export-button');
  await expect(button).toBeEnabled();
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return saveDownload(file);
}

function sanNames(crtPath: string): string[] {
  const text = openssl(['x509', '-in', crtPath, '-noout', '-ext', 'subjectAltName']).output;
  return [...text.matchAll(/DNS:([^,\s]+)/g)].map((m) => m[1]).sort();
}

test('(1) renewal keeps the old certificate’s three SANs: RA issue → builder renew row → CSR in the panel → RA renew', async ({ page }) => {
  test.setTimeout(120_000);
  await openRa(page);
  const issue = serverRow('www.example.ac.jp');
  issue[12] = 'dNSName=a.example.ac.jp,dNSName=b.example.ac.jp';
  await upload(page, 'server-issue', sjisFile('issue.tsv', [issue]));
  await expect(page.getByTestId('ra-complete')).toBeVisible();
  let reader = await openMail(page, 'サーバ証明書発行受付通知');
  const oldCrt = await download(page, reader.getByTestId('ra-mail-link'));
  expect(sanNames(oldCrt)).toEqual(['a.example.ac.jp', 'b.example.ac.jp', 'www.example.ac.jp']);

  await openBuilder(page);
  await chooseKind(page, 'サーバ証明書更新申請');
  await page.getByRole('button', { name: '行を追加', exact: true }).click();
  await page.getByRole('button', { name: '行1の補助機能' }).click();
  const tools = page.getByTestId('row-tools');
  await tools.getByLabel('旧証明書（PEM/DER）からDNとシリアル番号を入れる').setInputFiles(oldCrt);
  await expect(cell(page, 0, 1)).toHaveValue(`CN=www.example.ac.jp,O=${EXAMPLE_O},L=Chiyoda-ku,ST=Tokyo,C=JP`);
  await expect(cell(page, 0, 11)).toHaveValue('www.example.ac.jp');
  await expect(cell(page, 0, 13)).toHaveValue('dNSName=a.example.ac.jp,dNSName=b.example.ac.jp');
  // The list editor shows them.
  await expect(tools.getByLabel('ホスト名1')).toHaveValue('a.example.ac.jp');
  await expect(tools.getByLabel('ホスト名2')).toHaveValue('b.example.ac.jp');

  // Removing one warns that the renewed certificate would no longer cover it; putting it back clears that.
  await cell(page, 0, 13).fill('dNSName=a.example.ac.jp');
  await expect(page.locator('td', { has: cell(page, 0, 13) }).locator('.cell-issues')).toContainText('b.example.ac.jp');
  await cell(page, 0, 13).fill('dNSName=a.example.ac.jp,dNSName=b.example.ac.jp');
  await expect(page.locator('td', { has: cell(page, 0, 13) }).locator('.cell-issues')).toHaveCount(0);

  await fillAdmin(page, 0);
  await makeKeyForRow(page, 1, 'www.example.ac.jp');
  // The CSR made in the panel carries the same extra SANs (read by OpenSSL; the RA adds the FQDN itself).
  const csrDer = join(tmp(), 'renew-csr.der');
  writeFileSync(csrDer, Buffer.from(await cell(page, 0, 7).inputValue(), 'base64'));
  const csrText = execFileSync('openssl', ['req', '-inform', 'DER', '-in', csrDer, '-noout', '-text'], { encoding: 'utf8' });
  for (const host of ['a.example.ac.jp', 'b.example.ac.jp']) expect(csrText).toContain(`DNS:${host}`);

  const tsv = await exportFile(page);
  expect(errorCount(cliValidate('server-renew', tsv))).toBe(0);

  await openRa(page);
  await upload(page, 'server-renew', { name: 'renew.tsv', mimeType: 'text/tab-separated-values', buffer: readFileSync(tsv) });
  await expect(page.getByTestId('ra-complete')).toBeVisible();
  reader = await openMail(page, 'サーバ証明書発行受付通知');
  const newCrt = await download(page, reader.getByTestId('ra-mail-link'));
  expect(openssl(['x509', '-in', newCrt, '-noout', '-serial']).output).not.toBe(openssl(['x509', '-in', oldCrt, '-noout', '-serial']).output);
  expect(sanNames(newCrt)).toEqual(['a.example.ac.jp', 'b.example.ac.jp', 'www.example.ac.jp']);
});

function opensslCsrFile(cn: string, sans: string[] = [], subject = `/C=JP/ST=Tokyo/L=Chiyoda-ku/O=${EXAMPLE_O}/CN=${cn}`): string {
  const key = join(tmp(), `${cn}.key`);
  const out = join(tmp(), `${cn}.csr`);
  const ext = sans.length ? ['-addext', `subjectAltName=${sans.map((s) => `DNS:${s}`).join(',')}`] : [];
  execFileSync('openssl', ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-subj', subject, ...ext, '-keyout', key, '-out', out], { stdio: 'ignore' });
  return out;
}

test('(2) three CSR files made by openssl req → three rows; the export validates with upki-tsv', async ({ page }) => {
  const files = [opensslCsrFile('www1.example.ac.jp', ['www1.example.ac.jp', 'alt1.example.ac.jp']), opensslCsrFile('www2.example.ac.jp'), opensslCsrFile('www3.example.ac.jp')];
  await openBuilder(page);
  await page.getByText('CSRファイルから行を作成').click();
  await page.getByLabel('CSRファイル（.csr .pem、複数可）').setInputFiles(files);
  await expect(page.getByTestId('grid-row')).toHaveCount(3);
  await expect(cell(page, 0, 1)).toHaveValue(`CN=www1.example.ac.jp,O=${EXAMPLE_O},L=Chiyoda-ku,ST=Tokyo,C=JP`);
  await expect(cell(page, 0, 2)).toHaveValue('3');
  await expect(cell(page, 0, 11)).toHaveValue('www1.example.ac.jp');
  await expect(cell(page, 0, 13)).toHaveValue('dNSName=alt1.example.ac.jp');
  await expect(cell(page, 2, 11)).toHaveValue('www3.example.ac.jp');
  for (const row of [0, 1, 2]) await fillAdmin(page, row);
  const tsv = await exportFile(page);
  const result = cliValidate('server-issue', tsv);
  expect(errorCount(result), JSON.stringify(result)).toBe(0);
  const lines = iconvSjis(tsv).split('\r\n').filter(Boolean);
  expect(lines).toHaveLength(3);
  // Column 7 is the CSR exactly as openssl wrote it (one line, no armour).
  const body = readFileSync(files[1], 'utf8').replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  expect(lines[1].split('\t')[6]).toBe(body);

  // A PEM pasted into column 7 of a new row is turned into the one-line form, and the page says so.
  await page.getByRole('button', { name: '行を追加', exact: true }).click();
  await cell(page, 3, 7).focus();
  await page.evaluate((pem) => {
    const input = document.activeElement as HTMLInputElement;
    const data = new DataTransfer();
    data.setData('text/plain', pem);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, readFileSync(files[2], 'utf8'));
  await expect(cell(page, 3, 7)).toHaveValue(readFileSync(files[2], 'utf8').replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''));
  await expect(page.getByTestId('announcer')).toContainText('一行形式に変換しました');
});

test('(3) a 3×13 block copied from a spreadsheet fills three rows; the export validates', async ({ page }) => {
  const rows = ['p1', 'p2', 'p3'].map((h) => {
    const r = serverRow(`${h}.example.ac.jp`);
    r[12] = `dNSName=${h}-alt.example.ac.jp`;
    return r;
  });
  await openBuilder(page);
  await page.getByRole('button', { name: '行を追加', exact: true }).click();
  // Spreadsheets end the copied block with a line end.
  await pasteInto(page, 0, 1, `${rows.map((r) => r.join('\t')).join('\r\n')}\r\n`);
  await expect(page.getByTestId('grid-row')).toHaveCount(3);
  for (const [i, r] of rows.entries()) {
    await expect(cell(page, i, 1)).toHaveValue(r[0]);
    await expect(cell(page, i, 7)).toHaveValue(r[6]);
    await expect(cell(page, i, 13)).toHaveValue(r[12]);
  }
  await expect(page.getByTestId('announcer')).toContainText('3行×13列を貼り付けました（2行追加）');
  // One undo step takes the whole paste back.
  await page.getByRole('button', { name: '元に戻す' }).click();
  await expect(page.getByTestId('grid-row')).toHaveCount(1);
  await expect(cell(page, 0, 1)).toHaveValue('');
  await page.getByRole('button', { name: 'やり直す' }).click();
  await expect(page.getByTestId('grid-row')).toHaveCount(3);
  const tsv = await exportFile(page);
  const result = cliValidate('server-issue', tsv);
  expect(errorCount(result), JSON.stringify(result)).toBe(0);
  expect(iconvSjis(tsv).split('\r\n').filter(Boolean).map((l) => l.split('\t'))).toEqual(rows);
});

test('(5) a key made on 鍵・CSR: leaving asks first, cancelling keeps the key; after saving it, leaving does not ask; 「TSV作成へ送る」 adds the row', async ({ page }) => {
  await page.goto('/#/keys');
  await page.getByLabel('CN（サーバのFQDN）').fill('keep.example.ac.jp');
  await page.getByLabel('機関名英語表記 (O)').fill(EXAMPLE_O);
  await page.getByLabel('都道府県 (ST)').fill('Tokyo');
  await page.getByLabel('市区町村 (L)').fill('Chiyoda-ku');
  await page.getByLabel('パスフレーズ', { exact: true }).fill('correct horse battery');
  await page.getByLabel('確認', { exact: true }).fill('correct horse battery');
  await page.getByTestId('keys-generate').click();
  await expect(page.getByTestId('keys-result')).toBeVisible();
  const csrPem = await page.getByTestId('keys-csr-pem').inputValue();

  // Navigation (the menu) asks; cancelling stays on the page with the key.
  const questions: string[] = [];
  page.once('dialog', (d) => {
    questions.push(d.message());
    void d.dismiss();
  });
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'TSV検証' }).click();
  await expect.poll(() => questions.length).toBe(1);
  expect(questions[0]).toContain('秘密鍵をまだダウンロードしていません');
  await expect(page).toHaveURL(/#\/keys$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('鍵・CSR');
  await expect(page.getByTestId('keys-csr-pem')).toHaveValue(csrPem);

  // Closing the tab (or a reload) asks too (beforeunload); dismissing keeps the page and the key.
  page.once('dialog', (d) => {
    questions.push(d.type());
    void d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => questions.length).toBe(2);
  expect(questions[1]).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);
  await expect(page.getByTestId('keys-csr-pem')).toHaveValue(csrPem);

  // 「TSV作成へ送る」 moves without asking (the key stays in memory) and adds a server-issue row with the CSR.
  await page.getByTestId('keys-result').getByTestId('keys-send-to-builder').click();
  await expect(page.locator('section.builder[data-ready=true]')).toBeVisible();
  await expect(page.getByTestId('grid-row')).toHaveCount(1);
  await expect(cell(page, 0, 7)).toHaveValue(csrPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''));
  await expect(cell(page, 0, 11)).toHaveValue('keep.example.ac.jp');
  expect(questions).toHaveLength(2);

  // Back on 鍵・CSR the key is still there; once downloaded (OpenSSL opens it), leaving no longer asks.
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '鍵・CSR' }).click();
  await expect(page.getByTestId('keys-csr-pem')).toHaveValue(csrPem);
  const [key] = await Promise.all([page.waitForEvent('download'), page.getByTestId('keys-download-key').click()]);
  const keyPath = await saveDownload(key);
  const keyPub = openssl(['pkey', '-in', keyPath, '-passin', 'pass:correct horse battery', '-pubout']).output;
  const csrPath = join(tmp(), 'keep.csr');
  writeFileSync(csrPath, csrPem);
  expect(openssl(['req', '-in', csrPath, '-pubkey', '-noout']).output).toBe(keyPub);
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'TSV検証' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('TSV検証');
  expect(questions).toHaveLength(2);
});

test('(4) a file for another institution is flagged against the chosen profile with 241 and R101–R103, in the validator and the builder', async ({ page }) => {
  const profiles = join(tmp(), 'example-profile.json');
  writeFileSync(profiles, JSON.stringify({
    format: 'upki-workbench/institution-profiles',
    version: 1,
    profiles: [{ id: 'ex', label: '本部', o: EXAMPLE_O, st: 'Tokyo', l: 'Chiyoda-ku', domains: ['example.ac.jp'], adminName: '国立　花子', adminDept: '情報基盤センター', adminMail: 'admin@example.ac.jp', software: 'nginx', updatedAt: '2026-12-01T00:00:00.000Z' }],
  }));
  // A valid file, but for another university (its O, ST, L and domain).
  const other = serverRow('www.other-u.ac.jp');
  other[0] = 'CN=www.other-u.ac.jp,O=Other University,L=Sakyo-ku,ST=Kyoto,C=JP';
  other[6] = readFileSync(opensslCsrFile('www.other-u.ac.jp', [], '/C=JP/ST=Kyoto/L=Sakyo-ku/O=Other University/CN=www.other-u.ac.jp'), 'utf8').replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const ours = serverRow('www.example.ac.jp');
  const file = sjisFile('mixed.tsv', [ours, other]);

  await page.goto('/#/validate');
  await page.getByLabel('申請の種類').selectOption('server-issue');
  await page.getByLabel('申請TSVファイル').setInputFiles(file);
  await expect(page.getByTestId('verdict')).toHaveText(/この検査ではエラーはありません/);
  await expect(page.getByTestId('institution-not-checked')).toBeVisible();

  await page.getByLabel('機関プロファイルのファイル（JSON）').setInputFiles(profiles);
  await expect(page.getByLabel('機関プロファイル', { exact: true })).toHaveValue('ex');
  await expect(page.getByTestId('verdict')).toHaveText(/エラーがあります/);
  const table = page.getByTestId('result-table');
  const bad = table.locator('tbody > tr[data-seq="2"]');
  await expect(bad.locator('td').nth(1)).toHaveText('NG');
  for (const code of ['241:1', 'R103:1', 'R102:1', 'R101:1']) await expect(bad).toContainText(code);
  await expect(bad).toContainText('主体者DNの機関名が申請者の所属機関名ではありません。');
  await expect(table.locator('tbody > tr[data-seq="1"]').locator('td').nth(1)).toHaveText('OK');

  // The builder, with the same profile chosen, flags the same row before export.
  await openBuilder(page);
  await page.getByText('プロファイルをファイルから読み込む').click();
  await page.getByLabel('プロファイルJSONファイル').setInputFiles(profiles);
  await expect(page.getByLabel('使用するプロファイル')).toHaveValue('ex');
  await expect(page.getByTestId('institution-checked')).toContainText('「本部」');
  await page.getByText('既存のTSVファイルを開いて編集').click();
  await page.getByLabel('申請TSVファイル（Shift-JISまたはUTF-8）').setInputFiles(file);
  await page.getByRole('button', { name: 'この種類で開く（現在の行を置き換え）' }).click();
  await expect(page.getByTestId('grid-row')).toHaveCount(2);
  const dnIssues = page.locator('td', { has: cell(page, 1, 1) }).locator('.cell-issues');
  await expect(dnIssues).toContainText('241');
  await expect(dnIssues).toContainText('機関プロファイル「本部」ではO=Example Universityです（このファイル: Other University）。');
  await expect(page.getByTestId('export-button')).toBeDisabled();
  await expect(page.locator('td', { has: cell(page, 0, 1) }).locator('.cell-issues')).toHaveCount(0);
});

test('(1b) 全行を削除 asks first, and its undo survives a reload; 全行に共通の選択 comes back with the draft', async ({ page }) => {
  await openBuilder(page);
  await chooseKind(page, 'クライアント証明書発行申請');
  await page.getByLabel('証明書プロファイル', { exact: true }).selectOption('15');
  await page.getByLabel('ダウンロード方法', { exact: true }).selectOption('3');
  await page.getByRole('button', { name: '行を追加', exact: true }).click();
  await page.getByRole('button', { name: '行を追加', exact: true }).click();
  await expect(cell(page, 1, 2)).toHaveValue('15');
  await expect(cell(page, 1, 3)).toHaveValue('3');
  await cell(page, 0, 14).fill('taro@example.ac.jp');

  // Cancelling the question deletes nothing.
  page.once('dialog', (d) => void d.dismiss());
  await page.getByRole('button', { name: '全行を削除' }).click();
  await expect(page.getByTestId('grid-row')).toHaveCount(2);
  page.once('dialog', (d) => {
    expect(d.message()).toContain('全2行を削除しますか');
    void d.accept();
  });
  await page.getByRole('button', { name: '全行を削除' }).click();
  await expect(page.getByTestId('grid-row')).toHaveCount(0);
  await expect(page.getByTestId('destructive-undo')).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');

  await page.reload();
  await expect(page.locator('section.builder[data-ready=true]')).toBeVisible();
  await expect(page.getByLabel('証明書プロファイル', { exact: true })).toHaveValue('15');
  await expect(page.getByLabel('ダウンロード方法', { exact: true })).toHaveValue('3');
  await expect(page.getByTestId('grid-row')).toHaveCount(0);
  await page.getByRole('button', { name: '元に戻す' }).click();
  await expect(page.getByTestId('grid-row')).toHaveCount(2);
  await expect(cell(page, 0, 14)).toHaveValue('taro@example.ac.jp');
});

test('(6) a 30-row roster with full-width letters and 髙: the issue list leads to the cell, one click fixes every cell, the export validates', async ({ page }) => {
  await openBuilder(page);
  await importProfile(page);
  await chooseKind(page, 'クライアント証明書発行申請');
  const lines = Array.from({ length: 30 }, (_, i) => {
    const n = i + 1;
    // Every third user typed the mail with the IME still in 全角; every fifth has 髙 in the name.
    const mail = n % 3 === 0 ? `ｕｓｅｒ${n}＠nii.ac.jp` : `user${n}@nii.ac.jp`;
    const name = n % 5 === 0 ? `髙橋　${n}郎` : `山田　${n}郎`;
    return `USER ${n}\t${mail}\t${name}`;
  });
  await page.getByText('名簿（CSV/TSV）から一括作成').click();
  await page.getByLabel('または表計算ソフトから貼り付け').fill(`ローマ字\tメール\t氏名\n${lines.join('\n')}\n`);
  await page.getByRole('button', { name: '貼り付けた内容を読む' }).click();
  await expect(page.getByTestId('roster-choices')).toContainText('証明書プロファイル 5');
  await page.getByRole('button', { name: '30行を追加' }).click();
  await expect(page.getByTestId('grid-row')).toHaveCount(30);
  await expect(page.getByTestId('announcer')).toContainText('ダウンロード方法 1');

  // The validator names 全角 and every position; the list item takes the user to the cell.
  const mailCell = cell(page, 2, 14);
  await expect(page.locator('td', { has: mailCell }).locator('.cell-issues')).toContainText('全角文字「ｕｓｅｒ＠」');
  await expect(page.locator('td', { has: mailCell }).locator('.cell-issues')).toContainText('（1, 2, 3, 4, 6文字目）');
  const link = page.locator('.issue-summary a', { hasText: '行3 No14' }).first();
  await page.locator('details', { has: link }).locator('summary').click(); // more than 10: the list starts closed
  await link.click();
  await expect(mailCell).toBeFocused();

  // Per cell: one fix.
  await page.locator('td', { has: cell(page, 4, 11) }).getByRole('button', { name: '修正: 使えない文字を置き換え' }).click();
  await expect(cell(page, 4, 11)).toHaveValue('高橋　5郎');
  // For all: one click, one undo step.
  await expect(page.getByTestId('fix-all')).toHaveText('すべて修正（15セル）');
  await page.getByTestId('fix-all').click();
  await expect(cell(page, 2, 14)).toHaveValue('user3@nii.ac.jp');
  await expect(cell(page, 29, 11)).toHaveValue('高橋　30郎');
  await expect(page.getByTestId('fix-all')).toHaveCount(0);
  await page.getByRole('button', { name: '元に戻す' }).click();
  await expect(cell(page, 2, 14)).toHaveValue('ｕｓｅｒ3＠nii.ac.jp');
  await page.getByRole('button', { name: 'やり直す' }).click();

  const tsv = await exportFile(page);
  const result = cliValidate('client-issue', tsv);
  expect(errorCount(result), JSON.stringify(result)).toBe(0);
  const rows = iconvSjis(tsv).split('\r\n').filter(Boolean).map((l) => l.split('\t'));
  expect(rows).toHaveLength(30);
  expect(rows[29][10]).toBe('高橋　30郎');
  expect(rows[2][13]).toBe('user3@nii.ac.jp');
});

test('(7) client renew from the user’s .p12 and its PIN: DN, serial, mail and P12 name filled, the export validates', async ({ page }) => {
  const dir = tmp();
  const subj = '/C=JP/ST=Tokyo/L=Chiyoda-ku/O=National Institute of Informatics/OU=2024001/CN=KOKURITSU HANAKO';
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', subj, '-addext', 'subjectAltName=email:hanako@nii.ac.jp', '-set_serial', '0x1A2B3C', '-days', '30', '-keyout', join(dir, 'u.key'), '-out', join(dir, 'u.crt')], { stdio: 'ignore' });
  const p12 = join(dir, 'hanako.p12');
  execFileSync('openssl', ['pkcs12', '-export', '-in', join(dir, 'u.crt'), '-inkey', join(dir, 'u.key'), '-out', p12, '-passout', 'pass:Pin-123456'], { stdio: 'ignore' });

  await openBuilder(page);
  await importProfile(page);
  await chooseKind(page, 'クライアント証明書更新申請');
  await page.getByRole('button', { name: '行を追加', exact: true }).click();
  await page.getByRole('button', { name: '行1の補助機能' }).click();
  const form = page.getByTestId('p12-read');
  await form.getByLabel('P12ファイル').setInputFiles(p12);
  // A wrong PIN says so and fills nothing.
  await form.getByLabel('アクセスPIN').fill('wrong-pin');
  await form.getByRole('button', { name: 'P12から読み込む' }).click();
  await expect(page.getByTestId('row-tools').getByRole('alert')).toContainText('PINが違う');
  await expect(cell(page, 0, 4)).toHaveValue('');
  await form.getByLabel('アクセスPIN').fill('Pin-123456');
  await form.getByRole('button', { name: 'P12から読み込む' }).click();
  await expect(cell(page, 0, 1)).toHaveValue('CN=KOKURITSU HANAKO,OU=2024001,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP');
  await expect(cell(page, 0, 4)).toHaveValue(String(0x1a2b3c));
  await expect(cell(page, 0, 14)).toHaveValue('hanako@nii.ac.jp');
  await expect(cell(page, 0, 12)).toHaveValue('KOKURITSU HANAKO');
  await expect(form.getByLabel('アクセスPIN')).toHaveValue(''); // the PIN is not kept

  const tsv = await exportFile(page);
  const result = cliValidate('client-renew', tsv);
  expect(errorCount(result), JSON.stringify(result)).toBe(0);
  const cells = iconvSjis(tsv).split('\r\n')[0].split('\t');
  expect(cells[3]).toBe(String(0x1a2b3c));
  // The serial is the certificate's, as OpenSSL reads it.
  expect(execFileSync('openssl', ['x509', '-in', join(dir, 'u.crt'), '-noout', '-serial'], { encoding: 'utf8' }).trim()).toBe('serial=1A2B3C');
});

test('a file checked as the wrong kind offers the kind it looks like, and one click re-checks it', async ({ page }) => {
  await page.goto('/#/validate');
  await page.getByLabel('申請の種類').selectOption('client-renew');
  await page.getByLabel('申請TSVファイル').setInputFiles(sjisFile('client-issue.tsv', [clientIssueRow(), clientIssueRow({ 1: 'CN=KOKURITSU TARO,OU=02,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP', 14: 'taro@nii.ac.jp' })]));
  const guess = page.getByTestId('kind-guess');
  await expect(guess).toContainText('クライアント証明書発行申請');
  await guess.getByRole('button', { name: 'クライアント証明書発行申請として検査' }).click();
  await expect(page.getByLabel('申請の種類')).toHaveValue('client-issue');
  await expect(page.getByTestId('verdict')).toHaveText(/この検査ではエラーはありません/);
  await expect(page.getByTestId('kind-guess')).toHaveCount(0);
});

test('at 1024 px the focused cell is never under the fixed 操作 column, and cell messages wrap between words', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openBuilder(page);
  await page.getByRole('button', { name: '行を追加', exact: true }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await cell(page, 0, 1).focus();
  // Walk right with the arrow keys across every column to 13.
  for (const no of [2, 7, 8, 9, 10, 11, 12, 13]) {
    await page.keyboard.press('ArrowRight');
    const input = cell(page, 0, no);
    await expect(input).toBeFocused();
    const inputBox = await input.boundingBox();
    const actionsBox = await page.locator('td.row-actions').first().boundingBox();
    expect(inputBox && actionsBox && inputBox.x + inputBox.width <= actionsBox.x + 1, `column ${no}`).toBe(true);
  }
  // A message in a narrow flagged cell is not broken inside a word (each line starts at a word boundary).
  const issues = page.locator('td', { has: cell(page, 0, 10) }).locator('.cell-issues li').first();
  await expect(issues).toBeVisible();
  const style = await issues.evaluate((el) => ({ wordBreak: getComputedStyle(el).wordBreak, overflowWrap: getComputedStyle(el).overflowWrap }));
  expect(style).toEqual({ wordBreak: 'normal', overflowWrap: 'normal' });
  expect((await issues.boundingBox())!.width).toBeGreaterThan(150); // 12rem, not a sliver
});
