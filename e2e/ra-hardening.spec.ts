// The RA page against hostile or unlucky use: a crafted backup (made here in Node with WebCrypto from
// the documented format, docs/ra-engine.md) is refused with nothing changed; a stored state that cannot
// be opened still offers 復元 and リセット; a cancel stops the worker at once and the RA keeps working.
// Own temp dir (ra-kit's is removed by ra.spec.ts's afterAll).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { sjisFile } from './tsv-files';
import { clientRows, openRa, upload } from './ra-kit';

const dir = mkdtempSync(join(tmpdir(), 'upki-e2e-ra-hard-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PASS = 'training passphrase';

async function save(page: Page, target: Locator, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), target.click()]);
  const path = join(dir, name);
  await file.saveAs(path);
  return path;
}

interface Envelope {
  format: string;
  version: number;
  createdAt: string;
  kdf: { name: string; hash: string; iterations: number; salt: string };
  cipher: { name: string; iv: string };
  ciphertext: string;
}

const aad = (e: Envelope) =>
  new TextEncoder().encode(JSON.stringify([e.format, e.version, e.createdAt, e.kdf.name, e.kdf.hash, e.kdf.iterations, e.kdf.salt, e.cipher.name, e.cipher.iv]));

async function keyOf(e: Envelope) {
  const material = await webcrypto.subtle.importKey('raw', new TextEncoder().encode(PASS), 'PBKDF2', false, ['deriveKey']);
  const salt = Buffer.from(e.kdf.salt, 'base64');
  return webcrypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: e.kdf.iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** Decrypt a backup the page saved, let `change` edit its payload, encrypt it again (fresh iv) as the format says. */
async function craft(path: string, change: (payload: { events: Record<string, unknown>[] }) => void): Promise<string> {
  const e = JSON.parse(readFileSync(path, 'utf8')) as Envelope;
  expect(e.version).toBe(2);
  const key = await keyOf(e);
  const iv = Buffer.from(e.cipher.iv, 'base64');
  const plain = await webcrypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: aad(e) }, key, Buffer.from(e.ciphertext, 'base64'));
  const payload = JSON.parse(new TextDecoder().decode(plain));
  change(payload);
  const fresh = webcrypto.getRandomValues(new Uint8Array(12));
  const out: Envelope = { ...e, cipher: { ...e.cipher, iv: Buffer.from(fresh).toString('base64') } };
  const ct = await webcrypto.subtle.encrypt({ name: 'AES-GCM', iv: fresh, additionalData: aad(out) }, key, new TextEncoder().encode(JSON.stringify(payload)));
  out.ciphertext = Buffer.from(ct).toString('base64');
  const crafted = join(dir, `crafted-${Date.now()}.json`);
  writeFileSync(crafted, JSON.stringify(out));
  return crafted;
}

async function clientCertificateCount(page: Page): Promise<number> {
  await page.getByTestId('ra-tab-certs').click();
  await page.getByRole('button', { name: 'クライアント証明書', exact: true }).click();
  // The list's page comes from the worker after the click: wait for it, not just for the table.
  await expect(page.locator('[data-testid=ra-cert-table][data-loaded=true]').or(page.getByTestId('ra-certs-empty'))).toBeVisible();
  return page.getByTestId('ra-cert-row').count();
}

test('a crafted backup is refused with nothing changed; a state that cannot be opened still offers restore and reset', async ({ page }) => {
  await openRa(page);
  await upload(page, 'client-issue', sjisFile('two.tsv', clientRows(2, '2')));
  await expect(page.getByTestId('ra-complete')).toBeVisible();
  await page.getByTestId('ra-tab-trainer').click();
  await page.getByLabel('バックアップのパスフレーズ').fill(PASS);
  await page.getByLabel('パスフレーズ（確認）').fill(PASS + 'x');
  await expect(page.getByTestId('ra-backup-mismatch')).toBeVisible();
  await expect(page.getByTestId('ra-backup')).toBeDisabled();
  await page.getByLabel('パスフレーズ（確認）').fill(PASS);
  const good = await save(page, page.getByTestId('ra-backup'), 'good.json');

  // A mail whose attachments are not a list: before, this was accepted and the page broke on open.
  const crafted = await craft(good, (p) => {
    const mail = p.events.find((e) => e.type === 'mailed')!.mail as Record<string, unknown>;
    mail.attachments = 'boom';
  });
  await page.getByLabel('復元するバックアップファイル').setInputFiles(crafted);
  await page.getByLabel('復元のパスフレーズ').fill(PASS);
  await page.getByTestId('ra-restore').click();
  await expect(page.getByTestId('ra-restore-error')).toContainText('バックアップの内容が不正です。何も変更していません。');
  await expect(page.getByTestId('ra-restore-error')).toContainText('attachments: not an array');
  expect(await clientCertificateCount(page)).toBe(2);
  await page.reload();
  expect(await clientCertificateCount(page)).toBe(2);

  // A state damaged behind the engine's back (as one restored before these checks could be).
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('upki-ra');
        req.onsuccess = () => {
          // The log's first chunk (src/ra/store/idb-chunks.ts), its first event replaced by one that cannot be replayed.
          const tx = req.result.transaction('chunks', 'readwrite');
          const chunks = tx.objectStore('chunks');
          const get = chunks.get(1);
          get.onsuccess = () => {
            const chunk = get.result as { json: string };
            const events = JSON.parse(chunk.json) as unknown[];
            events[0] = { seq: 1, at: '2026-01-01T00:00:00.000Z', type: 'initialized', institutions: null, cas: [] };
            chunks.put({ ...chunk, json: JSON.stringify(events) });
          };
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
        req.onerror = () => reject(new Error(String(req.error)));
      }),
  );
  await page.reload();
  const recovery = page.getByTestId('ra-recovery');
  await expect(page.getByRole('alert').filter({ hasText: '模擬RAを開けませんでした' })).toBeVisible({ timeout: 30_000 });
  await expect(recovery.getByTestId('ra-reset')).toBeVisible();
  await recovery.getByLabel('復元するバックアップファイル').setInputFiles(good);
  await recovery.getByLabel('復元のパスフレーズ').fill(PASS);
  await recovery.getByTestId('ra-restore').click();
  await expect(page.getByTestId('ra-notice')).toContainText('バックアップから復元しました。');
  expect(await clientCertificateCount(page)).toBe(2);

  // Damaged again: リセット is the other way out.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('upki-ra');
        req.onsuccess = () => {
          // This time the stored log itself: the first chunk's JSON cut short (the store refuses it as damaged).
          const tx = req.result.transaction('chunks', 'readwrite');
          const chunks = tx.objectStore('chunks');
          const get = chunks.get(1);
          get.onsuccess = () => {
            const chunk = get.result as { json: string };
            chunks.put({ ...chunk, json: chunk.json.slice(0, -10) });
          };
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
        req.onerror = () => reject(new Error(String(req.error)));
      }),
  );
  await page.reload();
  await expect(page.getByTestId('ra-recovery').getByTestId('ra-reset')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('ra-recovery').getByTestId('ra-reset').click();
  await page.getByTestId('ra-recovery').getByTestId('ra-reset-confirm').click();
  await expect(page.getByTestId('ra-notice')).toContainText('模擬RAを初期状態に戻しました。', { timeout: 30_000 });
  expect(await clientCertificateCount(page)).toBe(0);
});

test('cancel at once, while the file is still being checked: the worker stops, nothing is registered, the RA keeps working', async ({ page }) => {
  await openRa(page);
  await upload(page, 'client-issue', sjisFile('big.tsv', clientRows(1000, '2')));
  await page.getByTestId('ra-cancel').click();
  await expect(page.getByTestId('ra-cancelled')).toHaveText('アップロードをキャンセルしました。何も登録されていません。');
  expect(await clientCertificateCount(page)).toBe(0);
  await page.getByTestId('ra-tab-upload').click();
  await upload(page, 'client-issue', sjisFile('one.tsv', clientRows(1, '2')));
  await expect(page.getByTestId('ra-complete')).toBeVisible({ timeout: 30_000 });
  expect(await clientCertificateCount(page)).toBe(1);
  await page.reload();
  expect(await clientCertificateCount(page)).toBe(1);
});
