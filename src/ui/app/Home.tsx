// Landing page: what the tool is, and one card per page of the route table.
import { For, Show, type Component } from 'solid-js';
import { t, tr } from '../i18n';
import { href } from './router';
import { routes } from './routes';

export const Home: Component = () => (
  <section class="home">
    <h1>{t('UPKI 証明書 作業台', 'UPKI certificate workbench')}</h1>
    <p>
      {t(
        'NII の UPKI 証明書サービスの申請TSVファイル・鍵・CSRを、ブラウザの中だけで作成・検査します。サーバへの送信は一切ありません。',
        'Create and check UPKI application TSV files, keys and CSRs entirely inside your browser. Nothing is sent to any server.',
      )}
    </p>
    <ul class="cards">
      <For each={routes}>
        {(r) => (
          <li class="card">
            <a href={href(r.path)}>{tr(r.title)}</a>
            <Show when={r.summary}>{(s) => <p>{tr(s())}</p>}</Show>
          </li>
        )}
      </For>
    </ul>
    <p class="hint">
      {t(
        '入力内容や作成したファイルは、このブラウザの中（IndexedDB）にだけ保存されます。模擬RAは研修用の複製で、本物のNIIのRAには接続しません。本番の申請は、書き出したTSVを所定の手順で本物のシステムに提出してください。',
        'What you enter and make is kept only inside this browser (IndexedDB). The simulated RA is a training copy and never contacts NII’s real RA; for a real application, submit the exported TSV to the real system the usual way.',
      )}
    </p>
  </section>
);
