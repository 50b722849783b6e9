// Facts read from a certificate, and TSV rows to renew or revoke it (DN in TSV order + serial, rest to fill in).
import { For, Show, createSignal, type Component } from 'solid-js';
import { subjectTsvString } from '../../pki/subject-order';
import { formatSerialHex } from '../../pki/serial';
import { formatPublicKey, sameKey } from '../../pki/spki';
import type { CertificateInfo, CsrInfo } from '../../pki/types';
import { jstDateTime } from '../../spec/jst';
import { KINDS } from '../../spec/kinds';
import type { Family } from '../../spec/types';
import { t, tr } from '../i18n';
import { CopyButton } from './CopyButton';
import { DnRefusal } from './DnRefusal';
import { dnRejections, guessFamily, prefilledRow } from './rows';

export const CertFacts: Component<{ info: CertificateInfo; csr?: CsrInfo }> = (props) => {
  // eslint-disable-next-line solid/reactivity -- only the first guess; the user then chooses
  const [family, setFamily] = createSignal<Family>(guessFamily(props.info));
  const dn = (rdns: CertificateInfo['subject']) => subjectTsvString(rdns);
  return (
    <div data-testid="keys-cert-facts">
      <h3>{t('証明書の内容', 'Certificate contents')}</h3>
      <dl class="keys-facts">
        <dt>{t('主体者DN（TSV順）', 'Subject (TSV order)')}</dt>
        <dd><code data-testid="keys-cert-subject">{dn(props.info.subject)}</code></dd>
        <dt>{t('発行者', 'Issuer')}</dt>
        <dd>{dn(props.info.issuer)}</dd>
        <dt>{t('シリアル番号', 'Serial number')}</dt>
        <dd>
          <code data-testid="keys-cert-serial">{props.info.serialDecimal}</code> ({formatSerialHex(BigInt(`0x${props.info.serialHex}`))}){' '}
          <CopyButton text={() => props.info.serialDecimal} label={t('10進をコピー', 'Copy decimal')} />
        </dd>
        <dt>{t('有効期間', 'Validity')}</dt>
        {/* UPKI's dates are JST (ADDENDUM B.4): a certificate valid from 15:00 UTC starts on the next JST day. */}
        <dd data-testid="keys-cert-validity" title={`${props.info.notBefore.toISOString()} – ${props.info.notAfter.toISOString()}`}>
          {jstDateTime(props.info.notBefore)} – {jstDateTime(props.info.notAfter)} {t('（日本時間 JST, UTC+9）', '(JST, UTC+9)')}
        </dd>
        <dt>{t('公開鍵', 'Public key')}</dt>
        <dd>{formatPublicKey(props.info.publicKey)} / {props.info.signatureAlgorithm}</dd>
        <Show when={props.info.sanDnsNames.length + props.info.sanEmails.length > 0}>
          <dt>SAN</dt>
          <dd>{[...props.info.sanDnsNames, ...props.info.sanEmails].join(', ')}</dd>
        </Show>
        <dt>{t('公開鍵のSHA-256', 'Public key SHA-256')}</dt>
        <dd><code class="wrap">{props.info.spkiSha256}</code></dd>
      </dl>
      <Show when={props.csr}>
        {(csr) => (
          <p class={sameKey(csr(), props.info) ? 'notice notice-error' : 'notice notice-ok'} data-testid="keys-same-key">
            {sameKey(csr(), props.info)
              ? t('読み込んだCSRはこの証明書と同じ鍵です。更新には新しい鍵ペアが必要です（以前使用した鍵ペアの再利用はできません）。', 'The loaded CSR has the same key as this certificate. A renewal needs a new key pair (the old key pair cannot be reused).')
              : t('読み込んだCSRはこの証明書とは別の鍵です（更新に使えます）。', 'The loaded CSR has a different key from this certificate (fine for a renewal).')}
          </p>
        )}
      </Show>
      <h4>{t('更新・失効申請の行', 'Rows for renewal or revocation')}</h4>
      <div class="form-row">
        <label for="keys-cert-family">{t('証明書の種類', 'Certificate type')}</label>
        <select id="keys-cert-family" value={family()} onChange={(e) => setFamily(e.currentTarget.value as Family)}>
          <option value="server">{t('サーバ証明書', 'Server certificate')}</option>
          <option value="client">{t('クライアント証明書', 'Client certificate')}</option>
        </select>
      </div>
      <p class="hint">{t('主体者DNとシリアル番号だけを入れた行です。残りの列はTSV作成画面で入力してください。', 'Only the DN and serial are filled in; complete the other columns in the TSV builder.')}</p>
      <div class="form-row">
        <For each={['renew', 'revoke'] as const}>
          {(action) => {
            const kind = () => `${family()}-${action}` as const;
            const refused = () => dnRejections(kind(), prefilledRow(kind(), props.info));
            return (
              <Show when={refused().length === 0} fallback={<DnRefusal issues={refused()} testId={`keys-dn-refused-${action}`} />}>
                <CopyButton text={() => prefilledRow(kind(), props.info)} label={`${tr(KINDS[kind()].title)}: ${t('行をコピー', 'copy row')}`} testId={`keys-copy-${action}`} />
              </Show>
            );
          }}
        </For>
      </div>
    </div>
  );
};
