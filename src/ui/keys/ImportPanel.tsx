// Paste or drop a CSR or certificate (PEM, DER, or the one-line form) to see what it holds and how UPKI judges it.
import { Show, createSignal, type Component } from 'solid-js';
import type { CertificateInfo, CsrInfo } from '../../pki/types';
import type { Text } from '../../spec/types';
import { FileDrop } from '../components/FileDrop';
import { t, tr } from '../i18n';
import { CertFacts } from './CertFacts';
import { CsrFacts } from './CsrFacts';
import { MAX_INPUT_BYTES } from '../../pki/pem';
import { TOO_LARGE, inspectAny } from './inspect-any';
import { KeyCheck } from './KeyCheck';

export const ImportPanel: Component = () => {
  const [text, setText] = createSignal('');
  const [csr, setCsr] = createSignal<CsrInfo>();
  const [cert, setCert] = createSignal<CertificateInfo>();
  const [key, setKey] = createSignal<{ pem: string; encrypted: boolean }>();
  const [error, setError] = createSignal<Text>();
  const [certCount, setCertCount] = createSignal(0);

  // Two files dropped in quick succession: the later one's answer is shown even if the earlier one's (an RSA 4096
  // signature to verify, say) arrives after it.
  let latest = 0;
  const load = async (input: string | Uint8Array, mine = ++latest) => {
    const r = await inspectAny(input);
    if (mine !== latest) return;
    setError(r.kind === 'error' ? r.message : undefined);
    if (r.kind === 'csr') setCsr(r.info);
    if (r.kind === 'certificate') {
      setCert(r.info);
      setCertCount(r.count);
    }
    if (r.kind === 'key') {
      setKey({ pem: r.pem, encrypted: r.encrypted });
      setText(''); // a pasted key does not stay on the screen
    }
  };

  // A big file is refused by its size, before it is read into memory.
  const loadFile = (f: File) => {
    const mine = ++latest;
    if (f.size > MAX_INPUT_BYTES) {
      setError(TOO_LARGE);
      return;
    }
    void f.arrayBuffer().then((b) => load(new Uint8Array(b), mine));
  };

  return (
    <section class="panel" aria-labelledby="keys-import-heading">
      <h2 id="keys-import-heading">{t('CSR・証明書を読み込んで確認', 'Check a CSR or certificate')}</h2>
      <p class="hint">
        {t(
          'CSRと旧証明書の両方を読み込むと、同じ鍵かどうか（更新時の鍵の再利用）も確認します。秘密鍵ファイルを読み込むと、どのCSR・証明書の鍵かを確認できます（鍵はこのページから出ません）。',
          'Load both a CSR and the old certificate to also see whether they share a key (key reuse on renewal). Load a private key file to see which CSR or certificate it belongs to (the key never leaves this page).',
        )}
      </p>
      <label for="keys-import-text">{t('PEMまたは一行形式を貼り付け', 'Paste PEM or the one-line form')}</label>
      <textarea id="keys-import-text" class="mono" rows="6" value={text()} onInput={(e) => setText(e.currentTarget.value)} data-testid="keys-import-text" />
      <div class="form-row">
        <button type="button" onClick={() => void load(text())} disabled={!text().trim()} data-testid="keys-import-check">
          {t('確認', 'Check')}
        </button>
      </div>
      <FileDrop label={t('ファイル（.csr .pem .crt .cer .der .key）', 'File (.csr .pem .crt .cer .der .key)')} accept=".csr,.pem,.crt,.cer,.der,.txt,.key" onFile={loadFile} testId="keys-import-drop" />
      <Show when={error()}>
        {(e) => (
          <p class="notice notice-error" role="alert" data-testid="keys-import-error">
            {tr(e())}
          </p>
        )}
      </Show>
      <Show when={csr()} keyed>{(c) => <CsrFacts info={c} />}</Show>
      <Show when={cert() && certCount() > 1}>
        <p class="notice" role="status" data-testid="keys-cert-count">
          {t(
            `このPEMには証明書が${certCount()}件含まれています。最初の1件を表示しています。ほかの証明書を確認するには、その証明書だけを貼り付けてください。`,
            `This PEM holds ${certCount()} certificates; the first one is shown. To check another, paste that certificate alone.`,
          )}
        </p>
      </Show>
      <Show when={cert()} keyed>{(c) => <CertFacts info={c} csr={csr()} />}</Show>
      <Show when={key()} keyed>{(k) => <KeyCheck pem={k.pem} encrypted={k.encrypted} csr={csr()} cert={cert()} />}</Show>
    </section>
  );
};
