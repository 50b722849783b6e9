// The trainer's screens as a trainer uses them: a pack saved, the state reset, the pack reopened (same certificates,
// clock and mails; the scenario at step 1), damaged packs refused with nothing changed, a scenario written in the
// editor and played for its first step, and completion records read into the class summary.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { clientRows, dir, download, openMail, openRa, openssl, removeDir, upload } from './ra-kit';
import { sjisFile } from './tsv-files';

test.afterAll(() => removeDir());

const PASS = 'kenshu-2026-spring';

async function openTrainer(page: Page): Promise<void> {
  await page.goto('/#/service/trainer');
  await expect(page.getByTestId('training-trainer')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('training-state-clock')).not.toHaveText('');
}

async function clientCertificates(page: Page): Promise<void> {
  await page.getByTestId('ra-tab-certs').click();
  await page.getByRole('button', { name: 'クライアント証明書', exact: true }).click();
}

/** What the pack must carry: the clock, the certificates and the mails, as the trainer's screen shows them. */
async function state(page: Page) {
  await openRa(page);
  await page.getByTestId('ra-tab-mail').click();
  const subjects = await page.getByTestId('ra-mail-subject').allTextContents();
  await clientCertificates(page);
  // The list's page comes from the worker after the tab opens: wait for it, not just for the table.
  await expect(page.locator('[data-testid=ra-cert-table][data-loaded=true]').or(page.getByTestId('ra-certs-empty'))).toBeVisible();
  const certificates = await page.getByTestId('ra-cert-row').allTextContents();
  await openTrainer(page);
  return {
    // The simulated now is real time + the offset: the offset is what a pack carries.
    clockOffset: await page.getByTestId('training-state-offset').textContent(),
    certs: await page.getByTestId('training-state-certs').textContent(),
    mails: await page.getByTestId('training-state-mails').textContent(),
    subjects,
    certificates,
  };
}

async function openPack(page: Page, file: string, passphrase: string) {
  await page.getByTestId('training-pack-drop').locator('input[type=file]').setInputFiles(file);
  await page.getByLabel('パックのパスフレーズ').fill(passphrase);
  await page.getByTestId('training-pack-open').click();
  return page.getByTestId('training-pack-open-result');
}

test('a pack saved, the state reset, the pack reopened: same state, the scenario at step 1; damaged packs change nothing', async ({ page }) => {
  test.setTimeout(240_000);
  // Some state worth handing out: 3 certificates (method 2) and the clock 14 days on.
  await openRa(page);
  await upload(page, 'client-issue', sjisFile('class.tsv', clientRows(3, '2')));
  await expect(page.getByTestId('ra-complete')).toBeVisible({ timeout: 60_000 });
  await openTrainer(page);
  await page.getByTestId('svc-clock-14').click();
  await expect(page.getByTestId('training-state-offset')).toHaveText('14');
  const before = await state(page);
  expect(Number(before.certs)).toBeGreaterThanOrEqual(3);
  expect(before.certificates).toHaveLength(Number(before.certs));
  // One certificate as a file, to compare byte for byte after the pack is reopened.
  await openRa(page);
  await clientCertificates(page);
  const certBefore = readFileSync(await download(page, page.getByTestId('ra-dl-cert').first()));
  await openTrainer(page);

  await page.getByTestId('training-prepare-server-lifecycle').click();
  await expect(page.getByTestId('training-pack-scenario')).toContainText('サーバ証明書');
  await page.getByLabel('パックの題名').fill('4月 研修 A');
  await page.getByLabel('パスフレーズ（8文字以上）').fill(PASS);
  await page.getByLabel('パスフレーズ（確認）').fill(`${PASS}x`);
  await expect(page.getByTestId('training-pack-save')).toBeDisabled();
  await page.getByLabel('パスフレーズ（確認）').fill(PASS);
  const pack = await download(page, page.getByTestId('training-pack-save'));
  await expect(page.getByTestId('training-pack-save-result')).toContainText('保存しました');
  const json = JSON.parse(readFileSync(pack, 'utf8'));
  expect(json).toMatchObject({ format: 'upki-workbench-training-pack', version: 2, title: '4月 研修 A', scenario: { id: 'server-lifecycle' } });
  expect(readFileSync(pack, 'utf8')).not.toContain('PRIVATE KEY');

  // Reset the simulated RA: the state is gone.
  await openRa(page);
  await page.getByTestId('ra-tab-trainer').click();
  await page.getByTestId('ra-reset').click();
  await page.getByTestId('ra-reset-confirm').click();
  await openTrainer(page);
  await expect(page.getByTestId('training-state-certs')).toHaveText('0');
  const empty = await state(page);

  // Damaged packs: a flipped byte in the encrypted backup, a wrong passphrase, a cut file, a crafted key.
  const raw = readFileSync(pack, 'utf8');
  const at = raw.indexOf('"raBackup":"') + 500;
  const flipped = join(dir, 'flipped.json');
  writeFileSync(flipped, raw.slice(0, at) + (raw[at] === 'A' ? 'B' : 'A') + raw.slice(at + 1));
  const cut = join(dir, 'cut.json');
  writeFileSync(cut, raw.slice(0, raw.length / 2));
  const crafted = join(dir, 'crafted.json');
  writeFileSync(crafted, `{"__proto__":{"isAdmin":true},${raw.slice(1)}`);
  const future = join(dir, 'future.json');
  writeFileSync(future, JSON.stringify({ ...JSON.parse(raw), version: 9 }));
  const badScenario = join(dir, 'bad-scenario.json');
  writeFileSync(badScenario, raw.replace('"id":"upload-registered"', '"id":"no-such-check"'));
  for (const [file, pass, says] of [
    [flipped, PASS, '研修パックを開けません'],
    [pack, 'wrong-passphrase', '研修パックを開けません'],
    [cut, PASS, 'JSONではありません'],
    [crafted, PASS, '知らない項目'],
    [future, PASS, 'このバージョン（9）には対応していません'],
    [badScenario, PASS, 'シナリオに誤りがあります'],
  ] as const) {
    await openTrainer(page);
    const result = await openPack(page, file, pass);
    await expect(result).toContainText(says);
    await expect(result).toHaveAttribute('role', 'alert');
    await expect(page.getByTestId('training-active')).toHaveCount(0);
    expect(await state(page)).toEqual(empty);
  }

  // The real pack: the same state as when it was saved, and the scenario waiting at step 1.
  await openTrainer(page);
  const result = await openPack(page, pack, PASS);
  await expect(result).toContainText('ステップ1から始めます', { timeout: 60_000 });
  await expect(page.getByTestId('training-active-step')).toHaveText('ステップ 1 / 6');
  expect(await state(page)).toEqual(before);
  await openRa(page);
  await clientCertificates(page);
  const certPath = await download(page, page.getByTestId('ra-dl-cert').first());
  expect(readFileSync(certPath).equals(certBefore)).toBe(true);
  expect(openssl(['x509', '-in', certPath, '-noout', '-subject']).output).toContain('USER');
  await openTrainer(page);
  await expect(page.getByTestId('training-active-step')).toHaveText('ステップ 1 / 6');
});

test('a scenario written in the editor: problems shown live, then played for its first step', async ({ page }) => {
  test.setTimeout(180_000);
  await openTrainer(page);
  await page.getByTestId('training-editor-toggle').click();
  await page.getByTestId('training-edit-new').click();
  await expect(page.getByTestId('training-edit-problems')).toContainText('title.ja');
  await expect(page.getByTestId('training-edit-play')).toBeDisabled();
  const editor = page.getByTestId('training-editor');
  await editor.getByLabel('題名（日本語）').fill('方法2の申請とPIN');
  await editor.getByLabel('題名（英語）').fill('A method-2 file and the PINs');
  await editor.getByLabel('概要（日本語）').fill('申請してPINを取得する。');
  await editor.getByLabel('概要（英語）').fill('Apply, then fetch the PINs.');
  const step = (i: number) => page.getByTestId(`training-edit-step-${i}`);
  await step(0).getByLabel('誰が行うか').selectOption('ra-operator');
  await step(0).getByLabel('完了の確かめ方（チェック）').selectOption('upload-registered');
  await step(0).getByLabel('申請の種類').selectOption('client-issue');
  await step(0).getByLabel('指示（日本語）').fill('クライアント証明書発行申請TSVをアップロードしてください。');
  await step(0).getByLabel('指示（英語）').fill('Upload a client issue file.');
  await step(0).getByLabel('解説（日本語）').fill('RAが受け付けました。');
  await step(0).getByLabel('解説（英語）').fill('The RA registered it.');
  await step(0).getByLabel('強調する操作').selectOption('ra-upload');
  await page.getByTestId('training-edit-add').click();
  await step(1).getByLabel('誰が行うか').selectOption('pin-distributor');
  await step(1).getByLabel('完了の確かめ方（チェック）').selectOption('downloaded');
  await step(1).getByLabel('回数（以上）').fill('0');
  await expect(page.getByTestId('training-edit-problems')).toContainText('steps[1].check.params: min must be a whole number from 1');
  await step(1).getByLabel('回数（以上）').fill('1');
  await step(1).getByLabel('URLの用途').selectOption('pin');
  await step(1).getByLabel('指示（日本語）').fill('PINのzipを取得してください。');
  await step(1).getByLabel('指示（英語）').fill('Fetch the PIN zip.');
  await step(1).getByLabel('解説（日本語）').fill('PINは別経路で渡します。');
  await step(1).getByLabel('解説（英語）').fill('PINs travel apart.');
  await expect(page.getByTestId('training-edit-valid')).toBeVisible();
  // A third step, moved up and back, then deleted: the two written steps are what remains.
  await page.getByTestId('training-edit-add').click();
  await expect(page.getByTestId('training-edit-problems')).toContainText('steps[2].instruction.ja');
  await step(2).getByRole('button', { name: '↑ 上へ' }).click();
  await expect(step(1).getByLabel('指示（日本語）')).toHaveValue('');
  await expect(step(2).getByLabel('指示（日本語）')).toHaveValue('PINのzipを取得してください。');
  await step(1).getByRole('button', { name: '↓ 下へ' }).click();
  await page.getByTestId('training-edit-2-delete').click();
  await expect(page.getByTestId('training-edit-step-2')).toHaveCount(0);
  await expect(page.getByTestId('training-edit-valid')).toBeVisible();
  await page.getByTestId('training-edit-play').click();
  await expect(page.getByTestId('training-active')).toContainText('方法2の申請とPIN');
  await expect(page.getByTestId('training-active-step')).toHaveText('ステップ 1 / 2');

  // The trainee does step 1 on the RA; the trainer's screen follows the engine to step 2.
  await openRa(page);
  await upload(page, 'client-issue', sjisFile('two.tsv', clientRows(2, '2')));
  await expect(page.getByTestId('ra-complete')).toBeVisible({ timeout: 60_000 });
  await openTrainer(page);
  await expect(page.getByTestId('training-active-step')).toHaveText('ステップ 2 / 2');

  // Step 2 uses the PIN URL made at step 1's upload: the check finds the token in the earlier events.
  await openRa(page);
  const reader = await openMail(page, 'アクセスPIN発行通知');
  expect(await download(page, reader.getByTestId('ra-mail-link'))).toMatch(/clientAllPin\.zip$/);
  await openTrainer(page);
  await expect(page.getByTestId('training-active')).toContainText('ステップ 2 / 2');
  await expect(page.getByTestId('training-finished')).toBeVisible();
});

test('a completion record exported, then read with a hand-made one (and a bad file) into the class summary', async ({ page }) => {
  test.setTimeout(180_000);
  await openTrainer(page);
  await page.getByTestId('training-start-mistake-and-fix').click();
  await expect(page.getByTestId('training-active-step')).toHaveText('ステップ 1 / 2');
  // Step 1 wants a refusal; step 2 is the fix — first a second refused file (a mistake), then the good one.
  await openRa(page);
  await upload(page, 'client-issue', sjisFile('bad.tsv', clientRows(2, '1', [2])));
  await expect(page.getByTestId('ra-error')).toBeVisible({ timeout: 60_000 });
  await openTrainer(page);
  await expect(page.getByTestId('training-active-step')).toHaveText('ステップ 2 / 2');
  await openRa(page);
  await upload(page, 'client-issue', sjisFile('bad-again.tsv', clientRows(2, '1', [1])));
  await expect(page.getByTestId('ra-error')).toBeVisible({ timeout: 60_000 });
  await upload(page, 'client-issue', sjisFile('good.tsv', clientRows(2, '1')));
  await expect(page.getByTestId('ra-complete')).toBeVisible({ timeout: 60_000 });
  await openTrainer(page);
  await expect(page.getByTestId('training-active-step')).toHaveText('ステップ 2 / 2');
  await expect(page.getByTestId('training-active')).toBeVisible();

  await page.getByLabel('受講者の氏名').fill('研修　一郎');
  const file = await download(page, page.getByTestId('training-record-save'));
  const record = JSON.parse(readFileSync(file, 'utf8'));
  expect(record).toMatchObject({ format: 'upki-workbench-training-record', version: 1, trainee: '研修　一郎', scenario: { id: 'mistake-and-fix' } });
  expect(record.steps.map((s: { status: string }) => s.status)).toEqual(['done', 'done']);
  expect(record.mistakes).toHaveLength(1);
  expect(record.mistakes[0].codes).toContain('241');
  expect(record.mistakes[0].fixedAt).toBeTruthy();

  // The printable page: in print media only the record shows.
  await page.getByTestId('training-record-print').click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('training-record')).toBeVisible();
  await expect(page.getByTestId('training-record-name')).toHaveText('研修　一郎');
  await expect(page.getByTestId('training-chooser')).toBeHidden();
  // Closed, printing the page prints the page again.
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: '閉じる' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('training-chooser')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  const other = { ...record, trainee: '研修　二郎', finishedAt: undefined, steps: [record.steps[0], { ...record.steps[1], status: 'open', at: undefined }], mistakes: [{ stepId: 'fixed', codes: ['241', '201'], at: record.startedAt }] };
  const second = join(dir, 'jiro.json');
  writeFileSync(second, JSON.stringify(other));
  const bad = join(dir, 'notes.json');
  writeFileSync(bad, '{"format":"something-else"}');
  await page.getByTestId('training-class-drop').locator('input[type=file]').setInputFiles([file, second, bad]);
  const summary = page.getByTestId('training-class-mistake-and-fix');
  await expect(summary.getByTestId('training-class-trainees').locator('tbody tr')).toHaveCount(2);
  await expect(summary.getByTestId('training-class-trainees')).toContainText('研修　一郎');
  await expect(summary.getByTestId('training-class-trainees')).toContainText('研修　二郎');
  await expect(summary.getByTestId('training-class-steps').locator('tbody tr').nth(1)).toContainText('241×2');
  await expect(page.getByTestId('training-class-refused')).toContainText('notes.json');
  await expect(page.getByTestId('training-class-refused')).toContainText('修了記録として読めません');
});

test('a JPNIC scenario pack carries the JPNIC state: reset, reopened, the same root CA, and the first step played', async ({ page }) => {
  test.setTimeout(240_000);
  page.on('dialog', (d) => void d.accept());
  const fingerprint = async () => {
    await page.goto('/#/jpnic/trainer');
    const f = page.getByTestId('jp-trainer-fingerprint');
    await expect(f).toHaveText(/[0-9A-F]{2}/, { timeout: 60_000 });
    return f.textContent();
  };
  const saved = await fingerprint();

  await openTrainer(page);
  await page.getByTestId('training-prepare-jpnic-lifecycle').click();
  await page.getByLabel('パックの題名').fill('JPNIC 研修');
  await page.getByLabel('パスフレーズ（8文字以上）').fill(PASS);
  await page.getByLabel('パスフレーズ（確認）').fill(PASS);
  const pack = await download(page, page.getByTestId('training-pack-save'));
  const json = JSON.parse(readFileSync(pack, 'utf8'));
  expect(json.version).toBe(2);
  expect(typeof json.jpnicBackup).toBe('string');

  // Start afresh: a new JPNIC CA pair.
  await page.goto('/#/jpnic/trainer');
  await page.getByTestId('jp-reset').click();
  await expect(page.getByTestId('jp-trainer-fingerprint')).not.toHaveText(saved!, { timeout: 60_000 });

  await openTrainer(page);
  await expect(await openPack(page, pack, PASS)).toContainText('ステップ1から始めます', { timeout: 60_000 });
  await expect(page.getByTestId('training-active-step')).toHaveText('ステップ 1 / 6');
  expect(await fingerprint()).toBe(saved);

  // Step 1 on the JPNIC manager's screen: the trainer's screen follows the JPNIC log to step 2.
  await page.getByTestId('jp-role-manager').click();
  await page.getByTestId('jp-manager-login').click();
  await page.getByTestId('jp-picker-ok').click();
  await expect(page.getByTestId('jp-manager-menu')).toContainText('資源管理者メニュー');
  await page.getByTestId('jp-register-user').fill('Kenshu Taro');
  await page.getByTestId('jp-register').click();
  await expect(page.getByTestId('jp-account-row').filter({ hasText: 'Kenshu Taro' })).toBeVisible();
  await openTrainer(page);
  await expect(page.getByTestId('training-active-step')).toHaveText('ステップ 2 / 6');
});
