// Open an existing application TSV (Shift-JIS or UTF-8) to edit it. The kind is guessed and the user confirms.
import { For, Show, createMemo, createSignal, type Component } from 'solid-js';
import { MAX_EDIT_BYTES, readTsvForEditing, tooLargeForEditing, widthProblems, type TsvImport as Imported } from '../../builder/import-tsv';
import { KINDS } from '../../spec/kinds';
import type { KindId } from '../../spec/types';
import { FileDrop } from '../components/FileDrop';
import { t, tr } from '../i18n';
import { rowsEn } from './count-en';
import { readFileBytes } from './download';
import type { BuilderState } from './state';

const MAX_LISTED = 10;

export const TsvImport: Component<{ state: BuilderState; announce: (text: string) => void }> = (props) => {
  const [found, setFound] = createSignal<Imported | null>(null);
  const [kind, setKind] = createSignal<KindId>('server-issue');
  /** Rows the grid will cut or pad when opened as the chosen kind (the grid has one cell per column). */
  const misfits = createMemo(() => widthProblems(kind(), found()?.records ?? []));

  const onFile = async (file: File) => {
    // Refused by its size before it is read (the file is parsed on this thread).
    const result = file.size > MAX_EDIT_BYTES ? tooLargeForEditing(file.size) : readTsvForEditing(await readFileBytes(file));
    setFound(result);
    if (result.guesses[0]) setKind(result.guesses[0].kind);
  };

  const open = async () => {
    const f = found();
    if (!f || f.records.length === 0) return;
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
            <p>{t(`${f().records.length}行（${f().encoding}）を読み込みました。`, `Read ${rowsEn(f().records.length)} (${f().encoding}).`)}</p>
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
              <button type="button" onClick={() => void open()} disabled={f().records.length === 0}>{t('この種類で開く（現在の行を置き換え）', 'Open as this kind (replaces the rows)')}</button>
            </div>
            <Show when={f().records.length === 0}>
              <p class="notice notice-error" role="alert">{t('読み取れた行がないため開けません。', 'No rows could be read, so there is nothing to open.')}</p>
            </Show>
            <Show when={misfits().length > 0}>
              <div class="notice notice-warn" data-testid="tsv-width-warning" role="status">
                <p>
                  {t(
                    `${misfits().length}行は項目数が「${KINDS[kind()].title.ja}」（${KINDS[kind()].columnCount}項目）と合いません。このまま開くと、多い項目は末尾から捨て、足りない項目は空欄で補います。種類の選択を確かめてください。`,
                    `${misfits().length} row(s) do not have the ${KINDS[kind()].columnCount} columns of "${KINDS[kind()].title.en}". Opening cuts extra cells from the end and pads missing ones with blanks. Check the kind.`,
                  )}
                </p>
                <ul>
                  <For each={misfits().slice(0, MAX_LISTED)}>
                    {(m) => (
                      <li>
                        {t(`行${m.issue.seq}`, `Row ${m.issue.seq}`)}: [{m.issue.code}] {tr(m.issue.message)}{' '}
                        {m.dropped > 0 ? t(`（末尾の${m.dropped}項目を捨てます）`, `(${m.dropped} cell(s) at the end dropped)`) : t(`（${m.added}項目を空欄で補います）`, `(${m.added} blank cell(s) added)`)}
                      </li>
                    )}
                  </For>
                  <Show when={misfits().length > MAX_LISTED}>
                    <li>{t(`ほか${misfits().length - MAX_LISTED}行`, `and ${misfits().length - MAX_LISTED} more rows`)}</li>
                  </Show>
                </ul>
              </div>
            </Show>
          </div>
        )}
      </Show>
    </details>
  );
};
