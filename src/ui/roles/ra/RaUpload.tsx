// 「●サーバ証明書 発行・更新・失効画面」 and its client twin (002 §1-1-4, SPEC §7.2): 処理内容 with that
// screen's three kinds, the error-mode radios, the file, [アップロード] → the 「審査項目」 confirmation
// (OK / キャンセル) → the engine's completion or error screen. Progress and cancel for long client uploads.
import { For, Show, createEffect, createSignal, type Component } from 'solid-js';
import type { Family, KindId, Text } from '../../../spec/types';
import type { ErrorMode, P12Format, UploadResult } from '../../../ra/types';
import { LIMITS } from '../../../spec/profiles';
import { t, tr } from '../../i18n';
import { UploadCancelled, startUpload, type RunningUpload } from '../../ra/ra-client';
import { refresh } from '../../ra/ra-store';
import { UploadResultView } from '../../ra/UploadResultView';

const KINDS: Record<Family, { id: KindId; ja: string; en: string }[]> = {
  server: [
    { id: 'server-issue', ja: 'サーバ証明書 発行', en: 'Server certificate: issue' },
    { id: 'server-renew', ja: 'サーバ証明書 更新', en: 'Server certificate: renew' },
    { id: 'server-revoke', ja: 'サーバ証明書 失効', en: 'Server certificate: revoke' },
  ],
  client: [
    { id: 'client-issue', ja: 'クライアント証明書 発行', en: 'Client certificate: issue' },
    { id: 'client-renew', ja: 'クライアント証明書 更新', en: 'Client certificate: renew' },
    { id: 'client-revoke', ja: 'クライアント証明書 失効', en: 'Client certificate: revoke' },
  ],
};

/**
 * 「審査項目」: the manual says a popup lists review items to confirm, without their wording (SPEC §7.2
 * [Open]). These are the checks 002 asks of the RA operator before an upload (1-1-3, 1-3-2), ours in words.
 */
function reviewItems(kind: KindId): Text[] {
  const items: Text[] = [
    { ja: '申請TSVファイルは、機関の定められた手続きに従い利用管理者から受け取ったものです。', en: 'The TSV file came from the administrator through the institution’s procedure.' },
    { ja: '利用管理者の本人性・実在性を、機関の定められた手続きに従い審査しました。', en: 'The administrator’s identity and existence were checked as the institution requires.' },
  ];
  if (kind.endsWith('-revoke')) items.push({ ja: '失効対象の証明書（シリアル番号）に誤りがないことを確認しました。', en: 'The certificates to revoke (serial numbers) are the right ones.' });
  else items.push({ ja: '申請内容（主体者DN・ドメイン・利用者）が、申請どおりであることを確認しました。', en: 'The applications (subject DN, domains, users) are as requested.' });
  return items;
}

export const RaUpload: Component<{ family: Family }> = (props) => {
  // eslint-disable-next-line solid/reactivity -- a screen is for one family; the first kind is only the initial choice
  const [kind, setKind] = createSignal<KindId>(KINDS[props.family][0].id);
  const [mode, setMode] = createSignal<ErrorMode>('abort');
  const [p12, setP12] = createSignal<P12Format>('modern');
  const [file, setFile] = createSignal<File>();
  const [confirming, setConfirming] = createSignal(false);
  const [running, setRunning] = createSignal<RunningUpload>();
  const [progress, setProgress] = createSignal<{ done: number; total: number }>();
  const [result, setResult] = createSignal<UploadResult>();
  const [message, setMessage] = createSignal<Text>();
  let dialog: HTMLDialogElement | undefined;
  createEffect(() => {
    if (!dialog) return;
    if (confirming() && !dialog.open) dialog.showModal();
    else if (!confirming() && dialog.open) dialog.close();
  });
  const familyName = () => (props.family === 'server' ? t('サーバ証明書', 'Server certificate') : t('クライアント証明書', 'Client certificate'));

  const askReview = () => {
    if (!file() || running()) return;
    setResult(undefined);
    setMessage(undefined);
    setConfirming(true);
  };

  const upload = async () => {
    setConfirming(false);
    const f = file();
    if (!f) return;
    if (f.size > LIMITS.maxFileBytes) {
      setMessage({ ja: 'ファイルが大きすぎます。', en: 'The file is too large.' });
      return;
    }
    const bytes = new Uint8Array(await f.arrayBuffer());
    const job = startUpload({ bytes, fileName: f.name, kind: kind(), mode: mode(), p12Format: p12() }, (done, total) => setProgress({ done, total }));
    setRunning(job);
    try {
      setResult(await job.promise);
    } catch (err) {
      setMessage(
        err instanceof UploadCancelled
          ? { ja: 'アップロードをキャンセルしました。何も登録されていません。', en: 'The upload was cancelled. Nothing was registered.' }
          : { ja: String(err), en: String(err) },
      );
    } finally {
      setRunning(undefined);
      setProgress(undefined);
      await refresh();
    }
  };

  return (
    <section class="nii-upload" data-testid={`nii-upload-${props.family}`} data-guide="ra-upload" data-family={props.family}>
      <h2 data-testid="nii-upload-title">●{familyName()} {t('発行・更新・失効画面', 'issue / renew / revoke')}</h2>
      <p>{props.family === 'server' ? t('サーバ証明書申請ファイルをアップロードして下さい。', 'Upload a server certificate application file.') : t('クライアント証明書申請ファイルをアップロードして下さい。', 'Upload a client certificate application file.')}</p>
      <div class="form-row">
        <label for="nii-kind">{t('処理内容', 'Processing')}</label>
        <select id="nii-kind" data-testid="nii-kind" value={kind()} onChange={(e) => setKind(e.currentTarget.value as KindId)} disabled={!!running()}>
          <For each={KINDS[props.family]}>{(o) => <option value={o.id}>{t(o.ja, o.en)}</option>}</For>
        </select>
      </div>
      <fieldset class="ra-fieldset">
        <legend>{t('処理中にエラーが発生した場合', 'If an error occurs during processing')}</legend>
        <label class="ra-choice">
          <input type="radio" name="nii-mode" checked={mode() === 'abort'} onChange={() => setMode('abort')} />
          {t('全件処理を中断する', 'Abort the whole file')}
        </label>
        <label class="ra-choice">
          <input type="radio" name="nii-mode" data-testid="nii-mode-valid-only" checked={mode() === 'valid-only'} onChange={() => setMode('valid-only')} />
          {t('入力値不備のないデータのみ登録する', 'Register only the records without errors')}
        </label>
      </fieldset>
      <Show when={props.family === 'client' && kind() !== 'client-revoke'}>
        <div class="form-row">
          <label for="nii-p12">{t('P12ファイルの形式（模擬の設定）', 'P12 format (simulator setting)')}</label>
          <select id="nii-p12" value={p12()} onChange={(e) => setP12(e.currentTarget.value as P12Format)}>
            <option value="modern">{t('標準（AES-256・PBKDF2）', 'Standard (AES-256, PBKDF2)')}</option>
            <option value="legacy">{t('旧形式（3DES）', 'Legacy (3DES)')}</option>
          </select>
        </div>
      </Show>
      <div class="form-row">
        <input type="file" accept=".tsv,.txt" data-testid="nii-file" onChange={(e) => setFile(e.currentTarget.files?.[0])} disabled={!!running()} />
      </div>
      <button type="button" data-testid="nii-upload" disabled={!file() || !!running()} onClick={askReview}>
        アップロード
      </button>
      {/* A modal <dialog>: focus moves into it, Esc cancels, the page behind is inert while it is open. */}
      <dialog
        ref={dialog}
        class="nii-review"
        aria-labelledby="nii-review-title"
        data-testid="nii-review"
        onCancel={() => setConfirming(false)}
        onClose={() => setConfirming(false)}
      >
        <h3 id="nii-review-title">審査項目</h3>
        <p class="hint">{t('各項目を確認後、問題がなければ[OK]を選択してください。（項目の文言は模擬: マニュアルに記載なし）', 'Check each item, then choose [OK]. (Wording simulated: the manual does not give it.)')}</p>
        <ul>
          <For each={reviewItems(kind())}>{(item) => <li>{tr(item)}</li>}</For>
        </ul>
        <div class="ra-buttons">
          <button type="button" data-testid="nii-review-ok" onClick={() => void upload()}>
            OK
          </button>
          <button type="button" class="secondary" data-testid="nii-review-cancel" onClick={() => setConfirming(false)}>
            キャンセル
          </button>
        </div>
      </dialog>
      <Show when={running()}>
        <div class="notice" role="status" data-testid="nii-progress">
          <Show when={progress() && progress()!.total > 0} fallback={t('処理中…', 'Processing…')}>
            <progress max={progress()!.total} value={progress()!.done} /> {progress()!.done} / {progress()!.total}
          </Show>{' '}
          <button type="button" class="secondary" onClick={() => running()?.cancel()}>
            {t('キャンセル', 'Cancel')}
          </button>
        </div>
      </Show>
      <Show when={message()}>
        <p class="notice notice-warn" role="status">
          {tr(message()!)}
        </p>
      </Show>
      <div class="ra-page">
        <Show when={result()}>{(r) => <UploadResultView result={r()} />}</Show>
      </div>
    </section>
  );
};
