// 模擬RA: the simulated RA/CA for trainers, demo sessions and RA operators checking a file end to end
// offline. The engine runs in a Web Worker on IndexedDB (ra-client.ts); this page only renders its view.
// Tabs are sub-paths (#/ra/upload, #/ra/mail, #/ra/certs, #/ra/trainer); every panel stays mounted so a
// running upload keeps its progress while the trainer looks at the mails.
import { For, Show, createSignal, onCleanup, onMount, type Component } from 'solid-js';
import type { RouteProps } from '../app/routes';
import { href } from '../app/router';
import { t } from '../i18n';
import { CertificatesPanel } from './CertificatesPanel';
import { MailPanel } from './MailPanel';
import { interruptedUpload, loadError, refresh, view } from './ra-store';
import { RaNotices } from './RaNotices';
import { BackupControls, TrainerPanel } from './TrainerPanel';
import { UploadPanel } from './UploadPanel';
import './ra.css';

const TABS = [
  { id: 'upload', ja: 'アップロード', en: 'Upload' },
  { id: 'mail', ja: 'メール', en: 'Mail' },
  { id: 'certs', ja: '証明書', en: 'Certificates' },
  { id: 'trainer', ja: 'トレーナー', en: 'Trainer' },
] as const;

type TabId = (typeof TABS)[number]['id'];

const RaPage: Component<RouteProps> = (props) => {
  const tab = (): TabId => (TABS.find((x) => x.id === props.rest[0])?.id ?? 'upload');
  const [interrupted, setInterrupted] = createSignal<{ fileName: string; committed: boolean }>();

  onMount(() => {
    void refresh().then((first) => {
      if (first) setInterrupted(interruptedUpload(first));
    });
  });
  // Another tab (a second trainee, the trainer) may have changed the shared store meanwhile.
  const onVisible = () => document.visibilityState === 'visible' && void refresh();
  document.addEventListener('visibilitychange', onVisible);
  onCleanup(() => document.removeEventListener('visibilitychange', onVisible));

  return (
    <section class="ra-page">
      <h1>{t('模擬RA', 'Simulated RA')}</h1>
      <p class="hint">
        {t(
          '研修用の模擬RA・認証局です。証明書・メールはすべてこのブラウザの中だけで作られ、実際には送信・発行されません（証明書は「NOT TRUSTED」）。',
          'A training copy of the RA and CA. Certificates and mails are made only inside this browser; nothing is sent or really issued (the certificates say “NOT TRUSTED”).',
        )}
      </p>
      <nav class="ra-tabs" aria-label={t('模擬RAの画面', 'Simulated RA screens')}>
        <For each={TABS}>
          {(x) => (
            <a href={href(`/ra/${x.id}`)} aria-current={tab() === x.id ? 'page' : undefined} data-testid={`ra-tab-${x.id}`}>
              {t(x.ja, x.en)}
              <Show when={x.id === 'mail' && (view()?.mails.length ?? 0) > 0}> ({view()!.mails.length})</Show>
            </a>
          )}
        </For>
      </nav>
      <Show when={interrupted()}>
        {(i) => (
          <div class="notice notice-warn" role="status" data-testid="ra-interrupted">
            {i().committed
              ? t(
                  `前回のアップロード（${i().fileName}）は画面を離れる前に完了し、登録されています。`,
                  `The previous upload (${i().fileName}) finished before the page was left and is registered.`,
                )
              : t(
                  `前回のアップロード（${i().fileName}）は完了前に中断されたため、何も登録されていません。必要ならもう一度アップロードしてください。`,
                  `The previous upload (${i().fileName}) was interrupted before it finished, so nothing of it was registered. Upload it again if needed.`,
                )}
            <button type="button" class="secondary" onClick={() => setInterrupted(undefined)}>
              {t('閉じる', 'Dismiss')}
            </button>
          </div>
        )}
      </Show>
      <RaNotices testId="ra-notice">
        <Show when={!view()}>
          <p class="hint">
            {t(
              '保存されている状態を開けません。バックアップから復元するか、リセットして最初からやり直してください。',
              'The stored state cannot be opened. Restore a backup, or reset and start afresh.',
            )}
          </p>
          <div data-testid="ra-recovery">
            <BackupControls recovery />
          </div>
        </Show>
      </RaNotices>
      <Show
        when={view()}
        fallback={
          !loadError() && (
          <p class="loading" role="status">
            {t('模擬RAを準備中…（初回は認証局の鍵を作成するため数秒かかります）', 'Preparing the simulated RA… (the first start makes the CA keys and takes a few seconds)')}
          </p>
          )
        }
      >
        <div hidden={tab() !== 'upload'}>
          <UploadPanel />
        </div>
        <div hidden={tab() !== 'mail'}>
          <MailPanel />
        </div>
        <div hidden={tab() !== 'certs'}>
          <CertificatesPanel />
        </div>
        <div hidden={tab() !== 'trainer'}>
          <TrainerPanel />
        </div>
      </Show>
    </section>
  );
};

export default RaPage;
