// 「研修パックを保存」 (the present simulated state + the prepared scenario + a title, passphrase typed twice) and
// 「研修パックを開く」 (refused with the reason and nothing changed, or restored and started at step 1).
import { For, Show, createSignal, type Component } from 'solid-js';
import type { Text } from '../../../spec/types';
import { FileDrop } from '../../components/FileDrop';
import { downloadBytes } from '../../builder/download';
import { t, tr } from '../../i18n';
import { jst, view } from '../../ra/ra-store';
import { MIN_PASSPHRASE, buildPack, openPack } from './pack-io';
import { prepared } from './trainer-state';

export const PackControls: Component = () => {
  const [title, setTitle] = createSignal('');
  const [pass, setPass] = createSignal('');
  const [pass2, setPass2] = createSignal('');
  /** What is running (making or opening a pack takes seconds for a large state); shown in a live region. */
  const [busy, setBusyText] = createSignal<Text>();
  const setBusy = (on: boolean, text: Text = { ja: '処理中…', en: 'Working…' }) => setBusyText(on ? text : undefined);
  const [saveMsg, setSaveMsg] = createSignal<{ ok: boolean; text: Text }>();
  const [file, setFile] = createSignal<File>();
  const [openPass, setOpenPass] = createSignal('');
  const [openMsg, setOpenMsg] = createSignal<{ ok: boolean; text: Text; details?: string[] }>();

  const canSave = () => busy() === undefined && prepared() !== undefined && [...pass()].length >= MIN_PASSPHRASE && pass() === pass2();
  const save = async () => {
    const s = prepared();
    if (!s) return;
    setBusy(true, { ja: '研修パックを作成しています…（模擬状態の暗号化）', en: 'Making the training pack… (encrypting the simulated state)' });
    try {
      const r = await buildPack(s, title(), pass());
      if (!r.ok) return void setSaveMsg({ ok: false, text: r.error });
      downloadBytes(r.fileName, r.bytes, 'application/json');
      setSaveMsg({ ok: true, text: { ja: `研修パック ${r.fileName} を保存しました。パスフレーズは受講者に別に伝えてください。`, en: `Saved the training pack ${r.fileName}. Tell the room the passphrase separately.` } });
    } catch (e) {
      const m = e instanceof Error ? e.message : String(e);
      setSaveMsg({ ok: false, text: { ja: `研修パックを作れませんでした: ${m}`, en: `Could not make the training pack: ${m}` } });
    } finally {
      setBusy(false);
    }
  };
  const open = async () => {
    const f = file();
    if (!f) return;
    setBusy(true, { ja: '研修パックを開いています…（検査と復元）', en: 'Opening the training pack… (checking and restoring)' });
    try {
      const r = await openPack(new Uint8Array(await f.arrayBuffer()), openPass());
      if (!r.ok) return void setOpenMsg({ ok: false, text: r.error, details: r.details });
      setOpenMsg({ ok: true, text: { ja: `「${r.title}」を開きました。シナリオ「${r.scenario.title.ja}」をステップ1から始めます。`, en: `Opened “${r.title}”. The scenario “${r.scenario.title.en}” starts at step 1.` } });
    } catch (e) {
      const m = e instanceof Error ? e.message : String(e);
      setOpenMsg({ ok: false, text: { ja: `研修パックを開けません: ${m}`, en: `Cannot open the training pack: ${m}` } });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="ra-box training-packs" data-testid="training-packs">
      <h3>{t('研修パック', 'Training packs')}</h3>
      <p class="hint" data-testid="training-state">
        {t('いまの模擬状態: ', 'The simulated state now: ')}
        <span data-testid="training-state-clock">{jst(view()?.now)}</span>（+<span data-testid="training-state-offset">{view()?.clockOffsetDays ?? 0}</span>{t('日', ' days')}）
        {t('、証明書 ', ', certificates ')}
        <span data-testid="training-state-certs">{view() ? view()!.certificateCounts.server + view()!.certificateCounts.client : 0}</span>
        {t(' 件、メール ', ', mails ')}
        <span data-testid="training-state-mails">{view()?.mails.length ?? 0}</span>
        {t(' 通', '')}
      </p>
      <Show when={busy()}>
        <p class="notice" role="status" data-testid="training-pack-busy">
          {tr(busy()!)}
        </p>
      </Show>
      <h4>{t('研修パックを保存', 'Save a training pack')}</h4>
      <p>
        {t('シナリオ: ', 'Scenario: ')}
        <strong data-testid="training-pack-scenario">{prepared() ? tr(prepared()!.title) : t('（上の一覧で選ぶか、エディタで作ってください）', '(choose one above or write one in the editor)')}</strong>
      </p>
      <div class="form-row">
        <label for="training-pack-title">{t('パックの題名', 'Title of the pack')}</label>
        <input id="training-pack-title" type="text" maxLength={200} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
      </div>
      <div class="form-row">
        <label for="training-pack-pass">{t('パスフレーズ（8文字以上）', 'Passphrase (8+ characters)')}</label>
        <input id="training-pack-pass" type="password" autocomplete="new-password" value={pass()} onInput={(e) => setPass(e.currentTarget.value)} />
      </div>
      <div class="form-row">
        <label for="training-pack-pass2">{t('パスフレーズ（確認）', 'Passphrase again')}</label>
        <input id="training-pack-pass2" type="password" autocomplete="new-password" value={pass2()} onInput={(e) => setPass2(e.currentTarget.value)} />
        <button type="button" data-testid="training-pack-save" disabled={!canSave()} onClick={() => void save()}>
          {t('研修パックを保存', 'Save the training pack')}
        </button>
      </div>
      <Show when={pass2() !== '' && pass2() !== pass()}>
        <p class="hint" role="status">
          {t('確認のパスフレーズが一致しません。', 'The two passphrases differ.')}
        </p>
      </Show>
      <p class="hint">
        {t(
          'パックには模擬RA（とJPNICを使うシナリオではJPNIC）の状態全体が暗号化されて入ります。鍵は研修用CAと模擬利用者のものだけで、ブラウザ発行（方法3）の鍵は入りません。',
          'The pack holds the whole simulated RA state (and JPNIC’s for JPNIC scenarios), encrypted. The only keys are the training CAs’ and the simulated users’; browser-made (method 3) keys are never in it.',
        )}
      </p>
      <Show when={saveMsg()}>
        <p class={saveMsg()!.ok ? 'notice notice-ok' : 'notice notice-error'} role={saveMsg()!.ok ? 'status' : 'alert'} data-testid="training-pack-save-result">
          {tr(saveMsg()!.text)}
        </p>
      </Show>

      <h4>{t('研修パックを開く', 'Open a training pack')}</h4>
      <FileDrop label={t('研修パックのファイル', 'Training pack file')} accept=".json,application/json" onFile={setFile} testId="training-pack-drop">
        <Show when={file()}>
          <p class="hint">{t(`選択中: ${file()!.name}`, `Selected: ${file()!.name}`)}</p>
        </Show>
      </FileDrop>
      <div class="form-row">
        <label for="training-pack-open-pass">{t('パックのパスフレーズ', 'Passphrase of the pack')}</label>
        <input id="training-pack-open-pass" type="password" autocomplete="off" value={openPass()} onInput={(e) => setOpenPass(e.currentTarget.value)} />
        <button type="button" data-testid="training-pack-open" disabled={busy() !== undefined || !file() || openPass() === ''} onClick={() => void open()}>
          {t('研修パックを開く', 'Open the training pack')}
        </button>
      </div>
      <p class="hint">{t('開くと、いまの模擬状態はパックの状態に置き換わります。開けないパックでは何も変わりません。', 'Opening replaces the simulated state with the pack’s; a pack that cannot be opened changes nothing.')}</p>
      <Show when={openMsg()}>
        <div class={openMsg()!.ok ? 'notice notice-ok' : 'notice notice-error'} role={openMsg()!.ok ? 'status' : 'alert'} data-testid="training-pack-open-result">
          {tr(openMsg()!.text)}
          <Show when={openMsg()!.details?.length}>
            <ul>
              <For each={openMsg()!.details}>{(d) => <li class="mono">{d}</li>}</For>
            </ul>
          </Show>
        </div>
      </Show>
    </div>
  );
};
