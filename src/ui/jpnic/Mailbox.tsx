// One role's mailbox: the service's mails to the given addresses, newest first; open one to read it.
import { For, Show, createSignal, type Component } from 'solid-js';
import type { Mail } from '../../sim';
import { jstDateTime } from '../../sim';
import { t } from '../i18n';

export const Mailbox: Component<{ mails: Mail[]; testid: string }> = (props) => {
  const [open, setOpen] = createSignal<string>();
  const sorted = () => [...props.mails].reverse();
  return (
    <section class="jp-mailbox" data-testid={props.testid}>
      <h3>{t('メールボックス', 'Mailbox')} ({props.mails.length})</h3>
      <Show when={props.mails.length > 0} fallback={<p class="hint">{t('メールはありません。', 'No mail.')}</p>}>
        <ul>
          <For each={sorted()}>
            {(m) => (
              <li>
                <button type="button" class="link" data-testid="jp-mail-subject" onClick={() => setOpen(open() === m.id ? undefined : m.id)}>
                  {jstDateTime(new Date(m.at))} — {m.subject} → {m.to.join(', ')}
                </button>
                <Show when={open() === m.id}>
                  <pre class="jp-mail-body" data-testid="jp-mail-body">{m.body}</pre>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
};
