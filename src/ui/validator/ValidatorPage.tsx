// 申請TSVファイルの検証: pick a file and its kind, see the result as the RA's result screen shows it (SPEC §7.2).
import { For, Match, Show, Switch, createMemo, createResource, createSignal, type Component } from 'solid-js';
import { canCheckAgainst, type InstitutionRegistered } from '../../builder/institution-check';
import type { InstitutionProfile } from '../../builder/institution';
import { InstitutionPicker } from './InstitutionPicker';
import { KIND_IDS, type KindId } from '../../spec/types';
import { KINDS } from '../../spec/kinds';
import { LIMITS } from '../../spec/profiles';
import { makeIssue } from '../../tsv/issue';
import type { ShownReport } from '../../tsv/bound-report';
import { guessKind } from '../../tsv/guess';
import { MESSAGES } from '../../tsv/messages';
import type { RouteProps } from '../app/routes';
import { FileDrop } from '../components/FileDrop';
import { t, tr } from '../i18n';
import { runValidation } from './run-validation';
import { ReportView } from './ReportView';


interface Job {
  file: File;
  kind: KindId;
  /** The profile to check O/ST/L and domains against (241, R101–R103), when one is chosen. */
  institution?: InstitutionRegistered;
}

async function validateUpload(job: Job): Promise<ShownReport> {
  if (job.file.size > LIMITS.maxFileBytes) throw new Error(tooLarge(job.file.size));
  return runValidation(job.file, job.kind, job.file.name, job.institution);
}

// Refused before reading: reading it would only stall the tab.
function tooLarge(size: number): string {
  const issue = makeIssue('fileTooLarge', { seq: 0 }, { size: `${(size / 1024 / 1024).toFixed(1)} MB` });
  return `${issue.code}: ${tr(issue.message)}`;
}

const ValidatorPage: Component<RouteProps> = () => {
  const [kind, setKind] = createSignal<KindId>('server-issue');
  const [file, setFile] = createSignal<File>();
  const [institution, setInstitution] = createSignal<InstitutionProfile | null>(null);
  // Changing the kind or the profile re-validates the same file (the profile is checked in the worker).
  const [report] = createResource(() => {
    const f = file();
    const p = institution();
    if (!f) return undefined;
    const job: Job = { file: f, kind: kind() };
    if (canCheckAgainst(p)) job.institution = { o: p.o, st: p.st, l: p.l, domains: [...p.domains], label: p.label };
    return job;
  }, validateUpload);
  /** The kind the file looks like when the validator says it was checked as another (U111): one click re-checks. */
  const guessed = createMemo(() => {
    const r = report.loading || report.error ? undefined : report();
    if (!r || !r.fileIssues.some((i) => i.code === MESSAGES.kindMismatch.code)) return undefined;
    const g = guessKind(r.records.map((rec) => ({ cells: rec.cells })));
    return g && g !== kind() ? g : undefined;
  });
  const checked = () => (report.loading || report.error ? undefined : report());

  return (
    <section class="validator">
      <h1>{t('TSV検証', 'Validate TSV')}</h1>
      <p>
        {t(
          '申請TSVファイル（Shift-JIS）をRAと同じ規則で検査し、RAの結果画面と同じ形式で表示します。ファイルはこのブラウザの中だけで読み込まれます。',
          'Checks an application TSV file (Shift-JIS) with the RA’s rules and shows the result as the RA’s result screen does. The file is read only inside this browser.',
        )}
      </p>
      <div class="form-row">
        <label for="kind-select">{t('申請の種類', 'Application kind')}</label>
        <select id="kind-select" value={kind()} onChange={(e) => setKind(e.currentTarget.value as KindId)}>
          <For each={KIND_IDS}>{(id) => (
            <option value={id}>{tr(KINDS[id].title)}</option>
          )}</For>
        </select>
      </div>
      <InstitutionPicker selected={institution()} onSelect={setInstitution} />
      <FileDrop label={t('申請TSVファイル', 'Application TSV file')} accept=".tsv,.txt,text/tab-separated-values,text/plain" onFile={setFile} testId="tsv-drop">
        <p class="hint">{t('拡張子 .tsv または .txt、文字コード Shift-JIS', 'Extension .tsv or .txt, encoding Shift-JIS')}</p>
      </FileDrop>
      <div data-testid="validation-result">
        <Switch>
          <Match when={report.loading}>
            <p class="loading" role="status">
              {t('検証中…', 'Validating…')}
            </p>
          </Match>
          <Match when={report.error as unknown}>
            <div class="notice notice-error" role="alert">
              <p>{t('ファイルを検証できませんでした。', 'The file could not be validated.')}</p>
              <p>{report.error instanceof Error ? report.error.message : String(report.error)}</p>
            </div>
          </Match>
          <Match when={checked()}>
            {(r) => (
              <>
                <Show when={guessed()}>
                  {(g) => (
                    <p class="notice notice-warn" data-testid="kind-guess">
                      {t(`このファイルは「${KINDS[g()].title.ja}」のようです。`, `This file looks like "${KINDS[g()].title.en}".`)}{' '}
                      <button type="button" onClick={() => setKind(g())}>
                        {t(`${KINDS[g()].title.ja}として検査`, `Check as ${KINDS[g()].title.en}`)}
                      </button>
                    </p>
                  )}
                </Show>
                <ReportView report={r()} fileName={file()?.name ?? ''} institution={canCheckAgainst(institution()) ? (institution()?.label || institution()?.o || '') : null} />
              </>
            )}
          </Match>
        </Switch>
      </div>
    </section>
  );
};

export default ValidatorPage;
