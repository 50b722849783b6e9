// Suggestions for the ST and L fields of an institution (鍵・CSR and the builder's profile form share them):
// ST offers the 47 romaji prefectures (spec/prefectures.ts) and turns 「東京都」 into 「Tokyo」 in one click;
// L offers the L values of the saved profiles (NII's ST/L list is not public, so nothing is invented).
import { For, Show, type Component } from 'solid-js';
import { PREFECTURES, prefectureRomaji } from '../../spec/prefectures';
import { t } from '../i18n';

/** The datalist of romaji prefectures, labelled in kanji. */
export const PrefectureList: Component<{ id: string }> = (props) => (
  <datalist id={props.id}>
    <For each={PREFECTURES}>{([ja, romaji]) => <option value={romaji} label={ja} />}</For>
  </datalist>
);

/** The L values already used (saved profiles), without repeats. */
export const LocalityList: Component<{ id: string; values: readonly string[] }> = (props) => (
  <datalist id={props.id}>
    <For each={[...new Set(props.values.map((v) => v.trim()).filter(Boolean))]}>{(v) => <option value={v} />}</For>
  </datalist>
);

/** 「東京都」 typed: the DN form is romaji; one click puts 「Tokyo」 in. Nothing when the value is not a prefecture in kanji. */
export const PrefectureSuggestion: Component<{ value: string; onUse: (romaji: string) => void; testId: string }> = (props) => (
  <Show when={prefectureRomaji(props.value)}>
    {(romaji) => (
      <p class="hint" data-testid={props.testId}>
        {t(`DNのSTはローマ字です: 「${props.value}」→「${romaji()}」`, `ST is written in romaji in the DN: "${props.value}" → "${romaji()}"`)}{' '}
        <button type="button" class="secondary small" onClick={() => props.onUse(romaji())}>
          {t(`「${romaji()}」にする`, `Use "${romaji()}"`)}
        </button>
      </p>
    )}
  </Show>
);
