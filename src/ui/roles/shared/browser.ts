// The simulated browser's certificate store as the pages use it: one IndexedDB store (src/sim), a signal
// of its contents, and the picker's label of a certificate (名前 = CN, 発行者, validity), as a browser shows it.
import { createSignal } from 'solid-js';
import { inspectCertificate } from '../../../pki/certificate';
import { idbBrowserStore, memoryBrowserStore, type BrowserCert, type BrowserStore } from '../../../sim/browser-store';

let store: BrowserStore | undefined;

function browserStore(): BrowserStore {
  store ??= typeof indexedDB === 'undefined' ? memoryBrowserStore() : idbBrowserStore();
  return store;
}

const [certs, setCerts] = createSignal<BrowserCert[]>([]);
export { certs as browserCerts };

export async function reloadBrowserCerts(): Promise<void> {
  setCerts(await browserStore().list({ service: 'upki' }));
}

/** Import a certificate (and its PIN-protected P12) into the simulated browser. */
export async function importIntoBrowser(owner: string, certificateDer: Uint8Array, p12: Uint8Array | undefined, at: string): Promise<void> {
  await browserStore().add({ service: 'upki', owner, label: await pickerLabel(certificateDer), certificateDer, ...(p12 ? { p12 } : {}) }, at);
  await reloadBrowserCerts();
}

export async function removeFromBrowser(id: string): Promise<void> {
  await browserStore().remove(id);
  await reloadBrowserCerts();
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function pickerLabel(der: Uint8Array): Promise<string> {
  const info = await inspectCertificate(der);
  if (!info.ok) return '(?)';
  const name = (rdns: { key: string; value: string }[], key: string) => rdns.filter((r) => r.key === key).map((r) => r.value).join(', ');
  const subject = info.info.subject.map((r) => `${r.key}=${r.value}`).join(', ');
  return `${name(info.info.subject, 'CN')} — 発行者: ${name(info.info.issuer, 'CN')} — ${day(info.info.notBefore)}〜${day(info.info.notAfter)} — ${subject}`;
}
