// Open an existing application TSV (Shift-JIS or UTF-8) to edit it. The kind is guessed and the user confirms.
import { For, Show, createSignal, type Component } from 'solid-js';
import { readTsvForEditing, type TsvImport as Imported } from '../../builder/import-tsv';
import { KINDS } from '../../spec/kinds';
import type { KindId } from '../../spec/types';
import { FileDrop } from '../components/FileDrop';
import { t, tr } from '../i18n';
import { readFileBytes } from './download';
import type { BuilderState } from './state';

export const TsvImport: Component<{ state: BuilderState; announce: (text: string) => void }> = (props) => {
  const [found, setFound] = createSignal<Imported | null>(null);
  const [kind, setKind] = createSignal<KindId>('server-issue');

  const onFile = async (file: File) => {
    const result = readTsvForEditing(await readFileBytes(file));
    setFound(result);
    if (result.guesses[0]) setKind(result.guesses[0].kind);
  };

  const open = async () => {
    const f = found();
    if (!f) return;
    await props.state.switchKind(kind());
    props.state.load(kind(), f.records);
    props.announce(t(`${f.records.length}行を「${KINDS[kind()].title.ja}」として読み込みました。`, `Opened ${f.records.length} rows as "${KINDS[kind()].title.en}".`));
    setFound(null);
  };

  return (
    <details class="panel" data-testid="tsv-import">
      <summary>{t('既存のTSVファイルを開いて編集', 'Open an existing TSV file to edit')}</summary>
      <FileDrop label={t('申請TSVファイル（Shift-JISまたはUTF-8）', 'Application TSV file (Shift-JIS or UTF-8)')} accept=".tsv,.txt" onFile={onFile} testId="tsv-file" />
      <Show when={found()}>
        {(f) => (
          <div>
            <p>{t(`${f().records.length}行（${f().encoding}）を読み込みました。`, `Read ${f().records.length} rows (${f().encoding}).`)}</p>
            <Show when={f().fileIssues.length > 0}>
              <ul class="notice notice-warn">
                <For each={f().fileIssues}>{(i) => <li>{tr(i.message)}</li>}</For>
              </ul>
            </Show>
            <div class="form-row">
              <label for="tsv-kind">{t('申請の種類（推定）', 'Kind (guessed)')}</label>
              <select id="tsv-kind" value={kind()} onChange={(e) => setKind(e.currentTarget.value as KindId)}>
                <For each={f().guesses}>{(g) => <option value={g.kind}>{tr(KINDS[g.kind].title)}</option>}</For>
              </select>
              <button type="button" onClick={() => void open()}>{t('この種類で開く（現在の行を置き換え）', 'Open as this kind (replaces the rows)')}</button>
            </div>
          </div>
        )}
      </Show>
    </details>
  );
};
