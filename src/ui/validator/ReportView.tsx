// One validation report: summary, what to do first (a file of another kind, a file to convert), file-level
// problems, the list of problems (each a link to its cell), then the RA-style result table fetched page by page.
import { For, Show, createMemo, createSignal, type Component, type JSX } from 'solid-js';
import { KINDS } from '../../spec/kinds';
import type { KindId } from '../../spec/types';
import type { Issue, ValidationReport } from '../../tsv/types';
import { formatRaLine } from '../../tsv/format';
import { MESSAGES } from '../../tsv/messages';
import { lang, t, tr } from '../i18n';
import { ConvertPanel } from './ConvertPanel';
import type { ReportSummary, ValidatorApi } from './report-store';
import { createResultPages, type ResultPages } from './result-pages';
import { ResultTable } from './ResultTable';
import { createAfterFirstFrame } from './reveal';

export interface ReportViewProps {
  report: ReportSummary;
  client: ValidatorApi;
  fileName: string;
  /** The profile the file was also checked against (241, R101–R103), or null when none was chosen. */
  institution?: string | null;
  /** Re-check the same file as another kind (「…として検査」). */
  onRecheck: (kind: KindId) => void;
  /** A converted (Shift-JIS) file to check next. */
  onConverted: (file: File) => void;
  /** Open the file in the builder (TSV作成). */
  onOpenInBuilder: () => void;
}

export const ReportView: Component<ReportViewProps> = (props) => {
  const fileErrors = createMemo(() => props.report.fileIssues.filter((i) => i.severity === 'error'));
  const fileWarnings = createMemo(() => props.report.fileIssues.filter((i) => i.severity === 'warning'));
  // eslint-disable-next-line solid/reactivity -- the client is the page's one worker client; it never changes
  const remote = createResultPages(props.client, () => props.report);
  // The summary is shown first; the list and the table (more layout) from the next frame on.
  const settled = createAfterFirstFrame();
  const hasRecords = () => settled() && props.report.totals.records > 0;
  return (
    <>
      <Summary report={props.report} fileName={props.fileName} institution={props.institution ?? null} />
      <Show when={props.report.allWrongWidth}>
        <WrongWidthLead report={props.report} onRecheck={props.onRecheck} />
      </Show>
      <Show when={!props.report.allWrongWidth && props.report.guessed}>
        {(g) => <KindGuess kind={g()} onRecheck={props.onRecheck} />}
      </Show>
      <Show when={fileErrors().length > 0}>
        <FileIssueList issues={fileErrors()} kind={props.report.kind} class="notice-error" title={t('ファイル全体のエラー', 'File errors')}>
          <Show when={props.report.convertible}>
            <ConvertPanel client={props.client} gen={props.report.gen} fileName={props.fileName} onConverted={props.onConverted} onOpenInBuilder={props.onOpenInBuilder} />
          </Show>
        </FileIssueList>
      </Show>
      <Show when={fileWarnings().length > 0}>
        <FileIssueList issues={fileWarnings()} kind={props.report.kind} class="notice-warn" title={t('ファイル全体の警告', 'File warnings')} />
      </Show>
      <Show when={props.report.omittedFileIssues > 0}>
        <p class="hint">{t(`ほかに${props.report.omittedFileIssues}件のファイル全体の問題があります（表示を省略）。`, `${props.report.omittedFileIssues} more file problems (not shown).`)}</p>
      </Show>
      <Show when={hasRecords()}>
        <Show
          when={props.report.allWrongWidth}
          fallback={
            <>
              <IssueIndex report={props.report} remote={remote} />
              <ResultTable kind={props.report.kind} remote={remote} />
            </>
          }
        >
          {/* Every row fails on U105: the per-row details say the same thing N times, so they start collapsed. */}
          <Collapsed title={t(`行ごとの詳細（${props.report.totals.records}件）`, `Details per row (${props.report.totals.records})`)}>
            <IssueIndex report={props.report} remote={remote} />
            <ResultTable kind={props.report.kind} remote={remote} openFirst={0} />
          </Collapsed>
        </Show>
      </Show>
    </>
  );
};

/** A <details> whose content exists in the DOM only while it is open. */
const Collapsed: Component<{ title: string; children: JSX.Element }> = (props) => {
  let el: HTMLDetailsElement | undefined;
  const [open, setOpen] = createSignal(false);
  return (
    <details ref={el} class="panel" data-testid="row-details" onToggle={() => setOpen(el?.open ?? false)}>
      <summary>{props.title}</summary>
      <Show when={open()}>{props.children}</Show>
    </details>
  );
};

const KindGuess: Component<{ kind: KindId; onRecheck: (kind: KindId) => void }> = (props) => (
  <p class="notice notice-warn" data-testid="kind-guess">
    {t(`このファイルは「${KINDS[props.kind].title.ja}」のようです。`, `This file looks like "${KINDS[props.kind].title.en}".`)}{' '}
    <button type="button" onClick={() => props.onRecheck(props.kind)}>
      {t(`${KINDS[props.kind].title.ja}として検査`, `Check as ${KINDS[props.kind].title.en}`)}
    </button>
  </p>
);

/** Every record has the wrong number of columns: lead with the likely kind and the one-click re-check. */
const WrongWidthLead: Component<{ report: ReportSummary; onRecheck: (kind: KindId) => void }> = (props) => {
  const spec = () => KINDS[props.report.kind];
  return (
    <div class="notice notice-error" role="alert" data-testid="wrong-width-lead">
      <h2>{t('申請の種類が違うようです', 'The file seems to be of another kind')}</h2>
      <p>
        {t(
          `すべての行（${props.report.totals.records}件）で項目数が「${spec().title.ja}」の${spec().columnCount}項目と合いません（${MESSAGES.columnCount.code}）。`,
          `Every row (${props.report.totals.records}) has a number of columns other than the ${spec().columnCount} of "${spec().title.en}" (${MESSAGES.columnCount.code}).`,
        )}
      </p>
      <Show
        when={props.report.guessed}
        fallback={<p>{t('申請の種類を選び直すか、ファイルの列（TAB）を確かめてください。', 'Choose the kind again, or check the columns (TABs) of the file.')}</p>}
      >
        {(g) => (
          <p data-testid="kind-guess">
            {t(`このファイルは「${KINDS[g()].title.ja}」（${KINDS[g()].columnCount}項目）のようです。`, `This file looks like "${KINDS[g()].title.en}" (${KINDS[g()].columnCount} columns).`)}{' '}
            <button type="button" onClick={() => props.onRecheck(g())}>
              {t(`${KINDS[g()].title.ja}として検査`, `Check as ${KINDS[g()].title.en}`)}
            </button>
          </p>
        )}
      </Show>
    </div>
  );
};

/** 「問題の一覧」: each kind of problem once, with the records that have it as links to the cell. */
const IssueIndex: Component<{ report: ReportSummary; remote: ResultPages }> = (props) => (
  <Show when={props.report.groups.length > 0}>
    <section class="issue-index" data-testid="issue-index">
      <h2>{t('問題の一覧', 'Problems')}</h2>
      <ul>
        <For each={props.report.groups}>
          {(group) => (
            <li class={group.sample.severity}>
              <span class="err-line">{formatRaLine(group.sample, props.report.kind, lang())}</span>{' '}
              <span class="hint">{t(`${group.count}件`, `${group.count}×`)}:</span>{' '}
              <For each={group.seqs}>
                {(seq) => (
                  <>
                    <button type="button" class="link-button" data-testid="index-link" onClick={() => void props.remote.goTo(seq, group.sample.column)}>
                      SEQ {seq}
                    </button>{' '}
                  </>
                )}
              </For>
              <Show when={group.count > group.seqs.length}>
                <span class="hint">{t('ほか', 'and more')}</span>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.report.omittedGroups > 0}>
        <p class="hint">{t(`ほかに${props.report.omittedGroups}種類の問題があります（表で確認してください）。`, `${props.report.omittedGroups} more kinds of problems (see the table).`)}</p>
      </Show>
    </section>
  </Show>
);

const Summary: Component<{ report: ReportSummary; fileName: string; institution: string | null }> = (props) => {
  const counts = () => props.report.totals;
  return (
    <div class={`notice ${props.report.ok ? 'notice-ok' : 'notice-error'}`} data-testid="summary">
      {/* role=status: the verdict is announced, not the whole (possibly 1000-row) table. */}
      <p role="status">
        <strong data-testid="verdict">
          {props.report.ok
            ? props.institution !== null
              ? t(`このファイルはRAの検査を通る見込みです（機関プロファイル「${props.institution}」のO・ST・L・ドメインも検査済み）。`, `This file is expected to pass the RA’s checks (also checked against the institution profile "${props.institution}": O, ST, L, domains).`)
              : t('この検査ではエラーはありません。', 'No errors in these checks.')
            : t('このファイルにはエラーがあります。RAは受け付けません。', 'This file has errors; the RA would refuse it.')}
        </strong>{' '}
        <span class="mono">{props.fileName}</span>
        <Show when={props.report.encoding}>{(enc) => <span> ({t('文字コード', 'encoding')}: {enc()})</span>}</Show>
      </p>
      <Show when={props.institution === null}>
        <p class="hint" data-testid="institution-not-checked">
          {t(
            'O・ST・Lと登録ドメインがRAの登録値と合うか（241, R101–R103）は検査していません。「機関プロファイルで検査」で自機関のプロファイルを選ぶと検査します。',
            'Whether O, ST, L and the domains match what the RA has registered (241, R101–R103) was not checked. Choose your institution profile above to check them.',
          )}
        </p>
      </Show>
      <ul class="summary">
        <li>{t('レコード', 'Records')}: {counts().records}</li>
        <li class="result-ok">OK: {counts().ok}</li>
        <li class="result-ng">NG: {counts().ng}</li>
        <Show when={counts().unchecked > 0}>
          <li data-testid="unchecked-count">{t('未検査', 'Not checked')}: {counts().unchecked}</li>
        </Show>
        <li>{t('エラー', 'Errors')}: {counts().errors}</li>
        <li class="warn-tag">{t('警告', 'Warnings')}: {counts().warnings}</li>
      </ul>
    </div>
  );
};

const FileIssueList: Component<{ issues: Issue[]; kind: ValidationReport['kind']; class: string; title: string; children?: JSX.Element }> = (props) => (
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
    {props.children}
  </div>
);
