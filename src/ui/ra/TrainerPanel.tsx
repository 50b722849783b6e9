// The trainer's controls: the simulated clock (advance N days → reminders, fresh CRLs), the institution
// (O, ST, L, domains, approval expiry), backup / restore with a passphrase, and reset.
import type { Text } from '../../spec/types';
import { For, Show, createEffect, createResource, createSignal, type Component } from 'solid-js';
import type { Institution } from '../../ra/types';
import { FileDrop } from '../components/FileDrop';
import { t, tr } from '../i18n';
import { call } from './ra-client';
import { act, jst, refresh, saveFile, setNotice, view } from './ra-store';

export const TrainerPanel: Component = () => (
  <section class="ra-trainer" aria-labelledby="ra-trainer-title">
    <h2 id="ra-trainer-title">{t('トレーナー用の操作', 'Trainer’s controls')}</h2>
    <ClockControl />
    <InstitutionForm />
    <BackupControls />
    <AuditTrail />
  </section>
);

const AUDIT_LINES = 200;

/** The event log in words: what the trainees did, for the debriefing. Reloads with every new view. */
const AuditTrail: Component = () => {
  const [lines] = createResource(view, () => call('auditTrail', AUDIT_LINES));
  return (
    <details class="ra-box" data-testid="ra-audit">
      <summary>{t(`操作履歴（新しい順、最大${AUDIT_LINES}件）`, `Audit trail (newest first, up to ${AUDIT_LINES})`)}</summary>
      <ol class="ra-audit">
        <For each={lines() ?? []}>
          {(l) => (
            <li>
              <span class="mono">{l.at}</span> {tr(l.text)}
            </li>
          )}
        </For>
      </ol>
    </details>
  );
};

const ClockControl: Component = () => {
  const [days, setDays] = createSignal('14');
  const advance = () =>
    // eslint-disable-next-line solid/reactivity -- act() runs it as a button's action
    act(async () => {
      const n = Number(days());
      if (!Number.isInteger(n) || n <= 0 || n > 3650) {
        setNotice({ kind: 'error', text: { ja: '日数は1〜3650の整数で入力してください。', en: 'Enter a whole number of days from 1 to 3650.' } });
        return;
      }
      const r = await call('advanceClock', n);
      await refresh();
      setNotice({
        kind: 'ok',
        text: {
          ja: `時刻を${n}日進めました。旧証明書の失効再通知 ${r.reminders} 件、CRL ${r.crls} 件を発行しました。`,
          en: `Moved the clock ${n} days on. Reminders for ${r.reminders} old certificate(s); ${r.crls} CRL(s) published.`,
        },
      });
    });
  return (
    <div class="ra-box">
      <h3>{t('模擬時刻', 'Simulated clock')}</h3>
      <p>
        {t('現在の模擬時刻（JST）: ', 'Simulated now (JST): ')}
        <strong class="mono" data-testid="ra-now">{jst(view()?.now)}</strong>
        <Show when={(view()?.clockOffsetDays ?? 0) > 0}>
          {t(`（実時刻 + ${view()!.clockOffsetDays} 日）`, ` (real time + ${view()!.clockOffsetDays} days)`)}
        </Show>
      </p>
      <div class="form-row">
        <label for="ra-days">{t('進める日数', 'Days to advance')}</label>
        <input id="ra-days" type="number" min="1" max="3650" value={days()} onInput={(e) => setDays(e.currentTarget.value)} />
        <button type="button" data-testid="ra-advance" data-guide="clock-advance" onClick={advance}>
          {t('時刻を進める', 'Advance the clock')}
        </button>
      </div>
    </div>
  );
};

interface InstitutionDraft {
  o: string;
  st: string;
  l: string;
  domains: string;
  approvalExpires: string;
  active: boolean;
}

function draftOf(inst: Institution): InstitutionDraft {
  return { o: inst.o, st: inst.st, l: inst.l, domains: inst.domains.join(', '), approvalExpires: inst.approvalExpires, active: inst.active };
}

const InstitutionForm: Component = () => {
  const institution = () => view()?.institutions[0];
  const [draft, setDraft] = createSignal<InstitutionDraft>();
  const [error, setError] = createSignal<Text>();
  // Reload the form when the stored institution changes (save, restore, reset), not on every view refresh.
  let loaded = '';
  createEffect(() => {
    const inst = institution();
    const json = inst ? JSON.stringify(inst) : '';
    if (inst && json !== loaded) {
      loaded = json;
      setDraft(draftOf(inst));
    }
  });
  const set = (key: keyof InstitutionDraft, value: string | boolean) => setDraft((d) => (d ? { ...d, [key]: value } : d));

  const save = () =>
    // eslint-disable-next-line solid/reactivity -- act() runs it as a button's action
    act(async () => {
      const inst = institution();
      const d = draft();
      if (!inst || !d) return;
      const domains = d.domains.split(/[\s,、]+/).filter(Boolean);
      const result = await call('saveInstitution', { ...inst, o: d.o.trim(), st: d.st.trim(), l: d.l.trim(), domains, approvalExpires: d.approvalExpires, active: d.active });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(undefined);
      await refresh();
      setNotice({ kind: 'ok', text: { ja: '機関情報を保存しました。', en: 'The institution was saved.' } });
    });

  const field = (key: 'o' | 'st' | 'l' | 'domains', ja: string, en: string) => (
    <div class="form-row">
      <label for={`ra-inst-${key}`}>{t(ja, en)}</label>
      <input id={`ra-inst-${key}`} type="text" value={draft()?.[key] ?? ''} onInput={(e) => set(key, e.currentTarget.value)} />
    </div>
  );

  return (
    <div class="ra-box">
      <h3>{t('機関情報', 'Institution')}</h3>
      <Show when={draft()}>
        {field('o', '機関名英語表記 (O)', 'Institution name in English (O)')}
        {field('st', '都道府県 (ST)', 'Prefecture (ST)')}
        {field('l', '市区町村 (L)', 'City (L)')}
        {field('domains', '登録ドメイン（カンマ区切り）', 'Registered domains (comma-separated)')}
        <div class="form-row">
          <label for="ra-inst-expiry">{t('証明書発行承認有効期限', 'Approval to issue expires')}</label>
          <input id="ra-inst-expiry" type="date" value={draft()!.approvalExpires} onInput={(e) => set('approvalExpires', e.currentTarget.value)} />
        </div>
        <label class="ra-choice">
          <input type="checkbox" checked={draft()!.active} onChange={(e) => set('active', e.currentTarget.checked)} />
          {t('機関状態が有効', 'Institution is active')}
        </label>
        <Show when={error()}>
          <div class="notice notice-error" role="alert">
            {tr(error()!)}
          </div>
        </Show>
        <p>
          <button type="button" data-testid="ra-inst-save" onClick={save}>
            {t('機関情報を保存', 'Save the institution')}
          </button>
        </p>
      </Show>
    </div>
  );
};

/**
 * Backup, restore and reset. With `recovery` (the stored state cannot be opened) only restore and reset
 * are offered: the RA page shows them with the error, so a damaged state never locks the trainer out.
 */
export const BackupControls: Component<{ recovery?: boolean }> = (props) => {
  const [backupPass, setBackupPass] = createSignal('');
  const [backupConfirm, setBackupConfirm] = createSignal('');
  const [backupError, setBackupError] = createSignal<Text>();
  const passLength = () => [...backupPass()].length;
  const [restoreFile, setRestoreFile] = createSignal<File>();
  const [restorePass, setRestorePass] = createSignal('');
  const [restoreError, setRestoreError] = createSignal<Text>();
  const [confirmReset, setConfirmReset] = createSignal(false);

  const backup = () =>
    // eslint-disable-next-line solid/reactivity -- act() runs it as a button's action
    act(async () => {
      const made = await call('backup', backupPass());
      if (!made.ok) {
        setBackupError(made.message);
        return;
      }
      setBackupError(undefined);
      saveFile(made.file);
      setNotice({ kind: 'ok', text: { ja: 'バックアップを保存しました。', en: 'The backup was saved.' } });
    });

  const restore = () =>
    // eslint-disable-next-line solid/reactivity -- act() runs it as a button's action
    act(async () => {
      const f = restoreFile();
      if (!f) return;
      const result = await call('restore', new Uint8Array(await f.arrayBuffer()), restorePass());
      if (!result.ok) {
        setRestoreError(result.message);
        return;
      }
      setRestoreError(undefined);
      await refresh();
      setNotice({ kind: 'ok', text: { ja: 'バックアップから復元しました。', en: 'Restored from the backup.' } });
    });

  const reset = () =>
    act(async () => {
      setConfirmReset(false);
      await call('reset');
      await refresh();
      setNotice({ kind: 'ok', text: { ja: '模擬RAを初期状態に戻しました。', en: 'The simulated RA was reset.' } });
    });

  return (
    <div class="ra-box">
      <h3>{t('バックアップ・復元・リセット', 'Backup, restore, reset')}</h3>
      <Show when={!props.recovery}>
        <div class="form-row">
          <label for="ra-backup-pass">{t('バックアップのパスフレーズ', 'Backup passphrase')}</label>
          <input id="ra-backup-pass" type="password" autocomplete="new-password" value={backupPass()} onInput={(e) => setBackupPass(e.currentTarget.value)} />
        </div>
        <div class="form-row">
          <label for="ra-backup-confirm">{t('パスフレーズ（確認）', 'Passphrase again')}</label>
          <input id="ra-backup-confirm" type="password" autocomplete="new-password" value={backupConfirm()} onInput={(e) => setBackupConfirm(e.currentTarget.value)} />
          <button type="button" data-testid="ra-backup" disabled={passLength() < 8 || backupConfirm() !== backupPass()} onClick={backup}>
            {t('バックアップを保存', 'Save a backup')}
          </button>
        </div>
        <Show when={backupConfirm() !== '' && backupConfirm() !== backupPass()}>
          <p class="hint" role="status" data-testid="ra-backup-mismatch">
            {t('確認のパスフレーズが一致しません。', 'The two passphrases differ.')}
          </p>
        </Show>
        <Show when={backupError()}>
          <div class="notice notice-error" role="alert">
            {tr(backupError()!)}
          </div>
        </Show>
        <p class="hint">{t('パスフレーズは8文字以上（確認のため2回入力）。バックアップは全データを暗号化します（アクセスPINを含むため）。', 'At least 8 characters, typed twice. The whole state is encrypted (it holds access PINs).')}</p>
      </Show>
      <FileDrop label={t('復元するバックアップファイル', 'Backup file to restore')} accept=".json,application/json" onFile={setRestoreFile} testId="ra-restore-drop">
        <Show when={restoreFile()}>
          <p class="hint">{t(`選択中: ${restoreFile()!.name}`, `Selected: ${restoreFile()!.name}`)}</p>
        </Show>
      </FileDrop>
      <div class="form-row">
        <label for="ra-restore-pass">{t('復元のパスフレーズ', 'Passphrase of the backup')}</label>
        <input id="ra-restore-pass" type="password" autocomplete="off" value={restorePass()} onInput={(e) => setRestorePass(e.currentTarget.value)} />
        <button type="button" data-testid="ra-restore" disabled={!restoreFile() || restorePass() === ''} onClick={restore}>
          {t('復元', 'Restore')}
        </button>
      </div>
      <Show when={restoreError()}>
        <div class="notice notice-error" role="alert" data-testid="ra-restore-error">
          {tr(restoreError()!)}
        </div>
      </Show>
      <p>
        <Show
          when={confirmReset()}
          fallback={
            <button type="button" class="secondary" data-testid="ra-reset" onClick={() => setConfirmReset(true)}>
              {t('リセット', 'Reset')}
            </button>
          }
        >
          <span role="alert">{t('すべての証明書・メール・CAを消去して最初からやり直します。よろしいですか？ ', 'Erase every certificate, mail and CA and start afresh? ')}</span>
          <button type="button" data-testid="ra-reset-confirm" onClick={reset}>
            {t('リセットする', 'Yes, reset')}
          </button>{' '}
          <button type="button" class="secondary" onClick={() => setConfirmReset(false)}>
            {t('やめる', 'Cancel')}
          </button>
        </Show>
      </p>
    </div>
  );
};
