// The validator page's 「機関プロファイルで検査」: one of the builder's saved institution profiles (IndexedDB) or a
// profile file, so a file is also judged by the RA's registered-value rules (241, R101–R103) for that institution.
import { For, Show, createSignal, onMount, type Component } from 'solid-js';
import type { InstitutionProfile } from '../../builder/institution';
import type { Text } from '../../spec/types';
import { openBuilderDb } from '../../store/db';
import { listProfiles } from '../../store/profile-list';
import { FileDrop } from '../components/FileDrop';
import { t, tr } from '../i18n';

export const InstitutionPicker: Component<{ selected: InstitutionProfile | null; onSelect: (p: InstitutionProfile | null) => void }> = (props) => {
  const [profiles, setProfiles] = createSignal<InstitutionProfile[]>([]);
  const [error, setError] = createSignal<Text>();
  const loadSaved = async (): Promise<void> => {
    try {
      setProfiles(await listProfiles(await openBuilderDb()));
    } catch {
      // No IndexedDB: a profile file can still be chosen.
    }
  };
  onMount(() => void loadSaved());
  const onFile = async (file: File) => {
    // The format's reader loads when a file is chosen: a first visit does not need it.
    const { parseProfiles } = await import('../../builder/institution');
    const parsed = parseProfiles(await file.text());
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(undefined);
    const known = new Set(profiles().map((p) => p.id));
    setProfiles([...profiles(), ...parsed.profiles.filter((p) => !known.has(p.id))]);
    props.onSelect(parsed.profiles[0] ?? null);
  };
  return (
    <fieldset class="institution-picker">
      <legend>{t('機関プロファイルで検査（任意）', 'Check against an institution profile (optional)')}</legend>
      <div class="form-row">
        <label for="validator-profile">{t('機関プロファイル', 'Institution profile')}</label>
        <select
          id="validator-profile"
          value={props.selected?.id ?? ''}
          onChange={(e) => props.onSelect(profiles().find((p) => p.id === e.currentTarget.value) ?? null)}
        >
          <option value="">{t('（使わない）', '(none)')}</option>
          <For each={profiles()}>{(p) => <option value={p.id}>{`${p.label || p.id} — ${p.o}`}</option>}</For>
        </select>
      </div>
      <FileDrop label={t('機関プロファイルのファイル（JSON）', 'Institution profile file (JSON)')} accept=".json,application/json" onFile={(f) => void onFile(f)} testId="validator-profile-file" />
      <Show when={error()}>{(e) => <p class="notice notice-error" role="alert">{tr(e())}</p>}</Show>
      <p class="hint">
        {t(
          'TSV作成ページで保存した機関プロファイルを使えます。O・ST・Lと登録ドメインをRAと同じ規則（241, R101–R103）で検査します。',
          'Uses the profiles saved on the Build TSV page. O, ST, L and the registered domains are checked by the RA’s rules (241, R101–R103).',
        )}
      </p>
    </fieldset>
  );
};
