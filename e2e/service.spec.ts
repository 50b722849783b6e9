// The simulated service through its roles (issue 14), in Chromium on the built app: the RA operator's
// own certificate (issue → login → renew → revoke → login refused → expiry), a server certificate's
// whole life driven by the admin / RA operator / trainer, method 3 browser issuance whose P12 opens in
// OpenSSL and NSS pk12util with the user's passphrase, and the trainer's fault injection. Artefacts are
// judged by openssl / pk12util; every test starts with an empty IndexedDB (fresh browser context).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { sjisFile } from './tsv-files';
import { sideways } from './layout-kit';
import { clientRows, openssl, sjisRows } from './ra-kit';
import { dir, download, issueOperatorCertificate, login, logout, openMailOf, openService, raUpload, removeDir, role, serverRow, unzip } from './service-kit';

test.afterAll(removeDir);

function p12Serial(p12: string, pass: string): string {
  const pem = openssl(['pkcs12', '-in', p12, '-passin', `pass:${pass}`, '-clcerts', '-nokeys']);
  expect(pem.status, pem.output).toBe(0);
  const cert = join(dir, `${Date.now()}-leaf.pem`);
  execFileSync('openssl', ['x509', '-out', cert], { input: pem.output.slice(pem.output.indexOf('-----BEGIN CERTIFICATE-----')) });
  return openssl(['x509', '-in', cert, '-noout', '-serial']).output.trim().replace('serial=', '');
}

test('RA operator certificate: issue → login → renewal (P12 PIN once) → revoke the old one → refused; expired after 25 months', async ({ page }) => {
  await openService(page);
  const first = await issueOperatorCertificate(page);
  const oldSerial = p12Serial(first.p12, first.pin);
  expect(openssl(['pkcs12', '-in', first.p12, '-passin', `pass:${first.pin}`, '-nokeys', '-clcerts']).output).toContain('L = Academe-ops');

  await login(page, { index: 0 });
  await expect(page.getByTestId('nii-menu')).toBeVisible();
  await expect(page.getByTestId('nii-start')).toHaveText('●左のメニューから、実行する処理を選択して下さい。');
  for (const label of ['発行・更新・失効', '証明書情報一括ダウンロード', '更新', '全証明書情報一括ダウンロード', '発行証明書統計照会', '許可リスト一括ダウンロード', 'タイムスタンプURL', 'ログアウト']) {
    await expect(page.getByTestId('nii-menu')).toContainText(label);
  }
  await logout(page);

  // Renewal: the desk (phone + current certificate) starts it; the mail's URL asks for the current certificate.
  await role(page, 'desk');
  await page.getByTestId('svc-desk-renew').first().click();
  await expect(page.getByTestId('svc-desk-message')).toContainText('更新手続きのメール');
  await role(page, 'ra');
  const renewMail = await openMailOf(page, '登録担当者用証明書更新手続き通知');
  await renewMail.getByTestId('svc-mail-link').click();
  await page.getByTestId('svc-picker-option').first().check();
  const renewed = await download(page, page.getByTestId('svc-operator-renew'));
  const p12Pin = (await page.getByTestId('svc-operator-p12pin').textContent())!.trim();
  expect(p12Pin).not.toBe(first.pin);
  const newSerial = p12Serial(renewed, p12Pin);
  expect(newSerial).not.toBe(oldSerial);
  expect(openssl(['pkcs12', '-in', renewed, '-passin', `pass:${first.pin}`, '-nokeys']).status).not.toBe(0);

  // The old certificate still logs in until it is revoked.
  await login(page, { index: 0 });
  await expect(page.getByTestId('nii-menu')).toBeVisible();
  await logout(page);
  await role(page, 'desk');
  await page.getByTestId('svc-desk-operator').filter({ hasText: BigInt(`0x${oldSerial}`).toString(10) }).getByTestId('svc-desk-revoke').click();
  await expect(page.getByTestId('svc-desk-message')).toContainText('失効しました');
  await login(page, { index: 0 });
  await expect(page.getByTestId('nii-login-failed')).toBeVisible();
  await expect(page.getByTestId('nii-login-reason')).toHaveText('クライアント認証に失敗しました。選択された証明書は失効しています。');
  await expect(page.getByTestId('nii-login-failed')).toContainText('サービス窓口へ登録担当者用証明書の再発行を依頼してください。');
  // The CRL of the RA operator CA lists the old serial (OpenSSL reads it).
  await page.goto('/#/ra/certs');
  const crl = await download(page, page.getByTestId('ra-dl-crl-ra-operator-der'));
  expect(openssl(['crl', '-inform', 'DER', '-in', crl, '-noout', '-text']).output.toUpperCase()).toContain(oldSerial.toUpperCase());

  // The renewed one logs in, until the trainer's clock passes its 25 months.
  await page.goto('/#/service/trainer');
  await login(page, { index: 1 });
  await expect(page.getByTestId('nii-menu')).toBeVisible();
  await logout(page);
  await role(page, 'trainer');
  await page.getByTestId('svc-clock-400').click();
  await expect(page.getByTestId('svc-trainer')).toContainText('+400');
  await page.getByTestId('svc-clock-400').click();
  await expect(page.getByTestId('svc-trainer')).toContainText('+800');
  await login(page, { index: 1 });
  await expect(page.getByTestId('nii-login-reason')).toHaveText('クライアント認証に失敗しました。選択された証明書は有効期限が切れています。');

  // Login and logout are in the audit trail.
  await page.goto('/#/ra/trainer');
  await page.getByTestId('ra-audit').locator('summary').click();
  await expect(page.getByTestId('ra-audit')).toContainText('ログアウト:');
  await expect(page.getByTestId('ra-audit')).toContainText('ログイン失敗（expired）');
});

test('server certificate through the roles: upload with 審査項目, admin downloads, renewal, reminder, revocation; OpenSSL verifies', async ({ page }) => {
  await openService(page);
  await issueOperatorCertificate(page);
  // The admin sends the file; the RA operator takes it from the mail and uploads it as it is.
  await role(page, 'admin');
  await page.getByTestId('svc-admin-file').setInputFiles(sjisFile('issue.tsv', [serverRow('www.example.ac.jp')]));
  await page.getByTestId('svc-admin-send-button').click();
  await role(page, 'ra');
  const sent = await openMailOf(page, '申請TSVファイルの送付');
  const tsv = await download(page, sent.getByTestId('svc-mail-attachment'));
  expect(tsv.endsWith('issue.tsv')).toBe(true);
  await login(page, { index: 0 });
  let screen = await raUpload(page, 'server', 'server-issue', { name: 'issue.tsv', mimeType: 'text/tab-separated-values', buffer: readFileSync(tsv) });
  await expect(screen.getByTestId('ra-screen-title')).toHaveText('●サーバ証明書　発行・更新・失効申請完了画面');

  await expect(page.getByTestId('svc-unread-admin')).toHaveText('1');
  await role(page, 'admin');
  let reader = await openMailOf(page, 'サーバ証明書発行受付通知');
  await expect(page.getByTestId('svc-unread-admin')).toHaveCount(0);
  await expect(reader).toContainText('From');
  const eml = await download(page, reader.getByTestId('svc-mail-eml'));
  expect(readFileSync(eml, 'utf8')).toMatch(/^From: /m);
  await reader.getByTestId('svc-mail-link').click();
  const crt = await download(page, page.getByTestId('svc-url-download'));
  await page.goto('/#/ra/certs');
  const chain = await download(page, page.getByTestId('ra-dl-chain'));
  expect(openssl(['verify', '-CAfile', chain, crt]).output).toContain(': OK');
  const oldSerial = BigInt(`0x${openssl(['x509', '-in', crt, '-noout', '-serial']).output.trim().replace('serial=', '')}`).toString(10);

  // The RA operator's download notice is signed (marked as simulated).
  await page.goto('/#/service/ra');
  reader = await openMailOf(page, 'サーバ証明書取得通知');
  await expect(reader.getByTestId('svc-mail-signed')).toContainText('このメールは電子署名されています');

  // Renewal.
  await login(page, { index: 0 });
  const renew = serverRow('www.example.ac.jp');
  renew[3] = oldSerial;
  screen = await raUpload(page, 'server', 'server-renew', sjisFile('renew.tsv', [renew]));
  await expect(screen.getByTestId('ra-complete')).toBeVisible();
  await role(page, 'admin');
  reader = await openMailOf(page, 'サーバ証明書発行受付通知', 'first');
  await reader.getByTestId('svc-mail-link').click();
  const newCrt = await download(page, page.getByTestId('svc-url-download'));
  expect(openssl(['verify', '-CAfile', chain, newCrt]).output).toContain(': OK');
  await role(page, 'ra');
  reader = await openMailOf(page, '[UPKI] Webサーバ用証明書更新通知');
  const attachment = await download(page, reader.getByTestId('svc-mail-attachment'));

  // 14 days on: the reminder reaches the admin and the RA.
  await role(page, 'trainer');
  await page.getByTestId('svc-clock-14').click();
  await expect(page.getByTestId('svc-mail-subject').filter({ hasText: '再通知' })).toHaveCount(2);

  // The attached TSV uploads as it is; the revocation mail reaches the admin.
  await login(page, { index: 0 });
  screen = await raUpload(page, 'server', 'server-revoke', { name: attachment.split('/').pop()!, mimeType: 'text/tab-separated-values', buffer: readFileSync(attachment) });
  await expect(screen.getByTestId('ra-complete')).toContainText('失効申請が終了しました。');
  await role(page, 'admin');
  reader = await openMailOf(page, 'サーバ証明書失効完了通知');
  await expect(reader.getByTestId('svc-mail-body')).toContainText(oldSerial);

  // A second revocation of the same serial is refused, and the error screen says 失効, not 発行.
  await login(page, { index: 0 });
  screen = await raUpload(page, 'server', 'server-revoke', { name: 'again.tsv', mimeType: 'text/tab-separated-values', buffer: readFileSync(attachment) });
  await expect(screen.getByTestId('ra-error')).toContainText('サーバ証明書　失効処理が以下のエラーにより正常終了しませんでした。');
  await page.getByTestId('nii-menu-stats').click();
  await expect(page.getByTestId('nii-stats-table')).toContainText('example.ac.jp');

  // On a phone (414 px wide) no screen of the service scrolls sideways, with this whole life's data on it: the RA
  // system's screens, then every role's (long serials and DNs, the trainer's scenario list and editor).
  await page.setViewportSize({ width: 414, height: 800 });
  for (const id of ['server-upload', 'server-list', 'client-upload', 'client-list', 'admin-update', 'all-list', 'stats', 'allow-list', 'timestamp']) {
    await page.getByTestId(`nii-menu-${id}`).click();
    await expect(page.getByTestId(`nii-menu-${id}`)).toHaveAttribute('aria-current', 'page');
    expect(await sideways(page), id).toBeLessThanOrEqual(0);
  }
  await expect(page.getByTestId('nii-stats-table')).toHaveCount(0);
  await page.getByTestId('nii-menu-stats').click();
  await expect(page.getByTestId('nii-stats-table')).toContainText('example.ac.jp');
  expect(await sideways(page), 'stats with its rows').toBeLessThanOrEqual(0);
  for (const r of ['admin', 'ra', 'user', 'pin', 'desk', 'trainer'] as const) {
    await role(page, r);
    if (r === 'desk') await expect(page.getByTestId('svc-desk-operator').first()).toBeVisible();
    if (r === 'trainer') await expect(page.getByTestId('training-chooser')).toBeVisible();
    expect(await sideways(page), r).toBeLessThanOrEqual(0);
  }
});

test('method 3: the user makes the key in the page; the P12 (key + chain) opens in OpenSSL and pk12util with the passphrase; a P12 name with \' fails', async ({ page }) => {
  await openService(page);
  await issueOperatorCertificate(page);
  await login(page, { index: 0 });
  const rows = clientRows(2, '3');
  rows[1][11] = "o'brien";
  const screen = await raUpload(page, 'client', 'client-issue', sjisFile('m3.tsv', rows));
  const table = screen.getByTestId('ra-result-table');
  for (const h of ['機関名', '所属名', '氏名', 'メールアドレス']) await expect(table.locator('thead')).toContainText(h);
  await expect(table.locator('tbody tr').first()).toContainText('user1@example.ac.jp');

  await role(page, 'admin');
  let reader = await openMailOf(page, 'アクセスPIN発行通知');
  await reader.getByTestId('svc-mail-link').click();
  const zip = await download(page, page.getByTestId('svc-url-download'));
  const pins = sjisRows(join(unzip(zip), 'clientPin.txt'));
  const pinOf = (mail: string) => pins.find((r) => r[1] === mail)![2];

  await role(page, 'user');
  await page.getByTestId('svc-user-pick').selectOption('user1@example.ac.jp');
  reader = await openMailOf(page, 'クライアント証明書発行受付通知');
  await reader.getByTestId('svc-mail-link').click();
  const pass = 'correct horse 7';
  await page.getByLabel('アクセスPIN（半角英数字）').fill(pinOf('user1@example.ac.jp'));
  await page.getByLabel('P12ファイルのパスフレーズ').fill(pass);
  await page.getByLabel('パスフレーズ（確認）').fill(pass);
  const p12 = await download(page, page.getByTestId('svc-browser-issue-button'));
  expect(p12.endsWith('user1.p12')).toBe(true);
  await expect(page.getByTestId('svc-browser-done')).toBeVisible();
  const dump = openssl(['pkcs12', '-in', p12, '-passin', `pass:${pass}`, '-nodes']);
  expect(dump.status, dump.output).toBe(0);
  expect(dump.output).toContain('-----BEGIN PRIVATE KEY-----');
  expect((dump.output.match(/-----BEGIN CERTIFICATE-----/g) ?? []).length).toBe(3); // leaf, issuing CA, root
  expect(openssl(['pkcs12', '-in', p12, '-passin', 'pass:wrong-pass', '-nodes']).status).not.toBe(0);
  const nss = mkdtempSync(join(dir, 'nss-'));
  execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
  const listed = spawnSync('pk12util', ['-l', p12, '-d', `sql:${nss}`, '-W', pass], { encoding: 'utf8' });
  expect(listed.status, listed.stdout + listed.stderr).toBe(0);
  expect(listed.stdout).toMatch(/Key\(shrouded\):/);

  // The second user's P12 name holds ' : the manual's rule refuses it.
  await role(page, 'user');
  await page.getByTestId('svc-user-pick').selectOption('user2@example.ac.jp');
  reader = await openMailOf(page, 'クライアント証明書発行受付通知');
  await reader.getByTestId('svc-mail-link').click();
  await page.getByLabel('アクセスPIN（半角英数字）').fill(pinOf('user2@example.ac.jp'));
  await page.getByLabel('P12ファイルのパスフレーズ').fill(pass);
  await page.getByLabel('パスフレーズ（確認）').fill(pass);
  await page.getByTestId('svc-browser-issue-button').click();
  await expect(page.getByTestId('svc-browser-error')).toContainText("P12ダウンロードファイル名に「'」が含まれています");

  // The user's certificate is now in the (shared, simulated) browser: choosing it at the RA login fails.
  await login(page, { match: 'USER 1' });
  await expect(page.getByTestId('nii-login-reason')).toHaveText('クライアント認証に失敗しました。選択された証明書には本システムへのアクセス権限がありません。');
});

test('trainer faults: WHOIS connection failure, WHOIS mismatch, domain removed, approval expired — the manual’s messages', async ({ page }) => {
  await openService(page);
  await issueOperatorCertificate(page);
  const cases: [string, string][] = [
    ['whois-connection', 'WHOISサーバへの接続に失敗しました。時間をおいて再度申請してください。再度申請しても接続に失敗するようでしたら、サービス窓口にお問い合わせください。'],
    ['whois-mismatch', 'WHOISサーバに登録されている情報と一致しません。サービス窓口にお問い合わせください。'],
    ['removed', '対象のドメインは許可されていないため発行できません。サービス窓口にお問い合わせください。'],
  ];
  let n = 0;
  for (const [fault, message] of cases) {
    await role(page, 'trainer');
    await page.getByTestId('svc-fault-example.ac.jp').selectOption(fault);
    await expect(page.getByTestId('svc-fault-example.ac.jp')).toHaveValue(fault);
    await login(page, { index: 0 });
    const screen = await raUpload(page, 'server', 'server-issue', sjisFile(`f${++n}.tsv`, [serverRow(`f${n}.example.ac.jp`)]));
    await expect(screen.getByTestId('ra-error')).toContainText(message);
    await expect(screen.getByTestId('ra-error')).toContainText('サーバ証明書　発行処理が以下のエラーにより正常終了しませんでした。');
    await logout(page);
  }
  await role(page, 'trainer');
  await page.getByTestId('svc-fault-example.ac.jp').selectOption('none');
  await page.getByTestId('svc-fault-approval').click();
  await login(page, { index: 0 });
  const screen = await raUpload(page, 'server', 'server-issue', sjisFile('f9.tsv', [serverRow('f9.example.ac.jp')]));
  await expect(screen.getByTestId('ra-error')).toContainText('機関の証明書発行有効期限が切れています。サービス窓口にお問い合わせください。');
});

test('method 1: the user opens their own mail and gets their P12, which opens with the PIN the admin handed out', async ({ page }) => {
  await openService(page);
  await issueOperatorCertificate(page);
  await login(page, { index: 0 });
  // 審査項目 → キャンセル uploads nothing.
  await page.getByTestId('nii-menu-client-upload').click();
  const upload = page.getByTestId('nii-upload-client');
  await upload.getByTestId('nii-file').setInputFiles(sjisFile('m1.tsv', clientRows(2, '1')));
  await upload.getByTestId('nii-upload').click();
  const review = upload.getByTestId('nii-review');
  await expect(review).toBeVisible();
  // The modal sits in the middle of the screen (it used to open at the top-left corner), and fits a phone's width.
  for (const width of [1280, 414]) {
    await page.setViewportSize({ width, height: 800 });
    const box = (await review.boundingBox())!;
    expect(Math.abs(box.x + box.width / 2 - width / 2), `${width}px: centred`).toBeLessThanOrEqual(3);
    expect(box.x, `${width}px: left edge on screen`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${width}px: right edge on screen`).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await upload.getByTestId('nii-review-cancel').click();
  await expect(upload.getByTestId('nii-review')).toBeHidden();
  await expect(upload.getByTestId('ra-complete').or(upload.getByTestId('ra-error'))).toHaveCount(0);
  await role(page, 'trainer');
  await expect(page.getByTestId('svc-mail-subject')).toHaveCount(1); // only the operator's own mail so far
  await login(page, { index: 0 });
  const screen = await raUpload(page, 'client', 'client-issue', sjisFile('m1.tsv', clientRows(2, '1')));
  await expect(screen.getByTestId('ra-complete')).toBeVisible();
  await expect(page.getByTestId('svc-unread-user')).toHaveText('1'); // user1's mail (the first user is preselected)
  await role(page, 'admin');
  let reader = await openMailOf(page, 'アクセスPIN発行通知');
  await reader.getByTestId('svc-mail-link').click();
  const pins = sjisRows(join(unzip(await download(page, page.getByTestId('svc-url-download'))), 'clientPin.txt'));
  await role(page, 'user');
  await page.getByTestId('svc-user-pick').selectOption('user2@example.ac.jp');
  reader = await openMailOf(page, 'クライアント証明書発行受付通知');
  await expect(reader).toContainText('user2@example.ac.jp');
  await reader.getByTestId('svc-mail-link').click();
  const p12 = await download(page, page.getByTestId('svc-url-download'));
  const pin = pins.find((r) => r[1] === 'user2@example.ac.jp')![2];
  const dump = openssl(['pkcs12', '-in', p12, '-passin', `pass:${pin}`, '-nodes']);
  expect(dump.status, dump.output).toBe(0);
  expect(dump.output).toContain('CN = USER 2');
  // The one-time URL is used now; the download-complete mail went to the RA operator and the admin.
  await role(page, 'ra');
  await expect(page.getByTestId('svc-mail-subject').filter({ hasText: /^クライアント証明書取得通知$/ })).toHaveCount(1);
});
