// Profile ID and download method for new rows, and for every row at once.
import { For, Show, type Component } from 'solid-js';
import { columnIndex } from '../../builder/grid';
import { DOWNLOAD_METHODS, PROFILE_IDS, PROFILES } from '../../spec/profiles';
import { t, tr } from '../i18n';
import type { BuilderState } from './state';

export const ChoicesPanel: Component<{ state: BuilderState; announce: (text: string) => void }> = (props) => {
  // eslint-disable-next-line solid/reactivity -- the state object itself never changes; its signals are read reactively
  const state = props.state;
  const announce = (text: string) => props.announce(text);
  const spec = () => state.spec();
  const methodAt = () => columnIndex(spec(), 'method');
  const profileAt = () => columnIndex(spec(), 'profile');
  return (
    <section class="panel" aria-labelledby="choices-heading">
      <h2 id="choices-heading">{t('全行に共通の選択', 'Choices for all rows')}</h2>
      <div class="form-row">
        <Show when={profileAt() >= 0}>
          <label for="choice-profile">{t('証明書プロファイル', 'Certificate profile')}</label>
          <select id="choice-profile" value={state.choices().profileId} onChange={(e) => state.setChoices({ ...state.choices(), profileId: e.currentTarget.value })}>
            <For each={PROFILE_IDS[spec().family]}>{(id) => <option value={id}>{`${id}: ${tr(PROFILES[id].title)}`}</option>}</For>
          </select>
        </Show>
        <Show when={methodAt() >= 0}>
          <label for="choice-method">{t('ダウンロード方法', 'Download method')}</label>
          <select id="choice-method" value={state.choices().method} onChange={(e) => state.setChoices({ ...state.choices(), method: e.currentTarget.value })}>
            <For each={Object.values(DOWNLOAD_METHODS)}>{(m) => <option value={m.id}>{`${m.id}: ${tr(m.name)}`}</option>}</For>
          </select>
        </Show>
        <Show when={profileAt() >= 0}>
          <button
            type="button"
            class="secondary"
            disabled={state.sheet().rows.length === 0}
            onClick={() => {
              state.applyChoicesToAll();
              announce(t('全行に適用しました。', 'Applied to every row.'));
            }}
          >
            {t('全行に適用', 'Apply to all rows')}
          </button>
        </Show>
      </div>
      <p class="hint">{t('新しい行と名簿から作る行にはこの選択が入ります。', 'New rows and roster rows get these values.')}</p>
    </section>
  );
};
