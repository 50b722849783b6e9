// Key + CSR in Chromium through the app's code (src/pki/keys.ts makeKeyAndCsr, key left unencrypted as with
// `openssl req -nodes`) against `openssl req -newkey` processes; and the two-core limit: RSA 2048 keys one at a
// time, two at once in one page, two pages on different sites (separate renderer processes) at once, and one page
// with its sandboxed key helper frame (the RA page's way to a second core, src/ui/ra/keygen-frame.ts).
import type { Page } from '@playwright/test';
import { launch } from './lib/browser';
import { buildBenchPage } from './lib/browser-page';
import type { Report } from './lib/report';
import { serve } from './lib/server';
import { opensslReqMs } from './openssl';

type BenchApi = {
  keyCsr(profile: '3' | '11', runs: number): Promise<number>;
  rsaKeys(count: number, parallel: number): Promise<number>;
  helperKeys(count: number): Promise<number>;
};

export async function benchKeys(r: Report, runs: number): Promise<void> {
  const dir = await buildBenchPage();
  const server = await serve({ '/': dir });
  const browser = await launch();
  try {
    const page = await openBenchPage(browser.context.newPage(), `${server.origin}/`);
    const call = <K extends keyof BenchApi>(p: Page, name: K, ...args: Parameters<BenchApi[K]>) =>
      p.evaluate(([n, a]) => (window as unknown as { bench: Record<string, (...x: unknown[]) => Promise<number>> }).bench[n as string](...(a as unknown[])), [name, args] as const);

    await call(page, 'keyCsr', '3', 1); // warm-up
    const rsa = r.add('Chromium key + CSR, RSA 2048 (makeKeyAndCsr)', await call(page, 'keyCsr', '3', runs), 'ms');
    const rsaSsl = r.add('openssl req -newkey rsa:2048 (one process each)', opensslReqMs('rsa', runs), 'ms');
    r.add('Chromium ÷ OpenSSL, RSA 2048', rsa / rsaSsl, '×');
    r.budget('Key + CSR RSA 2048, Chromium ÷ openssl req -newkey', rsa / rsaSsl, 0.5, '×');
    const ec = r.add('Chromium key + CSR, P-384', await call(page, 'keyCsr', '11', runs), 'ms');
    const ecSsl = r.add('openssl req -newkey ec P-384 (one process each)', opensslReqMs('p384', runs), 'ms');
    r.add('Chromium ÷ OpenSSL, P-384', ec / ecSsl, '×');

    // The two-core limit.
    const keys = runs * 2;
    const one = r.add(`RSA 2048 keys in one page, one at a time (${keys})`, await call(page, 'rsaKeys', keys, 1), 'ms/key');
    const two = r.add('RSA 2048 keys in one page, two at a time', await call(page, 'rsaKeys', keys, 2), 'ms/key');
    r.add('one page, two at a time: speed-up', one / two, '×');
    // A second site (localhost vs 127.0.0.1) gets its own renderer process under site isolation.
    const other = await openBenchPage(browser.context.newPage(), `${server.origin.replace('127.0.0.1', 'localhost')}/`);
    const t0 = performance.now();
    await Promise.all([call(page, 'rsaKeys', keys / 2, 1), call(other, 'rsaKeys', keys / 2, 1)]);
    const split = r.add('RSA 2048 keys in two renderer processes at once', (performance.now() - t0) / keys, 'ms/key');
    r.add('two renderer processes: speed-up', one / split, '×');
    // What the RA page uses: its sandboxed key helper frame, which Chromium isolates in a process of its own.
    const helper = r.add('RSA 2048 keys, page + its sandboxed helper frame at once', await call(page, 'helperKeys', keys), 'ms/key');
    r.add('page + helper frame: speed-up (the RA\'s two-core limit)', one / helper, '×');
  } finally {
    await browser.close();
    await server.close();
  }
}

async function openBenchPage(pending: Promise<Page>, url: string): Promise<Page> {
  const page = await pending;
  await page.goto(url);
  await page.waitForFunction(() => 'bench' in window);
  return page;
}
