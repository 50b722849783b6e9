// Server issue/renew: rows from the CSRs people already have — one or many .csr/.pem files, or pasted PEM.
// Each CSR makes a row (builder/from-csr.ts); a file that is not a CSR is named, never silently skipped.
import { For, Show, createSignal, type Component } from 'solid-js';
import { cellsFromCsr, readCsrs, type CsrRead } from '../../builder/from-csr';
import type { Text } from '../../spec/types';
import { FileDrop } from '../components/FileDrop';
import { t, tr } from '../i18n';
import { readFileBytes } from './download';
import type { BuilderState } from './state';

export const CsrImport: Component<{ state: BuilderState; announce: (text: string) => void }> = (props) => {
  const [text, setText] = createSignal('');
  const [failures, setFailures] = createSignal<{ source: string; message: Text }[]>([]);
  const [busy, setBusy] = createSignal(false);

  const addRows = (reads: CsrRead[]) => {
    const good = reads.filter((r): r is Extract<CsrRead, { ok: true }> => r.ok);
    setFailures(reads.filter((r): r is Extract<CsrRead, { ok: false }> => !r.ok).map((r) => ({ source: r.source, message: r.message })));
    if (good.length === 0) return;
    props.state.addFilledRows(good.map((r) => cellsFromCsr(props.state.spec(), r.info)));
    props.announce(t(`CSR ${good.length}件から行を追加しました。`, `Added ${good.length} row(s) from CSRs.`));
  };

  const onFiles = async (files: File[]) => {
    setBusy(true);
    try {
      const reads: CsrRead[] = [];
      for (const f of files) reads.push(...(await readCsrs(await readFileBytes(f), f.name)));
      addRows(reads);
    } finally {
      setBusy(false);
    }
  };

  const onPasted = async () => {
    setBusy(true);
    try {
      addRows(await readCsrs(text(), t('貼り付けたテキスト', 'pasted text')));
      setText('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <details class="panel" data-testid="csr-import">
      <summary>{t('CSRファイルから行を作成', 'Make rows from CSR files')}</summary>
      <p class="hint">
        {t(
          'CSRごとに1行を追加します: 1列目にCSRのDN（CN,O,L,ST,Cの順）、2列目に鍵から判断したプロファイル（RSA→3、ECDSA→11）、7列目に一行形式のCSR、11列目にCN、13列目にCN以外のSAN。',
          'Each CSR adds a row: column 1 its DN (order CN,O,L,ST,C), 2 the profile its key fits (RSA → 3, ECDSA → 11), 7 the one-line CSR, 11 the CN, 13 its other SANs.',
        )}
      </p>
      <FileDrop label={t('CSRファイル（.csr .pem、複数可）', 'CSR files (.csr .pem, several at once)')} accept=".csr,.pem,.txt,.der" multiple onFiles={(f) => void onFiles(f)} testId="csr-files" />
      <label for="csr-paste">{t('またはPEMを貼り付け（複数可）', 'Or paste PEM (several allowed)')}</label>
      <textarea id="csr-paste" class="mono" rows="4" value={text()} onInput={(e) => setText(e.currentTarget.value)} data-testid="csr-paste" />
      <div class="form-row">
        <button type="button" class="secondary" disabled={busy() || !text().trim()} onClick={() => void onPasted()}>
          {t('貼り付けたCSRから作成', 'Make rows from the pasted CSRs')}
        </button>
      </div>
      <Show when={failures().length > 0}>
        <ul class="notice notice-warn" role="alert" data-testid="csr-import-failures">
          <For each={failures()}>{(f) => <li>{`${f.source}: ${tr(f.message)}`}</li>}</For>
        </ul>
      </Show>
    </details>
  );
};
