// The builder across keystrokes, reloads and start-up: the S/MIME P12 name typed key by key, a profile
// saved with stray spaces or refused for a name every row would reject, the profile kept when a kind was opened without an edit, and an edit tried
// while the stored draft is still being read.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { O, cell, chooseKind, importProfile, openBuilder, removeTmp } from './builder-kit';

test.afterAll(() => removeTmp());

test.beforeEach(async ({ page }) => {
  await openBuilder(page);
});

/** The builder's "active" record (open kind, profile in use) as IndexedDB holds it. */
async function activeRecord(page: Page): Promise<{ kind?: string; profileId?: string } | undefined> {
  return page.evaluate(
    () =>
      new Promise<{ kind?: string; profileId?: string } | undefined>((resolve, reject) => {
        const open = indexedDB.open('upki-workbench-builder');
        open.onerror = () => reject(open.error ?? new Error('IndexedDB open failed'));
        open.onsuccess = () => {
          const req = open.result.transaction('drafts').objectStore('drafts').get('active');
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as { kind?: string; profileId?: string } | undefined);
          };
          req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
        };
      }),
  );
}

test('S/MIME: the P12 name follows the mail typed key by key; a typed name is kept; a cleared one stays cleared', async ({ page }) => {
  await importProfile(page);
  await chooseKind(page, 'クライアント証明書発行申請');
  await page.getByLabel('証明書プロファイル', { exact: true }).selectOption('15');
  await page.getByRole('button', { name: '行を追加' }).click();
  await cell(page, 0, 14).pressSequentially('taro@nii.ac.jp');
  await expect(cell(page, 0, 12)).toHaveValue('taro-nii.ac.jp');
  await expect(cell(page, 0, 1)).toHaveValue(`CN=taro@nii.ac.jp,O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`);
  await cell(page, 0, 14).fill('hanako@nii.ac.jp');
  await expect(cell(page, 0, 12)).toHaveValue('hanako-nii.ac.jp');

  await cell(page, 0, 12).fill('');
  await cell(page, 0, 11).fill('国立　花子');
  await expect(cell(page, 0, 12)).toHaveValue('');
  await cell(page, 0, 12).pressSequentially('hanako-smime');
  await cell(page, 0, 14).pressSequentially('x');
  await expect(cell(page, 0, 12)).toHaveValue('hanako-smime');
});

test('a profile saved with spaces around O, ST and L is stored trimmed, so new rows carry a clean DN', async ({ page }) => {
  await page.getByRole('button', { name: '新規作成' }).click();
  await page.getByLabel('機関名英語表記 (O)').fill(` ${O} `);
  await page.getByLabel('都道府県 (ST)').fill('Tokyo ');
  await page.getByLabel('市区町村 (L)').fill(' Chiyoda-ku');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByLabel('使用するプロファイル')).not.toHaveValue('');
  await page.getByRole('button', { name: '行を追加' }).click();
  await expect(cell(page, 0, 1)).toHaveValue(`CN=,O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`);
  await page.getByRole('button', { name: '編集' }).click();
  await expect(page.getByLabel('市区町村 (L)')).toHaveValue('Chiyoda-ku');
});

test('a profile whose 利用管理者氏名 every row would reject (髙, outside JIS X 0208) is not saved; the error is beside the field', async ({ page }) => {
  await page.getByRole('button', { name: '新規作成' }).click();
  await page.getByLabel('機関名英語表記 (O)').fill(O);
  await page.getByLabel('都道府県 (ST)').fill('Tokyo');
  await page.getByLabel('市区町村 (L)').fill('Chiyoda-ku');
  await page.getByLabel('利用管理者氏名').fill('髙橋 太郎');
  await expect(page.getByLabel('利用管理者氏名')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('pf-adminName-issues')).toContainText('1文字目「髙」');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('機関プロファイルに誤りがあるため保存できません。');
  await expect(page.getByLabel('使用するプロファイル')).toHaveValue('');
  await page.getByLabel('利用管理者氏名').fill('高橋 太郎');
  await expect(page.getByLabel('利用管理者氏名')).toHaveAttribute('aria-invalid', 'false');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByLabel('使用するプロファイル')).not.toHaveValue('');
});

test('the chosen profile survives a reload after switching to a kind that was never edited', async ({ page }) => {
  await importProfile(page);
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');
  await chooseKind(page, 'クライアント証明書発行申請');
  await expect.poll(async () => (await activeRecord(page))?.kind).toBe('client-issue');
  await page.reload();
  await expect(page.locator('section.builder[data-ready=true]')).toBeVisible();
  await expect(page.getByLabel('クライアント証明書発行申請', { exact: true })).toBeChecked();
  await expect(page.getByLabel('使用するプロファイル')).toHaveValue('nii');
});

test('an edit tried while the stored draft is still being read changes nothing and does not overwrite the draft', async ({ page }) => {
  await importProfile(page);
  for (let i = 0; i < 2; i += 1) await page.getByRole('button', { name: '行を追加' }).click();
  await cell(page, 0, 11).fill('www.nii.ac.jp');
  await cell(page, 1, 11).fill('mail.nii.ac.jp');
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');

  // Hold every IndexedDB get() answer (start-up reads the draft with get) until the test releases it.
  await page.addInitScript(() => {
    if (sessionStorage.getItem('hold-idb') !== '1') return;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    (window as unknown as { releaseIdb: () => void }).releaseIdb = release;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .call(this)
    const get = IDBObjectStore.prototype.get;
    const onsuccess = Object.getOwnPropertyDescriptor(IDBRequest.prototype, 'onsuccess')!;
    IDBObjectStore.prototype.get = function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
      const request = get.call(this, key);
      Object.defineProperty(request, 'onsuccess', {
        configurable: true,
        get: () => onsuccess.get!.call(request),
        set: (handler: (this: IDBRequest, ev: Event) => void) => onsuccess.set!.call(request, (ev: Event) => void held.then(() => handler.call(request, ev))),
      });
      return request;
    };
  });
  await page.evaluate(() => sessionStorage.setItem('hold-idb', '1'));
  await page.reload();
  await expect(page.locator('section.builder[data-ready=false]')).toBeVisible();
  const addRow = page.getByRole('button', { name: '行を追加' });
  await addRow.click({ force: true });
  await addRow.dispatchEvent('click');
  await expect(page.getByTestId('grid-row')).toHaveCount(0);
  await page.evaluate(() => {
    sessionStorage.removeItem('hold-idb');
    (window as unknown as { releaseIdb: () => void }).releaseIdb();
  });
  await expect(page.locator('section.builder[data-ready=true]')).toBeVisible();
  await expect(page.getByTestId('grid-row')).toHaveCount(2);

  await page.reload();
  await expect(page.locator('section.builder[data-ready=true]')).toBeVisible();
  await expect(page.getByTestId('grid-row')).toHaveCount(2);
  await expect(cell(page, 1, 11)).toHaveValue('mail.nii.ac.jp');
});
