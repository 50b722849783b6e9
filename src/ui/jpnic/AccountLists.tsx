// 電子証明書管理's two lists: 資源管理者証明書 (view only) and 資源申請者証明書 — the accounts, registration,
// and the 発行 / 失効 / 再発行 / 削除 buttons (削除 explained as NOT a revocation before and after).
import { For, Show, createSignal, type Component } from 'solid-js';
import { jstDate } from '../../sim';
import { certificateStatus, currentCertificate, type JpnicAccount } from '../../jpnic';
import { t, tr } from '../i18n';
import { act, setNotice, view } from './jpnic-store';

export type Op = 'issue' | 'revoke' | 'reissue';

/** 電子証明書管理: 資源管理者証明書 (view only) and 資源申請者証明書 (accounts and their operations). */
export const AccountLists: Component<{ auth: Uint8Array; onOp: (op: Op, accountId: string) => void; onError: (m: string | undefined) => void }> = (props) => {
  const [user, setUser] = createSignal('');
  const state = () => view()?.state;
  const now = () => view()?.now ?? new Date();
  const managers = () => [...(state()?.certificates.values() ?? [])].filter((c) => c.kind === 'manager');
  const accounts = () => [...(state()?.accounts.values() ?? [])];
  const statusOf = (a: JpnicAccount): string => {
    if (a.deletedAt) {
      const c = a.serials.map((s) => state()!.certificates.get(s)!).find((x) => !x.revokedAt);
      return c ? t(`削除済み — 証明書 ${c.serialDecimal} は失効していません（CRLに載りません）がログインできません`, `deleted — certificate ${c.serialDecimal} is NOT revoked (not on the CRL) but cannot log in`) : t('削除済み', 'deleted');
    }
    const c = currentCertificate(state()!, a.accountId);
    if (!c) return a.serials.length ? t('失効済み（証明書なし）', 'revoked (no certificate)') : t('登録のみ（未発行）', 'registered (not issued)');
    return `${{ valid: t('有効', 'valid'), expired: t('期限切れ', 'expired'), revoked: t('失効', 'revoked'), 'not-yet-valid': t('有効期間前', 'not yet valid') }[certificateStatus(c, now())]} — No.${c.serialDecimal}`;
  };
  async function register(e: Event) {
    e.preventDefault();
    // eslint-disable-next-line solid/reactivity -- an event handler's action: reads the current values once
    const { auth, onError } = props;
    const name = user();
    await act(async ({ engine }) => {
      const r = await engine.registerAccount(auth, name);
      if (!r.ok) return onError(tr(r.message));
      onError(undefined);
      setUser('');
      setNotice({ kind: 'ok', text: { ja: `証明書認証ID ${r.account.accountId} を登録しました（まだ発行ではありません）。`, en: `Registered ${r.account.accountId} (not yet issued).` } });
    });
  }
  async function remove(accountId: string) {
    const ok = globalThis.confirm(t('“削除”はアカウントの削除であり、証明書の失効とは異なります。証明書は失効せず CRL にも載りませんが、その証明書では Web申請システムにログインできなくなります。削除しますか？', '“Delete” removes the account; it is not a revocation. The certificate stays unrevoked and off the CRL, but can no longer log in. Delete?'));
    if (!ok) return;
    // eslint-disable-next-line solid/reactivity -- an event handler's action: reads the current values once
    const { auth, onError } = props;
    await act(async ({ engine }) => {
      const r = await engine.deleteAccount(auth, accountId);
      if (!r.ok) return onError(tr(r.message));
      setNotice({ kind: 'ok', text: r.unrevoked ? { ja: `${accountId} を削除しました。証明書 ${r.unrevoked.serialDecimal} は失効していません（CRLに載りません）が、ログインはできません。`, en: `${accountId} deleted. Certificate ${r.unrevoked.serialDecimal} is not revoked (not on the CRL) but cannot log in.` } : { ja: `${accountId} を削除しました。`, en: `${accountId} deleted.` } });
    });
  }
  return (
    <div>
      <h3>{t('資源管理者証明書', 'Resource-manager certificates')}</h3>
      <p class="hint">{t('参照のみ。自分の設定はここでは変更できません。', 'View only; your own settings cannot be changed here.')}</p>
      <table class="jp-table"><tbody>
        <For each={managers()}>{(c) => <tr><td>{c.name}</td><td>{c.email}</td><td>No.{c.serialDecimal}</td><td>{jstDate(new Date(c.notBefore))}〜{jstDate(new Date(c.notAfter))}</td></tr>}</For>
      </tbody></table>
      <h3>{t('資源申請者証明書', 'Resource-applicant certificates')}</h3>
      <form onSubmit={register} class="jp-inline">
        <label>{t('証明書を利用する利用者名', 'User name')} <input data-testid="jp-register-user" value={user()} onInput={(e) => setUser(e.currentTarget.value)} /></label>
        <button type="submit" data-testid="jp-register" data-guide="jpnic-register">{t('登録', 'Register')}</button>
      </form>
      <table class="jp-table" data-testid="jp-accounts">
        <thead><tr><th>{t('証明書認証ID', 'Cert. auth. ID')}</th><th>{t('利用者名', 'User')}</th><th>{t('状態', 'Status')}</th><th>{t('操作', 'Actions')}</th></tr></thead>
        <tbody>
          <For each={accounts()}>
            {(a) => (
              <tr data-testid="jp-account-row" data-account={a.accountId} classList={{ 'jp-deleted': !!a.deletedAt }}>
                <td>{a.accountId}</td><td>{a.userName}</td><td data-testid="jp-account-status">{statusOf(a)}</td>
                <td>
                  <Show when={!a.deletedAt}>
                    <button type="button" data-testid="jp-op-issue" data-guide="jpnic-issue" onClick={() => props.onOp('issue', a.accountId)}>{t('発行', 'Issue')}</button>{' '}
                    <button type="button" data-testid="jp-op-revoke" data-guide="jpnic-revoke" onClick={() => props.onOp('revoke', a.accountId)}>{t('失効', 'Revoke')}</button>{' '}
                    <button type="button" data-testid="jp-op-reissue" data-guide="jpnic-reissue" onClick={() => props.onOp('reissue', a.accountId)}>{t('再発行', 'Reissue')}</button>{' '}
                    <button type="button" class="secondary" data-testid="jp-op-delete" onClick={() => void remove(a.accountId)}>{t('削除', 'Delete')}</button>
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <p class="notice notice-warn">{t('注意: “削除”はアカウントの削除であり、証明書失効とは異なります。証明書がある状態で削除すると、その資源申請者証明書では Web申請システムにログインできなくなりますが、証明書は失効しません。', 'Note: “Delete” removes the account, it does not revoke. With a certificate present, that certificate can no longer log in — but it is not revoked.')}</p>
    </div>
  );
};
