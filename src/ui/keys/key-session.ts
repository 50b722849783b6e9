// The key pair made on 鍵・CSR, kept in this page's memory (never stored) until the user saves the private key:
// leaving the page (route, reload, close) or making another key first asks, so a key is never dropped silently.
// Module-level so that 「TSV作成へ送る」 and a later return to 鍵・CSR still find it.
import { createSignal } from 'solid-js';
import type { KeyAndCsr } from '../../pki/keys';
import { addLeaveGuard } from '../app/leave-guard';
import { currentPath, owns } from '../app/router';
import { t } from '../i18n';

const [result, setResult] = createSignal<KeyAndCsr>();
const [saved, setSaved] = createSignal(false);

export const keyResult = result;
/** True while a made key has not been downloaded. */
export const keyUnsaved = (): boolean => result() !== undefined && !saved();

export function keepKeyResult(r: KeyAndCsr | undefined): void {
  setResult(r);
  setSaved(false);
}

export function markKeySaved(): void {
  setSaved(true);
}

/** The question to ask before an unsaved key is dropped. */
export function unsavedKeyQuestion(): string {
  return t(
    '作成した秘密鍵をまだダウンロードしていません。このまま移動すると秘密鍵は失われ、このCSRでは証明書を使えなくなります。移動しますか？',
    'The private key you made has not been downloaded. If you leave now it is lost, and a certificate for this CSR will be useless. Leave anyway?',
  );
}

// eslint-disable-next-line solid/reactivity -- a guard is asked at the moment of leaving: a plain read, not tracking
addLeaveGuard((to) => {
  if (!keyUnsaved()) return null;
  // Moving between pages keeps the key in memory, but the user leaving 鍵・CSR is the moment to remind them;
  // a reload or close (to === null) loses it from any page.
  if (to !== null && (owns('/keys', to) || !owns('/keys', currentPath()))) return null;
  return unsavedKeyQuestion();
});

