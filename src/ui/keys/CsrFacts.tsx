// Facts read from a CSR and the UPKI checks on it (tsv/csr-rules.ts and the validator's cell check of column 7:
// its rules and messages), with the CSR's SAN names in the form TSV column 13 wants.
import { For, Show, createSignal, type Component } from 'solid-js';
import { csrToOneLine } from '../../pki/csr';
import { subjectTsvString } from '../../pki/subject-order';
import { formatPublicKey } from '../../pki/spki';
import type { CsrInfo } from '../../pki/types';
import { formatDnsNames } from '../../spec/dns-names';
import { columnOf } from '../../spec/kinds';
import { PROFILE_IDS } from '../../spec/profiles';
import { checkCell } from '../../tsv/columns';
import { checkCsrForProfile, fitProfiles } from '../../tsv/csr-rules';
import { MESSAGES } from '../../tsv/messages';
import type { Issue } from '../../tsv/types';
import { t, tr } from '../i18n';
import { CopyButton } from './CopyButton';
import { DnRefusal } from './DnRefusal';
import { dnRejections } from './rows';
import { SendToBuilder } from './SendToBuilder';

const CSR_COLUMN = columnOf('server-issue', 'csr')!;

export const CsrFacts: Component<{ info: CsrInfo }> = (props) => {
  const fits = () => fitProfiles(props.info);
  const [profile, setProfile] = createSignal(fits()[0] ?? '3');
  const oneLine = () => csrToOneLine(props.info.der);
  // The validator's own cell check of column 7, so the page cannot call "fine" a CSR the validator refuses.
  const columnIssues = () => checkCell(CSR_COLUMN, oneLine(), 0);
  const tooLong = () => columnIssues().some((i) => i.code === MESSAGES.tooLong.code);
  const issues = () => [...columnIssues(), ...checkCsrForProfile(props.info, profile(), { subjectRules: true })];
  const dnsColumn = () => formatDnsNames(props.info.sanDnsNames);
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
          <code>{subjectTsvString(props.info.subject)}</code>{' '}
          <Show when={dnRejections('server-issue', [subjectTsvString(props.info.subject)]).length === 0} fallback={<DnRefusal issues={dnRejections('server-issue', [subjectTsvString(props.info.subject)])} testId="keys-dn-refused-column1" />}>
            <CopyButton text={() => subjectTsvString(props.info.subject)} label={t('コピー', 'Copy')} />
          </Show>
        </dd>
        <dt>{t('公開鍵', 'Public key')}</dt>
        <dd>{formatPublicKey(props.info.publicKey)}</dd>
        <dt>{t('署名アルゴリズム', 'Signature algorithm')}</dt>
        <dd>{props.info.signatureAlgorithm}</dd>
        <dt>{t('自己署名', 'Self-signature')}</dt>
        <dd data-testid="keys-csr-signature">{props.info.signatureValid ? t('正しい', 'valid') : t('検証できません', 'does NOT verify')}</dd>
        <Show when={props.info.sanDnsNames.length > 0}>
          <dt>SAN dNSName</dt>
          <dd>
            {props.info.sanDnsNames.join(', ')}
            <br />
            <code class="wrap" data-testid="keys-csr-dns-column">{dnsColumn()}</code>{' '}
            <CopyButton text={dnsColumn} label={t('TSV 13列目の形をコピー', 'Copy as TSV column 13')} testId="keys-copy-dns-column" />
            <p class="hint">
              {t(
                'CSR内のSANは証明書に使われません。これらのホスト名を証明書に入れるには、TSVの13列目（dNSName）にこの形で記載してください（CNは自動で付与されます）。',
                'The SAN in the CSR is not used for the certificate. To have these names in it, write them into TSV column 13 (dNSName) in this form (the CN is added automatically).',
              )}
            </p>
          </dd>
        </Show>
        <dt>{t('公開鍵のSHA-256', 'Public key SHA-256')}</dt>
        <dd><code class="wrap">{props.info.spkiSha256}</code></dd>
        <dt>{t('鍵と署名方式が合うプロファイル', 'Profiles its key and signature algorithm fit')}</dt>
        <dd data-testid="keys-csr-fits">{fits().length ? fits().join(', ') : t('なし', 'none')}</dd>
        <Show when={tooLong()}>
          <dt>{t('一行形式の長さ', 'One-line form length')}</dt>
          <dd class="result-ng" data-testid="keys-csr-length">
            {t(`${oneLine().length}文字（TSV 7列目の上限は${CSR_COLUMN.maxLength}文字）`, `${oneLine().length} characters (TSV column 7 allows ${CSR_COLUMN.maxLength})`)}
          </dd>
        </Show>
      </dl>
      <div class="form-row">
        <CopyButton text={oneLine} label={t('TSV 7列目（一行形式）をコピー', 'Copy TSV column 7 (one line)')} />
        <label for="keys-check-profile">{t('検査するプロファイル', 'Check against profile')}</label>
        <select id="keys-check-profile" value={profile()} onChange={(e) => setProfile(e.currentTarget.value)}>
          <For each={PROFILE_IDS.server}>{(id) => <option value={id}>{id}</option>}</For>
        </select>
      </div>
      <SendToBuilder csr={() => props.info.der} />
      <IssueList issues={issues()} okText={t(`プロファイル${profile()}の規則に合っています。`, `Meets the rules of profile ${profile()}.`)} />
    </div>
  );
};

/** Warnings do not stop a CSR from meeting the rules (e.g. U414, OpenSSL's default UTF8String): "ok" plus the list. */
export const IssueList: Component<{ issues: Issue[]; okText: string }> = (props) => {
  const hasErrors = () => props.issues.some((i) => i.severity === 'error');
  return (
    <>
      <Show when={!hasErrors()}>
        <p class="notice notice-ok" data-testid="keys-check-ok">{props.okText}</p>
      </Show>
      <Show when={props.issues.length > 0}>
        <ul class={hasErrors() ? 'notice notice-error' : 'notice notice-warn'} data-testid="keys-check-issues">
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
    </>
  );
};
