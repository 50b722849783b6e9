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
  </section>
);
