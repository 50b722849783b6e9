// The RA upload result screen in English, and its hint at the simulated institution (UploadResultView).
// Files come from e2e/ra-kit.ts and tsv-files.ts (openssl CSRs, iconv Shift-JIS); the UTF-8 file is Node's own encoding.
import { test, expect } from './fixtures';
import { serverCsrBase64, serverIssueRow, sjisFile, utf8File } from './tsv-files';
import { openRa, removeDir, serverRow } from './ra-kit';

test.afterAll(removeDir);

async function uploadInEnglish(page: Parameters<typeof openRa>[0], file: ReturnType<typeof sjisFile>): Promise<void> {
  await page.getByLabel('Processing').selectOption('server-issue');
  await page.getByLabel('Application file', { exact: true }).setInputFiles(file);
  await page.getByTestId('ra-upload').click();
}

test('English mode: file-level and institution errors show the English message under the RA line', async ({ page }) => {
  await openRa(page);
  await page.getByRole('button', { name: 'English' }).click();

  await uploadInEnglish(page, utf8File('utf8.tsv', [serverRow('www.example.ac.jp')]));
  const fileErrors = page.getByTestId('ra-error').getByTestId('ra-file-errors');
  await expect(fileErrors).toContainText('U103:');
  await expect(fileErrors).toContainText('The file is encoded as UTF-8; application files must be Shift-JIS.');

  // Another institution's file (tsv-files.ts writes NII's O and domain).
  await uploadInEnglish(page, sjisFile('nii.tsv', [serverIssueRow('www.nii.ac.jp', serverCsrBase64('www.nii.ac.jp'))]));
  const errors = page.getByTestId('ra-error').locator('tr.row-ng td').nth(2);
  await expect(errors).toContainText('241:1,');
  await expect(errors).toContainText("The O of the subject DN is not the applicant's institution.");
  await expect(errors).toContainText('R101:1,');
  await expect(errors).toContainText('The domain is not registered for this institution. Contact the service desk.');
});

test('institution-dependent errors point at the simulated institution in the Trainer tab; other errors do not', async ({ page }) => {
  await openRa(page);
  // Only the domain is foreign (R101).
  await page.getByLabel('処理内容').selectOption('server-issue');
  await page.getByLabel('申請ファイル', { exact: true }).setInputFiles(sjisFile('com.tsv', [serverRow('www.example.com')]));
  await page.getByTestId('ra-upload').click();
  const note = page.getByTestId('ra-error').getByTestId('ra-institution-note');
  await expect(note).toHaveText(
    '模擬RAの機関情報（トレーナー タブの「機関情報」）: O=Example University, ST=Tokyo, L=Chiyoda-ku, ドメイン=example.ac.jp。申請ファイルと合わせるか、機関情報を変更してください。',
  );
  await page.getByRole('button', { name: 'English' }).click();
  await expect(note).toHaveText(
    "The simulated RA's institution (Trainer tab, “Institution”): O=Example University, ST=Tokyo, L=Chiyoda-ku, domains=example.ac.jp. Make the application file match it, or change the institution.",
  );

  // A file error alone (UTF-8) says nothing about the institution.
  await page.getByRole('button', { name: '日本語' }).click();
  await page.getByLabel('申請ファイル', { exact: true }).setInputFiles(utf8File('utf8.tsv', [serverRow('www.example.ac.jp')]));
  await page.getByTestId('ra-upload').click();
  await expect(page.getByTestId('ra-error').getByTestId('ra-file-errors')).toContainText('U103:');
  await expect(page.getByTestId('ra-institution-note')).toHaveCount(0);
});
