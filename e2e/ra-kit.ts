// Helpers of e2e/ra.spec.ts: application files made with independent tools (openssl CSRs, iconv
// Shift-JIS via tsv-files.ts), the page's RA gestures, and independent checks of what it hands out.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import { sjisFile } from './tsv-files';

export const dir = mkdtempSync(join(tmpdir(), 'upki-e2e-ra-'));

export function removeDir(): void {
  rmSync(dir, { recursive: true, force: true });
}

// The page's first-start institution (src/ra/institutions.ts DEMO_INSTITUTION).
export const O = 'Example University';

export function serverCsr(cn: string): string {
  const out = join(dir, `${cn}.csr`);
  const subj = `/C=JP/ST=Tokyo/L=Chiyoda-ku/O=${O}/CN=${cn}`;
  execFileSync('openssl', ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-subj', subj, '-keyout', join(dir, `${cn}.key`), '-out', out], { stdio: 'ignore' });
  return readFileSync(out, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l && !l.startsWith('-----'))
    .join('');
}

export function serverRow(cn: string): string[] {
  return [`CN=${cn},O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`, '3', '', '', '', '', serverCsr(cn), '利用　管理', '情報基盤センター', 'admin@example.ac.jp', cn, 'nginx', ''];
}

/** Client issue rows (15 columns, SPEC §5.4): profile 5, the given method; `bad` rows get a foreign O (241). */
export function clientRows(n: number, method: '1' | '2' | '3', bad: number[] = []): string[][] {
  return Array.from({ length: n }, (_, i) => {
    const org = bad.includes(i + 1) ? 'Other University' : O;
    const dn = `CN=USER ${i + 1},OU=${String(i + 1).padStart(8, '0')},O=${org},L=Chiyoda-ku,ST=Tokyo,C=JP`;
    return [dn, '5', method, '', '', '', '', '利用　管理', '情報基盤センター', 'admin@example.ac.jp', `利用者　${i + 1}`, `user${i + 1}`, '工学部', `user${i + 1}@example.ac.jp`, ''];
  });
}

export async function openRa(page: Page): Promise<void> {
  await page.goto('/#/ra');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('模擬RA');
  await expect(page.getByTestId('ra-upload')).toBeVisible({ timeout: 30_000 }); // first start makes the CA keys
}

export async function upload(page: Page, kind: string, file: ReturnType<typeof sjisFile>, mode: 'abort' | 'valid-only' = 'abort'): Promise<void> {
  await page.getByLabel('処理内容').selectOption(kind);
  await page.getByLabel(mode === 'abort' ? '全件処理を中断する' : '入力値不備のないデータのみ登録する').check();
  await page.getByLabel('申請ファイル', { exact: true }).setInputFiles(file);
  await page.getByTestId('ra-upload').click();
}

export async function download(page: Page, target: Locator): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), target.click()]);
  const path = join(dir, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return path;
}

export async function openMail(page: Page, subject: string): Promise<Locator> {
  await page.getByTestId('ra-tab-mail').click();
  const exact = new RegExp(`^${subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await page.getByTestId('ra-mail-subject').filter({ hasText: exact }).first().click();
  const reader = page.getByTestId('ra-mail-reader');
  await expect(reader.getByRole('heading', { level: 3 })).toHaveText(subject);
  return reader;
}

export function openssl(args: string[]): { status: number; output: string } {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  return { status: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}

export function unzip(zip: string): string {
  const out = mkdtempSync(join(dir, 'unzip-'));
  execFileSync('unzip', ['-q', '-o', zip, '-d', out]);
  return out;
}

/** A Shift-JIS TSV decoded by iconv (independent of the project's encoder): rows without the header. */
export function sjisRows(path: string): string[][] {
  const text = execFileSync('iconv', ['-f', 'CP932', '-t', 'UTF-8', path], { encoding: 'utf8' });
  return text.split('\r\n').filter(Boolean).slice(1).map((l) => l.split('\t'));
}

/** Every text the progress line showed, recorded by a MutationObserver (the line can change faster than polling). */
export async function recordProgress(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __raProgress: string[] }).__raProgress = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="ra-progress-count"]')?.textContent;
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __raProgress: string[] }).__raProgress);
}
