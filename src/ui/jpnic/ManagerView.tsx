// 資源管理者 (resource manager): Web申請システム login with the 資源管理者証明書 → 資源管理者メニュー →
// 電子証明書管理 with its two lists; register, 発行 / 失効 / 再発行 (each authenticated again at the
// 認証局システム with the certificate) and 削除, whose difference from 失効 the page spells out.
import { Match, Show, Switch, createSignal, type Component } from 'solid-js';
import type { BrowserCert } from '../../sim';
import { jstDate, jstDateTime } from '../../sim';
import { MANAGER_OWNER, type JpnicCertificate, type LicenseHandout, type Outcome } from '../../jpnic';
import { t, tr } from '../i18n';
import { CertPicker } from './CertPicker';
import { Mailbox } from './Mailbox';
import { LicenseScreen } from './LicenseScreen';
import { AccountLists, type Op } from './AccountLists';
import { act, setNotice, view } from './jpnic-store';

type Screen =
  | { kind: 'list' }
  | { kind: 'auth'; op: Op; accountId: string }
  | { kind: 'apply'; accountId: string; auth: Uint8Array }
  | { kind: 'applied'; handout: LicenseHandout; title: string; serial?: string }
  | { kind: 'revoke'; accountId: string; auth: Uint8Array; cert: JpnicCertificate }
  | { kind: 'revoked'; cert: JpnicCertificate }
  | { kind: 'renew'; accountId: string; auth: Uint8Array; cert: JpnicCertificate; newSerial: string };

const OP_TITLE: Record<Op, [string, string]> = { issue: ['発行', 'Issue'], revoke: ['失効', 'Revoke'], reissue: ['再発行', 'Reissue'] };

export const ManagerView: Component = () => {
  const [session, setSession] = createSignal<BrowserCert>();
  const [picking, setPicking] = createSignal(false);
  const [screen, setScreen] = createSignal<Screen>({ kind: 'list' });
  const [error, setError] = createSignal<string>();
  const myCerts = () => (view()?.certs ?? []).filter((c) => c.owner === MANAGER_OWNER);
  const state = () => view()?.state;
  const manager = () => state()?.manager;

  const refuse = (r: Outcome<unknown>): boolean => {
    if (r.ok) return false;
    setError(tr(r.message));
    return true;
  };

  async function login(cert: BrowserCert) {
    setPicking(false);
    await act(async ({ engine }) => {
      const r = await engine.login(cert.certificateDer);
      if (refuse(r)) return;
      if (r.ok && r.role !== 'manager') return void setError(t('資源管理者証明書ではありません。', 'Not a resource-manager certificate.'));
      setError(undefined);
      setSession(cert);
    });
  }

  async function authenticated(op: Op, accountId: string, cert: BrowserCert) {
    const auth = cert.certificateDer;
    await act(async ({ engine }) => {
      setError(undefined);
      let next: Screen = { kind: 'list' };
      if (op === 'issue') {
        const r = await engine.login(auth);
        if (r.ok && r.role !== 'manager') setError(t('資源管理者証明書ではありません。', 'Not a resource-manager certificate.'));
        else if (!refuse(r)) next = { kind: 'apply', accountId, auth };
      } else if (op === 'revoke') {
        const r = await engine.revokeScreen(auth, accountId);
        if (!refuse(r) && r.ok) next = { kind: 'revoke', accountId, auth, cert: r.certificate };
      } else {
        const r = await engine.reissueScreen(auth, accountId);
        if (!refuse(r) && r.ok) next = { kind: 'renew', accountId, auth, cert: r.certificate, newSerial: r.newSerialDecimal };
      }
      setScreen(next);
    });
  }

  return (
    <section class="jp-role" data-testid="jp-manager">
      <h2>{t('資源管理者 — Web申請システム', 'Resource manager — Web application system')}</h2>
      <Show when={error()}>
        <div class="notice notice-error" role="alert" data-testid="jp-manager-error">{error()}</div>
      </Show>
      <Show
        when={session()}
        fallback={
          <div>
            <p>{t('資源管理者証明書でログインします。', 'Log in with the resource-manager certificate.')}</p>
            <button type="button" data-testid="jp-manager-login" data-guide="jpnic-register jpnic-issue jpnic-reissue jpnic-revoke" onClick={() => setPicking(true)}>
              {t('Web申請システムにログイン', 'Log in to the Web application system')}
            </button>
            <Show when={picking()}>
              <CertPicker title={t('証明書の選択', 'Select a certificate')} certs={myCerts()} onOk={login} onCancel={() => setPicking(false)} />
            </Show>
          </div>
        }
      >
        <p data-testid="jp-manager-menu">
          {t('資源管理者メニュー', 'Resource-manager menu')} — {t('資源管理者ID', 'Manager ID')}: <b>{manager()?.managerId}</b> ／ {t('メンテナーコード', 'Maintainer code')}: <b>{manager()?.maintainerCode}</b> ／ {t('電子証明書管理', 'Certificate management')}
        </p>
        <Switch>
          <Match when={screen().kind === 'list'}>
            <AccountLists onOp={(op, accountId) => { setNotice(undefined); setScreen({ kind: 'auth', op, accountId }); }} onError={setError} auth={session()!.certificateDer} />
          </Match>
          <Match when={screen().kind === 'auth' && (screen() as Extract<Screen, { kind: 'auth' }>)}>
            {(s) => (
              <div>
                <p>{t(`認証局システムへのアクセス（${OP_TITLE[s().op][0]}）: 資源管理者証明書を選択してください。`, `Authentication system (${OP_TITLE[s().op][1]}): select the resource-manager certificate.`)}</p>
                <CertPicker title={t('認証局システム — 証明書の選択', 'Authentication system — select a certificate')} certs={myCerts()} onOk={(c) => void authenticated(s().op, s().accountId, c)} onCancel={() => setScreen({ kind: 'list' })} />
              </div>
            )}
          </Match>
          <Match when={screen().kind === 'apply' && (screen() as Extract<Screen, { kind: 'apply' }>)}>
            {(s) => <ApplyForm accountId={s().accountId} onCancel={() => setScreen({ kind: 'list' })} onSubmit={(name, email) => {
              const { auth, accountId } = s();
              return act(async ({ engine }) => {
                const r = await engine.requestIssue(auth, accountId, { name, email });
                if (refuse(r)) return;
                if (r.ok) { setError(undefined); setScreen({ kind: 'applied', handout: r, title: t('証明書申請完了', 'Certificate request complete') }); }
              });
            }} />}
          </Match>
          <Match when={screen().kind === 'applied' && (screen() as Extract<Screen, { kind: 'applied' }>)}>
            {(s) => <LicenseScreen title={s().title} handout={s().handout} serial={s().serial} onBack={() => setScreen({ kind: 'list' })} />}
          </Match>
          <Match when={screen().kind === 'revoke' && (screen() as Extract<Screen, { kind: 'revoke' }>)}>
            {(s) => (
              <div class="jp-screen" data-testid="jp-revoke-screen">
                <h3>{t('証明書失効', 'Revoke certificate')}</h3>
                <CertFacts cert={s().cert} />
                <button type="button" data-testid="jp-revoke-confirm" onClick={() => void act(async ({ engine }) => {
                  const r = await engine.revoke(s().auth, s().accountId);
                  if (refuse(r)) return;
                  if (r.ok) setScreen({ kind: 'revoked', cert: r.certificate });
                })}>{t('証明書を失効する', 'Revoke the certificate')}</button>{' '}
                <button type="button" class="secondary" onClick={() => setScreen({ kind: 'list' })}>{t('戻る', 'Back')}</button>
              </div>
            )}
          </Match>
          <Match when={screen().kind === 'revoked' && (screen() as Extract<Screen, { kind: 'revoked' }>)}>
            {(s) => (
              <div class="jp-screen" data-testid="jp-revoked">
                <h3>{t('証明書失効完了', 'Revocation complete')}</h3>
                <p>{t(`シリアル番号 ${s().cert.serialDecimal} を失効しました。通知メールを ${s().cert.email} に送りました。この証明書ではログインできず、CRL に載ります。`, `Serial ${s().cert.serialDecimal} revoked. A notice went to ${s().cert.email}. It can no longer log in and is listed on the CRL.`)}</p>
                <button type="button" class="secondary" onClick={() => setScreen({ kind: 'list' })}>{t('一覧へ', 'To the list')}</button>
              </div>
            )}
          </Match>
          <Match when={screen().kind === 'renew' && (screen() as Extract<Screen, { kind: 'renew' }>)}>
            {(s) => <RenewForm cert={s().cert} newSerial={s().newSerial} onCancel={() => setScreen({ kind: 'list' })} onSubmit={(email) => {
              const { auth, accountId } = s();
              return act(async ({ engine }) => {
                const r = await engine.requestReissue(auth, accountId, { email });
                if (refuse(r)) return;
                if (r.ok) { setError(undefined); setScreen({ kind: 'applied', handout: r, title: t('証明書更新受付完了', 'Renewal accepted'), serial: r.newSerialDecimal }); }
              });
            }} />}
          </Match>
        </Switch>
        <button type="button" class="secondary" onClick={() => { setSession(undefined); setScreen({ kind: 'list' }); }}>{t('ログアウト', 'Log out')}</button>
      </Show>
      <Mailbox testid="jp-manager-mailbox" mails={(state()?.mails ?? []).filter((m) => m.to.includes(manager()?.managerEmail ?? ''))} />
    </section>
  );
};

const CertFacts: Component<{ cert: JpnicCertificate }> = (props) => (
  <dl class="jp-facts">
    <dt>{t('名称', 'Name')}</dt><dd>{props.cert.name}</dd>
    <dt>EMAIL</dt><dd>{props.cert.email}</dd>
    <dt>{t('シリアル番号', 'Serial number')}</dt><dd data-testid="jp-facts-serial">{props.cert.serialDecimal}</dd>
    <dt>{t('有効期間', 'Validity')}</dt><dd>{jstDateTime(new Date(props.cert.notBefore))} 〜 {jstDateTime(new Date(props.cert.notAfter))}</dd>
  </dl>
);

const ApplyForm: Component<{ accountId: string; onSubmit: (name: string, email: string) => Promise<void>; onCancel: () => void }> = (props) => {
  const [name, setName] = createSignal('');
  const [email, setEmail] = createSignal('');
  return (
    <form class="jp-screen" data-testid="jp-apply" onSubmit={(e) => { e.preventDefault(); void props.onSubmit(name(), email()); }}>
      <h3>{t('証明書申請', 'Certificate request')} — {props.accountId}</h3>
      <label>{t('発行対象の名称（アルファベット）', 'Name of the holder (alphabet)')} <input data-testid="jp-apply-name" value={name()} onInput={(e) => setName(e.currentTarget.value)} /></label>
      <label>EMAIL <input type="email" data-testid="jp-apply-email" value={email()} onInput={(e) => setEmail(e.currentTarget.value)} /></label>
      <p class="notice notice-warn">{t('※EMAIL は正しく入力してください。後の対象者に対する証明書発行申請通知で利用されます。', '※Enter the EMAIL correctly: it receives the notice for the holder.')}</p>
      <button type="submit" data-testid="jp-apply-submit">{t('証明書を申請する', 'Request the certificate')}</button>{' '}
      <button type="button" class="secondary" onClick={() => props.onCancel()}>{t('戻る', 'Back')}</button>
    </form>
  );
};

const RenewForm: Component<{ cert: JpnicCertificate; newSerial: string; onSubmit: (email: string) => Promise<void>; onCancel: () => void }> = (props) => {
  // eslint-disable-next-line solid/reactivity -- the current EMAIL as the starting value; the manager edits it
  const [email, setEmail] = createSignal(props.cert.email);
  return (
    <form class="jp-screen" data-testid="jp-renew" onSubmit={(e) => { e.preventDefault(); void props.onSubmit(email()); }}>
      <h3>{t('証明書更新', 'Certificate renewal')}</h3>
      <p>{t('名称', 'Name')}: {props.cert.name} ／ {t('現在の証明書のシリアル番号', 'Current certificate serial')}: {props.cert.serialDecimal}（{jstDate(new Date(props.cert.notBefore))}〜）</p>
      <p class="notice notice-warn">
        {t('シリアル番号', 'Serial number')}: <b data-testid="jp-renew-serial">{props.newSerial}</b> — {t('新しい証明書のシリアル番号です。控えて、ライセンスIDと一緒に利用者へ伝えてください（古い証明書と見分けるのに使います）。', 'the new certificate’s serial. Note it and pass it on with the license ID (it tells the new certificate from the old one).')}
      </p>
      <label>EMAIL <input type="email" data-testid="jp-renew-email" value={email()} onInput={(e) => setEmail(e.currentTarget.value)} /></label>
      <p class="hint">{t('※EMAIL を変更する場合はここで変更してください。', '※Change the EMAIL here if needed.')}</p>
      <button type="submit" data-testid="jp-renew-submit">{t('証明書を更新する', 'Renew the certificate')}</button>{' '}
      <button type="button" class="secondary" onClick={() => props.onCancel()}>{t('戻る', 'Back')}</button>
    </form>
  );
};
