// Tools for one row: make a key and CSR (server issue/renew), edit dNSName entries as a list, and read the
// old certificate (renew/revoke) to fill DN and serial. The key leaves the page only as an encrypted PEM.
import { For, Show, createEffect, createSignal, on, type Component } from 'solid-js';
import { cellsFromCertificate, cellsFromKeyAction, formatDnsNames, parseDnsNames } from '../../builder/fill';
import { columnIndex } from '../../builder/grid';
import { cnOf } from '../../builder/smime';
import { parseDnString } from '../../pki/dn';
import { inspectCertificate } from '../../pki/certificate';
import { makeKeyAndCsr } from '../../pki/keys';
import { FileDrop } from '../components/FileDrop';
import { t, tr } from '../i18n';
import { downloadBytes, readFileBytes } from './download';
import type { BuilderState } from './state';
import type { Text } from '../../spec/types';

export interface RowToolsProps {
  state: BuilderState;
  rowId: string;
  onClose: () => void;
  announce: (text: string) => void;
}

export const RowTools: Component<RowToolsProps> = (props) => {
  const spec = () => props.state.spec();
  const row = () => props.state.sheet().rows.find((r) => r.id === props.rowId);
  const rowNumber = () => props.state.sheet().rows.findIndex((r) => r.id === props.rowId) + 1;
  const cell = (field: Parameters<typeof columnIndex>[1]) => {
    const at = columnIndex(spec(), field);
    return at >= 0 ? (row()?.cells[at] ?? '') : '';
  };
  const hasCsr = () => columnIndex(spec(), 'csr') >= 0;
  const hasSerial = () => columnIndex(spec(), 'serial') >= 0;
  const [fqdn, setFqdn] = createSignal('');
  const [sans, setSans] = createSignal<string[]>([]);
  const [pass, setPass] = createSignal('');
  const [pass2, setPass2] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [messages, setMessages] = createSignal<Text[]>([]);
  let heading: HTMLHeadingElement | undefined;

  // The grid stays editable while the panel is open: when the row's FQDN/DN or dNSName cells change there,
  // the panel follows, so an action never writes back a list read before the edit.
  createEffect(on([() => props.rowId, () => cell('fqdn'), () => cell('dn')], () => setFqdn(cell('fqdn') || cnOf(cell('dn')))));
  createEffect(on([() => props.rowId, () => cell('dnsNames')], () => setSans(parseDnsNames(cell('dnsNames')))));
  createEffect(
    on(
      () => props.rowId,
      () => {
        setMessages([]);
        // The panel sits below the grid: take the user (and the screen reader) there.
        queueMicrotask(() => {
          heading?.scrollIntoView({ block: 'start' });
          heading?.focus();
        });
      },
    ),
  );

  /** O, ST, L from the row's DN, else from the institution profile. */
  const subjectBase = () => {
    const parsed = parseDnString(cell('dn'));
    const get = (key: string) => (parsed.ok ? (parsed.rdns.find((r) => r.key === key)?.value ?? '') : '');
    const inst = props.state.institution();
    return { o: get('O') || inst?.o || '', st: get('ST') || inst?.st || '', l: get('L') || inst?.l || '' };
  };

  const makeKey = async () => {
    if (pass() !== pass2()) {
      setMessages([{ ja: 'パスフレーズが一致しません。', en: 'The passphrases do not match.' }]);
      return;
    }
    setBusy(true);
    try {
      const profile = (cell('profile') === '11' ? '11' : '3');
      const names = sans().map((s) => s.trim()).filter(Boolean);
      const result = await makeKeyAndCsr({ profile, subject: { cn: fqdn().trim(), ...subjectBase() }, dnsNames: names, passphrase: pass() });
      if (!result.ok) {
        setMessages(result.issues.map((i) => i.message));
        return;
      }
      props.state.setRowCells(props.rowId, cellsFromKeyAction(spec(), fqdn().trim(), result.value));
      downloadBytes(`${result.value.baseName}.key`, result.value.keyPem, 'application/x-pem-file');
      setMessages(result.warnings.map((w) => w.message));
      setPass('');
      setPass2('');
      props.announce(t(`行${rowNumber()}に鍵とCSRを作成しました。秘密鍵をダウンロードしました。`, `Key and CSR made for row ${rowNumber()}; the private key was downloaded.`));
    } catch (e) {
      // WebCrypto can refuse (unsupported curve, a policy, no secure context): say so instead of failing silently.
      setMessages([failure({ ja: '鍵とCSRを作成できませんでした（ブラウザの暗号機能のエラー）', en: 'Could not make the key and CSR (the browser’s cryptography failed)' }, e)]);
    } finally {
      setBusy(false);
    }
  };

  const applySans = () => {
    const at = columnIndex(spec(), 'dnsNames');
    if (at >= 0) props.state.setRowCells(props.rowId, new Map([[at, formatDnsNames(sans())]]));
  };

  const readCertificate = async (file: File) => {
    try {
      await fillFromCertificate(file);
    } catch (e) {
      setMessages([failure({ ja: '証明書を読み込めませんでした', en: 'Could not read the certificate' }, e)]);
    }
  };

  const fillFromCertificate = async (file: File) => {
    const result = await inspectCertificate(await readFileBytes(file));
    if (!result.ok) {
      setMessages([result.message]);
      return;
    }
    // Renew rows remember the old key so a CSR with the same key is flagged (renewal needs a new key pair).
    const meta = spec().action === 'renew' ? { oldSpkiSha256: result.info.spkiSha256 } : undefined;
    props.state.setRowCellsAndMeta(props.rowId, cellsFromCertificate(spec(), result.info, props.state.institution()), meta);
    setMessages([]);
    props.announce(
      spec().action === 'renew'
        ? t(
            `行${rowNumber()}に証明書のDNとシリアル番号を入れました。旧証明書と同じ鍵のCSRはエラーになります。`,
            `Row ${rowNumber()}: DN and serial taken from the certificate. A CSR with the old certificate's key will be an error.`,
          )
        : t(`行${rowNumber()}に証明書のDNとシリアル番号を入れました。`, `Row ${rowNumber()}: DN and serial taken from the certificate.`),
    );
  };

  return (
    <Show when={row()}>
      <section class="panel row-tools" aria-labelledby="row-tools-heading" data-testid="row-tools">
        <h2 id="row-tools-heading" tabindex="-1" ref={heading}>{t(`行${rowNumber()}の補助機能`, `Tools for row ${rowNumber()}`)}</h2>
        <Show when={hasCsr()}>
          <form onSubmit={(e) => { e.preventDefault(); void makeKey(); }}>
            <h3>{t('鍵とCSRを作成', 'Make key and CSR')}</h3>
            <p class="hint">
              {t(
                `O・ST・Lは行のDNまたは機関プロファイルから取ります（${subjectBase().o || '未設定'}）。秘密鍵はパスフレーズで暗号化してダウンロードします。`,
                `O, ST, L come from the row's DN or the institution profile (${subjectBase().o || 'not set'}). The private key is downloaded, encrypted with the passphrase.`,
              )}
            </p>
            <div class="form-row">
              <label for="rt-fqdn">{t('FQDN（CN）', 'FQDN (CN)')}</label>
              <input id="rt-fqdn" type="text" value={fqdn()} onInput={(e) => setFqdn(e.currentTarget.value)} list="rt-domains" autocomplete="off" />
              <datalist id="rt-domains">
                <For each={props.state.institution()?.domains ?? []}>{(d) => <option value={`www.${d}`} />}</For>
              </datalist>
            </div>
            <div class="form-row">
              <span class="pair">
                <label for="rt-pass">{t('パスフレーズ', 'Passphrase')}</label>
                <input id="rt-pass" type="password" value={pass()} onInput={(e) => setPass(e.currentTarget.value)} autocomplete="new-password" />
              </span>
              <span class="pair">
                <label for="rt-pass2">{t('確認', 'Confirm')}</label>
                <input id="rt-pass2" type="password" value={pass2()} onInput={(e) => setPass2(e.currentTarget.value)} autocomplete="new-password" />
              </span>
              <button type="submit" disabled={busy()}>{busy() ? t('作成中…', 'Working…') : t('鍵とCSRを作成', 'Make key and CSR')}</button>
            </div>
          </form>
        </Show>
        <Show when={columnIndex(spec(), 'dnsNames') >= 0}>
          <fieldset>
            <legend>{t('dNSName（最大8件）', 'dNSName entries (up to 8)')}</legend>
            <For each={sans()}>
              {(name, i) => (
                <div class="form-row">
                  <label for={`rt-san-${i()}`}>{t(`ホスト名${i() + 1}`, `Host ${i() + 1}`)}</label>
                  <input id={`rt-san-${i()}`} type="text" value={name} onInput={(e) => setSans(sans().map((s, j) => (j === i() ? e.currentTarget.value : s)))} />
                  <button type="button" class="secondary small" onClick={() => setSans(sans().filter((_, j) => j !== i()))}>{t('削除', 'Remove')}</button>
                </div>
              )}
            </For>
            <div class="form-row">
              <button type="button" class="secondary" onClick={() => setSans([...sans(), ''])}>{t('ホスト名を追加', 'Add host')}</button>
              <button type="button" class="secondary" onClick={applySans}>{t('dNSName列に反映', 'Write to dNSName column')}</button>
            </div>
          </fieldset>
        </Show>
        <Show when={hasSerial()}>
          <FileDrop label={t('旧証明書（PEM/DER）からDNとシリアル番号を入れる', 'Fill DN and serial from the old certificate (PEM/DER)')} accept=".pem,.crt,.cer,.der" onFile={readCertificate} testId="cert-drop" />
          <Show when={row()?.meta?.oldSpkiSha256}>
            <p class="hint" data-testid="row-old-key">
              {t(
                '旧証明書の公開鍵を記録しています（ファイルには書き出しません）。7列目のCSRが同じ鍵ならエラーになります。',
                "The old certificate's public key is kept with this row (not written to the file); a CSR in column 7 with the same key is an error.",
              )}
            </p>
          </Show>
        </Show>
        <Show when={messages().length > 0}>
          <ul class="notice notice-warn" role="alert">
            <For each={messages()}>{(m) => <li>{tr(m)}</li>}</For>
          </ul>
        </Show>
        <button type="button" class="secondary" onClick={() => props.onClose()}>{t('閉じる', 'Close')}</button>
      </section>
    </Show>
  );
};

function failure(what: Text, error: unknown): Text {
  const detail = error instanceof Error ? error.message : String(error);
  return { ja: `${what.ja}: ${detail}`, en: `${what.en}: ${detail}` };
}
