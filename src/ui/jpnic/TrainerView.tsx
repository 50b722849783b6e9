// トレーナー: everything at once — accounts with every certificate and license (all three blocks), the CRL
// and CA files, the root fingerprint, every mail, the audit trail, the clock, backup and reset.
import { For, Show, createSignal, type Component } from 'solid-js';
import { JPNIC_CAS, certificateStatus, groupFingerprint, jpnicAuditTrail, joinBlocks, type JpnicAuditLine } from '../../jpnic';
import { jstDateTime } from '../../sim';
import { t, tr } from '../i18n';
import { Mailbox } from './Mailbox';
import { act, resetAll, restoreBackup, save, setNotice, view } from './jpnic-store';

export const TrainerView: Component = () => {
  const [days, setDays] = createSignal('15');
  const [audit, setAudit] = createSignal<JpnicAuditLine[]>([]);
  const state = () => view()?.state;
  const now = () => view()?.now ?? new Date();
  const loadAudit = () => act(async ({ engine }) => void setAudit(jpnicAuditTrail(await engine.events())));
  return (
    <section class="jp-role" data-testid="jp-trainer">
      <h2>{t('トレーナー', 'Trainer')}</h2>
      <p>{t('模擬時刻', 'Simulated time')}: <b data-testid="jp-now">{jstDateTime(now())}</b>{' '}
        <input size="4" value={days()} onInput={(e) => setDays(e.currentTarget.value)} aria-label={t('日数', 'days')} data-testid="jp-days" />
        <button type="button" data-testid="jp-advance" onClick={() => { const n = Number(days()); void act(async ({ engine }) => { const r = await engine.advanceClock(n); if (!r.ok) setNotice({ kind: 'error', text: r.message }); }); }}>{t('日進める', 'days forward')}</button>
      </p>
      <p>{tr(JPNIC_CAS['jpnic-root'].title)} SHA-1: <code data-testid="jp-trainer-fingerprint">{groupFingerprint(view()?.fingerprint ?? '')}</code></p>
      <p>
        <For each={['jpnic-root', 'jpnic-resource'] as const}>{(id) => <><button type="button" class="secondary" onClick={() => void act(async ({ engine }) => save(JPNIC_CAS[id].fileName, await engine.caCertificate(id), 'application/pkix-cert'))}>{JPNIC_CAS[id].fileName}</button>{' '}</>}</For>
        <button type="button" class="secondary" data-testid="jp-dl-crl" onClick={() => void act(async ({ engine }) => save('jpnic-resource-service-ca-s2.crl', (await engine.crl()).der, 'application/pkix-crl'))}>CRL (DER) No.{state()?.crl?.number}</button>
      </p>
      <h3>{t('証明書とライセンスID（すべて）', 'Certificates and license IDs (all)')}</h3>
      <table class="jp-table" data-testid="jp-trainer-certs">
        <thead><tr><th>{t('種別', 'Kind')}</th><th>{t('証明書認証ID', 'Account')}</th><th>{t('名称', 'Name')}</th><th>EMAIL</th><th>{t('シリアル番号', 'Serial')}</th><th>{t('状態', 'Status')}</th><th>CRL</th></tr></thead>
        <tbody>
          <For each={[...(state()?.certificates.values() ?? [])]}>
            {(c) => {
              const deleted = () => !!(c.accountId && state()?.accounts.get(c.accountId)?.deletedAt);
              return (
                <tr data-testid="jp-trainer-cert">
                  <td>{c.kind === 'manager' ? t('資源管理者', 'manager') : t('資源申請者', 'applicant')}</td><td>{c.accountId}</td><td>{c.name}</td><td>{c.email}</td><td>{c.serialDecimal}</td>
                  <td>{certificateStatus(c, now())}{deleted() ? t('（アカウント削除済み・ログイン不可）', ' (account deleted: no login)') : ''}</td>
                  <td data-testid="jp-trainer-on-crl">{c.revokedAt ? t('載る', 'listed') : t('載らない', 'not listed')}</td>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
      <table class="jp-table" data-testid="jp-trainer-licenses">
        <thead><tr><th>{t('証明書認証ID', 'Account')}</th><th>{t('種別', 'Purpose')}</th><th>{t('ライセンスID', 'License ID')}</th><th>{t('期限', 'Expires')}</th><th>{t('状態', 'State')}</th></tr></thead>
        <tbody>
          <For each={[...(state()?.licenses.values() ?? [])]}>
            {(l) => <tr><td>{l.accountId}</td><td>{l.purpose === 'issue' ? t('発行', 'issue') : t('再発行', 'reissue')}</td><td><code>{joinBlocks(l.blocks)}</code></td><td>{jstDateTime(new Date(l.expiresAt))}</td>
              <td>{l.usedAt ? t('使用済み', 'used') : l.supersededAt ? t('無効（置換・削除）', 'void') : new Date(l.expiresAt) <= now() ? t('期限切れ', 'expired') : t('未使用', 'unused')}</td></tr>}
          </For>
        </tbody>
      </table>
      <Mailbox testid="jp-trainer-mailbox" mails={state()?.mails ?? []} />
      <h3>{t('監査ログ', 'Audit trail')}</h3>
      <button type="button" class="secondary" data-testid="jp-audit-load" onClick={() => void loadAudit()}>{t('表示', 'Show')}</button>
      <Show when={audit().length > 0}>
        <ol class="jp-audit" data-testid="jp-audit">
          <For each={audit()}>{(l) => <li>{l.at} {tr(l.text)}</li>}</For>
        </ol>
      </Show>
      <Backup />
      <p>
        <button type="button" class="secondary" data-testid="jp-reset" onClick={() => { if (globalThis.confirm(t('JPNIC の模擬データをすべて消して最初からにしますか？', 'Erase all JPNIC simulation data and start again?'))) void resetAll(); }}>{t('最初からやり直す', 'Start afresh')}</button>
      </p>
    </section>
  );
};

/** Backup and restore in the shared format (passphrase-encrypted; CA keys inside); a wrong passphrase changes nothing. */
const Backup: Component = () => {
  const [pass, setPass] = createSignal('');
  const [file, setFile] = createSignal<File>();
  return (
    <div class="jp-screen" data-testid="jp-backup">
      <h3>{t('バックアップ／復元', 'Backup / restore')}</h3>
      <label>{t('パスフレーズ', 'Passphrase')} <input type="password" data-testid="jp-backup-pass" value={pass()} onInput={(e) => setPass(e.currentTarget.value)} /></label>{' '}
      <button type="button" data-testid="jp-backup-save" disabled={pass().length < 8} onClick={() => { const p = pass(); void act(async ({ engine }) => save('jpnic-backup.json', await engine.backup(p), 'application/json')); }}>{t('バックアップを保存', 'Save backup')}</button>
      <p>
        <input type="file" accept=".json,application/json" data-testid="jp-restore-file" onChange={(e) => setFile(e.currentTarget.files?.[0])} />{' '}
        <button type="button" data-testid="jp-restore" disabled={!file() || !pass()} onClick={() => { const [f, p] = [file()!, pass()]; void f.arrayBuffer().then((b) => restoreBackup(new Uint8Array(b), p)); }}>{t('復元', 'Restore')}</button>
      </p>
      <p class="hint">{t('バックアップは8文字以上のパスフレーズで暗号化されます（CAの鍵を含みます）。ブラウザの証明書ストアは含みません。', 'The backup is encrypted with a passphrase of 8+ characters (it holds the CA keys). The browser certificate store is not included.')}</p>
    </div>
  );
};
