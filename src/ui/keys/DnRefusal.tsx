// In place of a copy/send button: why the DN would be refused as TSV column 1 (the validator's own messages).
import { For, type Component } from 'solid-js';
import type { Issue } from '../../tsv/types';
import { t, tr } from '../i18n';

export const DnRefusal: Component<{ issues: readonly Issue[]; testId?: string }> = (props) => (
  <div class="notice notice-error" role="note" data-testid={props.testId ?? 'keys-dn-refused'}>
    <p>{t('このDNはTSVの1列目（主体者DN）としてRAに受け付けられないため、コピー・送信できません:', 'This DN would be refused as TSV column 1 (subject DN), so it is not offered for copying or sending:')}</p>
    <ul>
      <For each={props.issues}>{(i) => <li>{`${i.code}: ${tr(i.message)}`}</li>}</For>
    </ul>
  </div>
);
