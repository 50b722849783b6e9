// サービス窓口: the participating institution's registration (O, ST, L, domains, approval, RA operator),
// the RA operator certificate — register (the mail goes to the RA; the access PIN is handed over here,
// after the identity check), renewal procedure, revocation of a lost one — and the list of them.
import { For, Show, createSignal, type Component } from 'solid-js';
import type { Institution } from '../../../ra/types';
import type { Text } from '../../../spec/types';
import { t, tr } from '../../i18n';
import { call } from '../../ra/ra-client';
import { act, jst, refresh, view } from '../../ra/ra-store';

export const DeskPage: Component = () => {
  const [handed, setHanded] = createSignal<string>();
  const [message, setMessage] = createSignal<{ ok: boolean; text: Text }>();
  const inst = () => view()?.institutions[0];
  // A certificate some newer one renews: the old one, to be revoked once the operator uses the new one.
  const renewed = (serialHex: string) => (view()?.operatorCertificates ?? []).some((o) => o.renewsSerialHex?.toLowerCase() === serialHex.toLowerCase());
  const register = () =>
    act(async () => {
      const r = await call('registerRaOperator', inst()?.id);
      setHanded(r.pin);
      setMessage({ ok: true, text: { ja: '登録担当者用証明書発行受付通知を登録担当者へ送信しました。', en: 'The RA operator was mailed the certificate URL.' } });
      await refresh();
    });
  const renew = (serialHex: string) =>
    act(async () => {
      const r = await call('startRaOperatorRenewal', serialHex);
      setMessage(r.ok ? { ok: true, text: { ja: '更新手続きのメールを登録担当者へ送信しました。', en: 'The renewal procedure was mailed to the RA operator.' } } : { ok: false, text: r.message });
      await refresh();
    });
  const revoke = (serialHex: string) =>
    act(async () => {
      const r = await call('revokeRaOperator', serialHex);
      setMessage(r.ok ? { ok: true, text: { ja: '失効しました。CRLに掲載されました。', en: 'Revoked; the CRL lists it.' } } : { ok: false, text: r.message });
      await refresh();
    });
  return (
    <section class="svc-desk" data-testid="svc-desk">
      <h2>{t('サービス窓口', 'Service desk')}</h2>
      <Show when={inst()}>{(i) => <InstitutionForm institution={i()} />}</Show>
      <h3>{t('登録担当者用証明書（新規・紛失）', 'RA operator certificate (new / lost)')}</h3>
      <p class="hint">
        {t(
          '機関の登録後、登録担当者宛に証明書取得URLのメールが送信されます。登録担当者本人の確認を以って、アクセスPINを交付します（実際はPDFで送付）。',
          'The RA operator is mailed the URL. After checking their identity, hand over the access PIN (a PDF in reality).',
        )}
      </p>
      <button type="button" data-testid="svc-desk-register" data-guide="operator-register" onClick={register}>
        {t('登録担当者を登録し、証明書取得URLを送信', 'Register the RA operator and mail the URL')}
      </button>
      <Show when={handed()}>
        <div class="notice notice-ok svc-pin-handover" role="status" data-testid="svc-desk-pin">
          {t('アクセスPIN交付画面: 本人確認の後、登録担当者へこのアクセスPINを渡してください: ', 'Access PIN hand-over: after the identity check, give the RA operator this PIN: ')}
          <strong class="mono" data-testid="svc-desk-pin-value">{handed()}</strong>
        </div>
      </Show>
      <h3>{t('発行済みの登録担当者用証明書', 'RA operator certificates issued')}</h3>
      <Show when={(view()?.operatorCertificates.length ?? 0) > 0} fallback={<p>{t('まだありません。', 'None yet.')}</p>}>
        <table class="ra-table" data-testid="svc-desk-operators">
          <thead>
            <tr>
              <th scope="col">{t('シリアル番号', 'Serial')}</th>
              <th scope="col">{t('主体者', 'Subject')}</th>
              <th scope="col">{t('有効期限', 'Valid until')}</th>
              <th scope="col">{t('状態', 'Status')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            <For each={view()?.operatorCertificates ?? []}>
              {(c) => (
                <tr data-testid="svc-desk-operator" data-serial={c.serialHex} data-renewed={renewed(c.serialHex) ? 'true' : undefined}>
                  <td class="mono">{c.serialDecimal}</td>
                  <td class="mono">{c.subject}</td>
                  <td class="mono">{jst(c.notAfter)}</td>
                  <td>
                    {c.revokedAt
                      ? t('失効済み', 'revoked')
                      : new Date(c.notAfter) < new Date(view()!.now)
                        ? t('期限切れ', 'expired')
                        : renewed(c.serialHex)
                          ? t('有効（更新済み・旧）', 'valid (renewed, old)')
                          : t('有効', 'valid')}
                  </td>
                  <td>
                    <Show when={!c.revokedAt}>
                      <button type="button" class="secondary" data-testid="svc-desk-renew" data-guide="operator-renew" onClick={() => renew(c.serialHex)}>
                        {t('更新手続き（電話・証明書で本人確認済み）', 'Renewal (identity checked by phone and certificate)')}
                      </button>{' '}
                      <button type="button" class="secondary" data-testid="svc-desk-revoke" data-guide="operator-revoke" onClick={() => revoke(c.serialHex)}>
                        {t('失効（紛失）', 'Revoke (lost)')}
                      </button>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <Show when={message()}>
        <p class="notice" classList={{ 'notice-ok': message()!.ok, 'notice-error': !message()!.ok }} role="status" data-testid="svc-desk-message">
          {tr(message()!.text)}
        </p>
      </Show>
    </section>
  );
};

/** The institution as the desk registered it; saving goes through the engine's validation. */
const InstitutionForm: Component<{ institution: Institution }> = (props) => {
  // eslint-disable-next-line solid/reactivity -- the form starts from the institution as it is; the desk edits it afterwards
  const [draft, setDraft] = createSignal({ ...props.institution, domainsText: props.institution.domains.join(', ') });
  const [error, setError] = createSignal<Text>();
  const set = (key: 'o' | 'st' | 'l' | 'approvalExpires' | 'domainsText', value: string) => setDraft({ ...draft(), [key]: value });
  const setRa = (key: 'name' | 'nameEn' | 'mail', value: string) => setDraft({ ...draft(), ra: { ...draft().ra, [key]: value } });
  const save = () =>
    // eslint-disable-next-line solid/reactivity -- act() runs it as a button's action
    act(async () => {
      const { domainsText, ...rest } = draft();
      const r = await call('saveInstitution', { ...rest, domains: domainsText.split(/[\s,]+/).filter(Boolean) });
      setError(r.ok ? undefined : r.error);
      await refresh();
    });
  const field = (label: Text, key: 'o' | 'st' | 'l' | 'approvalExpires' | 'domainsText') => (
    <label class="svc-field">
      {tr(label)} <input type="text" value={draft()[key]} onInput={(e) => set(key, e.currentTarget.value)} />
    </label>
  );
  return (
    <details class="ra-box" data-testid="svc-desk-institution">
      <summary>{t(`参加機関: ${props.institution.o}`, `Institution: ${props.institution.o}`)}</summary>
      {field({ ja: '機関名（O）', en: 'Name (O)' }, 'o')}
      {field({ ja: 'ST', en: 'ST' }, 'st')}
      {field({ ja: 'L', en: 'L' }, 'l')}
      {field({ ja: 'ドメイン', en: 'Domains' }, 'domainsText')}
      {field({ ja: '証明書発行承認有効期限', en: 'Approval valid until' }, 'approvalExpires')}
      <label class="svc-field">
        {t('登録担当者氏名', 'RA operator name')} <input type="text" value={draft().ra.name} onInput={(e) => setRa('name', e.currentTarget.value)} />
      </label>
      <label class="svc-field">
        {t('登録担当者氏名の英字', 'RA operator name (romanized)')} <input type="text" value={draft().ra.nameEn ?? ''} onInput={(e) => setRa('nameEn', e.currentTarget.value)} />
      </label>
      <label class="svc-field">
        {t('登録担当者メールアドレス', 'RA operator mail')} <input type="email" value={draft().ra.mail} onInput={(e) => setRa('mail', e.currentTarget.value)} />
      </label>
      <button type="button" onClick={save}>
        {t('保存', 'Save')}
      </button>
      <Show when={error()}>
        <p class="notice notice-error" role="alert">
          {tr(error()!)}
        </p>
      </Show>
    </details>
  );
};
