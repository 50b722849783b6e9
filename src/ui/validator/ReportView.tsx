// One validation report: summary, file-level problems, then the RA-style result table.
import { For, Show, createMemo, type Component } from 'solid-js';
import type { ShownReport } from '../../tsv/bound-report';
import type { Issue, ValidationReport } from '../../tsv/types';
import { formatRaLine } from '../../tsv/format';
import { lang, t, tr } from '../i18n';
import { ResultTable } from './ResultTable';

export const ReportView: Component<{ report: ShownReport; fileName: string }> = (props) => {
  const fileErrors = createMemo(() => props.report.fileIssues.filter((i) => i.severity === 'error'));
  const fileWarnings = createMemo(() => props.report.fileIssues.filter((i) => i.severity === 'warning'));
  return (
    <>
      <Summary report={props.report} fileName={props.fileName} />
      <Show when={fileErrors().length > 0}>
        <FileIssueList issues={fileErrors()} kind={props.report.kind} class="notice-error" title={t('ファイル全体のエラー', 'File errors')} />
      </Show>
      <Show when={fileWarnings().length > 0}>
        <FileIssueList issues={fileWarnings()} kind={props.report.kind} class="notice-warn" title={t('ファイル全体の警告', 'File warnings')} />
      </Show>
      <Show when={props.report.omittedFileIssues > 0}>
        <p class="hint">{t(`ほかに${props.report.omittedFileIssues}件のファイル全体の問題があります（表示を省略）。`, `${props.report.omittedFileIssues} more file problems (not shown).`)}</p>
      </Show>
      <Show when={props.report.records.length > 0}>
        <ResultTable report={props.report} />
      </Show>
      <Show when={props.report.omittedRecords > 0}>
        <p class="notice notice-warn" data-testid="records-omitted">
          {t(
            `表示は先頭の${props.report.records.length}件までです。残り${props.report.omittedRecords}件は表示していません（件数・エラー数は全件の集計です）。`,
            `Only the first ${props.report.records.length} records are shown; ${props.report.omittedRecords} more are not (the counts above cover all records).`,
          )}
        </p>
      </Show>
    </>
  );
};

const Summary: Component<{ report: ShownReport; fileName: string }> = (props) => {
  const counts = () => props.report.totals;
  return (
    <div class={`notice ${props.report.ok ? 'notice-ok' : 'notice-error'}`} data-testid="summary">
      {/* role=status: the verdict is announced, not the whole (possibly 1000-row) table. */}
      <p role="status">
        <strong data-testid="verdict">
          {props.report.ok
            ? t('このファイルはRAの検査を通る見込みです。', 'This file is expected to pass the RA’s checks.')
            : t('このファイルにはエラーがあります。RAは受け付けません。', 'This file has errors; the RA would refuse it.')}
        </strong>{' '}
        <span class="mono">{props.fileName}</span>
        <Show when={props.report.encoding}>{(enc) => <span> ({t('文字コード', 'encoding')}: {enc()})</span>}</Show>
      </p>
      <ul class="summary">
        <li>{t('レコード', 'Records')}: {counts().records}</li>
        <li class="result-ok">OK: {counts().ok}</li>
        <li class="result-ng">NG: {counts().ng}</li>
        <li>{t('エラー', 'Errors')}: {counts().errors}</li>
        <li class="warn-tag">{t('警告', 'Warnings')}: {counts().warnings}</li>
      </ul>
    </div>
  );
};

const FileIssueList: Component<{ issues: Issue[]; kind: ValidationReport['kind']; class: string; title: string }> = (props) => (
  <div class={`notice ${props.class}`} role={props.class === 'notice-error' ? 'alert' : undefined} data-testid="file-issues">
    <h2>{props.title}</h2>
    <ul>
      <For each={props.issues}>
        {(issue) => (
          <li>
            <span class="err-line">{formatRaLine(issue, props.kind, lang())}</span>
            <Show when={issue.hint}>{(h) => <span class="hint">{t('直し方', 'Fix')}: {tr(h())}</span>}</Show>
          </li>
        )}
      </For>
    </ul>
  </div>
);
