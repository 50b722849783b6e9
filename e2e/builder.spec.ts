// The TSV builder (#/builder) end to end: build each of the six kinds through the UI, export, and check the
// downloaded bytes with the `upki-tsv` command and an independent Shift-JIS decoder (iconv). Server CSRs come
// from the page's own "make key and CSR" action; old certificates and bulk CSRs from openssl.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { storedText } from './storage';
import {
  O,
  cell,
  chooseKind,
  cliValidate,
  errorCount,
  exportAndCheck,
  iconvSjis,
  importProfile,
  makeKeyForRow,
  oldCertificate,
  openBuilder,
  removeTmp,
  saveDownload,
  tmp,
} from './builder-kit';

test.afterAll(() => removeTmp());

test.beforeEach(async ({ page }) => {
  await openBuilder(page);
});

test('server issue: institution profile typed in, key and CSR made in the page, exported', async ({ page }) => {
  await page.getByRole('button', { name: '新規作成' }).click();
  await page.getByLabel('プロファイル名').fill('本部');
  await page.getByLabel('機関名英語表記 (O)').fill(O);
  await page.getByLabel('都道府県 (ST)').fill('Tokyo');
  await page.getByLabel('市区町村 (L)').fill('Chiyoda-ku');
  await page.getByLabel('利用管理者mail').fill('admin@nii.ac.jp');
  await page.getByLabel('ソフトウェア名・バージョン').fill('nginx 1.26');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByLabel('使用するプロファイル')).not.toHaveValue('');
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSONに書き出す' }).click()]);
  const exported = JSON.parse(readFileSync(await saveDownload(json), 'utf8'));
  expect(exported.format).toBe('upki-workbench/institution-profiles');
  expect(exported.profiles[0]).toMatchObject({ label: '本部', o: O, st: 'Tokyo', l: 'Chiyoda-ku', adminMail: 'admin@nii.ac.jp' });

  await page.getByRole('button', { name: '行を追加' }).click();
  await expect(cell(page, 0, 1)).toHaveValue(`CN=,O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`);
  await expect(cell(page, 0, 10)).toHaveValue('admin@nii.ac.jp');
  await makeKeyForRow(page, 1, 'www.nii.ac.jp');
  await expect(cell(page, 0, 1)).toHaveValue(`CN=www.nii.ac.jp,O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`);
  await expect(cell(page, 0, 11)).toHaveValue('www.nii.ac.jp');
  // dNSName entries edited as a list in the row tools, written to column 13.
  const tools = page.getByTestId('row-tools');
  await tools.getByRole('button', { name: 'ホスト名を追加' }).click();
  await tools.getByLabel('ホスト名1').fill('alt.nii.ac.jp');
  await tools.getByRole('button', { name: 'ホスト名を追加' }).click();
  await tools.getByLabel('ホスト名2').fill('mail.nii.ac.jp');
  await tools.getByRole('button', { name: 'dNSName列に反映' }).click();
  await expect(cell(page, 0, 13)).toHaveValue('dNSName=alt.nii.ac.jp,dNSName=mail.nii.ac.jp');

  // Column headers carry the required mark; the focused cell's column help is shown; blank columns are hidden
  // until asked for (and still written, as empty cells, below).
  await expect(page.getByRole('columnheader', { name: /No1 主体者DN/ })).toContainText('必須');
  await cell(page, 0, 10).focus();
  await expect(page.locator('.column-help')).toContainText('No10');
  await expect(cell(page, 0, 3)).toHaveCount(0);
  await page.getByLabel('空白列も表示').check();
  await expect(cell(page, 0, 3)).toBeVisible();
  await page.getByLabel('空白列も表示').uncheck();

  const text = await exportAndCheck(page, 'server-issue');
  const cells = text.split('\r\n')[0].split('\t');
  expect(cells).toHaveLength(13);
  expect(cells.slice(2, 6)).toEqual(['', '', '', '']);
  expect(cells[11]).toBe('nginx 1.26');
  expect(cells[12]).toBe('dNSName=alt.nii.ac.jp,dNSName=mail.nii.ac.jp');
  // The draft (IndexedDB) holds the CSR but never the private key.
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');
  const stored = await storedText(page);
  expect(stored).toContain(cells[6]);
  expect(stored).not.toContain('PRIVATE KEY');
});

test('server renew: DN and serial from the old certificate, new key and CSR, exported', async ({ page }) => {
  await importProfile(page);
  await chooseKind(page, 'サーバ証明書更新申請');
  await page.getByRole('button', { name: '行を追加' }).click();
  await page.getByRole('button', { name: '行1の補助機能' }).click();
  const cert = oldCertificate(`/C=JP/ST=Tokyo/L=Chiyoda-ku/O=${O}/CN=www.nii.ac.jp`, '1A2B3C4D');
  await page.getByTestId('row-tools').getByLabel('旧証明書（PEM/DER）からDNとシリアル番号を入れる').setInputFiles(cert);
  await expect(cell(page, 0, 1)).toHaveValue(`CN=www.nii.ac.jp,O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`);
  await expect(cell(page, 0, 4)).toHaveValue(String(0x1a2b3c4d));
  await makeKeyForRow(page, 1, 'www.nii.ac.jp');
  await exportAndCheck(page, 'server-renew');
});

test('server renew: a CSR with the old certificate key is an error (R108), also after a reload, until a new key is made', async ({ page }) => {
  const dir = mkdtempSync(join(tmp(), 'reuse-'));
  const key = join(dir, 'old.key');
  const subj = `/C=JP/ST=Tokyo/L=Chiyoda-ku/O=${O}/CN=www.nii.ac.jp`;
  execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', key], { stdio: 'ignore' });
  execFileSync('openssl', ['req', '-x509', '-new', '-key', key, '-sha256', '-subj', subj, '-set_serial', '0x7B', '-days', '30', '-out', join(dir, 'old.crt')], { stdio: 'ignore' });
  const sameKeyCsr = execFileSync('openssl', ['req', '-new', '-key', key, '-sha256', '-subj', subj], { encoding: 'utf8' })
    .split('\n').filter((l) => l && !l.startsWith('-----')).join('');

  await importProfile(page);
  await chooseKind(page, 'サーバ証明書更新申請');
  await page.getByRole('button', { name: '行を追加' }).click();
  await page.getByRole('button', { name: '行1の補助機能' }).click();
  await page.getByTestId('row-tools').getByLabel('旧証明書（PEM/DER）からDNとシリアル番号を入れる').setInputFiles(join(dir, 'old.crt'));
  await expect(page.getByTestId('row-old-key')).toBeVisible();
  await expect(cell(page, 0, 4)).toHaveValue('123');
  await cell(page, 0, 7).fill(sameKeyCsr);
  await cell(page, 0, 11).fill('www.nii.ac.jp');
  const csrCell = cell(page, 0, 7);
  await expect(csrCell).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`[id="${await csrCell.getAttribute('aria-describedby')}"]`)).toContainText('R108');
  await expect(page.getByTestId('export-button')).toBeDisabled();

  // The old key is row metadata kept with the draft: the rule still holds after a reload.
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');
  await page.reload();
  await expect(page.locator('section.builder[data-ready=true]')).toBeVisible();
  await expect(cell(page, 0, 7)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('check-summary')).not.toContainText('エラー 0件');

  await makeKeyForRow(page, 1, 'www.nii.ac.jp');
  await expect(cell(page, 0, 7)).toHaveAttribute('aria-invalid', 'false');
  await exportAndCheck(page, 'server-renew');
});

test('server revoke: certificate dropped, reason typed, exported', async ({ page }) => {
  await importProfile(page);
  await chooseKind(page, 'サーバ証明書失効申請');
  await page.getByRole('button', { name: '行を追加' }).click();
  await page.getByRole('button', { name: '行1の補助機能' }).click();
  const cert = oldCertificate(`/C=JP/ST=Tokyo/L=Chiyoda-ku/O=${O}/CN=old.nii.ac.jp`, '0F');
  await page.getByTestId('row-tools').getByLabel('旧証明書（PEM/DER）からDNとシリアル番号を入れる').setInputFiles(cert);
  await expect(cell(page, 0, 4)).toHaveValue('15');
  await cell(page, 0, 5).fill('5');
  await cell(page, 0, 6).fill('サーバ廃止のため');
  const text = await exportAndCheck(page, 'server-revoke');
  expect(text).toBe(`CN=old.nii.ac.jp,O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP\t\t\t15\t5\tサーバ廃止のため\t\t\t\t\t\t\t\r\n`);
});

test('client issue, renew and revoke: rows typed cell by cell, exported', async ({ page }) => {
  await importProfile(page);
  const dn = `CN=KOKURITSU HANAKO,OU=2024001,O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`;

  await chooseKind(page, 'クライアント証明書発行申請');
  await page.getByRole('button', { name: '行を追加' }).click();
  await cell(page, 0, 1).fill(dn);
  await cell(page, 0, 11).fill('国立　花子');
  await cell(page, 0, 14).fill('hanako@nii.ac.jp');
  let text = await exportAndCheck(page, 'client-issue');
  expect(text).toBe(`${dn}\t5\t1\t\t\t\t\t国立　太郎\t学術基盤推進部\tadmin@nii.ac.jp\t国立　花子\t\t\thanako@nii.ac.jp\t\r\n`);

  await chooseKind(page, 'クライアント証明書更新申請');
  await page.getByRole('button', { name: '行を追加' }).click();
  await cell(page, 0, 1).fill(dn);
  await cell(page, 0, 4).fill('0x1A2B');
  await cell(page, 0, 14).fill('hanako@nii.ac.jp');
  text = await exportAndCheck(page, 'client-renew');
  expect(text.split('\t')[3]).toBe('0x1A2B');

  await chooseKind(page, 'クライアント証明書失効申請');
  await page.getByRole('button', { name: '行を追加' }).click();
  await cell(page, 0, 1).fill(dn);
  await cell(page, 0, 4).fill('0x1A2B');
  await cell(page, 0, 5).fill('3');
  text = await exportAndCheck(page, 'client-revoke');
  expect(text.split('\t')).toHaveLength(15);
});

test('a roster of 300 users (Shift-JIS CSV) imported, mapped, exported as one valid client issue file', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await importProfile(page);
  await chooseKind(page, 'クライアント証明書発行申請');
  await page.getByLabel('ダウンロード方法').selectOption('2');
  const lines = ['氏名,ローマ字,学籍番号,メールアドレス'];
  for (let i = 0; i < 300; i += 1) lines.push(`"学生, ${i}号",GAKUSEI ${i},${String(2024000 + i)},s${i}@nii.ac.jp`);
  const path = join(tmp(), 'roster.csv');
  writeFileSync(path, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'SHIFT_JIS'], { input: lines.join('\r\n') + '\r\n' }));
  await page.getByText('名簿（CSV/TSV）から一括作成').click();
  await page.getByLabel('名簿ファイル（CSV・TSV、UTF-8またはShift-JIS）').setInputFiles(path);
  await expect(page.getByText('300行を読み込みました。')).toBeVisible();
  await expect(page.locator('#map-1')).toHaveValue('cn');
  await expect(page.locator('#map-2')).toHaveValue('ou');
  await expect(page.locator('#map-3')).toHaveValue('userMail');
  await page.locator('#map-0').selectOption('userName');
  await expect(page.getByTestId('roster-preview').locator('tbody tr').first()).toContainText(`CN=GAKUSEI 0,OU=2024000,O=${O}`);
  await page.getByRole('button', { name: '300行を追加' }).click();
  await expect(page.getByTestId('check-summary')).toContainText('300行');
  await expect(page.getByTestId('check-summary')).toContainText('エラー 0件');
  // The grid's check runs off the main thread.
  expect(workers.some((u) => /check\.worker/.test(u))).toBe(true);

  // Keyboard: Down from row 1 moves to row 2 in the same column.
  await cell(page, 0, 14).focus();
  await page.keyboard.press('ArrowDown');
  await expect(cell(page, 1, 14)).toBeFocused();

  const text = await exportAndCheck(page, 'client-issue');
  const rows = text.split('\r\n').filter(Boolean);
  expect(rows).toHaveLength(300);
  expect(rows[299].split('\t')).toEqual([
    `CN=GAKUSEI 299,OU=2024299,O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`, '5', '2', '', '', '', '', '国立　太郎', '学術基盤推進部', 'admin@nii.ac.jp', '学生, 299号', '', '', 's299@nii.ac.jp', '',
  ]);
});

test('150 server rows (openssl CSRs, opened as a TSV) split into 99 + 51 in one zip', async ({ page }) => {
  const dir = mkdtempSync(join(tmp(), 'bulk-'));
  const key = join(dir, 'k.pem');
  execFileSync('openssl', ['ecparam', '-name', 'secp384r1', '-genkey', '-noout', '-out', key]);
  const rows: string[] = [];
  for (let i = 0; i < 150; i += 1) {
    const cn = `h${i}.nii.ac.jp`;
    const csr = execFileSync('openssl', ['req', '-new', '-key', key, '-sha384', '-subj', `/C=JP/ST=Tokyo/L=Chiyoda-ku/O=${O}/CN=${cn}`], { encoding: 'utf8' })
      .split('\n').filter((l) => l && !l.startsWith('-----')).join('');
    rows.push([`CN=${cn},O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`, '11', '', '', '', '', csr, '', '', 'admin@nii.ac.jp', cn, 'nginx', ''].join('\t'));
  }
  const tsv = join(dir, 'bulk.tsv');
  writeFileSync(tsv, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'SHIFT_JIS'], { input: rows.join('\r\n') + '\r\n' }));
  await page.getByText('既存のTSVファイルを開いて編集').click();
  await page.getByLabel('申請TSVファイル（Shift-JISまたはUTF-8）').setInputFiles(tsv);
  await expect(page.getByLabel('申請の種類（推定）')).toHaveValue('server-issue');
  await page.getByRole('button', { name: 'この種類で開く（現在の行を置き換え）' }).click();
  await expect(page.getByTestId('check-summary')).toContainText('150行');
  await expect(page.getByTestId('check-summary')).toContainText('エラー 0件');
  await page.getByLabel('分割して書き出す').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-button').click()]);
  expect(download.suggestedFilename()).toMatch(/^upki-server-issue-\d{8}\.zip$/);
  const zip = await saveDownload(download);
  const out = join(dir, 'out');
  execFileSync('unzip', ['-q', zip, '-d', out]);
  const names = execFileSync('ls', [out], { encoding: 'utf8' }).trim().split('\n');
  expect(names).toHaveLength(2);
  expect(names[0]).toMatch(/-1of2\.tsv$/);
  expect(names[1]).toMatch(/-2of2\.tsv$/);
  const counts = names.map((n) => iconvSjis(join(out, n)).split('\r\n').filter(Boolean).length);
  expect(counts).toEqual([99, 51]);
  for (const n of names) expect(errorCount(cliValidate('server-issue', join(out, n)))).toBe(0);
});

test('S/MIME rows pasted from a spreadsheet get CN = mail and a P12 name; English labels on switch', async ({ page }) => {
  await importProfile(page);
  await chooseKind(page, 'クライアント証明書発行申請');
  await page.getByLabel('証明書プロファイル', { exact: true }).selectOption('15');
  await page.getByText('名簿（CSV/TSV）から一括作成').click();
  await page.getByLabel('または表計算ソフトから貼り付け').fill('YAMADA TARO\ttaro@nii.ac.jp\t山田　太郎\nSATO JIRO\tjiro@nii.ac.jp\t佐藤　次郎\n');
  await page.getByRole('button', { name: '貼り付けた内容を読む' }).click();
  await page.getByRole('button', { name: '2行を追加' }).click();
  await expect(cell(page, 0, 1)).toHaveValue(`CN=taro@nii.ac.jp,O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`);
  await expect(cell(page, 0, 12)).toHaveValue('taro-nii.ac.jp');
  // Editing the mail keeps the CN in step.
  await cell(page, 1, 14).fill('jiro.sato@nii.ac.jp');
  await expect(cell(page, 1, 1)).toHaveValue(`CN=jiro.sato@nii.ac.jp,O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`);
  // One choice for all rows is one undo step.
  await page.getByLabel('証明書プロファイル', { exact: true }).selectOption('16');
  await page.getByRole('button', { name: '全行に適用' }).click();
  await expect(cell(page, 1, 2)).toHaveValue('16');
  await page.getByRole('button', { name: '元に戻す' }).click();
  await expect(cell(page, 0, 2)).toHaveValue('15');
  await expect(cell(page, 1, 2)).toHaveValue('15');
  const text = await exportAndCheck(page, 'client-issue');
  expect(text.split('\r\n')[1].split('\t')[1]).toBe('15');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Build an application TSV');
  await expect(page.getByRole('columnheader', { name: /Subject DN/ })).toBeVisible();
  await expect(cell(page, 0, 1)).toHaveAttribute('aria-label', 'Subject DN row1');
});

test('client renew: an old client certificate made by OpenSSL fills DN (with OU) and serial, exported', async ({ page }) => {
  await importProfile(page);
  await chooseKind(page, 'クライアント証明書更新申請');
  await page.getByRole('button', { name: '行を追加' }).click();
  await page.getByRole('button', { name: '行1の補助機能' }).click();
  const cert = oldCertificate(`/C=JP/ST=Tokyo/L=Chiyoda-ku/O=${O}/OU=2024001/CN=KOKURITSU HANAKO`, '1A2B');
  await page.getByTestId('row-tools').getByLabel('旧証明書（PEM/DER）からDNとシリアル番号を入れる').setInputFiles(cert);
  await expect(cell(page, 0, 1)).toHaveValue(`CN=KOKURITSU HANAKO,OU=2024001,O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`);
  await expect(cell(page, 0, 4)).toHaveValue(String(0x1a2b));
  await cell(page, 0, 14).fill('hanako@nii.ac.jp');
  const text = await exportAndCheck(page, 'client-renew');
  expect(text.split('\t').slice(0, 4)).toEqual([`CN=KOKURITSU HANAKO,OU=2024001,O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`, '5', '1', '6699']);
});

test('client issue with download methods 1 and 2 mixed: one zip, one file per method, each valid for upki-tsv', async ({ page }) => {
  await importProfile(page);
  await chooseKind(page, 'クライアント証明書発行申請');
  const methods = ['1', '2', '1'];
  for (const [i, method] of methods.entries()) {
    await page.getByRole('button', { name: '行を追加' }).click();
    await cell(page, i, 1).fill(`CN=GAKUSEI ${i},OU=202400${i},O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`);
    await cell(page, i, 3).fill(method);
    await cell(page, i, 11).fill('学生　太郎');
    await cell(page, i, 14).fill(`s${i}@nii.ac.jp`);
  }
  await expect(page.getByTestId('check-pending')).toHaveCount(0);
  await expect(page.getByTestId('export-button')).toBeDisabled();
  await page.getByLabel('分割して書き出す').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-button').click()]);
  expect(download.suggestedFilename()).toMatch(/^upki-client-issue-\d{8}\.zip$/);
  const zip = await saveDownload(download);
  const out = join(mkdtempSync(join(tmp(), 'mixed-')), 'out');
  execFileSync('unzip', ['-q', zip, '-d', out]);
  const names = execFileSync('ls', [out], { encoding: 'utf8' }).trim().split('\n');
  expect(names.map((n) => n.replace(/\d{8}/, 'DATE'))).toEqual(['upki-client-issue-DATE-method1.tsv', 'upki-client-issue-DATE-method2.tsv']);
  const files = names.map((n) => iconvSjis(join(out, n)).split('\r\n').filter(Boolean).map((line) => line.split('\t')));
  expect(files.map((rows) => rows.map((r) => [r[2], r[0].split(',')[0]]))).toEqual([
    [['1', 'CN=GAKUSEI 0'], ['1', 'CN=GAKUSEI 2']],
    [['2', 'CN=GAKUSEI 1']],
  ]);
  for (const n of names) {
    const result = cliValidate('client-issue', join(out, n));
    expect(errorCount(result), JSON.stringify(result)).toBe(0);
    expect(result.ok).toBe(true);
  }
});
