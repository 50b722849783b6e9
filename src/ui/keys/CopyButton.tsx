// A button that copies a value and says so for a moment (also to screen readers).
import { createSignal, type Component } from 'solid-js';
import { t } from '../i18n';
import { copyText } from './clipboard';

export const CopyButton: Component<{ text: () => string; label: string; testId?: string }> = (props) => {
  const [done, setDone] = createSignal<'' | 'ok' | 'ng'>('');
  const copy = async () => {
    setDone((await copyText(props.text())) ? 'ok' : 'ng');
    setTimeout(() => setDone(''), 2000);
  };
  return (
    <button type="button" class="secondary" onClick={copy} data-testid={props.testId}>
      {props.label}
      <span aria-live="polite">{done() === 'ok' ? ` ✓ ${t('コピーしました', 'copied')}` : done() === 'ng' ? ` ✗ ${t('コピーできません', 'copy failed')}` : ''}</span>
    </button>
  );
};
