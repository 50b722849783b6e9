// Drop or choose any mix of files (or a folder): RA lists, zips, certificates, P12s. A P12 asks for its PIN
// here, in the page (never a browser prompt), and the PIN is used once and forgotten.
import { createSignal, For, Show, type Component } from 'solid-js';
import type { Phase } from './import-protocol';
import { t, tr } from '../i18n';
import type { InventoryState } from './state';

const PHASES: Record<Phase, { ja: string; en: string }> = {
  reading: { ja: '読み込み中…', en: 'Reading…' },
  checking: { ja: '証明書を確認中…', en: 'Checking certificates…' },
  merging: { ja: '統合中…', en: 'Merging…' },
  saving: { ja: 'ブラウザ内に保存中…', en: 'Saving in this browser…' },
  showing: { ja: '表示の準備中…', en: 'Preparing the table…' },
};

export const ImportPanel: Component<{ state: InventoryState }> = (props) => {
  const [dragging, setDragging] = createSignal(false);
  const [pinFor, setPinFor] = createSignal<{ name: string; resolve: (pin: string | null) => void }>();
  let pinInput: HTMLInputElement | undefined;

  const askPin = (name: string) =>
    new Promise<string | null>((resolve) => {
      setPinFor({ name, resolve });
      queueMicrotask(() => pinInput?.focus());
    });
  const answerPin = (pin: string | null) => {
    pinFor()?.resolve(pin);
    setPinFor(undefined);
  };

  const take = async (list: FileList | null | undefined) => {
    if (!list || list.length === 0) return;
    // The files go to the import worker as Blobs (by reference): the page never holds their bytes.
    await props.state.addFiles([...list].map((f) => ({ name: f.webkitRelativePath || f.name, blob: f })), askPin);
  };

  return (
    <section class="inv-import" aria-labelledby="inv-import-h" data-timings={JSON.stringify(props.state.timings())}>
      <h2 id="inv-import-h">{t('ファイルの読み込み', 'Read files')}</h2>
      <div
        class="drop-zone"
        classList={{ dragging: dragging() }}
        data-testid="inventory-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void take(e.dataTransfer?.files);
        }}
      >
        <p>
          {t(
            'RAのダウンロードファイル（サーバ・クライアント・全証明書の一括ダウンロード、clientPin.txt、clientAllPin.txt、client.txt、それらのzip）、証明書（PEM・DER・チェーン）、P12 をまとめてドロップできます。',
            'Drop any mix of the RA’s download files (server / client / all-certificate lists, clientPin.txt, clientAllPin.txt, client.txt, their zips), certificates (PEM, DER, chains) and P12 files.',
          )}
        </p>
        <p class="hint">{t('ファイルはこのブラウザ内で読むだけで、どこにも送信しません。', 'Files are only read in this browser and sent nowhere.')}</p>
        <label>
          {t('ファイルを選択', 'Choose files')}{' '}
          <input
            type="file"
            multiple
            onChange={(e) => {
              // currentTarget is gone once the handler returns: keep the element to empty it after the import
              // (so choosing the same file again is a change).
              const input = e.currentTarget;
              void take(input.files).then(() => (input.value = ''));
            }}
            data-testid="inventory-files"
          />
        </label>{' '}
        <label>
          {t('フォルダを選択', 'Choose a folder')}{' '}
          <input type="file" {...{ webkitdirectory: true }} onChange={(e) => void take(e.currentTarget.files)} />
        </label>
      </div>
      <Show when={pinFor()}>
        {(p) => (
          <form
            class="notice inv-pin"
            onSubmit={(e) => {
              e.preventDefault();
              answerPin(pinInput?.value ?? '');
            }}
          >
            <label>
              {t(`${p().name} のPIN（アクセスPIN）`, `PIN (access PIN) of ${p().name}`)}{' '}
              <input ref={pinInput} type="password" autocomplete="off" data-testid="inventory-pin" />
            </label>{' '}
            <button type="submit">{t('開く', 'Open')}</button>{' '}
            <button type="button" onClick={() => answerPin(null)}>
              {t('このファイルを飛ばす', 'Skip this file')}
            </button>
            <p class="hint">{t('証明書だけを読み、秘密鍵は読み込みも保存もしません。', 'Only the certificate is read; the private key is neither kept nor stored.')}</p>
          </form>
        )}
      </Show>
      <Show when={props.state.progress()}>
        {(p) => (
          <p role="status" class="inv-progress">
            {tr(PHASES[p().phase])} {p().done ? `${p().done}${p().total ? ` / ${p().total}` : ''}` : ''}{' '}
            <Show when={p().cancellable}>
              <button type="button" onClick={() => props.state.cancelImport()} data-testid="inventory-cancel">
                {t('中止', 'Cancel')}
              </button>
            </Show>
          </p>
        )}
      </Show>
      <Show when={props.state.saving()}>
        <p role="status" class="inv-saving hint" data-testid="inventory-saving">
          {t('保存中…（表の操作はそのまま続けられます）', 'Saving… (the table can be used meanwhile)')}
        </p>
      </Show>
      <Show when={props.state.results().length > 0}>
        <ul class="inv-results" data-testid="inventory-results">
          <For each={props.state.results()}>
            {(r) => (
              <li classList={{ 'result-ng': !!r.error }}>
                <strong>{r.file}</strong>: {r.error ? tr(r.error) : t(`${r.count} 件（${r.format}${r.encoding ? `、${r.encoding}` : ''}）`, `${r.count} record(s) (${r.format}${r.encoding ? `, ${r.encoding}` : ''})`)}
                <For each={r.notes}>{(n) => <span class="hint"> — {tr(n)}</span>}</For>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.state.storeError()}>
        <p class="notice notice-warn">{t('ブラウザ内への保存に失敗しました（表示は続けます）: ', 'Could not keep the inventory in this browser (still shown): ')}{props.state.storeError()}</p>
      </Show>
    </section>
  );
};
