// The RA's completion / error screen after an upload: the engine's screen texts (never the UI's own)
// and the result table SEQ | 処理結果 | エラー内容 (ADDENDUM A), plus the serial of each accepted record.
import { For, Show, type Component } from 'solid-js';
import { Pager, createPages } from '../components/Pager';
import { clipText } from '../components/clip';
import { RA_MESSAGES } from '../../ra/messages';
import type { Institution, RaError, UploadResult } from '../../ra/types';
import { lang, t, tr } from '../i18n';
import { view } from './ra-store';
import { createReveal } from '../validator/reveal';

/**
 * Result rows added to the DOM per animation frame: a page of 50 client rows with their applicant columns was one
 * main-thread task of ≈ 25–55 ms (script, then the table's layout; traced in bench/p12-batch.ts's page), over the
 * 50 ms budget on a slow machine. A few rows per frame keep each task short; the first rows show at once.
 */
const ROWS_PER_FRAME = 10;

// The codes whose verdict depends on the simulated institution rather than on the file alone: a trainee
// who meets them usually has a file written for another institution than the one the trainer set.
const INSTITUTION_CODES = new Set(
  [RA_MESSAGES.organizationMismatch, RA_MESSAGES.domainNotAllowed, RA_MESSAGES.localityMismatch, RA_MESSAGES.stateMismatch].map((m) => m.code),
);

export const UploadResultView: Component<{ result: UploadResult }> = (props) => {
  const r = () => props.result;
  // Client result tables add 機関名 / 所属名 / 氏名 / メールアドレス (ADDENDUM A).
  const hasApplicant = () => r().records.some((rec) => rec.applicant);
  // A 1000-row result (bulk method 2) renders one page at a time.
  const pages = createPages(() => r().records);
  const rows = createReveal(() => pages.slice(), ROWS_PER_FRAME);
  const institution = () =>
    r().records.some((rec) => rec.errors.some((e) => INSTITUTION_CODES.has(e.code))) ? view()?.institutions[0] : undefined;
  return (
    <div
      class="ra-result notice"
      classList={{ 'notice-ok': r().registered, 'notice-error': !r().registered }}
      role={r().registered ? 'status' : 'alert'}
      data-testid={r().registered ? 'ra-complete' : 'ra-error'}
    >
      <h3 data-testid="ra-screen-title">●{tr(r().screen.title)}</h3>
      <For each={r().screen.lines}>{(line) => <p>{tr(line)}</p>}</For>
      <For each={r().screen.notes ?? []}>
        {(note) => (
          <p class="notice notice-warn" data-testid="ra-screen-note">
            {t('［模擬の補足］', '[Simulator note] ')}
            {tr(note)}
          </p>
        )}
      </For>
      <Show when={r().fileLines.length > 0}>
        <ul class="issue-list" data-testid="ra-file-errors">
          <For each={r().fileLines}>
            {(line, i) => (
              <li class="error">
                <RaLine line={line} error={r().fileErrors[i()]} />
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={institution()}>{(inst) => <InstitutionNote institution={inst()} />}</Show>
      <Show when={r().records.length > 0}>
        <Pager pages={pages} testId="ra-result-pager" />
        <table class="ra-table ra-result-table" data-testid="ra-result-table">
          <thead>
            <tr>
              <th scope="col">SEQ</th>
              <th scope="col">{t('処理結果', 'Result')}</th>
              <th scope="col">{t('エラー内容', 'Errors')}</th>
              <Show when={hasApplicant()}>
                <th scope="col">{t('機関名', 'Institution')}</th>
                <th scope="col">{t('所属名', 'Department')}</th>
                <th scope="col">{t('氏名', 'Name')}</th>
                <th scope="col">{t('メールアドレス', 'Mail address')}</th>
              </Show>
              <th scope="col">{t('シリアル番号', 'Serial number')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(rec) => (
                <tr classList={{ 'row-ng': !rec.ok }}>
                  <td>{rec.seq}</td>
                  <td class={rec.ok ? 'result-ok' : 'result-ng'}>{rec.ok ? 'OK' : 'NG'}</td>
                  <td>
                    <For each={rec.lines}>{(line, i) => <RaLine line={line} error={rec.errors[i()]} />}</For>
                  </td>
                  <Show when={hasApplicant()}>
                    <td>{rec.applicant?.o ?? ''}</td>
                    <td>{rec.applicant?.dept ?? ''}</td>
                    <td>{rec.applicant?.name ?? ''}</td>
                    <td class="mono">{rec.applicant?.mail ?? ''}</td>
                  </Show>
                  <td class="mono">{rec.serialDecimal ?? ''}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <Show when={(r().screen.help ?? []).length > 0}>
        <details class="svc-help" data-testid="ra-screen-help">
          <summary>{t('マニュアルの助言（画面には表示されません）', "The manual's advice (not on the real screen)")}</summary>
          <For each={r().screen.help ?? []}>{(h) => <p>{tr(h)}</p>}</For>
        </details>
      </Show>
    </div>
  );
};

/** The RA line is Japanese as the real screen prints it; English readers get the message beside it. */
const RaLine: Component<{ line: string; error: RaError | undefined }> = (props) => (
  <div class="err-line">
    {clipText(props.line)}
    <Show when={lang() === 'en' && props.error}>
      {(e) => (
        <div class="hint" lang="en">
          {clipText(e().message.en)}
        </div>
      )}
    </Show>
  </div>
);

const InstitutionNote: Component<{ institution: Institution }> = (props) => {
  const i = () => props.institution;
  const domains = () => i().domains.join(', ');
  return (
    <p class="hint" data-testid="ra-institution-note">
      {t(
        `模擬RAの機関情報（トレーナー タブの「機関情報」）: O=${i().o}, ST=${i().st}, L=${i().l}, ドメイン=${domains()}。申請ファイルと合わせるか、機関情報を変更してください。`,
        `The simulated RA's institution (Trainer tab, “Institution”): O=${i().o}, ST=${i().st}, L=${i().l}, domains=${domains()}. Make the application file match it, or change the institution.`,
      )}
    </p>
  );
};
