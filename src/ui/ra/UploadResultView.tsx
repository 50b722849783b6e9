// The RA's completion / error screen after an upload: the engine's screen texts (never the UI's own)
// and the result table SEQ | 処理結果 | エラー内容 (ADDENDUM A), plus the serial of each accepted record.
import { For, Show, type Component } from 'solid-js';
import type { UploadResult } from '../../ra/types';
import { lang, t, tr } from '../i18n';

export const UploadResultView: Component<{ result: UploadResult }> = (props) => {
  const r = () => props.result;
  return (
    <div
      class="ra-result notice"
      classList={{ 'notice-ok': r().registered, 'notice-error': !r().registered }}
      role={r().registered ? 'status' : 'alert'}
      data-testid={r().registered ? 'ra-complete' : 'ra-error'}
    >
      <h3 data-testid="ra-screen-title">●{tr(r().screen.title)}</h3>
      <For each={r().screen.lines}>{(line) => <p>{tr(line)}</p>}</For>
      <Show when={r().fileLines.length > 0}>
        <ul class="issue-list" data-testid="ra-file-errors">
          <For each={r().fileLines}>{(line) => <li class="error">{line}</li>}</For>
        </ul>
      </Show>
      <Show when={r().records.length > 0}>
        <table class="ra-table ra-result-table" data-testid="ra-result-table">
          <thead>
            <tr>
              <th scope="col">SEQ</th>
              <th scope="col">{t('処理結果', 'Result')}</th>
              <th scope="col">{t('エラー内容', 'Errors')}</th>
              <th scope="col">{t('シリアル番号', 'Serial number')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={r().records}>
              {(rec) => (
                <tr classList={{ 'row-ng': !rec.ok }}>
                  <td>{rec.seq}</td>
                  <td class={rec.ok ? 'result-ok' : 'result-ng'}>{rec.ok ? 'OK' : 'NG'}</td>
                  <td>
                    <For each={rec.lines}>
                      {(line, i) => (
                        <div class="err-line">
                          {line}
                          {/* The RA line is Japanese as the real screen prints it; English readers get the message beside it. */}
                          <Show when={lang() === 'en' && rec.errors[i()]}>
                            {(e) => <div class="hint" lang="en">{e().message.en}</div>}
                          </Show>
                        </div>
                      )}
                    </For>
                  </td>
                  <td class="mono">{rec.serialDecimal ?? ''}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </div>
  );
};
