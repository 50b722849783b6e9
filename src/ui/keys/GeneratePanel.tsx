// Make a key pair and a UPKI server CSR in this browser (pki/keys.ts makeKeyAndCsr, the same code as the CLI).
// WebCrypto works asynchronously, so the page stays responsive while the key is generated and encrypted.
import { For, Show, createSignal, type Component } from 'solid-js';
import { makeKeyAndCsr, type KeyAndCsr, type ServerProfileId } from '../../pki/keys';
import { parseDnsNameList, validateDnsNames, validateServerSubject, type Institution, type SubjectIssue } from '../../pki/subject-rules';
import { PROFILES } from '../../spec/profiles';
import { t, tr } from '../i18n';
import { FieldIssues, InstitutionFields, issuesFor } from './InstitutionFields';
import { keepKeyResult, keyResult, keyUnsaved, unsavedKeyQuestion } from './key-session';
import { ResultPanel } from './ResultPanel';

export const GeneratePanel: Component = () => {
  const [profile, setProfile] = createSignal<ServerProfileId>('3');
  const [cn, setCn] = createSignal('');
  const [institution, setInstitution] = createSignal<Institution>({ o: '', st: '', l: '' });
  const [sanText, setSanText] = createSignal('');
  const [pass, setPass] = createSignal('');
  const [pass2, setPass2] = createSignal('');
  const [noEncrypt, setNoEncrypt] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  // Thunks, not strings: the messages must follow a later language switch.
  const [problems, setProblems] = createSignal<(() => string)[]>([]);
  // The result lives in key-session (memory only) so leaving unsaved asks first and a return finds it again.
  const result = keyResult;
  const setResult = (r: KeyAndCsr | undefined) => keepKeyResult(r);
  const [warnings, setWarnings] = createSignal<SubjectIssue[]>([]);

  const sans = () => parseDnsNameList(sanText());
  // Both checks trim as makeKeyAndCsr does, so what is shown is what generation will say.
  const cnIssues = () => {
    if (!cn().trim()) return [];
    const all = validateServerSubject({ cn: cn(), ...institution() }, sans());
    return [...issuesFor(all, 'CN'), ...issuesFor(all, 'DN')];
  };
  const sanIssues = () => validateDnsNames(sans(), cn());

  const generate = async () => {
    const local: (() => string)[] = [];
    if (!noEncrypt() && pass() !== pass2()) local.push(() => t('パスフレーズと確認が一致しません。', 'The passphrase and its confirmation differ.'));
    setProblems(local);
    if (local.length) return;
    // A new key replaces the one shown: never drop an unsaved key without asking.
    if (keyUnsaved() && !window.confirm(unsavedKeyQuestion())) return;
    setBusy(true);
    setResult(undefined);
    setWarnings([]);
    try {
      const r = await makeKeyAndCsr({
        profile: profile(),
        subject: { cn: cn(), ...institution() },
        dnsNames: sans(),
        passphrase: noEncrypt() ? null : pass(),
      });
      if (!r.ok) {
        setProblems(r.issues.filter((i) => i.severity === 'error').map((i) => () => describe(i)));
        return;
      }
      setResult(r.value);
      setWarnings(r.warnings);
      setPass('');
      setPass2('');
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      setProblems([() => `${t('鍵を作成できませんでした', 'Could not make the key')}: ${detail}`]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="keys-gen-heading">
      <h2 id="keys-gen-heading">{t('鍵ペアとCSRを作成', 'Make a key pair and CSR')}</h2>
      <form onSubmit={(e) => { e.preventDefault(); void generate(); }} data-testid="keys-generate-form">
        <fieldset>
          <legend>{t('証明書プロファイル', 'Certificate profile')}</legend>
          <For each={['3', '11'] as ServerProfileId[]}>
            {(id) => (
              <label class="choice">
                <input type="radio" name="keys-profile-id" value={id} checked={profile() === id} onChange={() => setProfile(id)} />
                {` ${id}: ${tr(PROFILES[id].title)} — ${id === '3' ? 'RSA 2048' : 'ECDSA P-384 (secp384r1)'}`}
              </label>
            )}
          </For>
        </fieldset>
        <div class="field">
          <label for="keys-cn">{t('CN（サーバのFQDN）', 'CN (server FQDN)')}</label>
          <input
            id="keys-cn"
            type="text"
            value={cn()}
            placeholder={t('例: www.example.ac.jp', 'e.g. www.example.ac.jp')}
            autocomplete="off"
            aria-invalid={cnIssues().some((i) => i.severity === 'error')}
            aria-describedby={cnIssues().length > 0 ? 'keys-cn-issues' : undefined}
            onInput={(e) => setCn(e.currentTarget.value)}
          />
          <FieldIssues id="keys-cn-issues" issues={cnIssues()} />
        </div>
        <InstitutionFields value={institution()} onChange={setInstitution} />
        <div class="field">
          <label for="keys-san">{t('追加のホスト名（SAN、任意、最大8件。カンマ・空白・改行区切り）', 'More host names (SAN, optional, up to 8; separated by commas, spaces or lines)')}</label>
          <textarea
            id="keys-san"
            rows="2"
            value={sanText()}
            aria-describedby={sanIssues().length > 0 ? 'keys-san-issues' : undefined}
            onInput={(e) => setSanText(e.currentTarget.value)}
          />
          <FieldIssues id="keys-san-issues" issues={sanIssues()} />
        </div>
        <PassphraseFields pass={pass()} pass2={pass2()} noEncrypt={noEncrypt()} onPass={setPass} onPass2={setPass2} onNoEncrypt={setNoEncrypt} />
        <div class="form-row">
          <button type="submit" disabled={busy()} data-testid="keys-generate">
            {busy() ? t('作成中…', 'Working…') : t('鍵とCSRを作成', 'Generate key and CSR')}
          </button>
          <Show when={busy()}>
            <span class="spinner" aria-hidden="true" />
          </Show>
          <span role="status" class="hint">
            {busy() ? t('鍵を生成しています。画面はそのまま操作できます。', 'Generating the key; the page stays usable.') : ''}
          </span>
        </div>
      </form>
      <Show when={problems().length > 0}>
        <ul class="notice notice-error" role="alert" data-testid="keys-problems">
          <For each={problems()}>{(p) => <li>{p()}</li>}</For>
        </ul>
      </Show>
      <Show when={result() && warnings().length > 0}>
        <ul class="notice notice-warn" data-testid="keys-warnings">
          <For each={warnings()}>{(w) => <li>{describe(w)}</li>}</For>
        </ul>
      </Show>
      <Show when={result()}>{(r) => <ResultPanel result={r()} />}</Show>
    </section>
  );
};

/** The field's name first, unless the message already starts with it ("CN: CN (FQDN) is required" reads badly). */
function describe(i: SubjectIssue): string {
  if (i.field === 'DN') return tr(i.message); // its message names the subject DN itself
  const label = i.field === 'passphrase' ? t('パスフレーズ', 'Passphrase') : i.field;
  const message = tr(i.message);
  return message.toLowerCase().startsWith(label.toLowerCase()) ? message : `${label}: ${message}`;
}

interface PassphraseProps {
  pass: string;
  pass2: string;
  noEncrypt: boolean;
  onPass: (v: string) => void;
  onPass2: (v: string) => void;
  onNoEncrypt: (v: boolean) => void;
}

const PassphraseFields: Component<PassphraseProps> = (props) => (
  <fieldset>
    <legend>{t('秘密鍵の保護', 'Private key protection')}</legend>
    <Show when={!props.noEncrypt}>
      <p class="hint">
        {t(
          '秘密鍵はパスフレーズで暗号化して保存します（PKCS#8、AES-256-CBC、PBKDF2-HMAC-SHA256）。8文字以上。',
          'The private key is saved encrypted with the passphrase (PKCS#8, AES-256-CBC, PBKDF2-HMAC-SHA256). At least 8 characters.',
        )}
      </p>
      <div class="form-row">
        <span class="pair">
          <label for="keys-pass">{t('パスフレーズ', 'Passphrase')}</label>
          <input id="keys-pass" type="password" autocomplete="new-password" value={props.pass} onInput={(e) => props.onPass(e.currentTarget.value)} />
        </span>
        <span class="pair">
          <label for="keys-pass2">{t('確認', 'Confirm')}</label>
          <input id="keys-pass2" type="password" autocomplete="new-password" value={props.pass2} onInput={(e) => props.onPass2(e.currentTarget.value)} />
        </span>
      </div>
    </Show>
    <label class="choice">
      <input type="checkbox" checked={props.noEncrypt} onChange={(e) => props.onNoEncrypt(e.currentTarget.checked)} data-testid="keys-no-encrypt" />
      {` ${t('暗号化せずに保存する', 'Save the key unencrypted')}`}
    </label>
    <Show when={props.noEncrypt}>
      <p class="notice notice-warn" role="alert">
        {t(
          '暗号化されていない秘密鍵は、ファイルを読める人なら誰でも使えます。サーバに直接置く場合など、ファイルを自分で保護できるときだけ選んでください。',
          'Anyone who can read an unencrypted key file can use the key. Choose this only when you protect the file yourself (e.g. it goes straight onto the server).',
        )}
      </p>
    </Show>
  </fieldset>
);
