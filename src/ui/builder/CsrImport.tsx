// Server issue/renew: rows from the CSRs people already have — one or many .csr/.pem files, or pasted PEM.
// Each CSR makes a row (builder/from-csr.ts), or the first fills the row last focused in the grid when the user keeps
// 「選択中の行に入れる」 ticked; a file that is not a CSR is named, never silently skipped.
import { For, Show, createSignal, type Component } from 'solid-js';
import { placeCsrs, readCsrs, type CsrRead } from '../../builder/from-csr';
import type { Text } from '../../spec/types';
import { FileDrop } from '../components/FileDrop';
import { t, tr } from '../i18n';
import { readFileBytes } from './download';
import type { BuilderState } from './state';

export const CsrImport: Component<{ state: BuilderState; announce: (text: string) => void; focusedRow: { id: string; index: number } | null }> = (props) => {
  const [text, setText] = createSignal('');
  const [intoFocused, setIntoFocused] = createSignal(true);
  const [failures, setFailures] = createSignal<{ source: string; message: Text }[]>([]);
  const [busy, setBusy] = createSignal(false);
  /** What the last import did, shown in the panel too (the announcer is for screen readers). */
  const [last, setLast] = createSignal('');

  const addRows = (reads: CsrRead[]) => {
    const good = reads.filter((r): r is Extract<CsrRead, { ok: true }> => r.ok);
    setFailures(reads.filter((r): r is Extract<CsrRead, { ok: false }> => !r.ok).map((r) => ({ source: r.source, message: r.message })));
    if (good.length === 0) return;
    const target = intoFocused() ? props.focusedRow : null;
    const placed = placeCsrs(props.state.spec(), good.map((r) => r.info), target?.id ?? null);
    if (placed.fill) props.state.setRowCells(placed.fill.rowId, placed.fill.updates);
    if (placed.add.length > 0) props.state.addFilledRows(placed.add);
    const filled = placed.fill && target ? t(`行${target.index + 1}をCSRで埋めました（「元に戻す」で戻せます）`, `Filled row ${target.index + 1} from the CSR (Undo restores it)`) : '';
    const added = placed.add.length > 0 ? t(`CSR ${placed.add.length}件から行を追加しました`, `added ${placed.add.length} row(s) from CSRs`) : '';
    props.announce(t([filled, added].filter(Boolean).join('。') + '。', [filled, added].filter(Boolean).join('; ') + '.'));
    setLast(t([filled, added].filter(Boolean).join('。') + '。', [filled, added].filter(Boolean).join('; ') + '.'));
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
      <Show when={props.focusedRow}>
        {(row) => (
          <div class="form-row">
            <input id="csr-into-focused" type="checkbox" checked={intoFocused()} onChange={(e) => setIntoFocused(e.currentTarget.checked)} />
            <label for="csr-into-focused">{t(`選択中の行（行${row().index + 1}）に入れる（最初のCSR。2件目からは行を追加）`, `Put it into the selected row (row ${row().index + 1}; the first CSR, further ones add rows)`)}</label>
          </div>
        )}
      </Show>
      <FileDrop label={t('CSRファイル（.csr .pem、複数可）', 'CSR files (.csr .pem, several at once)')} accept=".csr,.pem,.txt,.der" multiple onFiles={(f) => void onFiles(f)} testId="csr-files" />
      <label for="csr-paste">{t('またはPEMを貼り付け（複数可）', 'Or paste PEM (several allowed)')}</label>
      <textarea id="csr-paste" class="mono" rows="4" value={text()} onInput={(e) => setText(e.currentTarget.value)} data-testid="csr-paste" />
      <div class="form-row">
        <button type="button" class="secondary" disabled={busy() || !text().trim()} onClick={() => void onPasted()}>
          {t('貼り付けたCSRから作成', 'Make rows from the pasted CSRs')}
        </button>
      </div>
      <Show when={last()}>
        <p class="hint" data-testid="csr-import-result">{last()}</p>
      </Show>
      <Show when={failures().length > 0}>
        <ul class="notice notice-warn" role="alert" data-testid="csr-import-failures">
          <For each={failures()}>{(f) => <li>{`${f.source}: ${tr(f.message)}`}</li>}</For>
        </ul>
      </Show>
    </details>
  );
};
