// Institution profiles: choose one for new rows, edit it, keep it in IndexedDB, move it between browsers as JSON.
import type { Text } from '../../spec/types';
import { For, Show, createSignal, type Component } from 'solid-js';
import { blankProfile, profileErrors, ROW_FIELDS, rowFieldIssues, type InstitutionProfile, type RowField } from '../../builder/institution';
import { validateInstitution, type SubjectField } from '../../pki/subject-rules';
import type { ProfileStore } from '../../store/profiles';
import { FileDrop } from '../components/FileDrop';
import { LocalityList, PrefectureList, PrefectureSuggestion } from '../components/DnPlaceFields';
import { t, tr } from '../i18n';
import { downloadBytes, readFileBytes } from './download';

export interface ProfilePanelProps {
  store: ProfileStore | undefined;
  profiles: InstitutionProfile[];
  selected: InstitutionProfile | null;
  onSelect: (profile: InstitutionProfile | null) => void;
  onChanged: () => Promise<void>;
  announce: (text: string) => void;
}

type TextField = Exclude<keyof InstitutionProfile, 'domains' | 'id' | 'updatedAt'>;

/** The fields checked with the DN rules (O, ST, L), by the rule's field name. */
const DN_FIELD: Partial<Record<TextField, SubjectField>> = { o: 'O', st: 'ST', l: 'L' };

const FIELDS: { key: TextField; ja: string; en: string; hint?: string }[] = [
  { key: 'label', ja: 'プロファイル名', en: 'Profile name' },
  { key: 'o', ja: '機関名英語表記 (O)', en: 'Organisation (O)', hint: 'National Institute of Informatics' },
  { key: 'st', ja: '都道府県 (ST)', en: 'State/prefecture (ST)', hint: 'Tokyo' },
  { key: 'l', ja: '市区町村 (L)', en: 'Locality (L)', hint: 'Chiyoda-ku' },
  { key: 'adminName', ja: '利用管理者氏名', en: 'Administrator name' },
  { key: 'adminDept', ja: '利用管理者所属', en: 'Administrator department' },
  { key: 'adminMail', ja: '利用管理者mail', en: 'Administrator mail' },
  { key: 'software', ja: 'ソフトウェア名・バージョン', en: 'Server software and version', hint: 'nginx 1.26' },
];

export const ProfilePanel: Component<ProfilePanelProps> = (props) => {
  const [draft, setDraft] = createSignal<InstitutionProfile | null>(null);
  const [error, setError] = createSignal<Text>();

  const startNew = () => setDraft(blankProfile(`p${Date.now().toString(36)}`, t('新しい機関', 'New institution')));
  const edit = () => props.selected && setDraft({ ...props.selected, domains: [...props.selected.domains] });

  /** O, ST and L as CSR generation checks them, the row fields as the validator checks their column; shown beside the fields while typing. */
  const fieldIssues = (key: TextField): { severity: 'error' | 'warning'; message: Text }[] => {
    const d = draft();
    if (!d) return [];
    if ((ROW_FIELDS as readonly string[]).includes(key)) return rowFieldIssues(d, key as RowField);
    const field = DN_FIELD[key];
    return field ? validateInstitution(d).filter((i) => i.field === field) : [];
  };

  const saveDraft = async () => {
    const d = draft();
    if (!d || !props.store) return;
    // Every new row and CSR takes these values: a profile that breaks the DN rules is not kept.
    if (profileErrors(d).length > 0) {
      setError({ ja: '機関プロファイルに誤りがあるため保存できません。各欄の説明に従って直してください。', en: 'The profile has errors and was not saved. Fix the fields as described beside them.' });
      return;
    }
    setError(undefined);
    const saved = await props.store.save({ ...d, updatedAt: new Date().toISOString() });
    await props.onChanged();
    props.onSelect(saved);
    setDraft(null);
    props.announce(t('機関プロファイルを保存しました。', 'Institution profile saved.'));
  };

  const remove = async () => {
    const p = props.selected;
    if (!p || !props.store) return;
    await props.store.remove(p.id);
    await props.onChanged();
    props.onSelect(null);
    props.announce(t('機関プロファイルを削除しました。', 'Institution profile deleted.'));
  };

  const exportAll = async () => {
    if (!props.store) return;
    downloadBytes('upki-institution-profiles.json', await props.store.exportJson(), 'application/json');
  };

  const importFile = async (file: File) => {
    if (!props.store) return;
    const text = new TextDecoder().decode(await readFileBytes(file));
    const result = await props.store.importJson(text);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setError(undefined);
    await props.onChanged();
    if (result.profiles[0]) props.onSelect(result.profiles[0]);
    props.announce(t(`${result.profiles.length}件のプロファイルを読み込みました。`, `Imported ${result.profiles.length} profile(s).`));
  };

  return (
    <section class="panel" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('機関プロファイル（新しい行の既定値）', 'Institution profile (defaults for new rows)')}</h2>
      <div class="form-row">
        <label for="profile-select">{t('使用するプロファイル', 'Profile in use')}</label>
        <select
          id="profile-select"
          value={props.selected?.id ?? ''}
          onChange={(e) => props.onSelect(props.profiles.find((p) => p.id === e.currentTarget.value) ?? null)}
        >
          <option value="">{t('（なし）', '(none)')}</option>
          <For each={props.profiles}>{(p) => <option value={p.id}>{p.label || p.o || p.id}</option>}</For>
        </select>
        <button type="button" class="secondary" onClick={startNew}>{t('新規作成', 'New')}</button>
        <button type="button" class="secondary" onClick={edit} disabled={!props.selected}>{t('編集', 'Edit')}</button>
        <button type="button" class="secondary danger" onClick={() => void remove()} disabled={!props.selected}>{t('削除', 'Delete')}</button>
        <button type="button" class="secondary" onClick={exportAll} disabled={props.profiles.length === 0}>{t('JSONに書き出す', 'Export JSON')}</button>
      </div>
      <details>
        <summary>{t('プロファイルをファイルから読み込む', 'Import profiles from a file')}</summary>
        <FileDrop label={t('プロファイルJSONファイル', 'Profile JSON file')} accept=".json,application/json" onFile={importFile} testId="profile-import" />
      </details>
      <Show when={error()}>
        <p class="notice notice-error" role="alert">{tr(error()!)}</p>
      </Show>
      <Show when={draft()}>
        {(d) => (
          <form class="profile-form" onSubmit={(e) => { e.preventDefault(); void saveDraft(); }}>
            <For each={FIELDS}>
              {(f) => (
                <div class="field">
                  <label for={`pf-${f.key}`}>{t(f.ja, f.en)}</label>
                  <input
                    id={`pf-${f.key}`}
                    type="text"
                    value={d()[f.key]}
                    placeholder={f.hint ? t(`例: ${f.hint}`, `e.g. ${f.hint}`) : undefined}
                    aria-invalid={fieldIssues(f.key).some((i) => i.severity === 'error') ? 'true' : 'false'}
                    aria-describedby={fieldIssues(f.key).length > 0 ? `pf-${f.key}-issues` : undefined}
                    list={f.key === 'st' ? 'pf-st-values' : f.key === 'l' ? 'pf-l-values' : undefined}
                    onInput={(e) => setDraft({ ...d(), [f.key]: e.currentTarget.value })}
                  />
                  <Show when={f.key === 'st'}>
                    <PrefectureSuggestion value={d().st} onUse={(st) => setDraft({ ...d(), st })} testId="pf-st-suggestion" />
                  </Show>
                  <Show when={fieldIssues(f.key).length > 0}>
                    <ul class="cell-issues" id={`pf-${f.key}-issues`} data-testid={`pf-${f.key}-issues`}>
                      <For each={fieldIssues(f.key)}>
                        {(i) => <li class={i.severity}>{i.severity === 'error' ? t('エラー', 'Error') : t('警告', 'Warning')}: {tr(i.message)}</li>}
                      </For>
                    </ul>
                  </Show>
                </div>
              )}
            </For>
            <PrefectureList id="pf-st-values" />
            <LocalityList id="pf-l-values" values={props.profiles.map((p) => p.l)} />
            <div class="field">
              <label for="pf-domains">{t('登録ドメイン（1行に1つ）', 'Registered domains (one per line)')}</label>
              <textarea id="pf-domains" rows="3" value={d().domains.join('\n')} onInput={(e) => setDraft({ ...d(), domains: e.currentTarget.value.split(/\r?\n/).map((s) => s.trim()).filter(Boolean) })} />
            </div>
            <div class="form-row">
              <button type="submit">{t('保存', 'Save')}</button>
              <button type="button" class="secondary" onClick={() => setDraft(null)}>{t('取消', 'Cancel')}</button>
            </div>
          </form>
        )}
      </Show>
    </section>
  );
};
