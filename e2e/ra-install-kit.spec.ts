// The server certificate's install kit in the page: after server.crt is downloaded from the mail's URL the
// page offers the kit (zip); the kit's chain and the all-CRL file are judged by openssl. (The kit's
// snippets run in real nginx and Apache in src/cli/ra-servers.test.ts.) Own temp dir: ra-kit's shared one
// is removed by ra.spec.ts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { sjisFile } from './tsv-files';
import { openMail, openRa, openssl, serverRow, upload } from './ra-kit';

const dir = mkdtempSync(join(tmpdir(), 'upki-e2e-kit-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function save(page: Page, target: Locator): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), target.click()]);
  const path = join(dir, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return path;
}

test('server.crt download → install kit: fullchain = server + intermediate (no root) that openssl verifies; all CRLs incl. the root’s', async ({ page }) => {
  await openRa(page);
  await upload(page, 'server-issue', sjisFile('server.tsv', [serverRow('www.example.ac.jp')]));
  await expect(page.getByTestId('ra-complete')).toBeVisible();
  const reader = await openMail(page, 'サーバ証明書発行受付通知');
  const crt = await save(page, reader.getByTestId('ra-mail-link'));
  await expect(page.getByTestId('ra-install-kit-offer')).toContainText('fullchain.pem');
  const zip = await save(page, page.getByTestId('ra-install-kit'));
  expect(zip).toMatch(/install-\d+\.zip$/);
  const kit = mkdtempSync(join(dir, 'kit-'));
  execFileSync('unzip', ['-q', zip, '-d', kit]);

  expect(readFileSync(join(kit, 'server.crt'), 'utf8')).toBe(readFileSync(crt, 'utf8'));
  const full = readFileSync(join(kit, 'fullchain.pem'), 'utf8');
  expect(full).toBe(readFileSync(join(kit, 'server.crt'), 'utf8') + readFileSync(join(kit, 'chain.pem'), 'utf8'));
  const v = openssl(['verify', '-CAfile', join(kit, 'root.pem'), '-untrusted', join(kit, 'chain.pem'), '-purpose', 'sslserver', join(kit, 'server.crt')]);
  expect(v.output).toContain(': OK');
  expect(readFileSync(join(kit, 'nginx.conf'), 'utf8')).toContain('server_name www.example.ac.jp;');
  expect(readFileSync(join(kit, 'README.txt'), 'utf8')).toContain('openssl s_client -connect www.example.ac.jp:443');

  // The same kit from the certificate list, and the all-CRL download: six CRLs, each verifying under the chain.
  await page.getByTestId('ra-tab-certs').click();
  const again = await save(page, page.getByTestId('ra-dl-install-kit'));
  expect(again).toMatch(/install-\d+\.zip$/);
  const crls = await save(page, page.getByTestId('ra-dl-crl-all'));
  const blocks = readFileSync(crls, 'utf8').split(/(?<=-----END X509 CRL-----\n)/).filter((b) => b.includes('BEGIN'));
  expect(blocks).toHaveLength(6);
  const chain = await save(page, page.getByTestId('ra-dl-chain'));
  for (const [i, block] of blocks.entries()) {
    const file = join(dir, `crl-${i}.pem`);
    writeFileSync(file, block);
    expect(openssl(['crl', '-in', file, '-CAfile', chain, '-noout']).output).toContain('verify OK');
  }
  expect(openssl(['crl', '-in', join(dir, 'crl-0.pem'), '-noout', '-issuer']).output).toContain('Training Root CA');
});
