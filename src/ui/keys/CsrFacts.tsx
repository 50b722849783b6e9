// Facts read from a CSR and the UPKI checks on it (tsv/csr-rules.ts: the validator's rules and messages).
import { For, Show, createSignal, type Component } from 'solid-js';
import { csrToOneLine } from '../../pki/csr';
import { subjectTsvString } from '../../pki/name';
import { formatPublicKey } from '../../pki/spki';
import type { CsrInfo } from '../../pki/types';
import { PROFILE_IDS } from '../../spec/profiles';
import { checkCsrForProfile, fitProfiles } from '../../tsv/csr-rules';
import type { Issue } from '../../tsv/types';
import { t, tr } from '../i18n';
import { CopyButton } from './CopyButton';

export const CsrFacts: Component<{ info: CsrInfo }> = (props) => {
  const fits = () => fitProfiles(props.info);
  const [profile, setProfile] = createSignal(fits()[0] ?? '3');
  const issues = () => checkCsrForProfile(props.info, profile(), { subjectRules: true });
  return (
    <div data-testid="keys-csr-facts">
      <h3>{t('CSRの内容', 'CSR contents')}</h3>
      <dl class="keys-facts">
        <dt>{t('主体者DN（CSR内の順序）', 'Subject (order in the CSR)')}</dt>
        <dd>
          <For each={props.info.subject}>
            {(r, i) => (
              <span class="rdn">
                {r.key}={r.value} <small class="hint">({props.info.stringTypes[i()]})</small>
              </span>
            )}
          </For>
        </dd>
        <dt>{t('TSV 1列目の形', 'As TSV column 1')}</dt>
        <dd>
          <code>{subjectTsvString(props.info.subject)}</code> <CopyButton text={() => subjectTsvString(props.info.subject)} label={t('コピー', 'Copy')} />
        </dd>
        <dt>{t('公開鍵', 'Public key')}</dt>
        <dd>{formatPublicKey(props.info.publicKey)}</dd>
        <dt>{t('署名アルゴリズム', 'Signature algorithm')}</dt>
        <dd>{props.info.signatureAlgorithm}</dd>
        <dt>{t('自己署名', 'Self-signature')}</dt>
        <dd data-testid="keys-csr-signature">{props.info.signatureValid ? t('正しい', 'valid') : t('検証できません', 'does NOT verify')}</dd>
        <Show when={props.info.sanDnsNames.length > 0}>
          <dt>SAN dNSName</dt>
          <dd>{props.info.sanDnsNames.join(', ')}</dd>
        </Show>
        <dt>{t('公開鍵のSHA-256', 'Public key SHA-256')}</dt>
        <dd><code class="wrap">{props.info.spkiSha256}</code></dd>
        <dt>{t('鍵と署名方式が合うプロファイル', 'Profiles its key and signature algorithm fit')}</dt>
        <dd data-testid="keys-csr-fits">{fits().length ? fits().join(', ') : t('なし', 'none')}</dd>
      </dl>
      <div class="form-row">
        <CopyButton text={() => csrToOneLine(props.info.der)} label={t('TSV 7列目（一行形式）をコピー', 'Copy TSV column 7 (one line)')} />
        <label for="keys-check-profile">{t('検査するプロファイル', 'Check against profile')}</label>
        <select id="keys-check-profile" value={profile()} onChange={(e) => setProfile(e.currentTarget.value)}>
          <For each={PROFILE_IDS.server}>{(id) => <option value={id}>{id}</option>}</For>
        </select>
      </div>
      <IssueList issues={issues()} okText={t(`プロファイル${profile()}の規則に合っています。`, `Meets the rules of profile ${profile()}.`)} />
    </div>
  );
};

export const IssueList: Component<{ issues: Issue[]; okText: string }> = (props) => (
  <Show when={props.issues.length > 0} fallback={<p class="notice notice-ok" data-testid="keys-check-ok">{props.okText}</p>}>
    <ul class="notice notice-error" data-testid="keys-check-issues">
      <For each={props.issues}>
        {(i) => (
          <li>
            <span class={i.severity === 'error' ? 'result-ng' : 'warn-tag'}>{i.code}</span> {tr(i.message)}
            <Show when={i.hint}>{(h) => <span class="hint">{tr(h())}</span>}</Show>
          </li>
        )}
      </For>
    </ul>
  </Show>
);
