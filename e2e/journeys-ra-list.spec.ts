// The RA's own client.txt as a renewal roster (issue 11): clients issued in the simulated RA, their client.txt
// read into the builder's client-renew sheet, exported, uploaded to the RA → renewed. OpenSSL reads the old and
// the new certificates from their P12 files (PINs from the RA's own PIN files) and compares the subjects; then the
// RA's clientCertificateList.txt makes the revocation file, and the RA's CRL (OpenSSL) lists the revoked serials.
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { cell, chooseKind, cliValidate, errorCount, iconvSjis, openBuilder, removeTmp, saveDownload } from './builder-kit';
import { clientRows, download, openMail, openRa, openssl, sjisRows, unzip, upload } from './ra-kit';
import { sjisFile } from './tsv-files';

test.afterAll(() => removeTmp());

/** Method 2: the PIN zip first, then clientAll.zip; returns the unzipped bundle and the PIN of each P12 name. */
async function fetchBundle(page: Page): Promise<{ bundle: string; pins: Map<string, string> }> {
  let reader = await openMail(page, 'アクセスPIN発行通知');
  const pinRows = sjisRows(join(unzip(await download(page, reader.getByTestId('ra-mail-link'))), 'clientAllPin.txt'));
  reader = await openMail(page, 'クライアント証明書発行受付通知');
  const bundle = unzip(await download(page, reader.getByTestId('ra-mail-link')));
  // clientAllPin.txt: name, mail, PIN, DN, serial, P12 file name (docs/ra-files.md).
  return { bundle, pins: new Map(pinRows.map((r) => [r[5], r[2]])) };
}

function p12Facts(path: string, pin: string): { subject: string; serial: string } {
  const pem = openssl(['pkcs12', '-in', path, '-nokeys', '-clcerts', '-passin', `pass:${pin}`]);
  expect(pem.status, pem.output).toBe(0);
  const cert = pem.output.slice(pem.output.indexOf('-----BEGIN CERTIFICATE-----'));
  const file = `${path}.crt`;
  writeFileSync(file, cert);
  return {
    subject: openssl(['x509', '-in', file, '-noout', '-subject', '-nameopt', 'RFC2253']).output.trim(),
    serial: openssl(['x509', '-in', file, '-noout', '-serial']).output.trim(),
  };
}

test('the RA’s client.txt → client renew rows (X.p12 → X, 申請ID and profile not an OU) → export → RA renews with the same subjects; its client list → revoke rows → RA revokes (CRL)', async ({ page }) => {
  test.setTimeout(180_000);
  await openRa(page);
  await upload(page, 'client-issue', sjisFile('clients.tsv', clientRows(2, '2')));
  await expect(page.getByTestId('ra-complete')).toBeVisible();
  const old = await fetchBundle(page);
  const clientTxt = join(old.bundle, 'client.txt');
  const listed = sjisRows(clientTxt);
  expect(listed).toHaveLength(2);
  const before = ['user1', 'user2'].map((n) => p12Facts(join(old.bundle, `${n}.p12`), old.pins.get(`${n}.p12`)!));

  await openBuilder(page);
  await chooseKind(page, 'クライアント証明書更新申請');
  await page.locator('#choice-method').selectOption('2');
  await page.getByTestId('roster-import').locator('summary').click();
  await page.getByTestId('roster-import').locator('input[type=file]').setInputFiles(clientTxt);
  await expect(page.getByTestId('ra-list-read')).toContainText('RAの証明書一覧（client.txt）として読みました');
  await page.getByRole('button', { name: '2行を追加' }).click();

  for (const [r, n] of [[0, 1], [1, 2]] as const) {
    const row = listed.find((l) => l[4] === `user${n}.p12`)!;
    await expect(cell(page, r, 1)).toHaveValue(row[3]); // DN as the RA has it: OU is the student number, not 申請ID or profile
    await expect(cell(page, r, 2)).toHaveValue('5');
    await expect(cell(page, r, 3)).toHaveValue('2');
    await expect(cell(page, r, 4)).toHaveValue(row[0]);
    await expect(cell(page, r, 11)).toHaveValue(`利用者　${n}`);
    await expect(cell(page, r, 12)).toHaveValue(`user${n}`);
    await expect(cell(page, r, 14)).toHaveValue(`user${n}@example.ac.jp`);
    // client.txt has no 利用管理者 columns: typed as a user would.
    await cell(page, r, 8).fill('利用　管理');
    await cell(page, r, 9).fill('情報基盤センター');
    await cell(page, r, 10).fill('admin@example.ac.jp');
  }

  const button = page.getByTestId('export-button');
  await expect(button).toBeEnabled();
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const tsv = await saveDownload(file);
  const result = cliValidate('client-renew', tsv);
  expect(errorCount(result), JSON.stringify(result)).toBe(0);
  const exported = iconvSjis(tsv).split('\r\n').filter(Boolean).map((l) => l.split('\t'));
  expect(exported.map((c) => c[11]).sort()).toEqual(['user1', 'user2']);

  await openRa(page);
  await upload(page, 'client-renew', { name: 'renew.tsv', mimeType: 'text/tab-separated-values', buffer: readFileSync(tsv) });
  await expect(page.getByTestId('ra-complete')).toBeVisible();
  const renewed = await fetchBundle(page);
  const after = ['user1', 'user2'].map((n) => p12Facts(join(renewed.bundle, `${n}.p12`), renewed.pins.get(`${n}.p12`)!));
  for (const i of [0, 1]) {
    expect(after[i].subject).toBe(before[i].subject);
    expect(after[i].serial).not.toBe(before[i].serial);
  }

  // Revocation from the RA's clientCertificateList.txt: the renewed (old) certificates are left out and named,
  // the two new ones become revoke rows; the RA revokes them and its CRL (read by OpenSSL) lists their serials.
  await page.getByTestId('ra-tab-certs').click();
  const list = await download(page, page.getByTestId('ra-dl-list-client'));
  expect(list.endsWith('clientCertificateList.txt')).toBe(true);
  await openBuilder(page);
  await chooseKind(page, 'クライアント証明書失効申請');
  await page.getByTestId('roster-import').locator('summary').click();
  await page.getByTestId('roster-import').locator('input[type=file]').setInputFiles(list);
  await expect(page.getByTestId('ra-list-read')).toContainText('失効できる証明書 2件');
  await expect(page.getByTestId('ra-list-skipped')).toContainText('対象外 2件');
  await expect(page.getByTestId('ra-list-skipped')).toContainText('更新済み');
  await page.getByRole('button', { name: '2行を追加' }).click();
  const newSerials = after.map((a) => BigInt(`0x${a.serial.replace('serial=', '')}`).toString());
  for (const r of [0, 1]) {
    expect(newSerials).toContain(await cell(page, r, 4).inputValue());
    await cell(page, r, 5).fill('1');
  }
  const revokeButton = page.getByTestId('export-button');
  await expect(revokeButton).toBeEnabled();
  const [revokeFile] = await Promise.all([page.waitForEvent('download'), revokeButton.click()]);
  const revokeTsv = await saveDownload(revokeFile);
  const revokeResult = cliValidate('client-revoke', revokeTsv);
  expect(errorCount(revokeResult), JSON.stringify(revokeResult)).toBe(0);
  await openRa(page);
  await upload(page, 'client-revoke', { name: 'revoke.tsv', mimeType: 'text/tab-separated-values', buffer: readFileSync(revokeTsv) });
  await expect(page.getByTestId('ra-complete')).toBeVisible();
  await page.getByTestId('ra-tab-certs').click();
  const crl = await download(page, page.getByTestId('ra-dl-crl-client-auth-pem'));
  const crlText = openssl(['crl', '-in', crl, '-noout', '-text']).output;
  for (const a of after) expect(crlText).toContain(`Serial Number: ${a.serial.replace('serial=', '')}`);
});
