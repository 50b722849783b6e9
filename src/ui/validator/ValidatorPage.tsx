// 申請TSVファイルの検証: pick a file and its kind, see the result as the RA's result screen shows it (SPEC §7.2).
// The worker validates and keeps the report (report-store.ts); this page holds a summary and one page of records,
// so no input makes a long main-thread task. 「中止」 stops the worker at once.
import { Match, Show, Switch, createEffect, createSignal, on, onCleanup, For, type Component } from 'solid-js';
import { canCheckAgainst, type InstitutionRegistered } from '../../builder/institution-registered';
import type { InstitutionProfile } from '../../builder/institution';
import { InstitutionPicker } from './InstitutionPicker';
import { KIND_IDS, type KindId } from '../../spec/types';
import { KINDS } from '../../spec/kinds';
import { LIMITS } from '../../spec/profiles';
import { makeIssue } from '../../tsv/issue';
import { MAX_EDIT_BYTES } from '../../builder/edit-limit';
import type { RouteProps } from '../app/routes';
import { handOffTsv } from '../app/handoff';
import { navigate } from '../app/router';
import { FileDrop } from '../components/FileDrop';
import { t, tr } from '../i18n';
import type { ReportSummary } from './report-store';
import { ValidationCancelled, createValidatorClient } from './run-validation';
import { ReportView } from './ReportView';

type Status = { step: 'idle' } | { step: 'running' } | { step: 'cancelled' } | { step: 'error'; message: string } | { step: 'done'; report: ReportSummary; fileName: string };

// Refused before reading: reading it would only stall the tab.
function tooLarge(size: number): string {
  const issue = makeIssue('fileTooLarge', { seq: 0 }, { size: `${(size / 1024 / 1024).toFixed(1)} MB` });
  return `${issue.code}: ${tr(issue.message)}`;
}

const ValidatorPage: Component<RouteProps> = () => {
  const client = createValidatorClient();
  onCleanup(() => client.cancel());
  const [kind, setKind] = createSignal<KindId>('server-issue');
  const [file, setFile] = createSignal<File>();
  const [institution, setInstitution] = createSignal<InstitutionProfile | null>(null);
  const [status, setStatus] = createSignal<Status>({ step: 'idle' });
  /** The name of the file 「Shift-JISに変換して保存」 saved, while it is the one shown. */
  const [converted, setConverted] = createSignal<string>();
  const institutionLabel = () => {
    const p = institution();
    return canCheckAgainst(p) ? p.label || p.o || '' : null;
  };

  // Changing the file, the kind or the profile re-validates (the profile is checked in the worker).
  let run = 0;
  createEffect(
    on([file, kind, institution], ([f, k, p]) => {
      if (!f) return;
      const mine = ++run;
      if (f.size > LIMITS.maxFileBytes) return setStatus({ step: 'error', message: tooLarge(f.size) });
      let registered: InstitutionRegistered | undefined;
      if (canCheckAgainst(p)) registered = { o: p.o, st: p.st, l: p.l, domains: [...p.domains], label: p.label };
      setStatus({ step: 'running' });
      client.validate(f, k, f.name, registered).then(
        (report) => mine === run && setStatus({ step: 'done', report, fileName: f.name }),
        (err: unknown) => mine === run && setStatus(err instanceof ValidationCancelled ? { step: 'cancelled' } : { step: 'error', message: err instanceof Error ? err.message : String(err) }),
      );
    }),
  );

  const cancel = () => client.cancel();
  const done = () => {
    const s = status();
    return s.step === 'done' ? s : undefined;
  };
  const chooseFile = (f: File) => {
    setConverted(undefined);
    setFile(f);
  };
  const onConverted = (f: File) => {
    setConverted(f.name);
    setFile(f);
  };
  const openInBuilder = async (report: ReportSummary, fileName: string) => {
    const f = file();
    if (!f) return;
    if (f.size > MAX_EDIT_BYTES) return setStatus({ step: 'error', message: t('このファイルはTSV作成で開くには大きすぎます（4 MBまで）。', 'This file is too large to open in the builder (4 MB at most).') });
    const bytes = await client.text(report.gen);
    if (!bytes) return;
    // A file of another kind opens as the kind it looks like.
    handOffTsv({ kind: report.allWrongWidth && report.guessed ? report.guessed : report.kind, bytes, name: fileName });
    navigate('/builder');
  };

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
          <For each={KIND_IDS}>{(id) => <option value={id}>{tr(KINDS[id].title)}</option>}</For>
        </select>
      </div>
      <InstitutionPicker selected={institution()} onSelect={setInstitution} />
      <FileDrop label={t('申請TSVファイル', 'Application TSV file')} accept=".tsv,.txt,text/tab-separated-values,text/plain" onFile={chooseFile} testId="tsv-drop">
        <p class="hint">{t('拡張子 .tsv または .txt、文字コード Shift-JIS', 'Extension .tsv or .txt, encoding Shift-JIS')}</p>
      </FileDrop>
      <div data-testid="validation-result">
        <Switch>
          <Match when={status().step === 'running'}>
            <p class="loading" role="status">
              {t('検証中…', 'Validating…')}{' '}
              <button type="button" class="secondary" data-testid="validate-cancel" onClick={cancel}>
                {t('中止', 'Cancel')}
              </button>
            </p>
          </Match>
          <Match when={status().step === 'cancelled'}>
            <p class="notice notice-warn" role="status" data-testid="validate-cancelled">
              {t('検証を中止しました。ファイルを選び直すと、もう一度検証します。', 'Validation cancelled. Choose the file again to validate it.')}
            </p>
          </Match>
          <Match when={status().step === 'error' && (status() as Extract<Status, { step: 'error' }>)}>
            {(s) => (
              <div class="notice notice-error" role="alert">
                <p>{t('ファイルを検証できませんでした。', 'The file could not be validated.')}</p>
                <p>{s().message}</p>
              </div>
            )}
          </Match>
          {/* keyed: each report mounts a fresh view (its page, filter and conversion state start over). */}
          <Match when={done()} keyed>
            {(s) => (
              <>
                <Show when={converted() === s.fileName}>
                  <p class="notice notice-ok" role="status" data-testid="converted">
                    {t(`Shift-JISに変換したファイル「${s.fileName}」を保存し、検査しました。`, `Saved the file converted to Shift-JIS as "${s.fileName}" and checked it.`)}
                  </p>
                </Show>
                <ReportView
                  report={s.report}
                  client={client}
                  fileName={s.fileName}
                  institution={institutionLabel()}
                  onRecheck={setKind}
                  onConverted={onConverted}
                  onOpenInBuilder={() => void openInBuilder(s.report, s.fileName)}
                />
              </>
            )}
          </Match>
        </Switch>
      </div>
    </section>
  );
};

export default ValidatorPage;
