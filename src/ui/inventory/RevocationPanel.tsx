// Selected rows → revocation files in the RA's attachment format: one `<serial>-<CN>.tsv` per certificate
// (13 or 15 columns, no header, Shift-JIS CRLF), zipped when several, or opened in the builder.
import { createSignal, For, type Component } from 'solid-js';
import { revocationFileName, revokeRow, tsvFiles, type InventoryEntry } from '../../inventory';
import { REVOCATION_REASONS } from '../../spec/profiles';
import { zipFiles } from '../../pki/zip';
import { jstDateStamp } from '../../builder/naming';
import { downloadBytes } from '../builder/download';
import { t, tr } from '../i18n';
import { openInBuilder } from './open-in-builder';
import type { InventoryState } from './state';

const DEFAULT_COMMENT: Record<string, string> = { '4': '証明書更新に伴う旧証明書の失効', '5': '証明書の利用終了のため' };

export const RevocationPanel: Component<{ state: InventoryState }> = (props) => {
  const [reason, setReason] = createSignal('4');
  const [comment, setComment] = createSignal(DEFAULT_COMMENT['4']);
  const [mail, setMail] = createSignal('');
  const [error, setError] = createSignal<string>();
  const revocable = () => props.state.selectedEntries().filter((e) => e.serialDecimal && e.status !== 'revoked' && e.kind !== 'unknown');
  const rowOf = (e: InventoryEntry) => revokeRow(e, reason(), comment(), mail());
  const kindOf = (e: InventoryEntry) => (e.kind === 'server' ? 'server-revoke' : 'client-revoke');

  async function save() {
    setError(undefined);
    const now = new Date();
    const files: { name: string; data: Uint8Array }[] = [];
    for (const e of revocable()) {
      const got = tsvFiles(kindOf(e), [rowOf(e)], now);
      if (!got.ok) return setError(`${e.cn}: ${tr(got.message)}`);
      files.push({ name: `${kindOf(e)}/${revocationFileName(e)}`, data: got.files[0].bytes });
    }
    if (files.length === 1) downloadBytes(files[0].name.split('/')[1], files[0].data, 'text/tab-separated-values');
    else downloadBytes(`upki-revoke-${jstDateStamp(now)}.zip`, await zipFiles(files, now), 'application/zip');
  }

  async function builder(kind: 'server-revoke' | 'client-revoke') {
    await openInBuilder(kind, revocable().filter((e) => kindOf(e) === kind).map((e) => ({ cells: rowOf(e) })));
  }

  return (
    <section class="inv-action" aria-labelledby="inv-revoke-h">
      <h3 id="inv-revoke-h">{t('失効ファイルの作成', 'Revocation files')}</h3>
      <p>{t(`選択中の有効な証明書: ${revocable().length} 件`, `Selected certificates not yet revoked: ${revocable().length}`)}</p>
      <div class="form-row">
        <label>
          {t('失効理由', 'Reason')}{' '}
          <select
            value={reason()}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setComment(DEFAULT_COMMENT[e.currentTarget.value] ?? '');
            }}
          >
            <For each={Object.values(REVOCATION_REASONS)}>{(r) => <option value={r.id}>{`${r.id}: ${tr(r.name)}`}</option>}</For>
          </select>
        </label>
        <label>
          {t('失効理由コメント', 'Comment')} <input value={comment()} onInput={(e) => setComment(e.currentTarget.value)} />
        </label>
        <label>
          {t('利用管理者mail（ファイルに無い場合）', 'Admin mail (when the files lack it)')} <input type="email" value={mail()} onInput={(e) => setMail(e.currentTarget.value)} />
        </label>
      </div>
      <button type="button" disabled={revocable().length === 0} onClick={() => void save()} data-testid="make-revocation">
        {t('失効TSVを保存（<シリアル>-<CN>.tsv）', 'Save revocation TSVs (<serial>-<CN>.tsv)')}
      </button>{' '}
      <button type="button" disabled={!revocable().some((e) => e.kind === 'server')} onClick={() => void builder('server-revoke')}>
        {t('サーバ失効をTSV作成で開く', 'Open server revocations in the builder')}
      </button>{' '}
      <button type="button" disabled={!revocable().some((e) => e.kind !== 'server')} onClick={() => void builder('client-revoke')}>
        {t('クライアント失効をTSV作成で開く', 'Open client revocations in the builder')}
      </button>
      {error() ? <p class="notice notice-error">{error()}</p> : null}
    </section>
  );
};
