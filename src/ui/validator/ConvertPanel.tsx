// Under U103 (a UTF-8/UTF-16 file): 「Shift-JISに変換して保存」 when every character fits JIS X 0208 + JIS X 0201
// (docs/text-policy.md), else the characters that do not and where; and 「TSV作成で開く」 (the builder's import path).
// The worker converts (report-store.ts); the page only receives the bytes, moved, not copied.
import { For, Show, createSignal, type Component } from 'solid-js';
import { convertedName, misfitText, type MisfitChar } from '../../tsv/misfit';
import { downloadBytes } from '../builder/download';
import { t, tr } from '../i18n';
import type { ValidatorApi } from './report-store';

type State = { step: 'idle' | 'working' } | { step: 'saved'; name: string } | { step: 'misfits'; misfits: MisfitChar[]; total: number } | { step: 'failed' };

export const ConvertPanel: Component<{
  client: ValidatorApi;
  gen: number;
  fileName: string;
  onConverted: (file: File) => void;
  onOpenInBuilder: () => void;
}> = (props) => {
  const [state, setState] = createSignal<State>({ step: 'idle' });
  const convert = async () => {
    setState({ step: 'working' });
    const reply = await props.client.convert(props.gen).catch(() => null);
    if (!reply) return setState({ step: 'failed' });
    if (!reply.ok) return setState({ step: 'misfits', misfits: reply.misfits, total: reply.total });
    const name = convertedName(props.fileName);
    downloadBytes(name, reply.bytes, 'text/tab-separated-values');
    setState({ step: 'saved', name });
    // Check the saved file right away: the user sees it pass (or its remaining problems).
    props.onConverted(new File([new Uint8Array(reply.bytes)], name, { type: 'text/tab-separated-values' }));
  };
  return (
    <div class="convert-panel" data-testid="convert-panel">
      <p>
        <button type="button" disabled={state().step === 'working'} onClick={() => void convert()}>
          {t('Shift-JISに変換して保存', 'Convert to Shift-JIS and save')}
        </button>{' '}
        <button type="button" class="secondary" onClick={() => props.onOpenInBuilder()}>
          {t('TSV作成で開く', 'Open in the TSV builder')}
        </button>
      </p>
      <Show when={state().step === 'failed'}>
        <p role="alert">{t('このファイルは変換できませんでした。', 'This file could not be converted.')}</p>
      </Show>
      <Show when={state().step === 'misfits' && (state() as Extract<State, { step: 'misfits' }>)}>
        {(s) => (
          <div role="alert" data-testid="convert-misfits">
            <p>
              {t(
                `Shift-JIS（JIS第一・第二水準＋半角英数・カナ）で書けない文字が${s().total}個あるため、変換できません。次の文字を直してから変換してください（「TSV作成で開く」で直せます）。`,
                `${s().total} characters cannot be written in Shift-JIS (JIS X 0208 + JIS X 0201), so the file was not converted. Fix these first (「TSV作成で開く」 lets you edit them).`,
              )}
            </p>
            <ul>
              <For each={s().misfits}>{(m) => <li class="mono">{tr(misfitText(m))}</li>}</For>
            </ul>
            <Show when={s().total > s().misfits.length}>
              <p class="hint">{t(`ほかに${s().total - s().misfits.length}個あります。`, `${s().total - s().misfits.length} more.`)}</p>
            </Show>
          </div>
        )}
      </Show>
    </div>
  );
};
