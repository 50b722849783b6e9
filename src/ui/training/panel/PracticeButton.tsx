// 「練習用ファイルを作る」 on an upload step: the file is made in this browser from the simulated institution (see
// practice.ts) and saved; a server key is saved only encrypted, its passphrase shown here. The hint beside it points
// to the builder for those who want to make the file by hand. A retry step (`sameAs`) saves again the very file made
// at the earlier step, kept in memory for this page (not stored: after a reload a fresh file is made instead).
import { Show, createSignal, type Component } from 'solid-js';
import type { Scenario, Step } from '../../../training/scenario';
import type { Text } from '../../../spec/types';
import { downloadBytes } from '../../builder/download';
import { href } from '../../app/router';
import { t, tr } from '../../i18n';
import { refresh, view } from '../../ra/ra-store';
import { eventsAfter } from '../session';
import { PRACTICE, makePracticeFile, type PracticeFile } from './practice';

/** The files made on this page, by `<scenario>/<step>`, for a later step that uploads the same file again. */
const madeHere = new Map<string, PracticeFile>();

export const PracticeButton: Component<{ scenario: Scenario; step: Step }> = (props) => {
  const spec = () => PRACTICE[`${props.scenario.id}/${props.step.id}`];
  const [busy, setBusy] = createSignal(false);
  const [made, setMade] = createSignal<PracticeFile>();
  const [error, setError] = createSignal<Text>();
  const make = async () => {
    const s = spec();
    if (!s || busy()) return;
    setBusy(true);
    setError(undefined);
    const key = `${props.scenario.id}/${props.step.id}`;
    const earlier = s.sameAs ? madeHere.get(`${props.scenario.id}/${s.sameAs}`) : undefined;
    if (earlier) {
      setMade(earlier);
      downloadBytes(earlier.fileName, earlier.bytes, 'text/tab-separated-values');
      setBusy(false);
      return;
    }
    try {
      // Right after a reload the view may not be back from the worker yet: ask for it rather than report
      // "no institution" for a state that has one.
      const current = view() ?? (await refresh());
      const r = await makePracticeFile(s, current?.institutions[0], await eventsAfter(0));
      if (r.ok) {
        madeHere.set(key, r.file);
        setMade(r.file);
        downloadBytes(r.file.fileName, r.file.bytes, 'text/tab-separated-values');
      } else setError(r.message);
    } catch (err) {
      setError({ ja: `作れませんでした: ${String(err)}`, en: `Could not make it: ${String(err)}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Show when={spec()}>
      <div class="tp-practice" data-testid="tp-practice-box">
        <button type="button" class="secondary" data-testid="tp-practice" data-same-as={spec().sameAs} disabled={busy()} onClick={() => void make()}>
          {busy() ? t('作成中…', 'Making…') : spec().sameAs ? t('前のファイルをもう一度保存', 'Save the earlier file again') : t('練習用ファイルを作る', 'Make a practice file')}
        </button>{' '}
        <span class="hint">
          {t('自分で作る場合は ', 'To make it yourself, use ')}
          <a href={href('/builder')}>{t('TSV作成', 'Build TSV')}</a>
          {t(' を使います。', '.')}
        </span>
        <Show when={made()}>
          {(f) => (
            <p class="hint" role="status" data-testid="tp-practice-made">
              {t(`${f().fileName} を保存しました。処理内容を合わせてアップロードしてください。`, `Saved ${f().fileName}; upload it with the matching processing kind.`)}
              <Show when={f().key}>
                {(k) => (
                  <>
                    {' '}
                    <button type="button" class="link-button" onClick={() => downloadBytes(k().fileName, k().pem, 'application/pkcs8')}>
                      {t('秘密鍵（暗号化済み）を保存', 'Save the private key (encrypted)')}
                    </button>{' '}
                    {t('パスフレーズ: ', 'Passphrase: ')}
                    <span class="mono">{k().passphrase}</span>
                  </>
                )}
              </Show>
            </p>
          )}
        </Show>
        <Show when={error()}>
          <p class="notice notice-error" role="alert" data-testid="tp-practice-error">
            {tr(error()!)}
          </p>
        </Show>
      </div>
    </Show>
  );
};
