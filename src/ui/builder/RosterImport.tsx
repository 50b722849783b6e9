// Client rows in bulk: read a roster (file or pasted from a spreadsheet), map its columns to TSV columns,
// preview, then add every row with the chosen profile and download method. On a client renew/revoke sheet the RA's
// own lists (client.txt, clientCertificateList.txt …) are recognised and read as lists (builder/ra-list.ts), not mapped.
import type { FieldKey, Text } from '../../spec/types';
import { For, Show, createMemo, createSignal, type Component } from 'solid-js';
import { guessMapping, mapRoster, mappingTargets, type ColumnMapping, type MappingTarget } from '../../builder/mapping';
import { rowsFromRaList, statusLabel, takesRaList } from '../../builder/ra-list';
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
  const [fileName, setFileName] = createSignal('');

  /** The RA's own list, read as such (its headers say so), on the kinds it can fill. */
  const raList = createMemo(() => {
    const source = text();
    if (source === null || !takesRaList(spec())) return null;
    const r = rowsFromRaList(spec(), fileName(), source, { institution: props.state.institution(), ...props.state.choices(), asOf: new Date() });
    return r.ok ? r : null;
  });

  const roster = createMemo<Roster | null>(() => {
    const source = text();
    return source === null ? null : parseRoster(source, { header: header() });
  });

  const start = (source: string, name = '') => {
    setFileName(name);
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
    start(result.text, file.name);
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
    const list = raList();
    if (list) return list.rows;
    return mapRoster(spec(), r, mapping(), { institution: props.state.institution(), ...props.state.choices() });
  });

  /** Which profile and download method the rows get (from the roster's own column, else 全行に共通の選択): said before and after adding. */
  const given = createMemo(() => {
    const count = (field: FieldKey) => {
      const at = columnOf(spec(), field);
      if (!at) return '';
      const n = new Map<string, number>();
      for (const cells of mapped()) n.set(cells[at.no - 1] || '—', (n.get(cells[at.no - 1] || '—') ?? 0) + 1);
      return [...n].map(([v, c]) => (n.size > 1 ? `${v}（${c}）` : v)).join('、');
    };
    const profile = count('profile');
    const method = count('method');
    return {
      ja: [profile && `証明書プロファイル ${profile}`, method && `ダウンロード方法 ${method}`].filter(Boolean).join('、'),
      en: [profile && `certificate profile ${profile}`, method && `download method ${method}`].filter(Boolean).join(', ').replace(/（(\d+)）/g, ' ($1)').replace(/、/g, ', '),
    };
  });

  const add = () => {
    const rows = mapped();
    const got = given();
    props.state.appendRecords(rows);
    const from = raList() ? t('RAの証明書一覧', 'the RA’s certificate list') : t('名簿', 'the roster');
    props.announce(t(`${from}から${rows.length}行を追加しました（${got.ja}）。`, `Added ${rowsEn(rows.length)} from ${from} (${got.en}).`));
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
            <Show when={raList()}>
              {(list) => (
                <div data-testid="ra-list-read">
                  <p>
                    {t(
                      `RAの証明書一覧（${fileName() || list().format}）として読みました。${spec().action === 'renew' ? '更新' : '失効'}できる証明書 ${list().rows.length}件を行にします（DN・シリアル番号・利用者の情報は一覧のまま。P12ファイル名の「.p12」は除きます）。`,
                      `Read as the RA’s certificate list (${fileName() || list().format}). ${list().rows.length} certificate(s) that can be ${spec().action === 'renew' ? 'renewed' : 'revoked'} become rows (DN, serial and the user’s details as listed; “.p12” dropped from P12 file names).`,
                    )}
                    {spec().action === 'revoke' ? t('失効理由は各行で選んでください。', ' Choose the revocation reason in each row.') : ''}
                  </p>
                  <Show when={list().skipped.length > 0}>
                    <p class="notice notice-warn" data-testid="ra-list-skipped">
                      {t(`対象外 ${list().skipped.length}件: `, `Left out ${list().skipped.length}: `)}
                      {list().skipped.slice(0, 10).map((s) => `${s.entry.cn ?? s.entry.dn ?? s.entry.applicationId ?? ''}（${tr(statusLabel(s.status))}）`).join(t('、', ', '))}
                      {list().skipped.length > 10 ? t(' ほか', ' and more') : ''}
                    </p>
                  </Show>
                  <For each={list().notes}>{(n) => <p class="hint">{tr(n)}</p>}</For>
                </div>
              )}
            </Show>
            <Show when={!raList()}>
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
            </Show>
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
            <p class="hint" data-testid="roster-choices">{t(`追加する行: ${given().ja}（「全行に共通の選択」または名簿の列から）`, `Rows added get: ${given().en} (from "Choices for all rows" or the roster's column)`)}</p>
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
