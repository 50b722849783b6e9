// The per-file summary of errors and warnings, and the export. Export is refused while any error remains;
// when the rows need several files (record limit, mixed download methods) the user agrees to a zip.
import { For, Show, createMemo, createSignal, type Component } from 'solid-js';
import { buildExport, packageExport } from '../../builder/export';
import { exportFileName } from '../../builder/naming';
import type { Issue } from '../../tsv/types';
import { t, tr } from '../i18n';
import { Pager, createPages } from '../components/Pager';
import { clipText } from '../components/clip';
import { downloadBytes } from './download';
import type { BuilderState } from './state';

const MAX_LISTED = 30;

interface Listed {
  row: number;
  issue: Issue;
}

/** `goTo` scrolls to and focuses a grid cell (0-based row, 1-based column; the row when no column). */
export const ExportPanel: Component<{ state: BuilderState; announce: (text: string) => void; goTo?: (row: number, column?: number) => void }> = (props) => {
  const [agreeSplit, setAgreeSplit] = createSignal(false);
  /** The last export's outcome; a refusal is an error the screen reader must hear at once. */
  const [message, setMessage] = createSignal<{ text: string; refused: boolean }>();
  const check = () => props.state.check();
  const needsSplit = () => check().files.length > 1;
  const byMethod = () => check().splitReasons.includes('method');
  const listed = createMemo(() => {
    const errors: Listed[] = [];
    const warnings: Listed[] = [];
    for (const [row, issues] of [...check().byRow.entries()].sort((a, b) => a[0] - b[0])) {
      for (const issue of issues) (issue.severity === 'error' ? errors : warnings).push({ row, issue });
    }
    return { errors, warnings };
  });
  const rowCount = () => props.state.sheet().rows.length;

  const doExport = async () => {
    const spec = props.state.spec();
    const now = new Date();
    const rows = props.state.sheet().rows;
    const result = await buildExport(spec, rows.map((r) => r.cells), now, rows.map((r) => r.meta), props.state.registered());
    props.state.adoptCheck(result.check);
    if (!result.ok) {
      setMessage({ text: t('エラーが残っているため書き出せません。', 'Export refused: errors remain.'), refused: true });
      return;
    }
    const pack = await packageExport(spec, result.files, now);
    downloadBytes(pack.name, pack.bytes, pack.mime);
    const text = t(`${pack.name} を書き出しました（${result.files.length}ファイル）。`, `Exported ${pack.name} (${result.files.length} file(s)).`);
    setMessage({ text, refused: false });
    props.announce(text);
  };

  return (
    <section class="panel" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('検証結果と書き出し', 'Check and export')}</h2>
      <ul class="summary" data-testid="check-summary" role="status" aria-live="polite" aria-atomic="true">
        <li>{t(`${rowCount()}行`, `${rowCount()} rows`)}</li>
        <li class={check().errors > 0 ? 'result-ng' : 'result-ok'}>{t(`エラー ${check().errors}件`, `${check().errors} errors`)}</li>
        <li class="warn-tag">{t(`警告 ${check().warnings}件`, `${check().warnings} warnings`)}</li>
      </ul>
      <p class="hint" data-testid="institution-checked">
        {props.state.registered()
          ? t(
              `機関プロファイル「${props.state.institution()?.label ?? ''}」のO・ST・L・登録ドメインでもRAと同じ検査（241, R101–R103）をしています。`,
              `Also checked against the institution profile "${props.state.institution()?.label ?? ''}": O, ST, L and registered domains, as the RA does (241, R101–R103).`,
            )
          : t(
              '機関プロファイルを選んでいないため、O・ST・L・ドメインがRAの登録値と合うか（241, R101–R103）は検査していません。',
              'No institution profile chosen: whether O, ST, L and the domains match what the RA has registered (241, R101–R103) was not checked.',
            )}
      </p>
      <Show when={props.state.checking()}>
        <p class="hint" data-testid="check-pending">{t('最新の編集を確認中…', 'Checking the latest edit…')}</p>
      </Show>
      <table class="file-summary">
        <caption>{t('書き出すファイル', 'Files to write')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ファイル名', 'File name')}</th>
            <th scope="col">{t('行', 'Rows')}</th>
            <th scope="col">{t('エラー', 'Errors')}</th>
            <th scope="col">{t('警告', 'Warnings')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={check().files}>
            {(file) => (
              <tr>
                <td class="mono">{exportFileName(props.state.kind(), new Date(), { method: byMethod() ? file.part.method : undefined, chunk: file.part.chunk, chunks: file.part.chunks })}</td>
                <td>{file.part.items.length > 0 ? `${file.part.indexes[0] + 1}–${file.part.indexes[file.part.indexes.length - 1] + 1}` : '0'}</td>
                <td>{file.errors}</td>
                <td>{file.warnings}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <For each={check().files.flatMap((f) => f.fileIssues)}>{(issue) => <p class={`err-line ${issue.severity}`}>{issue.code} {tr(issue.message)}</p>}</For>
      <IssueSummary title={t('エラー', 'Errors')} items={listed().errors} goTo={props.goTo} />
      <IssueSummary title={t('警告（書き出しは可能）', 'Warnings (export allowed)')} items={listed().warnings} goTo={props.goTo} />
      <Show when={needsSplit()}>
        <div class="notice notice-warn">
          <p>
            {t(
              `1ファイルの上限件数またはダウンロード方法の混在のため、${check().files.length}個のファイルに分けてzipで書き出します。`,
              `The rows exceed the per-file limit or mix download methods: they will be written as ${check().files.length} files in one zip.`,
            )}
          </p>
          <input id="agree-split" type="checkbox" checked={agreeSplit()} onChange={(e) => setAgreeSplit(e.currentTarget.checked)} />
          <label for="agree-split">{t('分割して書き出す', 'Split into several files')}</label>
        </div>
      </Show>
      <div class="form-row">
        <button type="button" data-testid="export-button" data-guide="builder-export" disabled={props.state.checking() || check().errors > 0 || rowCount() === 0 || (needsSplit() && !agreeSplit())} onClick={() => void doExport()}>
          {needsSplit() ? t('zipで書き出す', 'Export as zip') : t('TSVを書き出す（Shift-JIS, CRLF）', 'Export TSV (Shift-JIS, CRLF)')}
        </button>
        <Show when={check().errors > 0}>
          <span class="result-ng">{t('エラーを直すと書き出せます。', 'Fix the errors to export.')}</span>
        </Show>
      </div>
      <Show when={message()}>
        {(m) => (
          <p class={m().refused ? 'notice notice-error' : 'notice notice-ok'} role={m().refused ? 'alert' : undefined} data-testid="export-message">
            {m().text}
          </p>
        )}
      </Show>
    </section>
  );
};

/** Every issue reachable, one page at a time, each a link to its cell; messages that quote a long cell are clipped. */
const IssueSummary: Component<{ title: string; items: Listed[]; goTo?: (row: number, column?: number) => void }> = (props) => {
  const pages = createPages(() => props.items, MAX_LISTED);
  return (
    <Show when={props.items.length > 0}>
      <details open={props.items.length <= 10}>
        <summary>
          {t(`${props.title}（${props.items.length}）`, `${props.title} (${props.items.length})`)}
        </summary>
        <Pager pages={pages} testId="issue-pager" />
        <ul class="issue-summary">
          <For each={pages.slice()}>
            {(item) => (
              <li class={item.issue.severity}>
                <a
                  href="#"
                  class="issue-link"
                  onClick={(e) => {
                    e.preventDefault();
                    props.goTo?.(item.row, item.issue.column);
                  }}
                >
                  {t(`行${item.row + 1}`, `Row ${item.row + 1}`)}
                  {item.issue.column ? ` No${item.issue.column}` : ''}
                </a>
                : [{item.issue.code}] {clipText(tr(item.issue.message))}
                {item.issue.hint ? ` ${clipText(tr(item.issue.hint))}` : ''}
              </li>
            )}
          </For>
        </ul>
      </details>
    </Show>
  );
};
