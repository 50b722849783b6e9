// The page's JPNIC service: the engine on IndexedDB (database `upki-jpnic`) and the simulated browser
// certificate store, opened once; a signal with the current state for every view. The engine's work is
// WebCrypto (asynchronous, off the main thread), so it runs in the page without a worker.
import { createSignal } from 'solid-js';
import { IndexedDbStore, idbBrowserStore, type BrowserCert, type BrowserStore } from '../../sim';
import { JpnicEngine, MANAGER_OWNER, pickerLabel, type JpnicEvent, type JpnicState } from '../../jpnic';
import { base64Decode } from '../../pki/pem';
import { downloadBytes } from '../builder/download';
import type { Text } from '../../spec/types';

export interface PageView {
  state: JpnicState;
  now: Date;
  fingerprint: string;
  certs: BrowserCert[];
}

const [view, setView] = createSignal<PageView>();
const [notice, setNotice] = createSignal<{ kind: 'ok' | 'error'; text: Text }>();
const [loadError, setLoadError] = createSignal<string>();
export { view, notice, setNotice, loadError };

let opened: Promise<{ engine: JpnicEngine; browser: BrowserStore }> | undefined;

/** Open (first time: create the CA pair and the manager's certificate, installed in the manager's browser). */
export function service(): Promise<{ engine: JpnicEngine; browser: BrowserStore }> {
  opened ??= (async () => {
    const engine = await JpnicEngine.open(await IndexedDbStore.open<JpnicEvent>(globalThis.indexedDB, 'upki-jpnic'));
    const browser = idbBrowserStore();
    await ensureManagerCertificate(engine, browser);
    return { engine, browser };
  })();
  opened.catch(() => (opened = undefined));
  return opened;
}

async function ensureManagerCertificate(engine: JpnicEngine, browser: BrowserStore): Promise<void> {
  const manager = await engine.managerCertificate();
  const held = await browser.list({ service: 'jpnic', owner: MANAGER_OWNER });
  const der = base64Decode(manager.certDerB64)!;
  if (held.some((c) => c.certificateDer.length === der.length && c.certificateDer.every((b, i) => b === der[i]))) return;
  await browser.add({ service: 'jpnic', owner: MANAGER_OWNER, label: `資源管理者証明書: ${pickerLabel(manager)}`, certificateDer: der }, manager.notBefore);
}

export async function refresh(): Promise<void> {
  try {
    const { engine, browser } = await service();
    const [state, now, fingerprint, certs] = await Promise.all([engine.state(), engine.now(), engine.rootFingerprint(), browser.list({ service: 'jpnic' })]);
    setView({ state, now, fingerprint, certs });
    setLoadError(undefined);
  } catch (e) {
    setLoadError(e instanceof Error ? e.message : String(e));
  }
}

/** Run an action; an exception becomes the page notice, and the view is refreshed either way. */
export async function act(fn: (s: { engine: JpnicEngine; browser: BrowserStore }) => Promise<void>): Promise<void> {
  try {
    await fn(await service());
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    setNotice({ kind: 'error', text: { ja: `処理できませんでした: ${m}`, en: `Could not complete: ${m}` } });
  }
  await refresh();
}

export function save(name: string, bytes: Uint8Array | string, mime = 'application/octet-stream'): void {
  downloadBytes(name, bytes, mime);
}

/** Start afresh: a new CA pair, no accounts; the simulated browsers forget their JPNIC certificates. */
export async function resetAll(): Promise<void> {
  await act(async ({ engine, browser }) => {
    for (const c of await browser.list({ service: 'jpnic' })) await browser.remove(c.id);
    await engine.reset();
    await ensureManagerCertificate(engine, browser);
  });
}

/** Restore a backup; the restored 資源管理者証明書 is put back into the manager's browser. */
export async function restoreBackup(bytes: Uint8Array, passphrase: string): Promise<void> {
  await act(async ({ engine, browser }) => {
    const r = await engine.restore(bytes, passphrase);
    if (!r.ok) return void setNotice({ kind: 'error', text: r.message });
    await ensureManagerCertificate(engine, browser);
    setNotice({ kind: 'ok', text: { ja: 'バックアップから復元しました。', en: 'Restored from the backup.' } });
  });
}
