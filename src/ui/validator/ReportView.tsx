// One validation report: summary, file-level problems, then the RA-style result table.
import { For, Show, createMemo, type Component } from 'solid-js';
import type { Issue, ValidationReport } from '../../tsv/types';
import { formatRaLine } from '../../tsv/format';
import { lang, t, tr } from '../i18n';
import { ResultTable } from './ResultTable';

export const ReportView: Component<{ report: ValidationReport; fileName: string }> = (props) => {
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
      <Show when={props.report.records.length > 0}>
        <ResultTable report={props.report} />
      </Show>
    </>
  );
};

const Summary: Component<{ report: ValidationReport; fileName: string }> = (props) => {
  const counts = createMemo(() => {
    const records = props.report.records;
    const all = [...props.report.fileIssues, ...records.flatMap((r) => r.issues)];
    return {
      records: records.length,
      ok: records.filter((r) => r.ok).length,
      ng: records.filter((r) => !r.ok).length,
      errors: all.filter((i) => i.severity === 'error').length,
      warnings: all.filter((i) => i.severity === 'warning').length,
    };
  });
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
