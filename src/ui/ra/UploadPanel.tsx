// The RA operator's upload screen (SPEC §7.2, ADDENDUM A): 処理内容, the error-mode radio group, the P12
// format, the file, [アップロード]; while it runs: counts, time left and a cancel button; then the
// completion or error screen as the engine words it.
import { For, Show, createSignal, onCleanup, type Component } from 'solid-js';
import type { KindId, Text } from '../../spec/types';
import type { ErrorMode, P12Format, UploadResult } from '../../ra/types';
import { LIMITS } from '../../spec/profiles';
import { makeIssue } from '../../tsv/issue';
import { FileDrop } from '../components/FileDrop';
import { t, tr } from '../i18n';
import { UploadCancelled, startUpload, type RunningUpload } from './ra-client';
import { forgetUpload, refresh, rememberUpload, view } from './ra-store';
import { UploadResultView } from './UploadResultView';

const KIND_OPTIONS: { id: KindId; ja: string; en: string }[] = [
  { id: 'server-issue', ja: 'サーバ証明書 発行', en: 'Server certificate: issue' },
  { id: 'server-renew', ja: 'サーバ証明書 更新', en: 'Server certificate: renew' },
  { id: 'server-revoke', ja: 'サーバ証明書 失効', en: 'Server certificate: revoke' },
  { id: 'client-issue', ja: 'クライアント証明書 発行', en: 'Client certificate: issue' },
  { id: 'client-renew', ja: 'クライアント証明書 更新', en: 'Client certificate: renew' },
  { id: 'client-revoke', ja: 'クライアント証明書 失効', en: 'Client certificate: revoke' },
];

interface Progress {
  startedAt: number;
  done: number;
  total: number;
}

/** Seconds left, extrapolated from the keys made so far (key generation dominates a bulk upload). */
function secondsLeft(p: Progress, now: number): number | undefined {
  if (p.done === 0 || p.done >= p.total) return undefined;
  const perItem = (now - p.startedAt) / p.done;
  return Math.ceil((perItem * (p.total - p.done)) / 1000);
}

export const UploadPanel: Component = () => {
  const [kind, setKind] = createSignal<KindId>('server-issue');
  const [mode, setMode] = createSignal<ErrorMode>('abort');
  const [p12, setP12] = createSignal<P12Format>('modern');
  const [file, setFile] = createSignal<File>();
  const [running, setRunning] = createSignal<RunningUpload>();
  const [progress, setProgress] = createSignal<Progress>();
  const [result, setResult] = createSignal<UploadResult>();
  /** After a cancel: whether the upload had committed just before the worker stopped. */
  const [cancelled, setCancelled] = createSignal<{ committed: boolean }>();
  const [failure, setFailure] = createSignal<Text>();
  const [clock, setClock] = createSignal(Date.now());
  const timer = setInterval(() => running() && setClock(Date.now()), 500);
  onCleanup(() => clearInterval(timer));

  const isClient = () => kind().startsWith('client-') && kind() !== 'client-revoke';

  const upload = async () => {
    const f = file();
    if (!f || running()) return;
    setResult(undefined);
    setCancelled(undefined);
    setFailure(undefined);
    if (f.size > LIMITS.maxFileBytes) {
      // Refused before reading, as the validator page does: reading it would only stall the tab.
      const issue = makeIssue('fileTooLarge', { seq: 0 }, { size: `${(f.size / 1024 / 1024).toFixed(1)} MB` });
      setFailure({ ja: `${issue.code}: ${issue.message.ja}`, en: `${issue.code}: ${issue.message.en}` });
      return;
    }
    const bytes = new Uint8Array(await f.arrayBuffer());
    const startedAt = Date.now();
    setProgress({ startedAt, done: 0, total: 0 });
    const uploadsBefore = view()?.uploads.length ?? 0;
    rememberUpload(f.name, uploadsBefore);
    const job = startUpload({ bytes, fileName: f.name, kind: kind(), mode: mode(), p12Format: p12() }, (done, total) =>
      setProgress({ startedAt, done, total }),
    );
    setRunning(job);
    try {
      setResult(await job.promise);
      // The result screen lays out in its own frame before the view's refresh re-renders the panels around it
      // (both in one task was the batch's one long task, ≈ 55 ms). A hidden tab has no frames: 100 ms at most.
      await new Promise((done) => {
        requestAnimationFrame(() => setTimeout(done, 0));
        setTimeout(done, 100);
      });
    } catch (err) {
      if (err instanceof UploadCancelled) {
        const after = await refresh();
        setCancelled({ committed: !!after?.uploads.slice(uploadsBefore).some((u) => u.fileName === f.name) });
      } else {
        const message = err instanceof Error ? err.message : String(err);
        setFailure({ ja: message, en: message });
      }
    } finally {
      forgetUpload();
      setRunning(undefined);
      setProgress(undefined);
      await refresh();
    }
  };

  return (
    <section class="ra-upload" aria-labelledby="ra-upload-title" data-guide="ra-upload">
      <h2 id="ra-upload-title">{t('●証明書 発行・更新・失効画面', '● Certificate issue / renew / revoke')}</h2>
      <p>{t('申請ファイルをアップロードして下さい。', 'Upload an application file.')}</p>
      <div class="form-row">
        <label for="ra-kind">{t('処理内容', 'Processing')}</label>
        <select id="ra-kind" value={kind()} onChange={(e) => setKind(e.currentTarget.value as KindId)} disabled={!!running()}>
          <For each={KIND_OPTIONS}>{(o) => <option value={o.id}>{t(o.ja, o.en)}</option>}</For>
        </select>
      </div>
      <fieldset class="ra-fieldset">
        <legend>{t('処理中にエラーが発生した場合', 'If an error occurs during processing')}</legend>
        <label class="ra-choice">
          <input type="radio" name="ra-mode" value="abort" checked={mode() === 'abort'} onChange={() => setMode('abort')} />
          {t('全件処理を中断する', 'Abort the whole file')}
        </label>
        <label class="ra-choice">
          <input type="radio" name="ra-mode" value="valid-only" checked={mode() === 'valid-only'} onChange={() => setMode('valid-only')} />
          {t('入力値不備のないデータのみ登録する', 'Register only the records without errors')}
        </label>
        <p class="hint">
          {t(
            '※ アップロードを行うTSVファイルの管理を容易にするために、通常は「全件処理を中断する」を選択することを推奨致します。',
            '※ To keep the uploaded TSV files easy to manage, “Abort the whole file” is normally recommended.',
          )}
        </p>
      </fieldset>
      <Show when={isClient()}>
        <div class="form-row">
          <label for="ra-p12">{t('P12ファイルの形式', 'P12 file format')}</label>
          <select id="ra-p12" value={p12()} onChange={(e) => setP12(e.currentTarget.value as P12Format)} disabled={!!running()}>
            <option value="modern">{t('標準（AES-256・PBKDF2）', 'Standard (AES-256, PBKDF2)')}</option>
            <option value="legacy">{t('旧形式（3DES・古いOS向け）', 'Legacy (3DES, for old systems)')}</option>
          </select>
        </div>
      </Show>
      <FileDrop label={t('申請ファイル', 'Application file')} accept=".tsv,.txt,text/tab-separated-values,text/plain" onFile={setFile} testId="ra-drop">
        <p class="hint" data-testid="ra-file-name">
          {file() ? t(`選択中: ${file()!.name}`, `Selected: ${file()!.name}`) : t('拡張子 .tsv または .txt（Shift-JIS）', 'Extension .tsv or .txt (Shift-JIS)')}
        </p>
      </FileDrop>
      <p>
        <button type="button" data-testid="ra-upload" disabled={!file() || !!running()} onClick={upload}>
          {t('アップロード', 'Upload')}
        </button>
      </p>
      <Show when={progress()}>{(p) => <ProgressView progress={p()} now={clock()} onCancel={() => running()?.cancel()} />}</Show>
      <Show when={cancelled()}>
        {(c) => (
          <div class="notice notice-warn" role="status" data-testid="ra-cancelled">
            {c().committed
              ? t(
                  'キャンセルが間に合わず、アップロードは完了して登録されました（メール・証明書一覧を確認してください）。',
                  'The cancel came too late: the upload had finished and is registered (see the mails and certificates).',
                )
              : t('アップロードをキャンセルしました。何も登録されていません。', 'The upload was cancelled. Nothing was registered.')}
          </div>
        )}
      </Show>
      <Show when={failure()}>
        <div class="notice notice-error" role="alert">
          {t('アップロードを処理できませんでした: ', 'The upload could not be processed: ')}
          {tr(failure()!)}
        </div>
      </Show>
      <Show when={result()}>{(r) => <UploadResultView result={r()} />}</Show>
    </section>
  );
};

const ProgressView: Component<{ progress: Progress; now: number; onCancel: () => void }> = (props) => {
  const elapsed = () => Math.max(0, Math.round((props.now - props.progress.startedAt) / 1000));
  const left = () => secondsLeft(props.progress, props.now);
  return (
    <div class="ra-progress notice" role="status" data-testid="ra-progress">
      <Show
        when={props.progress.total > 0}
        fallback={<p>{t('処理中…（検証・審査）', 'Processing… (validation and checks)')}</p>}
      >
        <p data-testid="ra-progress-count">
          {t(
            `鍵ペア・証明書の作成中: ${props.progress.done} / ${props.progress.total} 件`,
            `Making key pairs and certificates: ${props.progress.done} / ${props.progress.total}`,
          )}
        </p>
        <progress max={props.progress.total} value={props.progress.done} />
        <p>
          <Show when={left() !== undefined} fallback={props.progress.done >= props.progress.total ? t('P12・zipファイルを作成中…', 'Building P12 and zip files…') : ''}>
            {t(`残り約 ${left()} 秒`, `About ${left()} s left`)}
          </Show>
        </p>
      </Show>
      <p class="hint">{t(`経過 ${elapsed()} 秒`, `${elapsed()} s elapsed`)}</p>
      <button type="button" class="secondary" data-testid="ra-cancel" onClick={() => props.onCancel()}>
        {t('キャンセル', 'Cancel')}
      </button>
    </div>
  );
};
