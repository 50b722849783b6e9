// O, ST and L of the CSR subject, taken from a saved institution profile (the builder's IndexedDB store) and
// checked with the same rules as generation (pki/subject-rules.ts). Editing here can save back to the profile.
import { For, Show, createSignal, onMount, type Component } from 'solid-js';
import { blankProfile, type InstitutionProfile } from '../../builder/institution';
import { trimInstitution, validateInstitution, type Institution, type SubjectField, type SubjectIssue } from '../../pki/subject-rules';
import { openBuilderDb } from '../../store/db';
import { ProfileStore } from '../../store/profiles';
import { LocalityList, PrefectureList, PrefectureSuggestion } from '../components/DnPlaceFields';
import { t, tr } from '../i18n';

export interface InstitutionFieldsProps {
  value: Institution;
  onChange: (next: Institution) => void;
}

const FIELDS: { key: keyof Institution; ja: string; en: string; placeholder: string }[] = [
  { key: 'o', ja: '機関名英語表記 (O)', en: 'Organisation (O)', placeholder: 'National Institute of Informatics' },
  { key: 'st', ja: '都道府県 (ST)', en: 'Prefecture (ST)', placeholder: 'Tokyo' },
  { key: 'l', ja: '市区町村 (L)', en: 'Locality (L)', placeholder: 'Chiyoda-ku' },
];

export function issuesFor(issues: readonly SubjectIssue[], field: SubjectField): SubjectIssue[] {
  return issues.filter((i) => i.field === field);
}

export const InstitutionFields: Component<InstitutionFieldsProps> = (props) => {
  const [store, setStore] = createSignal<ProfileStore>();
  const [profiles, setProfiles] = createSignal<InstitutionProfile[]>([]);
  const [selected, setSelected] = createSignal('');
  const [status, setStatus] = createSignal('');
  const issues = () => validateInstitution(props.value);

  // The async work catches its own failure (storage unavailable): nothing is left to reject.
  onMount(() => void loadProfiles());
  async function loadProfiles(): Promise<void> {
    try {
      const s = new ProfileStore(await openBuilderDb());
      setStore(s);
      const list = await s.list();
      setProfiles(list);
      if (list[0] && !props.value.o) choose(list[0].id);
    } catch {
      setStatus(t('機関プロファイルを保存できません（ブラウザの保存領域が使えません）。', 'Institution profiles cannot be saved (browser storage unavailable).'));
    }
  }

  function choose(id: string): void {
    setSelected(id);
    const p = profiles().find((x) => x.id === id);
    if (p) props.onChange({ o: p.o, st: p.st, l: p.l });
  }

  const save = async () => {
    const s = store();
    if (!s || issues().some((i) => i.severity === 'error')) return;
    const base = profiles().find((x) => x.id === selected()) ?? blankProfile(`p${Date.now().toString(36)}`, props.value.o);
    const saved = { ...base, ...trimInstitution(props.value), updatedAt: new Date().toISOString() };
    await s.save(saved);
    setProfiles(await s.list());
    setSelected(saved.id);
    setStatus(t('機関プロファイルに保存しました。', 'Saved to the institution profile.'));
  };

  return (
    <fieldset class="keys-institution">
      <legend>{t('機関（O・ST・L）', 'Institution (O, ST, L)')}</legend>
      <div class="form-row">
        <label for="keys-profile">{t('保存済みの機関プロファイル', 'Saved institution profile')}</label>
        <select id="keys-profile" value={selected()} onChange={(e) => choose(e.currentTarget.value)}>
          <option value="">{t('（手入力）', '(type below)')}</option>
          <For each={profiles()}>{(p) => <option value={p.id}>{p.label || p.o || p.id}</option>}</For>
        </select>
        <button type="button" class="secondary" onClick={save} disabled={!store() || issues().some((i) => i.severity === 'error')}>
          {selected() ? t('プロファイルを更新', 'Update profile') : t('プロファイルとして保存', 'Save as profile')}
        </button>
      </div>
      <For each={FIELDS}>
        {(f) => (
          <div class="field">
            <label for={`keys-${f.key}`}>{t(f.ja, f.en)}</label>
            <input
              id={`keys-${f.key}`}
              type="text"
              value={props.value[f.key]}
              placeholder={t(`例: ${f.placeholder}`, `e.g. ${f.placeholder}`)}
              aria-invalid={issuesFor(issues(), f.key.toUpperCase() as SubjectField).length > 0}
              aria-describedby={props.value[f.key] && issuesFor(issues(), f.key.toUpperCase() as SubjectField).length > 0 ? `keys-${f.key}-issues` : undefined}
              list={f.key === 'st' ? 'keys-st-values' : f.key === 'l' ? 'keys-l-values' : undefined}
              onInput={(e) => props.onChange({ ...props.value, [f.key]: e.currentTarget.value })}
            />
            <Show when={f.key === 'st'}>
              <PrefectureSuggestion value={props.value.st} onUse={(st) => props.onChange({ ...props.value, st })} testId="keys-st-suggestion" />
            </Show>
            <FieldIssues id={`keys-${f.key}-issues`} issues={props.value[f.key] ? issuesFor(issues(), f.key.toUpperCase() as SubjectField) : []} />
          </div>
        )}
      </For>
      <PrefectureList id="keys-st-values" />
      <LocalityList id="keys-l-values" values={profiles().map((p) => p.l)} />
      <Show when={status()}>
        <p class="hint" role="status">{status()}</p>
      </Show>
    </fieldset>
  );
};

export const FieldIssues: Component<{ issues: SubjectIssue[]; id?: string }> = (props) => (
  <Show when={props.issues.length > 0}>
    <ul class="field-issues" id={props.id}>
      <For each={props.issues}>{(i) => <li classList={{ 'err-line': i.severity === 'error' }}>{tr(i.message)}</li>}</For>
    </ul>
  </Show>
);
