// Selected rows → renewal files: new key pairs + CSRs for servers (WebCrypto, progress, cancel), each key
// encrypted with the one passphrase; server and client renew TSVs split at the RA's limits; all in one zip,
// and the rows handed to the builder for review. Keys stay in this page's memory only (encrypted) until it closes.
import { createSignal, For, Show, type Component } from 'solid-js';
import { clientRenewRow, serverRenewRow, tsvFiles, type InventoryEntry, type RenewalKey, type RowDefaults } from '../../inventory';
import { zipFiles } from '../../pki/zip';
import { jstDateStamp } from '../../builder/naming';
import { downloadBytes } from '../builder/download';
import { t, tr } from '../i18n';
import { openInBuilder } from './open-in-builder';
import { startRenewalKeys } from './renew-client';
import type { InventoryState } from './state';
import type { Text } from '../../spec/types';

interface Made {
  keys: RenewalKey[];
  servers: InventoryEntry[];
  clients: InventoryEntry[];
  failures: { fqdn: string; message: Text }[];
  defaults: RowDefaults;
}

export const RenewalPanel: Component<{ state: InventoryState }> = (props) => {
  const [pass, setPass] = createSignal('');
  const [pass2, setPass2] = createSignal('');
  const [profile, setProfile] = createSignal<'' | '3' | '11'>('');
  const [defaults, setDefaults] = createSignal<RowDefaults>({});
  const [progress, setProgress] = createSignal<{ done: number; total: number }>();
  const [error, setError] = createSignal<Text>();
  const [made, setMade] = createSignal<Made>();
  let job: ReturnType<typeof startRenewalKeys> | undefined;

  const renewable = () => props.state.selectedEntries().filter((e) => e.serialDecimal && e.status !== 'revoked');
  const servers = () => renewable().filter((e) => e.kind === 'server');
  const clients = () => renewable().filter((e) => e.kind === 'client' || e.kind === 'smime');
  // eslint-disable-next-line solid/reactivity -- returns an event handler (used as onInput), read when the event fires
  const field = (k: keyof RowDefaults) => (e: InputEvent & { currentTarget: HTMLInputElement }) => setDefaults({ ...defaults(), [k]: e.currentTarget.value || undefined });

  async function make() {
    setError(undefined);
    setMade(undefined);
    if (servers().length && pass() !== pass2()) return setError({ ja: '2つのパスフレーズが一致しません。', en: 'The two passphrases differ.' });
    const d: RowDefaults = { ...defaults(), serverProfile: profile() || undefined };
    const srv = servers();
    const cli = clients();
    let keys: RenewalKey[] = [];
    let failures: Made['failures'] = [];
    if (srv.length) {
      setProgress({ done: 0, total: srv.length });
      job = startRenewalKeys(srv, pass(), d, (done, total) => setProgress({ done, total }));
      const got = await job.done;
      job = undefined;
      setProgress(undefined);
      if (!got.ok) return setError(got.message);
      keys = got.keys;
      failures = got.failures;
    }
    setMade({ keys, servers: srv, clients: cli, failures, defaults: d });
    await download();
  }

  const serverRows = (m: Made) => m.keys.map((k) => ({ cells: serverRenewRow(m.servers.find((e) => e.id === k.entryId)!, k.csrOneLine, m.defaults), meta: { oldSpkiSha256: m.servers.find((e) => e.id === k.entryId)!.spkiSha256 } }));
  const clientRows = (m: Made) => m.clients.map((e) => ({ cells: clientRenewRow(e, m.defaults) }));

  async function download() {
    const m = made();
    if (!m) return;
    const now = new Date();
    const entries: { name: string; data: Uint8Array | string }[] = [];
    for (const k of m.keys) entries.push({ name: `keys/${k.fqdn}.key`, data: k.keyPem }, { name: `csr/${k.fqdn}.csr`, data: k.csrPem });
    for (const [kind, rows] of [['server-renew', serverRows(m)], ['client-renew', clientRows(m)]] as const) {
      const files = tsvFiles(kind, rows.map((r) => r.cells), now);
      if (!files.ok) return setError(files.message);
      for (const f of files.files) entries.push({ name: f.name, data: f.bytes });
    }
    downloadBytes(`upki-renewal-${jstDateStamp(now)}.zip`, await zipFiles(entries, now), 'application/zip');
  }

  return (
    <section class="inv-action" aria-labelledby="inv-renew-h">
      <h3 id="inv-renew-h">{t('更新ファイルの作成', 'Renewal files')}</h3>
      <p>{t(`選択中: サーバ ${servers().length} 件（新しい鍵ペアとCSRを作成）、クライアント ${clients().length} 件（鍵はRAが作成）`, `Selected: ${servers().length} server (new key pair and CSR each), ${clients().length} client (keys made by the RA)`)}</p>
      <div class="form-row">
        <label>
          {t('鍵のパスフレーズ', 'Key passphrase')} <input type="password" autocomplete="new-password" value={pass()} onInput={(e) => setPass(e.currentTarget.value)} data-testid="renew-pass" />
        </label>
        <label>
          {t('もう一度', 'Again')} <input type="password" autocomplete="new-password" value={pass2()} onInput={(e) => setPass2(e.currentTarget.value)} data-testid="renew-pass2" />
        </label>
        <label>
          {t('サーバのプロファイル', 'Server profile')}{' '}
          <select value={profile()} onChange={(e) => setProfile(e.currentTarget.value as '' | '3' | '11')}>
            <option value="">{t('各証明書と同じ', 'as each certificate')}</option>
            <option value="3">3 (RSA 2048)</option>
            <option value="11">11 (ECDSA P-384)</option>
          </select>
        </label>
      </div>
      <details>
        <summary>{t('ファイルに無い項目の既定値（利用管理者・ソフトウェア）', 'Defaults for fields the files lack (admin, software)')}</summary>
        <div class="form-row">
          <label>{t('利用管理者氏名', 'Admin name')} <input onInput={field('adminName')} /></label>
          <label>{t('利用管理者所属', 'Admin dept')} <input onInput={field('adminDept')} /></label>
          <label>{t('利用管理者mail', 'Admin mail')} <input type="email" onInput={field('adminMail')} /></label>
          <label>{t('ソフトウェア名・バージョン', 'Software')} <input onInput={field('software')} /></label>
        </div>
      </details>
      <button type="button" disabled={!!progress() || renewable().length === 0} onClick={() => void make()} data-testid="make-renewal">
        {t('更新ファイルと鍵を作成（zip）', 'Make renewal files and keys (zip)')}
      </button>
      <Show when={progress()}>
        {(p) => (
          <p role="status">
            <progress max={p().total} value={p().done} /> {t(`鍵ペアとCSR ${p().done} / ${p().total}`, `key pairs and CSRs ${p().done} / ${p().total}`)}{' '}
            <button type="button" onClick={() => job?.cancel()} data-testid="renew-cancel">{t('中止', 'Cancel')}</button>
          </p>
        )}
      </Show>
      <Show when={error()}>{(e) => <p class="notice notice-error" role="alert">{tr(e())}</p>}</Show>
      <Show when={made()}>
        {(m) => (
          <div class="notice notice-ok" data-testid="renewal-done">
            <p>{t(`鍵 ${m().keys.length} 件（各鍵はパスフレーズで暗号化したPKCS#8、ファイル名はFQDN）と申請TSVをzipにしました。`, `${m().keys.length} key(s) (each PKCS#8 encrypted with the passphrase, named after the FQDN) and the TSVs are in the zip.`)}</p>
            <For each={m().failures}>{(f) => <p class="result-ng">{f.fqdn}: {tr(f.message)}</p>}</For>
            <button type="button" onClick={() => void download()}>{t('zipをもう一度保存', 'Save the zip again')}</button>{' '}
            <Show when={m().keys.length}>
              <button type="button" onClick={() => void openInBuilder('server-renew', serverRows(m()))} data-testid="open-builder-server">
                {t('サーバ更新をTSV作成で開く', 'Open the server renewals in the builder')}
              </button>
            </Show>{' '}
            <Show when={m().clients.length}>
              <button type="button" onClick={() => void openInBuilder('client-renew', clientRows(m()))}>
                {t('クライアント更新をTSV作成で開く', 'Open the client renewals in the builder')}
              </button>
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
};
