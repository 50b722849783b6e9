// 「TSV作成へ送る」: the CSR just made or loaded goes into a new builder row of the chosen kind (issue or renew);
// 「行をコピー」 copies the same row as TSV text, which the builder's grid pastes as a row.
import { Show, createResource, createSignal, createUniqueId, type Component } from 'solid-js';
import { cellsFromCsr } from '../../builder/from-csr';
import { emptyCells } from '../../builder/grid';
import { inspectCsr } from '../../pki/csr';
import { KINDS } from '../../spec/kinds';
import { allowNextLeave } from '../app/leave-guard';
import { navigate } from '../app/router';
import { handOffCsr, type CsrHandoff } from '../app/handoff';
import { t } from '../i18n';
import { CopyButton } from './CopyButton';
import { DnRefusal } from './DnRefusal';
import { dnRejections } from './rows';

export const SendToBuilder: Component<{ csr: () => string | Uint8Array }> = (props) => {
  const id = createUniqueId();
  const [kind, setKind] = createSignal<CsrHandoff['kind']>('server-issue');
  const [row] = createResource(
    () => ({ csr: props.csr(), kind: kind() }),
    async ({ csr, kind: k }) => {
      const r = await inspectCsr(csr);
      if (!r.ok) return { text: '', refused: [] };
      const cells = emptyCells(KINDS[k]);
      for (const [i, v] of cellsFromCsr(KINDS[k], r.info)) cells[i] = v;
      // The validator's column-1 rules first: a DN the RA would refuse is not offered (issue 11).
      return { text: cells.join('\t'), refused: dnRejections(k, cells) };
    },
  );
  const send = () => {
    handOffCsr({ kind: kind(), csr: props.csr() });
    // Nothing is lost by this move: the key stays in this page's memory until it is saved.
    allowNextLeave('/builder');
    navigate('/builder');
  };
  return (
    <div class="form-row send-to-builder">
      <label for={id}>{t('TSV作成の申請種類', 'Builder kind')}</label>
      <select id={id} value={kind()} onChange={(e) => setKind(e.currentTarget.value as CsrHandoff['kind'])}>
        <option value="server-issue">{t('サーバ証明書発行申請', 'Server certificate issue')}</option>
        <option value="server-renew">{t('サーバ証明書更新申請', 'Server certificate renewal')}</option>
      </select>
      <Show when={row() && row()!.refused.length > 0} fallback={
        <>
          <button type="button" onClick={send} disabled={!row()} data-testid="keys-send-to-builder">
            {t('TSV作成へ送る', 'Send to the TSV builder')}
          </button>
          <CopyButton text={() => row()?.text ?? ''} label={t('行をコピー（TSV作成に貼り付け可）', 'Copy as a row (pastes into the builder)')} testId="keys-copy-row" />
        </>
      }>
        <DnRefusal issues={row()!.refused} />
      </Show>
    </div>
  );
};
