// Client rows in bulk: read a roster (file or pasted from a spreadsheet), map its columns to TSV columns,
// preview, then add every row with the chosen profile and download method.
import type { Text } from '../../spec/types';
import { For, Show, createMemo, createSignal, type Component } from 'solid-js';
import { guessMapping, mapRoster, mappingTargets, type ColumnMapping, type MappingTarget } from '../../builder/mapping';
import { MAX_ROSTER_CHARS, ROSTER_TOO_LARGE, parseRoster, readRosterFile, rosterWidth, type Roster } from '../../builder/roster';
import { columnOf } from '../../spec/kinds';
import { FileDrop } from '../components/FileDrop';
import { t, tr } from '../i18n';
import { rowsEn } from './count-en';
import { readFileBytes } from './download';
import type { BuilderState } from './state';

const PREVIEW_ROWS = 5;

export const RosterImport: Component<{ state: BuilderState; announce: (text: string) => void }> = (props) => {
  const spec = () => props.state.spec();
  const [text, setText] = createSignal<string | null>(null);
  const [header, setHeader] = createSignal<boolean | undefined>(undefined);
  const [mapping, setMapping] = createSignal<ColumnMapping>([]);
  const [error, setError] = createSignal<Text>();
  const [pasted, setPasted] = createSignal('');

  const roster = createMemo<Roster | null>(() => {
    const source = text();
    return source === null ? null : parseRoster(source, { header: header() });
  });

  const start = (source: string) => {
    if (source.length > MAX_ROSTER_CHARS) {
      setError(ROSTER_TOO_LARGE);
      return;
    }
    setText(source);
    setHeader(undefined);
    const r = parseRoster(source);
    setHeader(r.header !== null);
    setMapping(guessMapping(spec(), r));
    setError(undefined);
  };

  /** The header names the columns, and without it the first line is data: either way the guess changes. */
  const rereadHeader = (isHeader: boolean) => {
    setHeader(isHeader);
    const source = text();
    if (source !== null) setMapping(guessMapping(spec(), parseRoster(source, { header: isHeader })));
  };

  const onFile = async (file: File) => {
    // Refused by its size before it is read into memory.
    if (file.size > MAX_ROSTER_CHARS) {
      setError(ROSTER_TOO_LARGE);
      return;
    }
    const result = readRosterFile(await readFileBytes(file));
    if (!result.ok) {
      setError(result.message);
      return;
    }
    start(result.text);
  };

  const targetLabel = (target: MappingTarget): string => {
    if (target === 'ignore') return t('（使わない）', '(ignore)');
    if (target === 'cn') return t('CN（氏名ローマ字など）', 'CN (romanised name etc.)');
    if (target === 'ou') return t('OU（学籍番号など）', 'OU (student number etc.)');
    const column = columnOf(spec(), target);
    return column ? `No${column.no} ${tr(column.name)}` : target;
  };

  const mapped = createMemo(() => {
    const r = roster();
    if (!r) return [];
    return mapRoster(spec(), r, mapping(), { institution: props.state.institution(), ...props.state.choices() });
  });

  const add = () => {
    const rows = mapped();
    props.state.appendRecords(rows);
    props.announce(t(`名簿から${rows.length}行を追加しました。`, `Added ${rowsEn(rows.length)} from the roster.`));
    setText(null);
    setPasted('');
  };

  return (
    <details class="panel" data-testid="roster-import">
      <summary>{t('名簿（CSV/TSV）から一括作成', 'Create rows from a roster (CSV/TSV)')}</summary>
      <FileDrop label={t('名簿ファイル（CSV・TSV、UTF-8またはShift-JIS）', 'Roster file (CSV or TSV, UTF-8 or Shift-JIS)')} accept=".csv,.tsv,.txt" onFile={onFile} testId="roster-file" />
      <div class="field">
        <label for="roster-paste">{t('または表計算ソフトから貼り付け', 'Or paste from a spreadsheet')}</label>
        <textarea id="roster-paste" rows="4" value={pasted()} onInput={(e) => setPasted(e.currentTarget.value)} />
        <button type="button" class="secondary" disabled={pasted().trim() === ''} onClick={() => start(pasted())}>{t('貼り付けた内容を読む', 'Read pasted text')}</button>
      </div>
      <Show when={error()}>
        <p class="notice notice-error" role="alert">{tr(error()!)}</p>
      </Show>
      <Show when={roster()}>
        {(r) => (
          <div class="roster-mapping">
            <Show
              when={r().rows.length > 0}
              fallback={<p class="notice notice-error" role="alert">{t('名簿にデータ行がありません（空、または見出し行だけです）。', 'The roster has no data rows (it is empty or only a header).')}</p>}
            >
              <p>{t(`${r().rows.length}行を読み込みました。列の対応を選んでください。`, `Read ${rowsEn(r().rows.length)}. Choose what each column holds.`)}</p>
            </Show>
            <div class="form-row">
              <input id="roster-header" type="checkbox" aria-describedby="roster-header-hint" checked={r().header !== null} onChange={(e) => rereadHeader(e.currentTarget.checked)} />
              <label for="roster-header">{t('1行目は見出し', 'First line is a header')}</label>
              <span class="hint" id="roster-header-hint">{t('切り替えると列の対応を推測し直します（手で選んだ対応は消えます）。', 'Changing this guesses the mapping again (a mapping chosen by hand is lost).')}</span>
            </div>
            <div class="mapping-grid">
              <For each={Array.from({ length: rosterWidth(r()) }, (_, i) => i)}>
                {(col) => (
                  <div class="field">
                    <label for={`map-${col}`}>{r().header?.[col] || t(`列${col + 1}`, `Column ${col + 1}`)} <span class="hint">（{r().rows[0]?.[col] ?? ''}）</span></label>
                    <select id={`map-${col}`} value={mapping()[col] ?? 'ignore'} onChange={(e) => setMapping(Object.assign([...mapping()], { [col]: e.currentTarget.value as MappingTarget }))}>
                      <For each={mappingTargets(spec())}>{(target) => <option value={target}>{targetLabel(target)}</option>}</For>
                    </select>
                  </div>
                )}
              </For>
            </div>
            <h3>{t('プレビュー', 'Preview')}</h3>
            <div class="grid-scroll">
              <table class="preview" data-testid="roster-preview">
                <thead>
                  <tr>
                    <For each={spec().columns.filter((c) => c.required !== 'blank')}>{(c) => <th scope="col">{tr(c.name)}</th>}</For>
                  </tr>
                </thead>
                <tbody>
                  <For each={mapped().slice(0, PREVIEW_ROWS)}>
                    {(cells) => (
                      <tr>
                        <For each={spec().columns.filter((c) => c.required !== 'blank')}>{(c) => <td>{cells[c.no - 1]}</td>}</For>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <div class="form-row">
              <button type="button" onClick={add} disabled={mapped().length === 0}>{t(`${mapped().length}行を追加`, `Add ${rowsEn(mapped().length)}`)}</button>
              <button type="button" class="secondary" onClick={() => setText(null)}>{t('取消', 'Cancel')}</button>
            </div>
          </div>
        )}
      </Show>
    </details>
  );
};
