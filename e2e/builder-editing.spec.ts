// The builder as an editor: reload and closed-tab safety, undo, reorder, errors and warnings beside cells and
// in the summary, labels and focus. Exports are still checked with `upki-tsv` and iconv (builder-kit.ts).
import { test, expect } from './fixtures';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { O, cell, chooseKind, exportAndCheck, importProfile, openBuilder, removeTmp, tmp } from './builder-kit';

test.afterAll(() => removeTmp());

test.beforeEach(async ({ page }) => {
  await openBuilder(page);
});

test('a reload in the middle of editing keeps every row; undo reverts the last edit', async ({ page }) => {
  await importProfile(page);
  await chooseKind(page, 'クライアント証明書失効申請');
  for (let i = 0; i < 3; i += 1) await page.getByRole('button', { name: '行を追加' }).click();
  await cell(page, 0, 4).fill('111');
  await cell(page, 1, 4).fill('222');
  await cell(page, 2, 4).fill('333');
  // Reorder: row 3 up, then back down.
  await page.getByRole('button', { name: '行3を上へ' }).click();
  await expect(cell(page, 1, 4)).toHaveValue('333');
  await page.getByRole('button', { name: '行2を下へ' }).click();
  await expect(cell(page, 2, 4)).toHaveValue('333');
  await page.getByRole('button', { name: '行2を複製' }).click();
  await page.getByRole('button', { name: '行1を削除' }).click();
  await expect(cell(page, 0, 4)).toHaveValue('222');
  await page.getByRole('button', { name: '元に戻す' }).click();
  await expect(cell(page, 0, 4)).toHaveValue('111');
  await cell(page, 2, 6).fill('途中');
  // Ctrl+Z / Ctrl+Y inside a cell undo and redo the grid edit.
  await cell(page, 2, 6).press('Control+z');
  await expect(cell(page, 2, 6)).toHaveValue('');
  await cell(page, 2, 6).press('Control+y');
  await expect(cell(page, 2, 6)).toHaveValue('途中');
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');

  await page.reload();
  await expect(page.locator('section.builder[data-ready=true]')).toBeVisible();
  await expect(page.getByLabel('クライアント証明書失効申請', { exact: true })).toBeChecked();
  await expect(page.getByTestId('grid-row')).toHaveCount(4);
  await expect(cell(page, 0, 4)).toHaveValue('111');
  await expect(cell(page, 1, 4)).toHaveValue('222');
  await expect(cell(page, 2, 4)).toHaveValue('222');
  await expect(cell(page, 2, 6)).toHaveValue('途中');
  await expect(cell(page, 3, 4)).toHaveValue('333');
  await expect(page.getByLabel('使用するプロファイル')).toHaveValue('nii');
});

test('a reload keeps the drafts of every kind and reopens the kind that was open', async ({ page }) => {
  await importProfile(page);
  await chooseKind(page, 'サーバ証明書発行申請');
  await page.getByRole('button', { name: '行を追加' }).click();
  await cell(page, 0, 11).fill('www.nii.ac.jp');
  await chooseKind(page, 'クライアント証明書失効申請');
  for (let i = 0; i < 2; i += 1) await page.getByRole('button', { name: '行を追加' }).click();
  await cell(page, 0, 4).fill('111');
  await cell(page, 1, 4).fill('222');
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');

  // Twice: the first start-up must not have written anything the second one would then read.
  for (let i = 0; i < 2; i += 1) {
    await page.reload();
    await expect(page.locator('section.builder[data-ready=true]')).toBeVisible();
    await expect(page.getByLabel('クライアント証明書失効申請', { exact: true })).toBeChecked();
    await expect(page.getByTestId('grid-row')).toHaveCount(2);
    await expect(cell(page, 1, 4)).toHaveValue('222');
  }
  await chooseKind(page, 'サーバ証明書発行申請');
  await expect(page.getByTestId('grid-row')).toHaveCount(1);
  await expect(cell(page, 0, 11)).toHaveValue('www.nii.ac.jp');
  // Switching is remembered too, without an edit.
  await page.reload();
  await expect(page.locator('section.builder[data-ready=true]')).toBeVisible();
  await expect(page.getByLabel('サーバ証明書発行申請', { exact: true })).toBeChecked();
  await expect(cell(page, 0, 11)).toHaveValue('www.nii.ac.jp');
  await chooseKind(page, 'クライアント証明書失効申請');
  await expect(page.getByTestId('grid-row')).toHaveCount(2);
});

test('errors are shown beside the cell, counted per file, and block the export until fixed', async ({ page }) => {
  await importProfile(page);
  await chooseKind(page, 'サーバ証明書失効申請');
  await page.getByRole('button', { name: '行を追加' }).click();
  await cell(page, 0, 4).fill('12x');
  const serialCell = cell(page, 0, 4);
  await expect(serialCell).toHaveAttribute('aria-invalid', 'true');
  const describedBy = await serialCell.getAttribute('aria-describedby');
  await expect(page.locator(`[id="${describedBy}"]`)).toContainText('エラー');
  await expect(page.getByTestId('check-summary')).not.toContainText('エラー 0件');
  await expect(page.getByTestId('export-button')).toBeDisabled();
  await serialCell.fill('0x12AB');
  await page.getByRole('button', { name: '行1の補助機能' }).click();
  await page.getByTestId('row-tools').getByRole('button', { name: '閉じる' }).click();
  await cell(page, 0, 1).fill(`CN=old.nii.ac.jp,O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`);
  await cell(page, 0, 5).fill('0');
  await expect(serialCell).toHaveAttribute('aria-invalid', 'false');
  await exportAndCheck(page, 'server-revoke');
});

test('a repeated CN is flagged on the later row, naming the earlier one by its grid row number', async ({ page }) => {
  await importProfile(page);
  await chooseKind(page, 'サーバ証明書発行申請');
  for (let i = 0; i < 3; i += 1) await page.getByRole('button', { name: '行を追加' }).click();
  await cell(page, 0, 1).fill(`CN=www.nii.ac.jp,O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`);
  await cell(page, 1, 1).fill(`CN=mail.nii.ac.jp,O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`);
  await cell(page, 2, 1).fill(`CN=WWW.nii.ac.jp,O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`);
  const dn3 = cell(page, 2, 1);
  await expect(dn3).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`[id="${await dn3.getAttribute('aria-describedby')}"]`)).toContainText('212 指定したDNはすでに存在しています。 1行目と同じCNです。');
  await expect(page.locator('.issue-summary')).toContainText('行3 No1: [212]');
  await expect(cell(page, 0, 1)).toHaveAttribute('aria-invalid', 'false');
});

test('warnings are listed and do not block the export', async ({ page }) => {
  await importProfile(page);
  await chooseKind(page, 'クライアント証明書失効申請');
  await page.getByRole('button', { name: '行を追加' }).click();
  await cell(page, 0, 1).fill(`CN=KOKURITSU HANAKO,OU=2024001,O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`);
  // "0X" is accepted with a warning (ADDENDUM B.3).
  await cell(page, 0, 4).fill('0X1F');
  await cell(page, 0, 5).fill('0');
  await expect(page.getByTestId('check-pending')).toHaveCount(0);
  await expect(page.getByTestId('check-summary')).toContainText('エラー 0件');
  await expect(page.getByTestId('check-summary')).not.toContainText('警告 0件');
  await expect(page.getByText('警告（書き出しは可能）')).toBeVisible();
  const text = await exportAndCheck(page, 'client-revoke');
  expect(text.split('\t')[3]).toBe('0X1F');
});

test('every control is labelled and the focused cell shows a visible outline', async ({ page }) => {
  await importProfile(page);
  await chooseKind(page, 'サーバ証明書更新申請');
  await page.getByRole('button', { name: '行を追加' }).click();
  await page.getByRole('button', { name: '行1の補助機能' }).click();
  await page.getByText('既存のTSVファイルを開いて編集').click();
  const { shown, unlabelled } = await page.locator('section.builder').evaluate((root) => {
    const controls = [...root.querySelectorAll<HTMLElement>('input, select, textarea, button')].filter(
      (el) => (el as HTMLInputElement).type !== 'hidden' && el.getClientRects().length > 0,
    );
    const named = (el: HTMLElement) => {
      const labels = (el as HTMLInputElement).labels;
      const text = el.tagName === 'BUTTON' ? (el.textContent ?? '').trim() : '';
      return !!(el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (labels && labels.length > 0) || text);
    };
    return { shown: controls.length, unlabelled: controls.filter((el) => !named(el)).map((el) => el.outerHTML.slice(0, 120)) };
  });
  expect(shown).toBeGreaterThan(30);
  expect(unlabelled).toEqual([]);
  await cell(page, 0, 1).click();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowRight');
  await expect(cell(page, 0, 2)).toBeFocused();
  const outline = await cell(page, 0, 2).evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
  expect(outline).toBe('solid 3px');
});

test('a tab closed right after an edit loses nothing (saved on pagehide)', async ({ page, context }) => {
  await importProfile(page);
  await chooseKind(page, 'クライアント証明書失効申請');
  await page.getByRole('button', { name: '行を追加' }).click();
  await cell(page, 0, 4).fill('4242');
  // No wait for the debounced save: the tab goes away at once.
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await openBuilder(again);
  await expect(again.getByLabel('クライアント証明書失効申請', { exact: true })).toBeChecked();
  await expect(cell(again, 0, 4)).toHaveValue('4242');
  await again.close();
});

test('a TSV opened as a kind with another column count is flagged row by row; an unreadable file cannot be opened', async ({ page }) => {
  const row = [`CN=KOKURITSU HANAKO,OU=2024001,O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`, '5', '1', '', '', '', '', '国立　太郎', '', 'admin@nii.ac.jp', '国立　花子', '', '', 'hanako@nii.ac.jp', ''];
  const path = join(tmp(), 'client.tsv');
  writeFileSync(path, `${row.join('\t')}\r\n`);
  await page.getByText('既存のTSVファイルを開いて編集').click();
  await page.getByLabel('申請TSVファイル（Shift-JISまたはUTF-8）').setInputFiles(path);
  await expect(page.getByLabel('申請の種類（推定）')).toHaveValue('client-issue');
  await expect(page.getByTestId('tsv-width-warning')).toHaveCount(0);
  await page.getByLabel('申請の種類（推定）').selectOption('server-issue');
  const warning = page.getByTestId('tsv-width-warning');
  await expect(warning).toContainText('1行は項目数が「サーバ証明書発行申請」（13項目）と合いません');
  await expect(warning).toContainText('行1: [U105]');
  await expect(warning).toContainText('末尾の2項目を捨てます');
  // The user may still open it, knowing what is lost.
  await page.getByRole('button', { name: 'この種類で開く（現在の行を置き換え）' }).click();
  await expect(page.getByTestId('grid-row')).toHaveCount(1);
  await expect(page.getByLabel('サーバ証明書発行申請', { exact: true })).toBeChecked();

  const binary = join(tmp(), 'binary.tsv');
  writeFileSync(binary, Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00]));
  // The panel is still open after the first file.
  await page.getByLabel('申請TSVファイル（Shift-JISまたはUTF-8）').setInputFiles(binary);
  await expect(page.getByText('読み取れた行がないため開けません。')).toBeVisible();
  await expect(page.getByRole('button', { name: 'この種類で開く（現在の行を置き換え）' })).toBeDisabled();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Application TSV file (Shift-JIS or UTF-8)').setInputFiles(path);
  await expect(page.getByTestId('tsv-import')).toContainText('Read 1 row (UTF-8).');
});

test('row tools follow grid edits of FQDN and dNSName; a WebCrypto failure is reported in the panel', async ({ page }) => {
  await importProfile(page);
  await chooseKind(page, 'サーバ証明書発行申請');
  await page.getByRole('button', { name: '行を追加' }).click();
  await page.getByRole('button', { name: '行1の補助機能' }).click();
  const tools = page.getByTestId('row-tools');
  // Edited in the grid while the panel is open.
  await cell(page, 0, 13).fill('dNSName=alt.nii.ac.jp');
  await cell(page, 0, 11).fill('www.nii.ac.jp');
  await expect(tools.getByLabel('ホスト名1')).toHaveValue('alt.nii.ac.jp');
  await expect(tools.getByLabel('FQDN（CN）')).toHaveValue('www.nii.ac.jp');
  await tools.getByRole('button', { name: 'dNSName列に反映' }).click();
  await expect(cell(page, 0, 13)).toHaveValue('dNSName=alt.nii.ac.jp');

  await page.evaluate(() => {
    const refuse = () => Promise.reject(new DOMException('refused for the test', 'NotSupportedError'));
    SubtleCrypto.prototype.generateKey = refuse as typeof SubtleCrypto.prototype.generateKey;
  });
  await tools.getByLabel('パスフレーズ').fill('correct horse battery');
  await tools.getByLabel('確認').fill('correct horse battery');
  await tools.getByRole('button', { name: '鍵とCSRを作成' }).click();
  await expect(tools.getByRole('alert')).toContainText('鍵とCSRを作成できませんでした（ブラウザの暗号機能のエラー）: refused for the test');
  await expect(tools.getByRole('button', { name: '鍵とCSRを作成' })).toBeEnabled();
  await expect(cell(page, 0, 7)).toHaveValue('');
});

test('an institution profile that breaks the DN rules is neither saved nor imported', async ({ page }) => {
  await page.getByRole('button', { name: '新規作成' }).click();
  await page.getByLabel('機関名英語表記 (O)').fill('Univ. & Co');
  await page.getByLabel('都道府県 (ST)').fill('Tokyo');
  await expect(page.getByLabel('機関名英語表記 (O)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('pf-o-issues')).toContainText('「&」');
  await expect(page.getByTestId('pf-l-issues')).toContainText('エラー');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('機関プロファイルに誤りがあるため保存できません。');
  await expect(page.getByLabel('使用するプロファイル')).toHaveValue('');
  await page.getByLabel('機関名英語表記 (O)').fill(O);
  await page.getByLabel('市区町村 (L)').fill('Chiyoda-ku');
  await expect(page.getByLabel('機関名英語表記 (O)')).toHaveAttribute('aria-invalid', 'false');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByLabel('使用するプロファイル')).not.toHaveValue('');

  const path = join(tmp(), 'bad-profiles.json');
  const bad = { id: 'bad', label: '支所', o: 'Univ. & Co', st: 'Tokyo', l: 'Chiyoda-ku', domains: [], adminName: '', adminDept: '', adminMail: '', software: '', updatedAt: '2026-11-23T00:00:00.000Z' };
  writeFileSync(path, JSON.stringify({ format: 'upki-workbench/institution-profiles', version: 1, profiles: [bad] }));
  await page.getByText('プロファイルをファイルから読み込む').click();
  await page.getByLabel('プロファイルJSONファイル').setInputFiles(path);
  await expect(page.getByRole('alert')).toContainText('1件目のプロファイル「支所」を読み込めません');
  await expect(page.getByLabel('使用するプロファイル').locator('option')).toHaveCount(2);
});

test('roster: a header-only paste says there are no data rows and offers no 「0行を追加」; one row reads as "1 row" in English', async ({ page }) => {
  await importProfile(page);
  await chooseKind(page, 'クライアント証明書発行申請');
  await page.getByText('名簿（CSV/TSV）から一括作成').click();
  await page.getByLabel('または表計算ソフトから貼り付け').fill('氏名\tメール\n');
  await page.getByRole('button', { name: '貼り付けた内容を読む' }).click();
  await expect(page.getByTestId('roster-import').getByRole('alert')).toContainText('名簿にデータ行がありません');
  await expect(page.getByRole('button', { name: '0行を追加' })).toBeDisabled();
  await page.getByLabel('または表計算ソフトから貼り付け').fill('氏名\tメール\nYAMADA TARO\ttaro@nii.ac.jp\n');
  await page.getByRole('button', { name: '貼り付けた内容を読む' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('roster-import')).toContainText('Read 1 row. Choose what each column holds.');
  await expect(page.getByRole('button', { name: 'Add 1 row', exact: true })).toBeEnabled();
});

test('client issue rows have no 補助 button (its panel has nothing for them); a client revoke row has one', async ({ page }) => {
  await importProfile(page);
  await chooseKind(page, 'クライアント証明書発行申請');
  await page.getByRole('button', { name: '行を追加' }).click();
  await expect(page.getByRole('button', { name: '行1を複製' })).toBeVisible();
  await expect(page.getByRole('button', { name: '行1の補助機能' })).toHaveCount(0);
  await chooseKind(page, 'クライアント証明書失効申請');
  await page.getByRole('button', { name: '行を追加' }).click();
  await expect(page.getByRole('button', { name: '行1の補助機能' })).toBeVisible();
});

test('roster: ticking 「1行目は見出し」 guesses the mapping again from the header', async ({ page }) => {
  await importProfile(page);
  await chooseKind(page, 'クライアント証明書発行申請');
  await page.getByText('名簿（CSV/TSV）から一括作成').click();
  await page.getByLabel('または表計算ソフトから貼り付け').fill('Given\tAddress\t漢字\nYAMADA TARO\ttaro@nii.ac.jp\t山田　太郎\n');
  await page.getByRole('button', { name: '貼り付けた内容を読む' }).click();
  await expect(page.getByLabel('1行目は見出し')).not.toBeChecked();
  await expect(page.locator('#roster-header-hint')).toContainText('手で選んだ対応は消えます');
  await expect(page.locator('#roster-header-hint')).toContainText('手で選んだ対応は消えます');
  // Read as data, "Address" spoils the mail column's guess.
  await expect(page.locator('#map-1')).toHaveValue('ignore');
  await page.getByLabel('1行目は見出し').check();
  await expect(page.locator('#map-1')).toHaveValue('userMail');
  await expect(page.locator('#map-0')).toHaveValue('cn');
  await expect(page.getByRole('button', { name: '1行を追加' })).toBeVisible();
  await page.getByLabel('1行目は見出し').uncheck();
  await expect(page.locator('#map-1')).toHaveValue('ignore');
});
